/**
 * The training texts of the shipped model, read from an evaluation file: kept apart from
 * shipped-model.ts, which the pipeline's workers load, because reading a file needs the ingest
 * (an import cycle otherwise: ingest → parallel → the workers' classifier → ingest).
 */
import { ingest } from '../ingest/ingest.js';
import type { Taxonomy } from './load.js';
import type { Sample } from './model.js';
import { normalizeText } from './normalize.js';

/** The labelled texts of an evaluation file, normalised, as training samples (second-level codes). */
export async function trainingSamples(file: string, taxonomy: Taxonomy): Promise<Sample[]> {
  const codes = new Map(taxonomy.nodes.filter((n) => n.level === 2).map((n) => [n.name, n.code]));
  const samples: Sample[] = [];
  const settings = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };
  await ingest([file], settings, (order) => {
    const label = order.level2 ? codes.get(order.level2) : undefined;
    if (label && order.content)
      samples.push({ text: normalizeText(order.content, taxonomy.text), label });
  });
  return samples;
}
