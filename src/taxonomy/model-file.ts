/** Reading a model file made by `classify --train`, checked against the taxonomy in use. */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { Taxonomy } from './load.js';
import { NaiveBayes } from './model.js';

export function loadModel(file: string, taxonomy: Taxonomy): NaiveBayes {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(
      'FILE_UNREADABLE',
      `--model ${file}: cannot be read as JSON (${(error as Error).message.split('\n')[0]}).`,
      'Make a model with complaints classify --train LABELLED --model FILE.',
      { file },
    );
  }
  const model = NaiveBayes.fromJSON(doc);
  if (typeof model === 'string')
    throw new InputError(
      'FILE_UNREADABLE',
      `--model ${file}: ${model}.`,
      'Make a model with complaints classify --train LABELLED --model FILE.',
      { file },
    );
  const unknown = model.labels.filter(
    (code) => !taxonomy.nodes.some((n) => n.code === code && n.level === 2),
  );
  if (unknown.length > 0) {
    throw new InputError(
      'BAD_OPTION',
      `--model ${file}: trained on taxonomy '${model.taxonomy}', whose classes ${unknown.slice(0, 5).join(', ')} are not in '${taxonomy.name}'.`,
      `Use --taxonomy ${model.taxonomy}, or train a model for this taxonomy.`,
      { file },
    );
  }
  return model;
}
