/**
 * The bulletin as its reader reads it (session 20's read-through of the fixtures' bulletins):
 * each sentence checked in the written .docx against the analysis it came from (`warn --json`,
 * `analyze --json` for the same period), not against the model that wrote it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';
import { DocxParts, paragraphs } from '../helpers/docx.js';

const TEMPLATE = 'fixtures/bulletin/template.docx';

const dir = mkdtempSync(join(tmpdir(), 'complaints-bulletin-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const M = 'fixtures/metrics';
const INPUTS = [
  `${M}/95598-2015.xlsx`,
  `${M}/95598-2016-01-06.xlsx`,
  `${M}/95598-2016-06-12-gb18030.csv`,
  '--targets',
  `${M}/targets-2016.csv`,
];

function docx(name: string, args: string[], inputs: readonly string[] = INPUTS): string[] {
  const out = join(dir, name);
  const run = complaints(['report', ...inputs, ...args, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  return paragraphs(new DocxParts(readFileSync(out)).text('word/document.xml'));
}

interface WarnUnit {
  unit: string;
  level: 'red' | 'yellow' | 'green';
}
function warned(args: string[]): WarnUnit[] {
  const run = complaints(['warn', ...INPUTS, ...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { units: WarnUnit[] }).units;
}

describe('需关注事项: the early warning', () => {
  it('units red for the same reason are named once with it, not the reason after each', () => {
    // December 2016: warn puts six units at red, every one for its annual target reached
    // (33/28, 31/26, 22/16, 19/15, 13/8, 10/9); until session 20 the sentence said
    // "（已达年度指标）" six times over.
    const red = warned(['--month', '2016-12'])
      .filter((u) => u.level === 'red')
      .map((u) => u.unit);
    expect(red).toHaveLength(6);
    const sentence = docx('m12.docx', ['--month', '2016-12']).find((p) =>
      p.startsWith('2016年12月预警情况'),
    )!;
    expect(sentence).toBe(
      '2016年12月预警情况：红色预警为国网黄山市徽州区供电公司、国网黄山市黄山区供电公司、' +
        '国网休宁县供电公司、国网歙县供电公司、国网黄山供电公司(市直)、国网祁门县供电公司' +
        '（均为已达年度指标）。未能判断越级投诉（缺少相应的列或数据）。各单位的数字见同期投诉分析报表的“预警”表。',
    );
    for (const unit of red) expect(sentence.split(unit)).toHaveLength(2);
  });

  it('different reasons stay apart; the same reason at yellow gathered (June 2016, English too)', () => {
    const units = warned(['--month', '2016-06']);
    const at = (level: string) => units.filter((u) => u.level === level).map((u) => u.unit);
    expect(at('red').sort()).toEqual(['国网歙县供电公司', '国网黄山市黄山区供电公司'].sort());
    expect(at('yellow')).toHaveLength(4);
    const zh = docx('m06.docx', ['--month', '2016-06']).find((p) =>
      p.startsWith('2016年6月预警情况'),
    )!;
    expect(zh).toContain(
      '红色预警为国网歙县供电公司（预计全年将达到年度指标）、国网黄山市黄山区供电公司（本期投诉异常增多）；' +
        '黄色预警为国网祁门县供电公司、国网黄山市徽州区供电公司、国网休宁县供电公司、国网黄山市屯溪区供电公司' +
        '（均为预计全年可能达到年度指标）。',
    );
    for (const unit of at('yellow')) expect(zh.split(unit)).toHaveLength(2);
    const en = docx('m06-en.docx', ['--month', '2016-06', '--lang', 'en']).find((p) =>
      p.startsWith('Early warning for June 2016'),
    )!;
    expect(en).toMatch(
      /Yellow: 国网祁门县供电公司, 国网黄山市徽州区供电公司, 国网休宁县供电公司 and 国网黄山市屯溪区供电公司 \(each: [a-z ]+\)\./,
    );
  });
});

describe('需关注事项 of a week or a day: the warning of the period itself, as warn judges it', () => {
  it('week 48 of 2016 is judged up to its Sunday, not on the whole of December', () => {
    // 28 November – 4 December: until session 20 the bulletin (and the 预警 sheet) printed
    // "2016年12月预警情况", judged on every day of December, 27 of them after the week.
    const week = ['--week', '2016-W48'];
    const units = warned(week);
    const red = units.filter((u) => u.level === 'red').map((u) => u.unit);
    expect(red).toHaveLength(6);
    const text = docx('w48.docx', week);
    expect(text.some((p) => p.includes('2016年12月预警'))).toBe(false);
    const sentence = text.find((p) => p.includes('预警情况'))!;
    expect(sentence).toMatch(
      /^2016年第48周（11月28日至12月4日）预警情况：红色预警为[^；]+（均为已达年度指标）。/,
    );
    for (const unit of red) expect(sentence.split(unit)).toHaveLength(2);
    for (const u of units.filter((u) => u.level === 'green'))
      expect(sentence).not.toContain(u.unit);
    // report --json's earlyWarning is the same judgement, unit by unit.
    const run = complaints([
      'report',
      ...INPUTS,
      ...week,
      '--json',
      '--out',
      join(dir, 'w48.xlsx'),
    ]);
    expect(run.code, run.stderr).toBe(0);
    const early = (JSON.parse(run.stdout) as { earlyWarning: { month: string; units: WarnUnit[] } })
      .earlyWarning;
    expect(early.month).toBe('2016-W48');
    expect(early.units.map((u) => [u.unit, u.level])).toEqual(units.map((u) => [u.unit, u.level]));
  });

  it('a day: 30 June 2016 is all green, where June as a whole had three units at yellow', () => {
    const days = [
      'fixtures/days/95598-2016-0523-0703.xlsx',
      'fixtures/days/95598-2015-06.csv',
      'fixtures/days/95598-2016-shexian-gb18030.csv',
    ];
    const run = complaints(['warn', ...days, '--day', '2016-06-30', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const units = (JSON.parse(run.stdout) as { units: WarnUnit[] }).units;
    expect(units.map((u) => u.level)).toEqual(['green', 'green', 'green']);
    const sentence = docx('d0630.docx', ['--day', '2016-06-30'], days).find((p) =>
      p.includes('预警情况'),
    )!;
    // Until session 20: "2016年6月预警情况：黄色预警为…（均为工单超时）", June's overdue work orders.
    expect(sentence).toMatch(/^2016年6月30日预警情况：没有单位达到黄色或红色预警。/);
  });
});

interface Repeats {
  complainants: number;
  complaints: number;
  top: { complaints: number; units: string[] }[];
}
function repeats(args: string[]): { byCustomer: Repeats; byPhone: Repeats } {
  const run = complaints(['analyze', ...INPUTS, ...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return (
    JSON.parse(run.stdout) as { repeatComplainants: { byCustomer: Repeats; byPhone: Repeats } }
  ).repeatComplainants;
}

describe('重复投诉 in English', () => {
  it('the most frequent repeat complainants in sentences, not "one customer at X 2 times"', () => {
    // 2016: by customer 4 customers, 11 complaints, the most at 市直 (4), 歙县 (3), 休宁 (2); by
    // telephone 5 numbers, 12 complaints, 市直 (4), 休宁 (2), 歙县 (2).
    const r = repeats(['--year', '2016']);
    const en = docx('y-en.docx', ['--year', '2016', '--lang', 'en']);
    const customer = en.find((p) => p.startsWith('By customer number'))!;
    const [c1, c2, c3] = r.byCustomer.top;
    expect(customer).toBe(
      `By customer number, ${r.byCustomer.complainants} customers complained twice or more, ` +
        `${r.byCustomer.complaints} complaints in all (4.87% of all); among them ` +
        `one customer at ${c1!.units[0]} complained ${c1!.complaints} times, ` +
        `one customer at ${c2!.units[0]} complained ${c2!.complaints} times and ` +
        `one customer at ${c3!.units[0]} complained ${c3!.complaints} times.`,
    );
    expect([c1, c2, c3].map((t) => t!.complaints)).toEqual([4, 3, 2]);
    const phone = en.find((p) => p.startsWith('By telephone number'))!;
    const [p1] = r.byPhone.top;
    expect(p1!.complaints).toBe(4);
    expect(phone).toContain(
      `among them ${p1!.complaints} complaints from one telephone number at ${p1!.units[0]}, `,
    );
  });
});

interface WithTarget {
  withTarget: { units: number; assessed: number } | null;
  unitsWithTarget: number;
  unitsOverTarget: number;
  unitsReachedAnnualTarget: number;
}

describe('总体情况 with a unit the targets file leaves out', () => {
  // The targets without 黟县's line: 7 of the 8 units have one.
  const targets = join(dir, 'targets-7.csv');
  writeFileSync(
    targets,
    readFileSync(`${M}/targets-2016.csv`, 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('国网黟县供电公司'))
      .join('\n'),
  );
  const inputs = [...INPUTS.slice(0, -1), targets];
  const totals = (args: string[]): { totals: WithTarget; yearToDate: { totals: WithTarget } } => {
    const run = complaints(['analyze', ...inputs, ...args, '--json']);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };

  it('the units with a target are named once, then "其中" / "of them" (January–November)', () => {
    const y = totals(['--month', '2016-11']).yearToDate.totals;
    expect(y.withTarget).toMatchObject({ units: 7, assessed: 129 });
    expect(y.unitsReachedAnnualTarget).toBe(6);
    const zh = docx('u7-m11.docx', ['--month', '2016-11'], inputs).find((p) =>
      p.startsWith('2016年1–11月累计'),
    )!;
    // Until session 20: "有指标的7个单位考核投诉129件，…；7个有指标的单位中，已有6个达到或超过年度指标。"
    expect(zh).toContain(
      `有指标的${y.withTarget!.units}个单位考核投诉${y.withTarget!.assessed}件，年度指标114件，` +
        `超年度指标13.16%；其中已有${y.unitsReachedAnnualTarget}个单位达到或超过年度指标。`,
    );
    expect(zh.split('有指标的')).toHaveLength(2);
    const en = docx('u7-m11-en.docx', ['--month', '2016-11', '--lang', 'en'], inputs).find((p) =>
      p.startsWith('In January–November 2016'),
    )!;
    expect(en).toContain(
      `The 7 units with a target had 129 assessed, 13.16% over the annual target of 114; ` +
        `${y.unitsReachedAnnualTarget} of them have reached their annual target.`,
    );
    expect(en.split('units with a target')).toHaveLength(2);
  });

  it('and the units over target of a year the same way', () => {
    const t = totals(['--year', '2016']).totals;
    expect(t.withTarget).toMatchObject({ units: 7, assessed: 139 });
    expect(t.unitsOverTarget).toBe(6);
    const zh = docx('u7-y.docx', ['--year', '2016'], inputs).find((p) => p.startsWith('2016年，'))!;
    expect(zh).toContain(`超年度指标21.93%；其中${t.unitsOverTarget}个单位超指标。`);
    expect(zh.split('有指标的')).toHaveLength(2);
    const en = docx('u7-y-en.docx', ['--year', '2016', '--lang', 'en'], inputs).find((p) =>
      p.startsWith('In 2016,'),
    )!;
    expect(en).toContain(
      `21.93% over the annual target of 114; ${t.unitsOverTarget} of them are over it.`,
    );
  });

  it('with every unit given a target, the count of units stays (8个有指标的单位中)', () => {
    const zh = docx('m11.docx', ['--month', '2016-11']).find((p) =>
      p.startsWith('2016年1–11月累计'),
    )!;
    expect(zh).toContain(
      '年度指标125件，超年度指标8.8%；8个有指标的单位中，已有6个达到或超过年度指标。',
    );
  });
});

/** Each table of a document as rows of cell texts. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join('')),
    ),
  );
}

describe('the example company template (fixtures/bulletin/template.docx)', () => {
  const out = join(dir, 'template-m11.docx');
  const filled = () => {
    const run = complaints([
      'report',
      ...INPUTS,
      '--month',
      '2016-11',
      '--template',
      TEMPLATE,
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    return new DocxParts(readFileSync(out)).text('word/document.xml');
  };
  const analysis = () => {
    const run = complaints(['analyze', ...INPUTS, '--month', '2016-11', '--json']);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as {
      totals: { complaints: number; previous: number; assessed: number; yoy: number };
    };
  };

  it('page 1 puts 同比 beside all complaints, whose change it is, not beside 考核投诉', () => {
    const { totals } = analysis();
    // 16 against 14 a year earlier: +14.29% is all complaints' change; 10 are assessed.
    expect([totals.complaints, totals.previous, totals.assessed]).toEqual([16, 14, 10]);
    expect(totals.yoy).toBeCloseTo(2 / 14, 12);
    const xml = filled();
    const opening = paragraphs(xml).find((p) => p.startsWith('现将'))!;
    // Until session 20: "本期共受理投诉16件，考核投诉10件，同比+14.29%。"
    expect(opening).toBe(
      `现将2016年11月95598客户投诉情况通报如下。本期共受理投诉${totals.complaints}件，` +
        `同比+14.29%；其中考核投诉${totals.assessed}件。`,
    );
    // Each units table has its own columns: none blank in every unit's row.
    const [period, yearToDate] = tables(xml);
    for (const [table, heading] of [
      [period!, ['排名', '供电单位', '投诉', '考核投诉', '占比', '上年同期', '同比']],
      [yearToDate!, ['排名', '供电单位', '投诉', '考核投诉', '指标', '超指标率', '同比']],
    ] as const) {
      expect(table[0]).toEqual(heading);
      const units = table.slice(1, -1);
      expect(units).toHaveLength(8);
      heading.forEach((h, i) =>
        expect(
          units.some((row) => row[i] !== ''),
          `${h} blank in every row`,
        ).toBe(true),
      );
    }
    // 歙县: 5 complaints, 3 assessed, 31.25% of 16, 3 a year earlier; January–November 28
    // assessed against 26, 7.69% over.
    expect(period!.find((r) => r[1] === '国网歙县供电公司')).toEqual([
      '1',
      '国网歙县供电公司',
      '5',
      '3',
      '31.25%',
      '3',
      '+66.67%',
    ]);
    expect(yearToDate!.find((r) => r[1] === '国网歙县供电公司')).toEqual([
      '2',
      '国网歙县供电公司',
      '48',
      '28',
      '26',
      '+7.69%',
      '+45.45%',
    ]);
  });
});
