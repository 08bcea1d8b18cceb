import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The whole run's TMPDIR: a folder of its own, removed at the end. The program removes what killed
 * runs of this host left in its TMPDIR and says so on stderr; in a shared /tmp, other sessions'
 * killed runs would put that line in a test's stderr. Workers start after this and inherit it.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'complaints-test-run-'));
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
