/**
 * A complaint text cut into the clauses the segmenter reads (segmenter.ts): the caller's address
 * taken out, cut at punctuation, digits written as 0. Cheap and without the dictionary: the
 * collector (ingest/hot-word-texts.ts) keeps texts as clauses while reading, each clause string
 * once however many texts share it, and the segmenter segments each clause once.
 *
 * The rules are the regular expressions below; clausesOf applies them in one pass over the
 * characters (a fifth of the time of replace + split + replace: every complaint of a large
 * export goes through it while reading), and test/text/clauses.test.ts checks the two agree.
 */

/**
 * The address a caller gives ("其位于屯溪区昱中街道翡翠小区11栋", "家住…", "地址：…"), up to the
 * next punctuation: the words of a street or an estate are where, not what.
 */
export const ADDRESS = /(?:位于|家住|住在|住址[:：]?|地址[:：]?)[^，。,.；;！!？?\s]*/g;

/**
 * Where a text is cut: punctuation, which never joins two kept words into a run. Clauses repeat
 * across texts far more than whole texts do ("停电超过8小时仍未恢复").
 */
export const CLAUSE = /[\s，。,.；;！!？?：:、（）()“”"'‘’【】[\]《》<>…—-]+/;

/** Numbers are never hot words: 停电3次 and 停电5次 are one clause. */
export const DIGITS = /[0-9０-９]+/g;

/** clausesOf as the three expressions say it, step by step (the reference of the tests). */
export function clausesByExpressions(text: string): string[] {
  return text
    .replace(ADDRESS, '，')
    .split(CLAUSE)
    .filter((c) => c !== '')
    .map((c) => c.replace(DIGITS, '0'));
}

/** By UTF-16 code: CUT where CLAUSE cuts, ADDRESS_END where an address ends, DIGIT a digit. */
const CUT = 1;
const ADDRESS_END = 2;
const DIGIT = 4;
let kinds: Uint8Array | null = null;

function charKinds(): Uint8Array {
  const k = new Uint8Array(0x10000);
  const cut = new RegExp(`^${CLAUSE.source}$`);
  const end = /^[，。,.；;！!？?\s]$/;
  // Every character of the two classes (\s included) is below U+3100 or from U+FE00 on.
  for (let c = 0; c < 0x10000; c = c === 0x30ff ? 0xfe00 : c + 1) {
    const s = String.fromCharCode(c);
    if (cut.test(s)) k[c]! |= CUT;
    if (end.test(s)) k[c]! |= ADDRESS_END;
  }
  for (let c = 0x30; c <= 0x39; c++) k[c]! |= DIGIT;
  for (let c = 0xff10; c <= 0xff19; c++) k[c]! |= DIGIT;
  return k;
}

/** Whether an address starts at `i`: 位于, 家住, 住在, 住址, 地址. */
function addressAt(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  switch (a) {
    case 0x4f4d: // 位
      return b === 0x4e8e; // 于
    case 0x5bb6: // 家
      return b === 0x4f4f; // 住
    case 0x4f4f: // 住
      return b === 0x5728 || b === 0x5740; // 在, 址
    case 0x5730: // 地
      return b === 0x5740; // 址
    default:
      return false;
  }
}

export function clausesOf(text: string): string[] {
  const k = (kinds ??= charKinds());
  const out: string[] = [];
  const n = text.length;
  // The clause being read starts at `start`; `built` holds its part before `from` when a digit
  // run was written as 0 (null: none was, the clause is a slice of the text).
  let start = 0;
  let from = 0;
  let built: string | null = null;
  const end = (at: number) => {
    if (built !== null) out.push(built + text.slice(from, at));
    else if (at > start) out.push(text.slice(start, at));
    built = null;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = k[c]!;
    if (kind & CUT) {
      end(i);
      i++;
      while (i < n && k[text.charCodeAt(i)]! & CUT) i++;
      start = from = i;
    } else if (kind & DIGIT) {
      built = (built ?? '') + text.slice(from, i) + '0';
      i++;
      while (i < n && k[text.charCodeAt(i)]! & DIGIT) i++;
      from = i;
    } else if (addressAt(text, i)) {
      // Written as a cut: the clause ends here, and the address runs to its end mark.
      end(i);
      i += 2;
      while (i < n && !(k[text.charCodeAt(i)]! & ADDRESS_END)) i++;
      start = from = i;
    } else i++;
  }
  end(n);
  return out;
}
