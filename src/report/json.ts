/** The JSON result of DESIGN.md §6: a contract for cron scripts (schemaVersion 1). */
import { createRequire } from 'node:module';
import { writeFileAtomic } from '../io/write.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

export const SCHEMA_VERSION = 1;
export const GENERATED_BY = `complaints ${pkg.version}`;

/** `--json` with no file prints to stdout; with a file, writes it atomically. */
export async function emitJson(value: unknown, target: string | true): Promise<void> {
  const text = JSON.stringify(value, null, 2) + '\n';
  if (target === true || target === '-') process.stdout.write(text);
  else await writeFileAtomic(target, text);
}
