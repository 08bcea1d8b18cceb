/**
 * A complaint text cut into the clauses the segmenter reads (segmenter.ts): the caller's address
 * taken out, cut at punctuation, digits written as 0. Cheap and without the dictionary: the
 * collector (ingest/hot-word-texts.ts) keeps texts as clauses while reading, each clause string
 * once however many texts share it, and the segmenter segments each clause once.
 */

/**
 * The address a caller gives ("其位于屯溪区昱中街道翡翠小区11栋", "家住…", "地址：…"), up to the
 * next punctuation: the words of a street or an estate are where, not what.
 */
const ADDRESS = /(?:位于|家住|住在|住址[:：]?|地址[:：]?)[^，。,.；;！!？?\s]*/g;

/**
 * Where a text is cut: punctuation, which never joins two kept words into a run. Clauses repeat
 * across texts far more than whole texts do ("停电超过8小时仍未恢复").
 */
const CLAUSE = /[\s，。,.；;！!？?：:、（）()“”"'‘’【】[\]《》<>…—-]+/;

/** Numbers are never hot words: 停电3次 and 停电5次 are one clause. */
const DIGITS = /[0-9０-９]+/g;

export function clausesOf(text: string): string[] {
  return text
    .replace(ADDRESS, '，')
    .split(CLAUSE)
    .filter((c) => c !== '')
    .map((c) => c.replace(DIGITS, '0'));
}
