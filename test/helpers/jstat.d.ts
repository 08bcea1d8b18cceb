/** The part of jStat (no types published) the tests use as an independent reference. */
declare module 'jstat' {
  const jStat: {
    poisson: { cdf(k: number, lambda: number): number; pdf(k: number, lambda: number): number };
  };
  export default jStat;
}
