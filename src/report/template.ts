/** The written bulletin in the company's own template (to be written: see the issue-13 plan). */
import type { ChartImage } from './charts.js';
import type { ReportModel } from './types.js';

export async function fillTemplate(
  template: string,
  model: ReportModel,
  charts: readonly ChartImage[],
): Promise<Buffer> {
  void template;
  void model;
  void charts;
  throw new Error('not yet');
}
