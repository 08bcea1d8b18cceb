/** Reading a model file made by `classify --train`, checked against the taxonomy in use. */
import { readFileSync } from 'node:fs';
import { InputError, said } from '../errors.js';
import { withoutBom, zhNotJson } from '../json-problem.js';
import type { Taxonomy } from './load.js';
import { NaiveBayes } from './model.js';

const MAKE_ONE = said(
  '请用 complaints classify --train 标注文件 --model 文件 生成模型。',
  'Make a model with complaints classify --train LABELLED --model FILE.',
);

/** What NaiveBayes.fromJSON refuses, in Chinese (its English is the message's). */
function zhProblem(problem: string): string {
  if (problem.startsWith('not a '))
    return '不是 classify --train 生成的模型文件（缺少 "format": "complaints-text-model" 或版本不是 1）';
  if (problem.endsWith(' missing')) return `缺少 ${problem.slice(0, -' missing'.length)}`;
  return problem;
}

/** Why the file could not be read, in Chinese: the common causes said, others by their code. */
function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件不存在。';
  if (code === 'EISDIR') return '这是文件夹，不是文件。';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限。';
  return `无法读取（${code ?? (error as Error).message}）。`;
}

export function loadModel(file: string, taxonomy: Taxonomy): NaiveBayes {
  let doc: unknown;
  let text: string | null = null;
  try {
    text = withoutBom(readFileSync(file, 'utf8'));
    doc = JSON.parse(text);
  } catch (error) {
    const why = (error as Error).message.split('\n')[0];
    throw new InputError(
      'FILE_UNREADABLE',
      said(
        `模型文件 ${file}（--model）：${text === null ? unreadable(error) : zhNotJson(error, text)}`,
        `--model ${file}: cannot be read as JSON (${why}).`,
      ),
      MAKE_ONE,
      { file },
    );
  }
  const model = NaiveBayes.fromJSON(doc);
  if (typeof model === 'string')
    throw new InputError(
      'FILE_UNREADABLE',
      said(`模型文件 ${file}（--model）：${zhProblem(model)}。`, `--model ${file}: ${model}.`),
      MAKE_ONE,
      { file },
    );
  const unknown = model.labels.filter(
    (code) => !taxonomy.nodes.some((n) => n.code === code && n.level === 2),
  );
  if (unknown.length > 0) {
    throw new InputError(
      'BAD_OPTION',
      said(
        `模型文件 ${file}（--model）：它是按分类体系 '${model.taxonomy}' 训练的，其中的分类 ${unknown.slice(0, 5).join('、')} 不在 '${taxonomy.name}' 里。`,
        `--model ${file}: trained on taxonomy '${model.taxonomy}', whose classes ${unknown.slice(0, 5).join(', ')} are not in '${taxonomy.name}'.`,
      ),
      said(
        `请用 --taxonomy ${model.taxonomy}，或为这个分类体系训练一个模型。`,
        `Use --taxonomy ${model.taxonomy}, or train a model for this taxonomy.`,
      ),
      { file },
    );
  }
  return model;
}
