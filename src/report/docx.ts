/** The written bulletin as a Word document (to be written: see the issue-13 plan). */
import type { ChartImage } from './charts.js';
import type { ReportModel } from './types.js';

export async function bulletinDocx(
  model: ReportModel,
  charts: readonly ChartImage[],
): Promise<Buffer> {
  void model;
  void charts;
  throw new Error('not yet');
}
