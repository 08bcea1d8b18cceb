import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAll } from '../helpers/read.js';

// The evaluation set (fixtures/eval/, made by scripts/make-eval-set.js): its held-out part must
// stay what the figures were measured on, and the hard kinds must be spread over every type.
const DATA = 'scripts/eval-data';
const HARD = [
  'dialect',
  'narrative',
  'negation',
  'second-topic',
  'shorthand',
  'traditional',
  'typos',
];

interface Item {
  level1: string;
  level2: string;
  level3: string;
  text: string;
  note: string;
  kind: string;
}

async function table(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const { rows } = await readAll(file);
  const [header, ...body] = rows.map((r) => r.cells.map((c) => String(c ?? '')));
  return { header: header ?? [], rows: body };
}

const count = (values: string[]): Record<string, number> =>
  values.reduce<Record<string, number>>((n, v) => ({ ...n, [v]: (n[v] ?? 0) + 1 }), {});

describe('the evaluation set', () => {
  it('ends both parts with the 文本类型 column and counts the held-out kinds', async () => {
    const test = await table('fixtures/eval/test.csv');
    const tune = await table('fixtures/eval/tune.csv');
    expect(test.header.at(-1)).toBe('文本类型');
    expect(tune.header.at(-1)).toBe('文本类型');
    expect(test.rows).toHaveLength(450);
    // 155 plain and 15 several-grievance texts of the first set, then 40 of each hard kind.
    expect(count(test.rows.map((r) => r.at(-1)!))).toEqual({
      plain: 155,
      'second-topic': 55,
      negation: 40,
      traditional: 40,
      dialect: 40,
      typos: 40,
      shorthand: 40,
      narrative: 40,
    });
    const ids = test.rows.map((r) => r[0]);
    const ev = ids.filter((id) => id!.startsWith('EV'));
    // The 170 held-out texts of the first set, as before the kinds existed.
    expect(ev).toHaveLength(170);
    expect(ev.slice(0, 5)).toEqual(['EV0003', 'EV0005', 'EV0008', 'EV0014', 'EV0015']);
    expect(ids.filter((id) => id!.startsWith('HT'))).toEqual(
      Array.from({ length: 280 }, (_, i) => `HT${String(i + 1).padStart(4, '0')}`),
    );
    expect(tune.rows.filter((r) => r[0]!.startsWith('HT'))).toEqual([]);
  });

  it('holds the hard-test files as written, each kind over all 17 types', async () => {
    const test = await table('fixtures/eval/test.csv');
    const files = readdirSync(DATA).filter((f) => f.startsWith('hard-test-'));
    expect(files.sort()).toEqual(HARD.map((k) => `hard-test-${k}.json`));
    const items = files.flatMap((f) => JSON.parse(readFileSync(join(DATA, f), 'utf8')) as Item[]);
    const rows = test.rows.filter((r) => r[0]!.startsWith('HT'));
    // The CSV is regenerated after every edit of the texts: same text, labels, note, kind.
    expect(rows.map((r) => r.slice(4))).toEqual(
      items.map((x) => [x.text, x.level1, x.level2, x.level3, x.note, x.kind]),
    );
    for (const kind of HARD) {
      const ofKind = items.filter((x) => x.kind === kind);
      expect(ofKind, kind).toHaveLength(40);
      expect(new Set(ofKind.map((x) => x.level2)).size, kind).toBe(17);
    }
    // Every several-grievance text says in its note what the main grievance is.
    expect(items.filter((x) => x.kind === 'second-topic' && !/^多诉求/.test(x.note))).toEqual([]);
  });

  it('appends the fresh batches (tune-fresh-*.json) to the tuning part only, as FX…', async () => {
    const tune = await table('fixtures/eval/tune.csv');
    const test = await table('fixtures/eval/test.csv');
    const files = readdirSync(DATA)
      .filter((f) => /^tune-fresh-.+\.json$/.test(f))
      .sort();
    expect(files).toContain('tune-fresh-a.json');
    const items = files.flatMap((f) => JSON.parse(readFileSync(join(DATA, f), 'utf8')) as Item[]);
    const rows = tune.rows.filter((r) => r[0]!.startsWith('FX'));
    expect(rows.map((r) => r[0])).toEqual(
      Array.from({ length: items.length }, (_, i) => `FX${String(i + 1).padStart(4, '0')}`),
    );
    expect(rows.map((r) => r.slice(4))).toEqual(
      items.map((x) => [x.text, x.level1, x.level2, x.level3, x.note, x.kind]),
    );
    // The FX rows come last, after every HX row; none joins the held-out part.
    expect(tune.rows.slice(-rows.length).map((r) => r[0])).toEqual(rows.map((r) => r[0]));
    expect(test.rows.filter((r) => r[0]!.startsWith('FX'))).toEqual([]);
    // Hand A: 240 texts, every one of the 17 types at least 6 times.
    const a = JSON.parse(readFileSync(join(DATA, 'tune-fresh-a.json'), 'utf8')) as Item[];
    expect(count(a.map((x) => x.kind))).toEqual({
      plain: 150,
      dialect: 25,
      typos: 25,
      shorthand: 25,
      negation: 15,
    });
    const types = Object.values(count(a.map((x) => x.level2)));
    expect(types).toHaveLength(17);
    expect(Math.min(...types)).toBeGreaterThanOrEqual(6);
    // Hand F (FX1201–FX1440): 86 plain and 22 of each other kind, every type at least 6 times.
    const f = JSON.parse(readFileSync(join(DATA, 'tune-fresh-f.json'), 'utf8')) as Item[];
    expect(f).toHaveLength(240);
    expect(rows[1200]![0]).toBe('FX1201');
    expect(count(f.map((x) => x.kind))).toEqual({
      plain: 86,
      negation: 22,
      traditional: 22,
      dialect: 22,
      typos: 22,
      shorthand: 22,
      narrative: 22,
      'second-topic': 22,
    });
    const typesF = Object.values(count(f.map((x) => x.level2)));
    expect(typesF).toHaveLength(17);
    expect(Math.min(...typesF)).toBeGreaterThanOrEqual(6);
    // Hand G (FX1441–FX1680): 120 plain and 20 of each other kind but 繁體, the types as F's.
    const g = JSON.parse(readFileSync(join(DATA, 'tune-fresh-g.json'), 'utf8')) as Item[];
    expect(rows[1440]![0]).toBe('FX1441');
    expect(count(g.map((x) => x.kind))).toEqual({
      plain: 120,
      negation: 20,
      dialect: 20,
      typos: 20,
      shorthand: 20,
      narrative: 20,
      'second-topic': 20,
    });
    expect(count(g.map((x) => x.level2))).toEqual(count(f.map((x) => x.level2)));
    // Hand H (FX1681–FX1920): the same kinds and types as G's, by another hand.
    const h = JSON.parse(readFileSync(join(DATA, 'tune-fresh-h.json'), 'utf8')) as Item[];
    expect(rows[1680]![0]).toBe('FX1681');
    expect(count(h.map((x) => x.kind))).toEqual(count(g.map((x) => x.kind)));
    expect(count(h.map((x) => x.level2))).toEqual(count(f.map((x) => x.level2)));
    // Hand I (FX1921–FX2160): the same kinds and types again, by another hand.
    const i = JSON.parse(readFileSync(join(DATA, 'tune-fresh-i.json'), 'utf8')) as Item[];
    expect(rows[1920]![0]).toBe('FX1921');
    expect(count(i.map((x) => x.kind))).toEqual(count(g.map((x) => x.kind)));
    expect(count(i.map((x) => x.level2))).toEqual(count(f.map((x) => x.level2)));
    // Hand J (FX2161–FX2400): the same kinds and types again, by a tenth hand.
    const j = JSON.parse(readFileSync(join(DATA, 'tune-fresh-j.json'), 'utf8')) as Item[];
    expect(rows[2160]![0]).toBe('FX2161');
    expect(count(j.map((x) => x.kind))).toEqual(count(g.map((x) => x.kind)));
    expect(count(j.map((x) => x.level2))).toEqual(count(f.map((x) => x.level2)));
    // Hand K (FX2401–FX2640): mostly plain texts, every hard kind including 繁體, every type
    // 12–16 times, weighted to the boundaries between first levels.
    const k = JSON.parse(readFileSync(join(DATA, 'tune-fresh-k.json'), 'utf8')) as Item[];
    expect(rows[2400]![0]).toBe('FX2401');
    expect(rows[2639]![0]).toBe('FX2640');
    expect(count(k.map((x) => x.kind))).toEqual({
      plain: 111,
      negation: 27,
      traditional: 17,
      dialect: 17,
      typos: 17,
      shorthand: 17,
      narrative: 17,
      'second-topic': 17,
    });
    const typesK = Object.values(count(k.map((x) => x.level2)));
    expect(typesK).toHaveLength(17);
    expect(Math.min(...typesK)).toBe(12);
    expect(Math.max(...typesK)).toBe(16);
    // Hand L (FX2641–FX2880): a rural county's call-takers, about two thirds plain, every type
    // 14 or 15 times.
    const l = JSON.parse(readFileSync(join(DATA, 'tune-fresh-l.json'), 'utf8')) as Item[];
    expect(rows[2640]![0]).toBe('FX2641');
    expect(rows.at(-1)![0]).toBe('FX2880');
    expect(count(l.map((x) => x.kind))).toEqual({
      plain: 153,
      negation: 17,
      traditional: 8,
      dialect: 17,
      typos: 8,
      shorthand: 17,
      narrative: 11,
      'second-topic': 9,
    });
    const typesL = Object.values(count(l.map((x) => x.level2)));
    expect(typesL).toHaveLength(17);
    expect(Math.min(...typesL)).toBe(14);
    expect(Math.max(...typesL)).toBe(15);
  });
});
