/**
 * A unit that appears in the data only after another, of a close name, has gone: most likely one
 * unit renamed (国网祁门县供电公司 → 国网祁门供电公司 in November). Counted apart, its trend, 同比
 * and early warning are split in two without a word, so it is said, as a question: the data cannot
 * tell a rename from a new unit, and the units file's other spellings (--units) join them.
 */
import { monthIndexToString } from '../../schema/values.js';
import { RenameCandidates, renamedFrom } from '../../settings/suggest.js';
import { monthOfDay } from '../calendar.js';
import type { Cube } from '../cube.js';
import type { AnalysisInput, Note } from '../types.js';

/** A unit written as a code, not a name. */
const CODE = /^[\d\s._-]+$/;

interface Span {
  unit: string;
  first: number;
  last: number;
}

/** Each unit's first and last month with a work order of any kind. */
function unitSpans(cube: Cube): Span[] {
  const first = new Int32Array(cube.units.length).fill(2 ** 31 - 1);
  const last = new Int32Array(cube.units.length).fill(-1);
  for (let c = 0, size = cube.size; c < size; c++) {
    const unit = cube.unit[c]!;
    const month = monthOfDay(cube.day[c]!);
    if (month < first[unit]!) first[unit] = month;
    if (month > last[unit]!) last[unit] = month;
  }
  return cube.units
    .map((unit, i) => ({ unit, first: first[i]!, last: last[i]! }))
    .filter((s) => s.last >= 0);
}

/**
 * The pairs (old name, new name): the new one starts after the data's first month, the old one ends
 * before its last, not after the new one starts.
 */
export function renamedUnits(
  cube: Cube,
  /** The units a units file names: told apart by it, never taken for one renamed. */
  unitsFile: ReadonlySet<string> = new Set(),
): { before: Span; after: Span }[] {
  const spans = unitSpans(cube);
  if (spans.length < 2) return [];
  const dataFirst = Math.min(...spans.map((s) => s.first));
  const dataLast = Math.max(...spans.map((s) => s.last));
  const pairs: { before: Span; after: Span }[] = [];
  const taken = new Set<string>();
  // Only the units that could be chosen are compared (a superset, in order): see RenameCandidates.
  const index = new RenameCandidates(spans.map((s) => s.unit));
  for (const after of spans) {
    // Units written as codes (ORG_NO without a units file): 3440102 is no rename of 3440101.
    if (after.first <= dataFirst || CODE.test(after.unit)) continue;
    const gone = index.candidates(after.unit).flatMap((i) => {
      const s = spans[i]!;
      // A rename within a month leaves both names in it.
      return s.last < dataLast &&
        s.last <= after.first &&
        s.first < after.first &&
        !taken.has(s.unit) &&
        !(unitsFile.has(s.unit) && unitsFile.has(after.unit))
        ? [s]
        : [];
    });
    const name = renamedFrom(
      after.unit,
      gone.map((s) => s.unit),
    );
    if (name === null) continue;
    taken.add(name);
    pairs.push({ before: gone.find((s) => s.unit === name)!, after });
  }
  return pairs;
}

export function renamedUnitsNote(
  input: Pick<AnalysisInput, 'cube' | 'unitsFile'>,
  /** The pairs, when the caller has them already (a pass over the cube). */
  pairs = renamedUnits(input.cube, input.unitsFile),
): Note | null {
  if (pairs.length === 0) return null;
  const month = monthIndexToString;
  const zh = pairs
    .map(
      ({ before, after }) =>
        `${after.unit} 的工单从 ${month(after.first)} 起才有，${before.unit} 的只到 ${month(before.last)}`,
    )
    .join('；');
  const en = pairs
    .map(
      ({ before, after }) =>
        `${after.unit} has work orders only from ${month(after.first)}, ${before.unit} only up to ${month(before.last)}`,
    )
    .join('; ');
  const one = pairs.length === 1;
  return {
    code: 'units-renamed',
    message: one
      ? `${en}: if this is one unit renamed, it is counted here as two units; give the old name as another spelling of the new one in a units file (--units) to count them as one.`
      : `${en}: if these are units renamed, each is counted here as two units; give each old name as another spelling of its new one in a units file (--units) to count each as one.`,
    zh: `${zh}。若是同一单位改了名称，现按两个单位分别计数；可在单位表（--units）中把旧名称列为新名称的另一写法，合并计数。`,
    // Without months: the bulletin says a note only when it holds no figure it cannot trace.
    book: {
      message: `${pairs.map(({ before, after }) => `${after.unit} begins where ${before.unit} ends`).join('; ')}: ${one ? 'possibly one unit renamed, counted here as two' : 'possibly units renamed, each counted here as two'}.`,
      zh: `${pairs.map(({ before, after }) => `${before.unit} 的工单不再出现之后，${after.unit} 的工单才开始出现`).join('；')}，${one ? '两者名称相近，可能是同一单位改了名称，本报告按两个单位分别计数' : '名称相近，可能是单位改了名称，本报告分别计数'}。`,
    },
  };
}
