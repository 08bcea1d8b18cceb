/**
 * The language of a run's messages, known before its settings are: an error can end the run
 * while the options or the config file are read, and must still be said in the user's language.
 * --lang on the command line, else the config file's "lang" (--config FILE, else
 * complaints.config.json in the working directory), else Chinese. Anything unreadable here is
 * left to the settings, which report it; this only picks a language.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '../errors.js';
import { withoutBom } from '../json-problem.js';

function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (a === name) return argv[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

const MAX_CONFIG_BYTES = 1 << 20;

export function runLanguage(argv: readonly string[], cwd: string = process.cwd()): Lang {
  const given = optionValue(argv, '--lang');
  if (given === 'en' || given === 'zh') return given;
  const config = optionValue(argv, '--config') ?? 'complaints.config.json';
  try {
    const file = resolve(cwd, config);
    // Only a plain file of a config's size: a FIFO or a device (--config /dev/stdin) would block
    // here before Ctrl-C can be handled; the settings read and judge those themselves.
    const info = statSync(file);
    if (!info.isFile() || info.size > MAX_CONFIG_BYTES) return 'zh';
    const parsed: unknown = JSON.parse(withoutBom(readFileSync(file, 'utf8')));
    const lang = (parsed as { lang?: unknown } | null)?.lang;
    if (lang === 'en') return 'en';
  } catch {
    // No config, or one the settings will refuse with its own message.
  }
  return 'zh';
}
