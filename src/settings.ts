/**
 * Command-line options are checked and converted here, once, into typed settings that the
 * rest of the code trusts (the node-csv way: one normalisation point, precise errors).
 */
import { InputError } from './errors.js';
import { FIELDS, isField, type Field } from './schema/fields.js';
import type { MapOverrides } from './schema/header.js';
import { DEFAULT_COMPLAINT_TYPES, type IngestSettings } from './ingest/ingest.js';

export type Lang = 'zh' | 'en';

export interface InputOptions {
  map?: string[];
  complaintType?: string[];
  encoding?: string;
  sheet?: string;
}

export function parseMap(values: readonly string[] = []): MapOverrides {
  const overrides: MapOverrides = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const field = at > 0 ? value.slice(0, at).trim() : '';
    const header = at > 0 ? value.slice(at + 1).trim() : '';
    if (!isField(field) || header === '') {
      throw new InputError(
        'BAD_OPTION',
        `--map ${value}: expected field=header, with field one of ${FIELDS.join(', ')}.`,
        'Example: --map unit=管理单位名称',
      );
    }
    overrides[field as Field] = header;
  }
  return overrides;
}

export function ingestSettings(options: InputOptions): IngestSettings {
  return {
    map: parseMap(options.map),
    complaintTypes: [...DEFAULT_COMPLAINT_TYPES, ...(options.complaintType ?? [])],
    encoding: options.encoding ?? null,
    sheet: options.sheet ?? null,
  };
}

export function parseLang(value: string): Lang {
  if (value === 'zh' || value === 'en') return value;
  throw new InputError('BAD_OPTION', `--lang ${value}: expected zh or en.`);
}

/** Repeatable options: commander collects them through this. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
