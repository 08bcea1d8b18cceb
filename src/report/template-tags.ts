/**
 * The tags of a template, checked before anything is filled: each must be a name the tool
 * knows where it stands — a figure outside any loop, a column inside a table's loop, a
 * paragraph's text inside `{#paragraphs}`. The check reads the template's parsed tag tree, not
 * the data, so a tag inside a loop that this period leaves empty (no 重复投诉 this month) is
 * checked all the same: a typo is found the first month, not the month it would show.
 *
 * As docxtemplater does, a name inside a loop is looked up in the loop's scope first, then in
 * the scopes around it.
 */
import type { DXT } from 'docxtemplater';
import { said, type Said } from '../errors.js';
import type { ChartName } from './types.js';
import {
  CHART_NAMES,
  COLUMN_KEYS,
  DOCUMENT_NAMES,
  FIGURE_NAMES,
  PARAGRAPH_NAMES,
  SECTION_CHART_NAMES,
  SECTION_KEYS,
  SECTION_NAMES,
  TABLE_NAMES,
  chartTag,
} from './template-data.js';

/**
 * What a scope holds: simple tags `{x}`, loops `{#x}` with their inner scope, pictures `{@x}`;
 * and where it is, for a message about a name used outside it.
 */
interface Scope {
  where: Said;
  simple: ReadonlySet<string>;
  loops: ReadonlyMap<string, Scope>;
  raw: ReadonlySet<string>;
}

const scope = (
  where: Said,
  simple: readonly string[],
  loops: [string, Scope][] = [],
  raw: string[] = [],
) => ({ where, simple: new Set(simple), loops: new Map(loops), raw: new Set(raw) });

/** Where a section's own tags stand: a tag known there and found outside means a lost section. */
export const IN_A_SECTION = said(
  '{#sections} 或 {#overall} 这样的一节里',
  'inside {#sections} or a section such as {#overall}',
);

const SECTION_SCOPE = scope(IN_A_SECTION, SECTION_NAMES, [
  ['paragraphs', scope(said('{#paragraphs} 里', 'inside {#paragraphs}'), PARAGRAPH_NAMES)],
  [
    'charts',
    scope(said('{#charts} 里', 'inside {#charts}'), ['title'], [], [SECTION_CHART_NAMES[0]]),
  ],
]);
/**
 * Where a chart's own tag ({@trendChart}) can stand: outside loops, or in a section, where it is
 * shown once — in `{#sections}`, in its own section only. In a table row, `{#paragraphs}` or
 * `{#charts}` it would be repeated, the picture once a row or a paragraph.
 */
const CHART_PLACES = said(
  '所有循环之外，或 {#overall}、{#sections} 这样的一节里；放在表格行、{#paragraphs} 或 {#charts} 里，图片会每行、每段重复一次',
  'outside any loop, or in a section such as {#overall} or {#sections}; in a table row, {#paragraphs} or {#charts} the picture would repeat, once a row or a paragraph',
);

const ROW_SCOPE = scope(
  said('表格行的循环里，如 {#unitsTable}', 'inside a table row’s loop such as {#unitsTable}'),
  COLUMN_KEYS,
);

const DOCUMENT_SCOPE: Scope = scope(
  said('所有循环之外', 'outside any loop'),
  [...DOCUMENT_NAMES, ...FIGURE_NAMES, ...SECTION_KEYS, ...TABLE_NAMES.map((t) => `${t}Caption`)],
  [
    ['sections', SECTION_SCOPE],
    ...SECTION_KEYS.map((k): [string, Scope] => [k, SECTION_SCOPE]),
    ...TABLE_NAMES.map((t): [string, Scope] => [t, ROW_SCOPE]),
  ],
  CHART_NAMES.map(chartTag),
);

/**
 * Keeps the parsed tag tree of every file docxtemplater templates (the body, headers, footers:
 * a letterhead's tags are often in the header), through the module hook its inspect module
 * uses.
 */
export class TagCollector implements DXT.Module {
  readonly name = 'TagCollector';
  private file = '';
  private readonly trees = new Map<string, DXT.Part[]>();
  set(options: { inspect?: { filePath?: string; postparsed?: DXT.Part[] } }): void {
    if (options.inspect?.filePath) this.file = options.inspect.filePath;
    if (options.inspect?.postparsed) this.trees.set(this.file, options.inspect.postparsed);
  }
  parts(): DXT.Part[] {
    return [...this.trees.values()].flat();
  }
}

export interface UsedTags {
  /**
   * Tags the tool does not know: as written, the name, the names known where it stands, and
   * where the name is known when it is one, elsewhere (`{unit}` outside a table's loop).
   */
  unknown: { tag: string; name: string; known: string[]; knownInside: Said | null }[];
  /** Charts placed by their own tag ({@trendChart}), once, where the tag stands. */
  charts: Set<ChartName>;
  /** Charts whose own tag stands in `{#sections}`: each placed in its own section, once. */
  sectionsCharts: Set<ChartName>;
  /**
   * The section loops whose `{#charts}` loop holds `{@chart}`, by name (`overall`, or `sections`
   * for every section): those sections' charts are placed, and no other section's.
   */
  sectionCharts: Set<string>;
  /** How many tags the tool knows: none, and the template would come out unchanged. */
  known: number;
  /**
   * The sections the template places: by name (`{#overall}` or `{overall}`), or all of them
   * (`{#sections}`, null). A section the period has and the template does not place is said.
   */
  sections: Set<string> | null;
  /** The table loops the template holds (`{#unitsTable}` …): the bulletin's tables it shows. */
  tables: Set<string>;
}

type Kind = 'simple' | 'loops' | 'raw';

const written = (kind: Kind, part: DXT.Part) =>
  kind === 'loops'
    ? `{${part.inverted ? '^' : '#'}${part.value}}`
    : `{${kind === 'raw' ? '@' : ''}${part.value}}`;

function kindOf(part: DXT.Part): Kind | null {
  if (part.module === 'loop') return 'loops';
  if (part.module === 'rawxml') return 'raw';
  return part.module === undefined || part.module === '' ? 'simple' : null;
}

export function checkTags(parts: readonly DXT.Part[]): UsedTags {
  const used: UsedTags = {
    unknown: [],
    charts: new Set(),
    sectionsCharts: new Set(),
    sectionCharts: new Set(),
    known: 0,
    sections: new Set(),
    tables: new Set(),
  };
  const placed = new Set<string>();
  let allSections = false;
  const seen = new Set<string>();
  // `section`: the section loop the tags stand in (`overall`, `sections`), if any.
  const walk = (list: readonly DXT.Part[], chain: readonly Scope[], section: string | null) => {
    for (const part of list) {
      if (part.type !== 'placeholder') continue;
      const kind = kindOf(part) ?? 'simple';
      const name = part.value.trim();
      const found = chain.find((s) => (kind === 'loops' ? s.loops.has(name) : s[kind].has(name)));
      // {#name}…{/name} on a simple name is a condition: shown when the value is not blank.
      const condition =
        found === undefined && kind === 'loops' && chain.some((s) => s.simple.has(name));
      if (found !== undefined || condition) used.known++;
      // A section placed where the document's names are: `{#units}`, `{units}`, `{#sections}`.
      if (found === DOCUMENT_SCOPE && kind !== 'raw') {
        if (name === 'sections') allSections = true;
        else if (found.loops.get(name) === SECTION_SCOPE || kind === 'simple') placed.add(name);
        else if (found.loops.get(name) === ROW_SCOPE) used.tables.add(name);
      }
      if (found === undefined && !condition) {
        const tag = written(kind, part);
        if (!seen.has(tag)) {
          seen.add(tag);
          const known = chain.flatMap((s) => [
            ...(kind === 'loops' ? [...s.loops.keys(), ...s.simple] : s[kind]),
          ]);
          used.unknown.push({ tag, name, known, knownInside: whereKnown(kind, name) });
        }
      } else if (found !== undefined && kind === 'raw') {
        const chart = CHART_NAMES.find((c) => chartTag(c) === name);
        const repeated = chain.some((s) => s !== DOCUMENT_SCOPE && s !== SECTION_SCOPE);
        if (chart && repeated) misplacedChart(used, written(kind, part), name, seen);
        else if (chart && section === 'sections') used.sectionsCharts.add(chart);
        else if (chart) used.charts.add(chart);
        else if (section !== null) used.sectionCharts.add(section);
      }
      const inner = kind === 'loops' ? found?.loops.get(name) : undefined;
      // Inside a loop the tool does not know, no name can be judged: the loop is said alone.
      if (part.subparsed && (found !== undefined || condition))
        walk(
          part.subparsed,
          inner ? [inner, ...chain] : chain,
          inner === SECTION_SCOPE ? name : section,
        );
    }
  };
  walk(parts, [DOCUMENT_SCOPE], null);
  used.sections = allSections ? null : placed;
  return used;
}

/** A chart's tag in a loop that would repeat it: said as a tag in the wrong place. */
function misplacedChart(used: UsedTags, tag: string, name: string, seen: Set<string>): void {
  if (seen.has(tag)) return;
  seen.add(tag);
  used.unknown.push({ tag, name, known: [], knownInside: CHART_PLACES });
}

/** Where a name is known, when it is known somewhere: 'inside {#paragraphs}'. */
function whereKnown(kind: Kind, name: string): Said | null {
  const search = (s: Scope): Said | null => {
    if (kind === 'loops' ? s.loops.has(name) : s[kind].has(name)) return s.where;
    for (const inner of new Set(s.loops.values())) {
      const found = search(inner);
      if (found !== null) return found;
    }
    return null;
  };
  return search(DOCUMENT_SCOPE);
}

/** Whether a name is one the tool fills somewhere, as a tag of any kind. */
export function knownName(name: string): boolean {
  return (['simple', 'loops', 'raw'] as const).some((kind) => whereKnown(kind, name) !== null);
}
