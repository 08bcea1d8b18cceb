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

/**
 * The address a caller gives ("其位于屯溪区昱中街道翡翠小区11栋", "家住…", "地址：…"), up to the
 * next punctuation: the words of a street or an estate are where, not what.
 */
const ADDRESS = /(?:位于|家住|住在|住址[:：]?|地址[:：]?)[^，。,.；;！!？?\s]*/g;

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

interface Tagged {
  word: string;
  tag: string;
}

interface JiebaLike {
  tag(sentence: string, hmm?: boolean): Tagged[];
}

export class Segmenter {
  private readonly stop: Set<string>;

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
  runs(text: string): string[][] {
    const out: string[][] = [];
    let run: string[] = [];
    // Without the HMM: unknown words stay in pieces rather than becoming new words made of a
    // name and a verb; the pieces are single characters, left out.
    for (const t of this.jieba.tag(text.replace(ADDRESS, '，'), false)) {
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
    const stop = new Set(this.stop);
    for (const name of names)
      for (const t of this.jieba.tag(name, false)) if (!this.ours.has(t.word)) stop.add(t.word);
    return new Segmenter(this.jieba, [...stop], this.ours);
  }
}

let loaded: Promise<Segmenter> | null = null;

/** The segmenter with our dictionary and stop list, loaded once, when first asked for. */
export function loadSegmenter(): Promise<Segmenter> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const jieba = Jieba.withDict(dict);
    const ours = dataList('power-words.txt');
    jieba.loadDict(Buffer.from(ours.map((w) => `${w} ${OUR_WORD_FREQUENCY} n`).join('\n')));
    return new Segmenter(jieba, dataList('stop-words.txt'), new Set(ours));
  })();
  return loaded;
}
