/**
 * The units file (--units): which spellings name one unit — its code (ORG_NO 3440101), its
 * name, the other spellings the exports use (别名) — and which unit each reports to (上级单位),
 * so that 供电所 roll up to their county company and county companies to the city (--rollup N).
 *
 * Pure: rows as read (src/io/units.ts reads the file) in, a UnitHierarchy out. Everything that
 * would make a count depend on the order of the rows is refused with the row named: a name
 * with two codes, a code or a spelling naming two units, a parent not in the file, a cycle. A
 * unit of the data that the file does not name is never matched to one that looks alike: it
 * stays as written and is said (unitNotes).
 */
import { InputError, invalidAt, placeInSentence, said, type Said } from '../errors.js';
import { cleanText } from '../schema/values.js';
import type { Target, Targets } from './targets.js';
import type { Note } from './types.js';

/** A row of the units file as read: its place (" row 5", "[3]"), its cells as text. */
export interface UnitRow {
  where: string;
  code: string;
  name: string;
  /** The parent's code, name or other spelling; '' for a top unit. */
  parent: string;
  aliases: readonly string[];
}

export interface Unit {
  name: string;
  code: string | null;
  /** The parent's name; null for a top unit. */
  parent: string | null;
  /** 0 for a top unit, 1 for the units under it … */
  depth: number;
  where: string;
}

export interface UnitHierarchy {
  file: string;
  /** By name, in the order of the file. */
  units: ReadonlyMap<string, Unit>;
  /** Every spelling (name, code, other spellings), trimmed and NFKC, to the unit's name. */
  names: ReadonlyMap<string, string>;
}

const HINT = said(
  '单位层级文件每行一个单位：单位编码、单位名称、上级单位（编码或名称；最上级单位留空），可选 别名（其他写法，用 ； 分隔）。',
  'A units file has one row per unit: 单位编码, 单位名称, 上级单位 (code or name; empty for the top unit) and optionally 别名 (other spellings, separated by ；).',
);

/** The error for a units file that cannot be used; `where` is " row N", "[i]" or "". */
export function invalidUnits(file: string, where: string, message: Said): InputError {
  return invalidAt('UNITS_INVALID', file, where, message, HINT);
}

/** " row 7" → 第 7 行 / "row 7", "[3]" → "[3]": the place of another row, inside a message. */
const place = (where: string) => placeInSentence(where);

interface Entry {
  row: UnitRow;
  name: string;
  code: string | null;
}

/** The rows, checked for names and codes given twice: one entry per unit. */
function entriesOf(rows: readonly UnitRow[], file: string): Entry[] {
  const byName = new Map<string, Entry>();
  const byCode = new Map<string, Entry>();
  for (const row of rows) {
    const name = cleanText(row.name);
    const code = cleanText(row.code) || null;
    if (name === '') {
      if (code === null && cleanText(row.parent) === '') continue;
      throw invalidUnits(
        file,
        row.where,
        said(
          `${code ? `编码 ${code} 的` : ''}单位名称为空。`,
          `the unit name (单位名称) is empty${code ? ` for ${code}` : ''}.`,
        ),
      );
    }
    const before = byName.get(name);
    if (before) {
      throw invalidUnits(
        file,
        row.where,
        before.code !== null && code !== null && before.code !== code
          ? said(
              `${name} 有两个编码：${before.code}（${place(before.row.where).zh}）和 ${code}。一个单位只能有一个编码，其他写法请放在 别名 里。`,
              `${name} has two codes: ${before.code} (${place(before.row.where).en}) and ${code}. Give one unit one code; other spellings go in 别名.`,
            )
          : said(
              `${name} 出现了两次（${place(before.row.where).zh}也有）。`,
              `${name} is listed twice (${place(before.row.where).en} too).`,
            ),
      );
    }
    if (code !== null) {
      const other = byCode.get(code);
      if (other)
        throw invalidUnits(
          file,
          row.where,
          said(
            `编码 ${code} 同时用于 ${other.name}（${place(other.row.where).zh}）和 ${name}。`,
            `the code ${code} is used for ${other.name} (${place(other.row.where).en}) and ${name}.`,
          ),
        );
    }
    const entry: Entry = { row, name, code };
    byName.set(name, entry);
    if (code !== null) byCode.set(code, entry);
  }
  if (byName.size === 0) throw invalidUnits(file, '', said('文件里没有单位。', 'no unit in it.'));
  return [...byName.values()];
}

/** Every spelling to its unit's name: names and codes first, so an alias cannot take one. */
function spellingsOf(entries: readonly Entry[], file: string): Map<string, string> {
  const names = new Map<string, string>();
  const whose = new Map<string, Entry>();
  const add = (spelling: string, entry: Entry, what: Said) => {
    const other = whose.get(spelling);
    if (other === entry || spelling === '') return;
    if (other)
      throw invalidUnits(
        file,
        entry.row.where,
        said(
          `${entry.name} 的${what.zh}“${spelling}”也指向 ${other.name}（${place(other.row.where).zh}）。`,
          `${what.en} '${spelling}' of ${entry.name} also names ${other.name} (${place(other.row.where).en}).`,
        ),
      );
    whose.set(spelling, entry);
    names.set(spelling, entry.name);
  };
  const NAME = said('名称', 'the name');
  const CODE = said('编码', 'the code');
  const ALIAS = said('别名', 'the spelling (别名)');
  for (const e of entries) add(e.name, e, NAME);
  for (const e of entries) if (e.code !== null) add(e.code, e, CODE);
  for (const e of entries) for (const a of e.row.aliases) add(cleanText(a), e, ALIAS);
  return names;
}

/**
 * The hierarchy of the rows of `file`. Throws InputError('UNITS_INVALID') naming the row for a
 * unit without a name, a name with two codes, a code or spelling of two units, a parent not in
 * the file, a unit that is its own ancestor.
 */
export function buildHierarchy(rows: readonly UnitRow[], file: string): UnitHierarchy {
  const entries = entriesOf(rows, file);
  const names = spellingsOf(entries, file);
  const parentOf = new Map<string, string | null>();
  for (const e of entries) {
    const written = cleanText(e.row.parent);
    if (written === '') {
      parentOf.set(e.name, null);
      continue;
    }
    const parent = names.get(written);
    if (parent === undefined)
      throw invalidUnits(
        file,
        e.row.where,
        said(
          `${e.name} 的上级单位“${written}”不在文件里。请为它加一行，或者最上级单位的 上级单位 留空。`,
          `the parent (上级单位) '${written}' of ${e.name} is not in the file. Add a row for it, or leave 上级单位 empty for a top unit.`,
        ),
      );
    if (parent === e.name)
      throw invalidUnits(
        file,
        e.row.where,
        said(`${e.name} 的上级单位是它自己。`, `${e.name} is given as its own parent.`),
      );
    parentOf.set(e.name, parent);
  }
  const units = new Map<string, Unit>();
  const depthOf = (e: Entry): number => {
    const chain = [e.name];
    for (let p = parentOf.get(e.name)!; p !== null; p = parentOf.get(p)!) {
      if (chain.includes(p))
        throw invalidUnits(
          file,
          e.row.where,
          said(
            `上级单位绕成了一个圈：${[...chain.slice(chain.indexOf(p)), p].join(' → ')}。`,
            `the parents go round in a circle: ${[...chain.slice(chain.indexOf(p)), p].join(' → ')}.`,
          ),
        );
      chain.push(p);
    }
    return chain.length - 1;
  };
  for (const e of entries)
    units.set(e.name, {
      name: e.name,
      code: e.code,
      parent: parentOf.get(e.name)!,
      depth: depthOf(e),
      where: e.row.where,
    });
  return { file, units, names };
}

/** The unit a spelling names (its name, code or another spelling), or null: not in the file. */
export function unitName(h: UnitHierarchy, written: string): string | null {
  return h.names.get(written) ?? h.names.get(cleanText(written)) ?? null;
}

/**
 * The unit `levels` levels above `name` (0: itself); `short` when it has fewer ancestors, and
 * the highest is given.
 */
export function ancestor(
  h: UnitHierarchy,
  name: string,
  levels: number,
): { name: string; short: boolean } {
  let at = name;
  for (let i = 0; i < levels; i++) {
    const parent = h.units.get(at)?.parent ?? null;
    if (parent === null) return { name: at, short: true };
    at = parent;
  }
  return { name: at, short: false };
}

/** The unit a work order counts under: its unit's name rolled up `levels`; as written if unknown. */
export function countedUnit(h: UnitHierarchy, written: string, levels: number): string {
  const name = unitName(h, written);
  return name === null ? written : ancestor(h, name, levels).name;
}

/** At most this many units are listed in a note; the rest are counted. */
const LISTED = 10;

function listed(units: readonly string[], sep: string, more: (n: number) => string): string {
  const shown = units.slice(0, LISTED).join(sep);
  return units.length > LISTED ? `${shown}${more(units.length - LISTED)}` : shown;
}

/**
 * What the reader should know about the naming of the units of the data (`written`: as the
 * exports write them): those the file does not name, counted as written; with --rollup, those
 * with fewer levels above them, counted under their highest.
 */
export function unitNotes(h: UnitHierarchy, levels: number, written: Iterable<string>): Note[] {
  const unknown: string[] = [];
  const short = new Map<string, string>();
  for (const w of new Set(written)) {
    const name = unitName(h, w);
    if (name === null) unknown.push(w);
    else if (levels > 0) {
      const up = ancestor(h, name, levels);
      if (up.short) short.set(name, up.name);
    }
  }
  const file = h.file.replace(/^.*[\\/]/, '');
  const notes: Note[] = [];
  if (unknown.length > 0) {
    unknown.sort();
    notes.push({
      code: 'units-not-in-file',
      message: `${listed(unknown, ', ', (n) => ` and ${n} more`)}: not in ${file}; counted as written.`,
      zh: `${listed(unknown, '、', (n) => ` 等另 ${n} 个`)} 不在 ${file} 中：按原样统计。`,
    });
  }
  if (short.size > 0) {
    const en = [...short].map(([u, top]) => (u === top ? u : `${u} (under ${top})`));
    const zh = [...short].map(([u, top]) => (u === top ? u : `${u}（计入 ${top}）`));
    notes.push({
      code: 'units-rollup-short',
      message: `${listed(en, ', ', (n) => ` and ${n} more`)}: fewer than ${levels} level(s) above in ${file}; counted under the highest.`,
      zh: `${listed(zh, '、', (n) => ` 等另 ${n} 个`)} 在 ${file} 中上级不足 ${levels} 级：计入最高一级。`,
    });
  }
  return notes;
}

/**
 * The targets with their units named through the units file: a target given by code or by
 * another spelling is the unit's. A target for a unit with --rollup applies to the unit's
 * roll-up, which bears its name; a station's target without --rollup to the station.
 */
export function namedTargets(targets: Targets, h: UnitHierarchy): Targets {
  const byUnit = new Map<string, Target>();
  const from = new Map<string, string>();
  for (const [written, target] of targets.byUnit) {
    const unit = unitName(h, written) ?? written;
    const before = from.get(unit);
    if (before !== undefined)
      throw new InputError(
        'TARGETS_INVALID',
        said(
          `${targets.file}：${before} 和 ${written} 在 ${h.file} 里是同一个单位（${unit}），请只给它一个指标。`,
          `${targets.file}: ${before} and ${written} are one unit in ${h.file} (${unit}): give it one target.`,
        ),
        said(
          '考核指标文件里每个单位只保留一行（用哪种写法都可以）。',
          'Keep one row per unit in the targets file, by any of its spellings.',
        ),
        { file: targets.file },
      );
    from.set(unit, written);
    byUnit.set(unit, { ...target, unit });
  }
  return { file: targets.file, byUnit };
}
