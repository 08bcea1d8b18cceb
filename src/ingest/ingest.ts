/**
 * The ingest pipeline: read each input, find its header, normalise every row into a WorkOrder
 * or a reject, and de-duplicate across inputs. Consumers (inspect, classify, the cube) receive
 * the orders through a callback; nothing here holds the rows.
 */
import { openInput } from '../io/source.js';
import { cleanText } from '../schema/values.js';
import { DataSet } from './dataset.js';
import { TableIngest } from './table-ingest.js';
import type { IngestResult, IngestSettings, InputSummary, OrderHandler } from './types.js';

export * from './types.js';

export async function ingest(
  files: readonly string[],
  settings: IngestSettings,
  onOrder: OrderHandler = () => {},
): Promise<IngestResult> {
  const complaintTypes = new Set(settings.complaintTypes.map((type) => cleanText(type)));
  const dataSet = new DataSet(complaintTypes);
  const inputs: InputSummary[] = [];
  const warnings: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const { reader } = await openInput(file, {
      encoding: settings.encoding,
      sheet: settings.sheet,
      maxInflated: settings.maxInflated ?? null,
    });
    const name = file === '-' ? 'stdin' : file;
    const table = new TableIngest(name, i, settings, dataSet, onOrder);
    await reader.read(table);
    const summary = table.finish(reader);
    inputs.push(summary);
    if (summary.columns.every((c) => c.field !== 'id')) {
      warnings.push(`${name}: no 工单编号 (id) column: its rows are not de-duplicated.`);
    }
    if (summary.columns.every((c) => c.field !== 'businessType')) {
      warnings.push(
        `${name}: no 业务类型 (businessType) column: every row is taken as a complaint.`,
      );
    }
  }
  const totals = dataSet.totals();
  return {
    inputs,
    totals,
    rejects: dataSet.rejects,
    rejectsOmitted: totals.rejected - dataSet.rejects.length,
    warnings,
  };
}
