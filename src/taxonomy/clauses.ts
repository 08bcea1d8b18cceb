/**
 * Where in a complaint text the grievance is: the text (already normalised) split into clauses
 * at sentence and comma punctuation, and each clause cut into spans that count for their words
 * fully, more, less or not at all:
 * - negated: from 不是/并非/而不是/以为, or 没(有)/不/很少 before 经常/频繁/老是 …, to the clause's
 *   end ("不是抢修慢" says what it is not, "也没有经常停电" what does not happen,
 *   "以为是欠费被停" what the customer wrongly thought; that one does not make the next clause
 *   the focus);
 * - settled: from the clause's start to 没问题/无异议/倒是正常/已处理好/已解决/没算错/没有抄错/已改造好 …
 *   ("通知没问题"), or to the end of 除了…外 when 其余/其他/都 … follows ("除了两次计划检修外，
 *   其余都是突然停的": what is set aside is not the grievance);
 * - focus: a clause that opens with 但/而是/可是/不过/主要是/关键是/问题是/本次/这次 …, or that
 *   names the grievance as such (不满的是, 气的是, 着急的是, 要投诉的是 …: "柜员态度只是小事，最着急
 *   的是过户一拖再拖"), or the clause after a negated or settled one ("不是X，是Y"; not one that
 *   only reports what staff said, 说是…), up to the end of its sentence: what the customer came
 *   to say counts FOCUS_WEIGHT times;
 * - past: a clause opening with 之前/以前/上次 …, an earlier matter, counts PAST_WEIGHT;
 * - side: from 另外/顺便/此外/同时反映 … to the end of the sentence, a second topic, counts
 *   SIDE_WEIGHT;
 * - context: the errand the customer was on when it happened, counts CONTEXT_WEIGHT: what they
 *   went somewhere to ask (去营业厅问电费怎么算: from 问/咨询/询问 to the clause's end) or were
 *   doing (办理峰谷电价时). The grievance is what staff said or did then, and the errand's words
 *   (电费, 新装, 峰谷) would make it a business complaint.
 * Pure, and one pass of regular expressions per clause.
 */

import { patternStarts, StartScan } from './regex-first.js';

/** How much words count in the clause after 但/而是/主要/本次/问题是 (the point of the text). */
export const FOCUS_WEIGHT = 2;
/** How much words count in a clause about an earlier matter (之前/以前/上次 …). */
export const PAST_WEIGHT = 0.5;
/** How much words count after 另外/顺便/此外 … to the end of the sentence: a second topic. */
export const SIDE_WEIGHT = 0.25;
/**
 * How much words count in the errand (去…问/咨询…, 办理…时). Chosen on the tuning part without
 * the dev batches and on dev batches C, E and F: 0.5 and 0.25 gained on each, 0 lost one on E.
 */
export const CONTEXT_WEIGHT = 0.25;

export type SpanKind = 'plain' | 'focus' | 'past' | 'side' | 'context' | 'negated' | 'settled';

export interface Span {
  start: number;
  end: number;
  kind: SpanKind;
  /** What the words in it count: 1, FOCUS_WEIGHT, PAST_WEIGHT, SIDE_WEIGHT, CONTEXT_WEIGHT or 0. */
  factor: number;
  /** The clause (comma to comma) it is part of, by index: for quoting the deciding clause. */
  clause: number;
}

export interface Clauses {
  /** Spans in text order, covering the text. */
  spans: Span[];
  /** Each clause's [start, end) in the text, without its punctuation. */
  clauses: [number, number][];
}

/**
 * By UTF-16 code, in its two low bits: 2 where a sentence ends, 1 where a clause ends (comma);
 * above them, the key characters of the rare markers (rareMarkers): 除 (SET_ASIDE_KEY); 常/频/
 * 老/总 (NOT_OFTEN_KEY: 经常, 常常 and 时常 all have 常) with 没/不/少 (NEGATOR_KEY); 问/咨
 * (ASKED_KEY) with 去/到/在 (PLACE_KEY); 办 (DOING_KEY). One table, read once a character: a
 * second table read cost 15% of the clause splitting.
 */
const CHARS = new Uint8Array(0x10000);
const SET_ASIDE_KEY = 4;
const NOT_OFTEN_KEY = 8;
const ASKED_KEY = 16;
const DOING_KEY = 32;
/** 没/不/少 (NOT_OFTEN needs one besides its adverb) and 去/到/在 (ASKED, besides its verb). */
const NEGATOR_KEY = 64;
const PLACE_KEY = 128;
const RARE_KEYS = SET_ASIDE_KEY | NOT_OFTEN_KEY | ASKED_KEY | DOING_KEY;
for (const ch of '。；;！!？?\n') CHARS[ch.charCodeAt(0)] = 2;
for (const ch of '，,') CHARS[ch.charCodeAt(0)] = 1;
CHARS['除'.charCodeAt(0)] = SET_ASIDE_KEY;
for (const ch of '常频老总') CHARS[ch.charCodeAt(0)] = NOT_OFTEN_KEY;
for (const ch of '问咨') CHARS[ch.charCodeAt(0)] = ASKED_KEY;
CHARS['办'.charCodeAt(0)] = DOING_KEY;
for (const ch of '没不少') CHARS[ch.charCodeAt(0)] = NEGATOR_KEY;
for (const ch of '去到在') CHARS[ch.charCodeAt(0)] = PLACE_KEY;
const COMMA = 0x2c;

/** Words that open a clause with the point of the text, or with an earlier matter. */
const FOCUS_WORDS = [
  '但是',
  '但',
  '可是',
  '而是',
  '却',
  '不过',
  '只是',
  '主要是',
  '主要',
  '关键是',
  '问题是',
  '问题在于',
  '本次',
  '这次',
  '此次',
  '这回',
  '真正',
  '其实是',
];
const PAST_WORDS = ['之前', '以前', '此前', '先前', '上次', '上回', '前段时间', '去年', '早先'];
/** Words that open a clause reporting what staff said: 说是线路老化. */
const REPORTED_WORDS = ['说是', '称是', '据说'];
/** Skipped before an opening word: spaces and quotes. */
const LEAD = new Set([...' \t"“”\'‘’']);
/**
 * Anywhere in a clause: the customer says what the point is (主要是, 问题是, 不满的是 …); 的是 first,
 * the word before it looked behind for, so that the scan starts at 的是 rather than at 反映, 投诉.
 */
const FOCUS_INSIDE =
  /主要(?:是|要求|反映|问题)|问题是|关键是|重点是|的是(?<=(?:不满|生气|气|着急|在意|介意|在乎|恼火|火大|反映|投诉|计较|受不了|接受不了|不能接受|关心|担心|难受|窝火)的是)/u;
/**
 * What the customer went to ask (its verb, 去/到/在 … before it): from there to the clause's end.
 * Not 问题, 过问, 疑问 ….
 */
const ASKED =
  /(?:(?<![过访顾审疑学])问(?!题)|咨询|询问)(?<=(?:去|到|在)[^，。；,;]{0,12}(?:问|咨询|询问))/gu;
/** What the customer was doing when it happened: the phrase itself (时 not of 临时, 分时 …). */
const DOING = /办理[^，。；,;]{1,12}?(?:(?<![临及按准定小超同暂随当届适计实分工])时|的时候)/gu;
const SIDE = /另外|顺便|顺带|此外|附带|同时反映|同时还|还反映|也反映|另反映/u;
const NEGATION =
  /(?<![是要])(?:并|倒|也|而)?不是(?!很|太|特别|一次|第一次|头一次|一两次|两次|一回|吗|呢)|并非|(?<![本原])以为/gu;
/** 没(有)/不/很少 before how often it happens: 也没有经常停电 says what does not happen. */
const NOT_OFTEN = /(?:没有?|不|很少)(?=经常|频繁|老是|总是|常常|时常)/gu;
/** 除了X外 before 其余/其他/都 …: X is set aside, settled. */
const SET_ASIDE =
  /(?<![清排消解删免拆剔切])除了?[^，。；,;]{1,20}?(?:以外|之外|外)(?=[，,]?(?:其余|其他|其它|别的|剩下|都))/gu;
const SETTLED =
  /没问题|没有问题|不是问题|无异议|没有异议|没意见|没有意见|无意见|没啥意见|没什么意见|倒是正常|倒也正常|都正常|一切正常|显示正常|是正常的|恢复正常|已恢复|已处理好|已经处理好|处理好了|已处理完|已解决|已经解决|解决了|没有?[抄算记扣收读计]错|没错|已经?改造好|改造好了|无误|是对的|算得对|算对了|对(?<=[也都]对)(?=[，。,；;]|$)|对得上|都认|倒是及时|还算及时|挺及时|都能理解|可以理解|能理解|倒是满意|还算满意|态度很好|态度挺好|态度不错|态度还行|态度(?:也|都|倒|还)(?:很|挺|蛮)?(?:好|不错|还行|可以)(?=[，。,；;]|$)|来得(?:也|还|倒)?(?:挺|很|蛮|算)?(?:快|及时)|没得说|没话说|都挺快|挺快的|都修好了|也修好了|不计较|不跟他计较|没(?:什么|啥|多大|太大)问题|没毛病|不挑(?=[，。,；;]|$)|客气(?<=(?:还是|都|也|挺|还算|倒是|倒也)(?:很|挺|蛮)?客气)(?:的)?(?=[，。,；;]|$)|(?<![不非未没])正常了?(?=[，。,；;]|$)/gu;

/** By UTF-16 code: 1 when a focus word starts with it, 2 when a past word does, 8 a reported one. */
const OPENING = new Uint8Array(0x10000);
for (const w of FOCUS_WORDS) OPENING[w.charCodeAt(0)]! |= 1;
for (const w of PAST_WORDS) OPENING[w.charCodeAt(0)]! |= 2;
for (const w of REPORTED_WORDS) OPENING[w.charCodeAt(0)]! |= 8;
for (const ch of LEAD) OPENING[ch.charCodeAt(0)]! |= 4;

function opens(
  text: string,
  start: number,
  end: number,
  words: readonly string[],
  bit: number,
): boolean {
  let i = start;
  while (i < end && (OPENING[text.charCodeAt(i)]! & 4) !== 0) i++;
  if ((OPENING[text.charCodeAt(i)]! & bit) === 0) return false;
  for (const word of words) if (text.startsWith(word, i) && i + word.length <= end) return true;
  return false;
}

/** All four kinds of marker in one scan of the text (one pass is most of the cost). */
const MARKERS = new RegExp(
  [SETTLED, NEGATION, SIDE, FOCUS_INSIDE].map((r) => `(${r.source})`).join('|'),
  'gu',
);

/** Where a marker can begin (most texts have none: the search is not run). */
const MARKER_STARTS = new StartScan(patternStarts(MARKERS.source));

/** No marker of any kind (shared: only read). */
const NO_MARKERS: [number[], number[], number[], number[]] = [[], [], [], []];

/** Every marker's [start, end) pairs, by kind: settled, negation, side, focus (only read). */
function markers(text: string): [number[], number[], number[], number[]] {
  const from = MARKER_STARTS.first(text);
  if (from < 0) return NO_MARKERS;
  const found: [number[], number[], number[], number[]] = [[], [], [], []];
  MARKERS.lastIndex = from;
  for (let m = MARKERS.exec(text); m !== null; m = MARKERS.exec(text)) {
    const kind = m[1] !== undefined ? 0 : m[2] !== undefined ? 1 : m[3] !== undefined ? 2 : 3;
    found[kind].push(m.index, m.index + m[0].length);
  }
  return found;
}

/**
 * The rare markers of a clause (除了…外, 没有经常…, an errand), looked for only where the clause
 * has their key characters (`keys`, CHARS bits): in the one scan of MARKERS their first
 * characters (不, 没, 时 …) made it about 20% slower.
 */
interface Rare {
  setAside: [number, number] | null;
  notOften: [number, number] | null;
  errand: [number, number] | null;
}

function rareMarkers(text: string, start: number, end: number, keys: number): Rare {
  const asked = ASKED_KEY | PLACE_KEY;
  const notOften = NOT_OFTEN_KEY | NEGATOR_KEY;
  const verb = (keys & asked) === asked ? firstIn(ASKED, text, start, end) : null;
  const phrase = (keys & DOING_KEY) !== 0 ? firstIn(DOING, text, start, end) : null;
  return {
    setAside: (keys & SET_ASIDE_KEY) !== 0 ? firstIn(SET_ASIDE, text, start, end) : null,
    notOften: (keys & notOften) === notOften ? firstIn(NOT_OFTEN, text, start, end) : null,
    // An errand one asked about lasts to the clause's end; what one was doing is the phrase.
    errand: verb && (!phrase || verb[0] <= phrase[0]) ? [verb[0], end] : phrase,
  };
}

/**
 * A regex's first match inside [start, end), as [start, end). Run on the clause, not on the
 * rest of the text (a clause without a match would be searched to the text's end), with the
 * three characters after it that SET_ASIDE looks ahead to (，其余).
 */
function firstIn(regex: RegExp, text: string, start: number, end: number): [number, number] | null {
  regex.lastIndex = 0;
  const m = regex.exec(text.slice(start, end + 3));
  if (m === null || start + m.index + m[0].length > end) return null;
  return [start + m.index, start + m.index + m[0].length];
}

/** The first of a kind's markers in [start, end): a listed one or the rare one, earlier first. */
function firstOf(
  found: number[],
  rare: [number, number] | null | undefined,
  start: number,
  end: number,
): [number, number] | null {
  const listed = first(found, start, end);
  if (!rare || rare[0] < start || rare[1] > end) return listed;
  return listed && listed[0] <= rare[0] ? listed : rare;
}

const FACTOR: Record<SpanKind, number> = {
  plain: 1,
  focus: FOCUS_WEIGHT,
  past: PAST_WEIGHT,
  side: SIDE_WEIGHT,
  context: CONTEXT_WEIGHT,
  negated: 0,
  settled: 0,
};

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Whether position i is the comma of a number (1,000), not a clause's end. */
function inNumber(text: string, i: number): boolean {
  return (
    text.charCodeAt(i) === COMMA &&
    isDigit(text.charCodeAt(i - 1)) &&
    isDigit(text.charCodeAt(i + 1))
  );
}

export function splitClauses(text: string): Clauses {
  const spans: Span[] = [];
  const clauses: [number, number][] = [];
  const [settled, negations, sides, focuses] = markers(text);
  /** The rare markers' key bits (CHARS) of the current clause's characters. */
  let keys = 0;
  /** A second topic lasts to the end of its sentence. */
  let side = false;
  /** The focus of a contrast lasts to the end of its sentence. */
  let focus = false;
  /** The clause before was negated or settled: this one says what it is instead. */
  let after = false;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const flags = i === text.length ? 2 : CHARS[text.charCodeAt(i)]!;
    // 2 where a sentence ends, 1 where a clause does, 0 elsewhere.
    const boundary = flags & 3;
    if (boundary === 0) {
      keys |= flags;
      continue;
    }
    if (boundary === 1 && inNumber(text, i)) continue;
    if (i > start) {
      const rare = (keys & RARE_KEYS) === 0 ? null : rareMarkers(text, start, i, keys);
      const index = clauses.length;
      clauses.push([start, i]);
      // After a settled or negated clause comes what the customer says instead, unless the
      // clause only reports what staff said (说是线路老化): that is their account, not the point.
      const instead = after && !opens(text, start, i, REPORTED_WORDS, 8);
      if (instead || opens(text, start, i, FOCUS_WORDS, 1) || first(focuses, start, i)) {
        focus = true;
        side = false;
      }
      const aside = side ? null : first(sides, start, i);
      const base: SpanKind = side
        ? 'side'
        : focus
          ? 'focus'
          : opens(text, start, i, PAST_WORDS, 2)
            ? 'past'
            : 'plain';
      const before = spans.length;
      if (aside) {
        cutClause(
          spans,
          start,
          aside[0],
          base,
          index,
          firstOf(settled, rare?.setAside, start, aside[0]),
          firstOf(negations, rare?.notOften, start, aside[0]),
        );
        const negated = firstOf(negations, rare?.notOften, aside[0], i);
        cutClause(spans, aside[0], i, 'side', index, null, negated);
        side = true;
      } else
        cutClause(
          spans,
          start,
          i,
          base,
          index,
          firstOf(settled, rare?.setAside, start, i),
          firstOf(negations, rare?.notOften, start, i),
        );
      // What the customer wrongly thought (以为) says nothing of what the next clause is.
      after =
        (spans.length - before > 1 || spans[before]!.factor === 0) &&
        !thoughtWrongly(text, spans, before);
      if (rare?.errand) cutErrand(spans, before, rare.errand);
    }
    keys = 0;
    if (boundary === 2) {
      focus = false;
      side = false;
      after = false;
    }
    start = i + 1;
  }
  return { spans, clauses };
}

/** The plain spans from `from` on, with the errand in them counting as context. */
function cutErrand(spans: Span[], from: number, errand: [number, number]): void {
  for (const span of spans.splice(from)) {
    const start = Math.max(span.start, errand[0]);
    const end = Math.min(span.end, errand[1]);
    if (span.kind !== 'plain' || start >= end) {
      spans.push(span);
      continue;
    }
    pushSpan(spans, span.start, start, 'plain', span.clause);
    pushSpan(spans, start, end, 'context', span.clause);
    pushSpan(spans, end, span.end, 'plain', span.clause);
  }
}

/** Whether a span from `from` on is negated by 以为 (what the customer wrongly thought). */
function thoughtWrongly(text: string, spans: Span[], from: number): boolean {
  for (let k = from; k < spans.length; k++)
    if (spans[k]!.kind === 'negated' && text.startsWith('以为', spans[k]!.start)) return true;
  return false;
}

/** The first match inside [start, end), as [start, end), or null. */
function first(found: number[], start: number, end: number): [number, number] | null {
  for (let k = 0; k < found.length; k += 2)
    if (found[k]! >= start && found[k + 1]! <= end) return [found[k]!, found[k + 1]!];
  return null;
}

/** One clause as spans: a settled part up to its marker, a negated part from its marker. */
function cutClause(
  spans: Span[],
  start: number,
  end: number,
  base: SpanKind,
  clause: number,
  settled: [number, number] | null,
  negated: [number, number] | null,
): void {
  let from = start;
  if (settled) {
    pushSpan(spans, start, settled[1], 'settled', clause);
    from = settled[1];
  }
  if (negated && negated[0] >= from) {
    pushSpan(spans, from, negated[0], base, clause);
    pushSpan(spans, negated[0], end, 'negated', clause);
  } else pushSpan(spans, from, end, base, clause);
}

function pushSpan(spans: Span[], from: number, to: number, kind: SpanKind, clause: number): void {
  if (to > from) spans.push({ start: from, end: to, kind, factor: FACTOR[kind], clause });
}
