/**
 * Command-line options are checked and converted here, once, into typed settings that the
 * rest of the code trusts (the node-csv way: one normalisation point, precise errors).
 */
import type { Command } from 'commander';
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

/** What every command that reads exports accepts, beside the input options. */
export interface CommonOptions extends InputOptions {
  json?: string | true;
  strict?: boolean;
  quiet?: boolean;
  lang: string;
  color: boolean;
}

/** Declares the options of CommonOptions, once for every command that reads exports. */
export function addCommonOptions(command: Command): Command {
  return command
    .option(
      '--map <field=header>',
      'map a header to a field, overriding the built-in names (repeatable)',
      collect,
    )
    .option(
      '--complaint-type <value>',
      'another 业务类型 value meaning complaint, e.g. a system code (repeatable)',
      collect,
    )
    .option(
      '--encoding <name>',
      'CSV encoding instead of sniffing: utf-8, gb18030 (also GBK), utf-16le, utf-16be',
    )
    .option(
      '--sheet <name|number>',
      'xlsx sheet to read instead of finding the one with the header (1 = first)',
    )
    .option(
      '--json [file]',
      'print the result as JSON (schemaVersion 1) to stdout, or write it to FILE',
    )
    .option('--strict', 'exit 3 when any row was rejected')
    .option('--quiet', 'print nothing but errors (the exit code still tells)')
    .option('--lang <zh|en>', 'language of the labels', 'zh')
    .option('--no-color', 'no colour even on a terminal');
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
