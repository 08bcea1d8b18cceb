/**
 * The year-end forecast's interval, 80%: from the 10th to the 90th percentile of its predictive
 * distribution. A module of its own: the JSON writer reads it, and the forecast's module loads simple-statistics.
 */
export const INTERVAL = { low: 0.1, high: 0.9 } as const;
