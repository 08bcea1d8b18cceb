/**
 * The two pure pieces of --corrections: whether a complaint's cell is assessed once a ruling is
 * in its flags, and what a corrections file applied given the copies counted.
 */
import { describe, expect, it } from 'vitest';
import {
  APPEAL_APPROVED,
  COMPLAINT,
  RULED_ASSESSED,
  RULED_NOT_ASSESSED,
  UNSUBSTANTIATED,
} from '../../src/metrics/dimensions.js';
import { correctionNotes, summariseCorrections } from '../../src/metrics/corrections.js';
import { isAssessed } from '../../src/metrics/group.js';
import type { Correction, Corrections } from '../../src/taxonomy/corrections.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

describe('isAssessed', () => {
  it.each([
    // flags, --exclude-unsubstantiated, assessed
    [COMPLAINT, false, true],
    [COMPLAINT | APPEAL_APPROVED, false, false],
    [COMPLAINT | UNSUBSTANTIATED, false, true],
    [COMPLAINT | UNSUBSTANTIATED, true, false],
    // the ruling outranks the appeal and the substantiation, whichever way
    [COMPLAINT | APPEAL_APPROVED | RULED_ASSESSED, false, true],
    [COMPLAINT | UNSUBSTANTIATED | RULED_ASSESSED, true, true],
    [COMPLAINT | RULED_NOT_ASSESSED, false, false],
    [COMPLAINT | RULED_NOT_ASSESSED, true, false],
  ])('flags %i, excluding unsubstantiated %s: %s', (flags, exclude, assessed) => {
    expect(isAssessed(flags, exclude)).toBe(assessed);
  });
});

describe('summariseCorrections', () => {
  const taxonomy = loadTaxonomy();
  const node = (name: string) => taxonomy.nodes.find((n) => n.name === name)!;
  const correction = (id: string, row: number, extra: Partial<Correction>): Correction => ({
    id,
    row,
    level1: null,
    level2: null,
    assessed: null,
    reason: null,
    ...extra,
  });
  const corrections: Corrections = {
    file: 'c.csv',
    byId: new Map(
      [
        correction('A', 2, { level1: node('营业投诉'), level2: node('电费电价') }),
        correction('B', 3, { assessed: false }),
        correction('C', 4, { level1: node('服务投诉'), assessed: true }),
        correction('D', 5, { assessed: true }),
        correction('E', 6, { level1: node('停送电投诉') }),
      ].map((c) => [c.id, c]),
    ),
  };
  // A and C complaints in the period, B a complaint before it, D a repair order, E in no input.
  const seen = new Map<string, [boolean, number]>([
    ['A', [true, 100]],
    ['B', [true, 50]],
    ['C', [true, 101]],
    ['D', [false, 100]],
  ]);

  it('counts what applied, in the period, by kind; lists the rest by row', () => {
    expect(summariseCorrections(corrections, seen, (d) => d >= 100)).toEqual({
      file: 'c.csv',
      given: 5,
      applied: 3,
      inPeriod: 2,
      classes: 2,
      assessed: 2,
      unmatched: [{ id: 'E', row: 6 }],
      notComplaint: [{ id: 'D', row: 5 }],
    });
  });
});

describe('correctionNotes', () => {
  const summary = (unmatched: number, notComplaint: number) => ({
    file: 'c.csv',
    given: unmatched + notComplaint,
    applied: 0,
    inPeriod: 0,
    classes: 0,
    assessed: 0,
    unmatched: Array.from({ length: unmatched }, (_, i) => ({ id: `U${i}`, row: i + 2 })),
    notComplaint: Array.from({ length: notComplaint }, (_, i) => ({ id: `N${i}`, row: i + 900 })),
  });

  it('lists every row not applied when they are few', () => {
    const note = correctionNotes(summary(2, 1))[1]!;
    expect(note.zh).toBe(
      '人工更正（c.csv）：3 行未应用——不在任何输入中：第 2 行 U0、第 3 行 U1；不是投诉：第 900 行 N0。请核对工单编号。',
    );
  });

  it('lists the first ten of each kind when there are many (a wrong file of 5,000 ids was a 149 KB line, cut in the workbook)', () => {
    const [, note] = correctionNotes(summary(25, 11));
    expect(note!.zh).toBe(
      '人工更正（c.csv）：36 行未应用——不在任何输入中：' +
        Array.from({ length: 10 }, (_, i) => `第 ${i + 2} 行 U${i}`).join('、') +
        ' 等 25 行；不是投诉：' +
        Array.from({ length: 10 }, (_, i) => `第 ${i + 900} 行 N${i}`).join('、') +
        ' 等 11 行。请核对工单编号（全部行见 --json 的 corrections）。',
    );
    expect(note!.message).toBe(
      'Corrections (c.csv): 36 row(s) not applied — in no input: ' +
        Array.from({ length: 10 }, (_, i) => `row ${i + 2} U${i}`).join(', ') +
        ', and 15 more; not a complaint: ' +
        Array.from({ length: 10 }, (_, i) => `row ${i + 900} N${i}`).join(', ') +
        ', and 1 more. Check the 工单编号 (--json lists every row under corrections).',
    );
  });
});
