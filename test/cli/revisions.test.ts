/**
 * Why a unit's October figure changed between the bulletin and the next month, end to end on
 * fixtures/revisions (made by scripts/make-revisions-fixtures.js, whose figures are counted by
 * the generator): the October export of 1 November, and October–November exported again on
 * 1 December with five October work orders changed, two late arrivals and one work order twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complaints, ROOT } from '../helpers/cli.js';

const DIR = 'fixtures/revisions';
const expected = JSON.parse(readFileSync(join(ROOT, DIR, 'expected.json'), 'utf8'));
const OCTOBER = `${DIR}/95598-2016-10.xlsx`;
const REEXPORT = `${DIR}/95598-2016-10-11.csv`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function json(args: string[]): Json {
  const run = complaints([...args, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe('inspect --duplicates: per repeated work order, its unit, month, changes and copy counted', () => {
  const r = json(['inspect', OCTOBER, REEXPORT, '--duplicates']);
  const byId = new Map((r.differingDuplicates as Json[]).map((d) => [d.id, d]));

  it.each([
    // role, unit and month counted, fields that differ (earlier → later), effect on the counts
    ['class', '国网歙县供电公司', '2016-10', ['level1', 'level2', 'level3'], ['class']],
    ['unit', '国网黄山市徽州区供电公司', '2016-10', ['unit'], ['unit']],
    [
      'month',
      '国网黄山市屯溪区供电公司',
      '2016-11',
      ['acceptedAt', 'closedAt', 'satisfaction'],
      ['month'],
    ],
    [
      'appeal',
      '国网黄山供电公司(市直)',
      '2016-10',
      ['substantiated', 'appealResult'],
      ['assessed'],
    ],
    [
      'type',
      '国网休宁县供电公司',
      '2016-10',
      ['businessType', 'level1', 'level2', 'level3'],
      ['out'],
    ],
  ])('%s: counted under %s %s, %j differ, effect %j', (role, unit, month, fields, effects) => {
    const d = byId.get(expected.special[role])!;
    expect(d.counted).toMatchObject({ file: REEXPORT, unit, month });
    expect(d.countedBecause).toBe('later-input');
    expect(d.earlier.file).toBe(OCTOBER);
    expect(d.changes.map((c: Json) => c.field)).toEqual(fields);
    expect(d.effects).toEqual(effects);
  });

  it('the values on both sides: the unit moved from 歙县 to 徽州区, the time into November', () => {
    const unit = byId.get(expected.special.unit)!;
    expect(unit.changes).toEqual([
      { field: 'unit', from: '国网歙县供电公司', to: '国网黄山市徽州区供电公司' },
    ]);
    expect(unit.earlier).toMatchObject({
      unit: '国网歙县供电公司',
      month: '2016-10',
      complaint: true,
    });
    const month = byId.get(expected.special.month)!;
    expect(month.changes[0]).toEqual({
      field: 'acceptedAt',
      from: '2016-10-31 23:48',
      to: '2016-11-01 08:05',
    });
  });

  it('a work order twice in one export: the later row counts, and no count changes', () => {
    const d = byId.get(expected.reopened)!;
    expect(d.earlier.file).toBe(REEXPORT);
    expect(d.counted).toMatchObject({ file: REEXPORT, row: 137 });
    expect(d.countedBecause).toBe('later-row');
    expect(d.effects).toEqual([]);
  });

  it('copies that differ only in how they are written, or in closing since, change no count', () => {
    const changing = (r.differingDuplicates as Json[]).filter((d) => d.effects.length > 0);
    expect(changing.map((d) => d.id).sort()).toEqual(
      ['class', 'unit', 'month', 'appeal', 'type'].map((k) => expected.special[k]).sort(),
    );
    expect(r.sameDuplicates).toBe(r.totals.duplicates - r.differingDuplicates.length);
  });

  it('late arrivals: accepted in October, absent from the October export', () => {
    expect((r.lateComplaints as Json[]).map((w) => [w.id, w.month, w.missingFrom])).toEqual(
      expected.late.map((id: string) => [id, '2016-10', OCTOBER]),
    );
  });

  it('zh: a table aligned by display width, the count-changing copies first', () => {
    const text = complaints(['inspect', OCTOBER, REEXPORT, '--duplicates']).stdout;
    const lines = text.slice(text.indexOf('内容不同的重复工单')).split('\n');
    expect(lines[0]).toBe(
      `内容不同的重复工单 ${r.differingDuplicates.length} 条：每张工单计入最后读到的一份（后给的输入为准；同一文件内以靠后的一行为准）`,
    );
    expect(lines[1]).toMatch(
      /^ {2}工单编号 +统计单位 +统计月份 +字段 +前一份的值 +后一份的值 +对计数的影响 +前一份 +计入的一份$/,
    );
    const unitLine = lines.find((l) => l.startsWith(`  ${expected.special.unit}`))!;
    expect(unitLine).toMatch(
      /国网黄山市徽州区供电公司 +2016-10 +供电单位 +国网歙县供电公司 +国网黄山市徽州区供电公司 +改计到本单位（原 国网歙县供电公司） +fixtures\/revisions\/95598-2016-10.xlsx:\d+ +fixtures\/revisions\/95598-2016-10-11.csv:\d+（后一个输入）/,
    );
    // Columns line up in display width: 供电单位 starts where 工单编号's column ends on every row.
    const widths = (line: string) =>
      [...line].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    const head = lines[1]!;
    const effectAt = widths(head.slice(0, head.indexOf('对计数的影响')));
    expect(widths(unitLine.slice(0, unitLine.indexOf('改计到本单位')))).toBe(effectAt);
    // Rows that change a count come before those that do not.
    const firstNone = lines.findIndex((l) => l.includes('不影响计数'));
    const lastEffect = Math.max(
      ...lines.map((l, i) => (/改计到|不再|分类改变|新计为/.test(l) ? i : -1)),
    );
    expect(lastEffect).toBeLessThan(firstNone);
    expect(text).toContain(
      `另有 ${r.sameDuplicates} 条重复工单各份内容相同：只计一次，不影响计数。`,
    );
    expect(text).toContain('后来补录的投诉 2 条');
  });

  it('en: the same listing in English', () => {
    const text = complaints(['inspect', OCTOBER, REEXPORT, '--duplicates', '--lang', 'en']).stdout;
    expect(text).toContain(
      `${r.differingDuplicates.length} duplicate work orders differ: each counts its last copy read`,
    );
    expect(text).toMatch(/moved to 2016-11 from 2016-10/);
    expect(text).toMatch(/no longer a complaint \(was 国网休宁县供电公司 2016-10\)/);
    expect(text).toContain('2 complaint(s) arrived late');
  });
});
