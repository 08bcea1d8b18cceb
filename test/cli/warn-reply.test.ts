/**
 * `complaints warn` judges late replies (回复时间 past the reply limit) through the real program:
 * the same work orders the timeliness section counts over the limit, per unit; only the inputs
 * with a 回复时间 column, the others named; --reply-limit in working days.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-warn-reply-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const M = 'fixtures/metrics';
const INPUTS = [
  `${M}/95598-2015.xlsx`,
  `${M}/95598-2016-01-06.xlsx`,
  `${M}/95598-2016-06-12-gb18030.csv`,
];
// fixtures/95598-2016-11-12-gb18030.csv has 办结时间 and no 回复时间.
const NO_REPLY = 'fixtures/95598-2016-11-12-gb18030.csv';

type Reason = { indicator: string; late?: number; level: string };
type Unit = { unit: string; level: string; reasons: Reason[] };

function lateByUnit(args: string[]): Record<string, number> {
  const run = complaints(['warn', ...args, '--month', '2016-11', '--json']);
  expect(run.code, run.stderr).toBe(0);
  const units: Unit[] = JSON.parse(run.stdout).units;
  return Object.fromEntries(
    units.flatMap((u) =>
      u.reasons.filter((r) => r.indicator === 'reply').map((r) => [u.unit, r.late!]),
    ),
  );
}

describe('warn: late replies', () => {
  it('the units and counts the timeliness section finds over 24 hours (休宁 1, 市直 2)', () => {
    const analyzed = complaints(['analyze', ...INPUTS, '--month', '2016-11', '--json']);
    const byUnit: { unit: string; reply: { overLimit: number } }[] = JSON.parse(analyzed.stdout)
      .timeliness.byUnit;
    const over = Object.fromEntries(
      byUnit.filter((u) => u.reply.overLimit > 0).map((u) => [u.unit, u.reply.overLimit]),
    );
    expect(over).toEqual({ 国网休宁县供电公司: 1, '国网黄山供电公司(市直)': 2 });
    expect(lateByUnit(INPUTS)).toEqual(over);
  });

  it('green below 3 (not shown); with "reply": {"yellow": 1}, yellow with its words, in English too', () => {
    const plain = complaints(['warn', ...INPUTS, '--month', '2016-11']);
    expect(plain.stdout).not.toContain('回复');
    const thresholds = join(dir, 'reply-1.json');
    writeFileSync(thresholds, JSON.stringify({ reply: { yellow: 1 } }));
    const args = [...INPUTS, '--month', '2016-11', '--thresholds', thresholds];
    const zh = complaints(['warn', ...args]);
    expect(zh.stdout).toMatch(/黄\s+国网黄山供电公司\(市直\)\s+超24小时回复2件/);
    const en = complaints(['warn', ...args, '--lang', 'en']);
    expect(en.stdout).toMatch(/yellow\s+国网休宁县供电公司\s+1 replied to after 24 hours/);
    expect(en.stdout).toContain(
      'No 用电地址 column: events were looked for in the complaint text alone.',
    );
  });

  it('--reply-limit 3wd: none late; an input without 回复时间 named, its work orders not judged', () => {
    expect(lateByUnit([...INPUTS, '--reply-limit', '3wd'])).toEqual({});
    const mixed = complaints([
      'warn',
      `${M}/95598-2016-06-12-gb18030.csv`,
      NO_REPLY,
      '--month',
      '2016-11',
      '--json',
    ]);
    const notes: { code: string; files?: string[] }[] = JSON.parse(mixed.stdout).notes;
    expect(notes.find((n) => n.code === 'no-reply')).toMatchObject({ files: [NO_REPLY] });
  });
});
