/**
 * Chinese word segmentation for the hot words: @node-rs/jieba (jieba-rs with its shipped
 * dictionary, prebuilt native binaries; measured against jieba-wasm in the README, "Hot words")
 * with our power-supply dictionary (data/power-words.txt) added as whole words, and the words
 * that say nothing of a grievance left out: our stop list (data/stop-words.txt), numbers,
 * dates and quantities, places and person names (jieba's part-of-speech tags), single
 * characters, and the words of the data's own unit names.
 *
 * Loaded only when hot words are computed (loadSegmenter, a dynamic import): `--help`,
 * `inspect` and the commands without hot words never load the dictionary.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { HotWordTerms } from '../metrics/hot-words.js';
import { clausesOf } from './clauses.js';
import { dictionaryFor } from './dictionary.js';
import { CUSTOMER_NAME, isName } from './names.js';

const DATA = new URL('../../src/text/data/', import.meta.url);

/**
 * Part-of-speech tags (jieba's, ICTCLAS-style) whose words are never hot words: numerals (m),
 * quantities (q, mq), times (t), places (ns), person names (nr, nrt, nrfg), pronouns (r),
 * prepositions (p), conjunctions (c), particles (u…), adverbs (d), directions (f), spaces (s),
 * punctuation and symbols (x, w), morphemes (g, ng, zg, …), onomatopoeia (o), interjections (e, y).
 */
const DROPPED_TAGS = new Set([
  'm', 'mq', 'q', 't', 'tg', 'ns', 'nr', 'nrt', 'nrfg', 'r', 'rr', 'rz', 'p', 'c', 'u', 'uj', 'ul',
  'uv', 'uz', 'ud', 'ug', 'd', 'dg', 'ad', 'f', 's', 'x', 'w', 'g', 'ng', 'zg', 'vg', 'ag', 'o', 'e', 'y',
]); // prettier-ignore

/** Our words are added this often: enough to win over the general dictionary's splits. */
const OUR_WORD_FREQUENCY = 100_000;

/** A word made of Latin letters and signs only ("kWh", a code). */
const NOT_CHINESE = /^[\p{P}\p{S}\p{Z}a-zA-Z]*$/u;
/**
 * A word with a digit (第2次, 10千伏, 95598): numbers are what happened, not a topic, and a
 * bulletin's numbers are all figures traced to the JSON.
 */
const DIGIT = /\p{N}/u;

/** Clauses remembered at most: past it the cache starts again (memory stays bounded). */
const CACHE_MAX = 200_000;

/** One list of a data file: a word a line, # comments and blank lines left out. */
export function wordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function dataList(name: string): string[] {
  return wordList(readFileSync(new URL(name, DATA), 'utf8'));
}

/** A clause segmented: its runs of kept words, the words, the phrases. */
export interface Clause {
  runs: string[][];
  words: string[];
  phrases: string[];
}

interface Tagged {
  word: string;
  tag: string;
}

interface JiebaLike {
  tag(sentence: string, hmm?: boolean): Tagged[];
}

export class Segmenter {
  private readonly stop: Set<string>;
  private readonly cache = new Map<string, Clause>();

  constructor(
    private readonly jieba: JiebaLike,
    stopWords: readonly string[],
    private readonly ours: ReadonlySet<string>,
  ) {
    this.stop = new Set(stopWords);
  }

  /** Whether a word, as segmented and tagged, can be a hot word. */
  private keeps(t: Tagged): boolean {
    const w = t.word;
    if (DIGIT.test(w)) return false;
    if (this.ours.has(w)) return !this.stop.has(w);
    return w.length >= 2 && !DROPPED_TAGS.has(t.tag) && !this.stop.has(w) && !NOT_CHINESE.test(w);
  }

  /**
   * The words of a text that can be hot words, in runs of adjacent ones: a run ends wherever a
   * word was left out or a punctuation mark stood, so the two-word phrases are the neighbours
   * within a run.
   */
  runs(text: string | readonly string[]): string[][] {
    return this.clauses(text).flatMap((c) => c.runs);
  }

  /**
   * A text's words and two-word phrases (neighbours within a run, written together: 电费 +
   * 账单 → 电费账单), by clause: each clause's terms are shared between the texts that have it.
   */
  terms(text: string | readonly string[]): readonly HotWordTerms[] {
    return this.clauses(text);
  }

  /** A text's clauses segmented (a text, or its clauses as clausesOf gives them). */
  private clauses(text: string | readonly string[]): Clause[] {
    const out: Clause[] = [];
    for (const key of typeof text === 'string' ? clausesOf(text) : text) {
      const clause = this.clause(key);
      if (clause.runs.length > 0) out.push(clause);
    }
    return out;
  }

  /** One clause (as clausesOf gives it) segmented: its words and phrases. */
  clause(key: string): Clause {
    let clause = this.cache.get(key);
    if (!clause) {
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      clause = clauseOf(this.clauseRuns(key));
      this.cache.set(key, clause);
    }
    return clause;
  }

  private clauseRuns(clause: string): string[][] {
    const out: string[][] = [];
    let run: string[] = [];
    // Without the HMM: unknown words stay in pieces rather than becoming new words made of a
    // name and a verb; the pieces are single characters, left out. A customer's name is cut
    // out before (客户李春花反映 → 客户，反映): jieba took 春花 for a word, a hot word when the
    // customer complained often.
    const named = clause.replace(CUSTOMER_NAME, (name) => (isName(name) ? '，' : name));
    for (const t of this.jieba.tag(named, false)) {
      if (this.keeps(t)) run.push(t.word);
      else if (run.length > 0) {
        out.push(run);
        run = [];
      }
    }
    if (run.length > 0) out.push(run);
    return out;
  }

  /**
   * This segmenter with the words of `names` (the data's units) stopped too: "黄山", "市直",
   * "服务中心" are who, not what. A new segmenter: the loaded one serves every run unchanged.
   */
  withNamesStopped(names: Iterable<string>): Segmenter {
    return new Segmenter(this.jieba, [...this.stop, ...this.namedWords(names)], this.ours);
  }

  /** The words of `names` that withNamesStopped stops: all jieba cuts them into but ours. */
  namedWords(names: Iterable<string>): Set<string> {
    const words = new Set<string>();
    for (const name of names)
      for (const t of this.jieba.tag(name, false)) if (!this.ours.has(t.word)) words.add(t.word);
    return words;
  }
}

/**
 * A clause as it is segmented with `stopped` stopped too (withNamesStopped), from its segmenting
 * without: the same words but those, its runs broken where they stood. (A word stopped is kept
 * by neither; any other word is kept by both or neither, and a run ends where a word is not kept.)
 */
export function withoutWords(clause: Clause, stopped: ReadonlySet<string>): Clause {
  if (!clause.words.some((w) => stopped.has(w))) return clause;
  const runs: string[][] = [];
  for (const run of clause.runs) {
    let piece: string[] = [];
    for (const w of run) {
      if (!stopped.has(w)) piece.push(w);
      else if (piece.length > 0) {
        runs.push(piece);
        piece = [];
      }
    }
    if (piece.length > 0) runs.push(piece);
  }
  return clauseOf(runs);
}

/** A clause's words and phrases (neighbours within a run), from its runs. */
function clauseOf(runs: string[][]): Clause {
  return {
    runs,
    words: runs.flat(),
    phrases: runs.flatMap((r) => r.slice(1).map((w, i) => `${r[i]!}${w}`)),
  };
}

let loaded: Promise<Segmenter> | null = null;

type JiebaModule = typeof import('@node-rs/jieba');

/** Loads jieba's native library now (a worker waiting for its clauses): the dictionary later. */
export function loadJieba(): void {
  jiebaModule();
}

function jiebaModule(): { Jieba: JiebaModule['Jieba']; dict: () => Buffer } {
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as JiebaModule;
  // The dictionary's bytes read here rather than through @node-rs/jieba/dict, whose module
  // would hold them (11 MiB) for the life of the process.
  return { Jieba, dict: () => readFileSync(require.resolve('@node-rs/jieba/dict.txt')) };
}

/** The segmenter with our dictionary and stop list, loaded once, when first asked for. */
export function loadSegmenter(): Promise<Segmenter> {
  loaded ??= (async () => {
    const { Jieba, dict } = jiebaModule();
    const jieba = Jieba.withDict(dict());
    const ours = dataList('power-words.txt');
    jieba.loadDict(Buffer.from(ours.map((w) => `${w} ${OUR_WORD_FREQUENCY} n`).join('\n')));
    return new Segmenter(jieba, dataList('stop-words.txt'), new Set(ours));
  })();
  return loaded;
}

/**
 * A segmenter for these texts only (a run's distinct clauses and its unit names): the same
 * words and tags as loadSegmenter's on them, from the dictionary cut down to what they can hold
 * (dictionary.ts) — a tenth of the time and memory; on other texts, it may cut differently.
 */
export function segmenterFor(texts: Iterable<string>): Segmenter {
  const { Jieba, dict } = jiebaModule();
  const ours = dataList('power-words.txt');
  const jieba = Jieba.withDict(dictionaryFor(dict(), ours, OUR_WORD_FREQUENCY, texts));
  return new Segmenter(jieba, dataList('stop-words.txt'), new Set(ours));
}
