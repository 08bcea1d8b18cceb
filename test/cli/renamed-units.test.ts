/**
 * A unit renamed mid-year (国网祁门县供电公司 → 国网祁门供电公司 from November) is counted as two
 * units: said by every command that shows units, on stderr for a cron log, and in the bulletin.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-renamed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const OLD = '国网祁门县供电公司';
const NEW = '国网祁门供电公司';
const csv = join(dir, '95598-2016-10-11.csv');
const text = iconv.decode(
  readFileSync(join(ROOT, 'fixtures/revisions/95598-2016-10-11.csv')),
  'gb18030',
);
const renamed = text
  .split('\n')
  .map((line) => (line.includes('2016/11/') ? line.replace(OLD, NEW) : line))
  .join('\n');
writeFileSync(csv, iconv.encode(renamed, 'gb18030'));

const ZH = `${NEW} 的工单从 2016-11 起才有，${OLD} 的只到 2016-10。若是同一单位改了名称，现按两个单位分别计数；可在单位表（--units）中把旧名称列为新名称的另一写法，合并计数。`;

describe('a unit renamed within the data', () => {
  it('is said by analyze and trend --by unit, and in English', () => {
    expect(complaints(['analyze', csv, '--month', '2016-11']).stdout).toContain(ZH);
    const trend = complaints(['trend', csv, '--by', 'unit']);
    expect(trend.code).toBe(0);
    expect(trend.stdout).toContain(ZH);
    expect(complaints(['trend', csv, '--by', 'unit', '--lang', 'en']).stdout).toContain(
      `${NEW} has work orders only from 2016-11, ${OLD} only up to 2016-10: if this is one unit renamed, it is counted here as two units;`,
    );
  });

  it('is a check warn could not make for the new name', () => {
    const r = complaints(['warn', csv, '--month', '2016-11']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `${ZH}分开判断时，新名称没有此前的数据可比，不能判断其投诉异常增多。`,
    );
    // Neither name's row says "无异常": each half of the history was judged apart.
    expect(r.stdout).toMatch(
      new RegExp(`绿 +${NEW} +可能由 ${OLD} 改名而来，分开判断，未判断异常增多（见下）\n`),
    );
    expect(r.stdout).toMatch(new RegExp(`绿 +${OLD} +可能已改名为 ${NEW}，分开判断（见下）\n`));
    const json = JSON.parse(complaints(['warn', csv, '--month', '2016-11', '--json']).stdout);
    const note = json.notes.find((g: { code: string }) => g.code === 'units-renamed');
    expect(note.renamed).toEqual([{ from: OLD, to: NEW }]);
    expect(complaints(['warn', csv, '--month', '2016-11', '--lang', 'en']).stdout).toMatch(
      new RegExp(`green +${NEW} +possibly ${OLD} renamed: judged apart, spikes not judged`),
    );
  });

  it('goes to stderr with the report written, and into the bulletin without figures', () => {
    const out = join(dir, '通报.md');
    const r = complaints(['report', csv, '--month', '2016-11', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(ZH);
    expect(readFileSync(out, 'utf8')).toContain(
      `${OLD} 的工单不再出现之后，${NEW} 的工单才开始出现，两者名称相近，可能是同一单位改了名称，本报告按两个单位分别计数。`,
    );
  });

  it('is not said once the units file joins the names', () => {
    const units = join(dir, 'units.csv');
    writeFileSync(units, `单位编码,单位名称,上级单位编码,别名\n1,${OLD},,${NEW}\n`);
    const r = complaints(['trend', csv, '--by', 'unit', '--units', units]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('改了名称');
    expect(r.stdout).toMatch(new RegExp(`${OLD} +2 +3 +5`));
  });
});
