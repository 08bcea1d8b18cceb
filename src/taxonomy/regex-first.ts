/**
 * The characters a match of a regular expression can begin with, read from its source, so that
 * a text holding none of them need not be searched (classify.ts runs each taxonomy pattern on
 * every text). Conservative: it understands literal characters, classes without negation or
 * escapes, groups, alternation, lookarounds (they match no character) and quantifiers, and
 * answers null — "any character" — for anything else (escapes, `.`, `^`, `$`, `[^…]`, back
 * references) or when the expression can match the empty string. Written for the `u` flag
 * without `i`: the UTF-16 code units given are the first code unit of each possible first
 * character.
 */
export function firstUnits(source: string): Set<number> | null {
  try {
    const parser = new Parser(source);
    const result = parser.alternation();
    if (parser.at !== source.length || result.nullable) return null;
    return result.first;
  } catch {
    return null;
  }
}

interface Part {
  /** Code units a match of the part can begin with (when it matches a character). */
  first: Set<number>;
  /** Whether it can match the empty string. */
  nullable: boolean;
}

class GiveUp extends Error {}

const SPECIAL = new Set([...'\\^$.|?*+()[]{}'].map((c) => c.charCodeAt(0)));

class Parser {
  at = 0;
  constructor(private readonly source: string) {}

  private peek(): string {
    return this.source[this.at] ?? '';
  }

  alternation(): Part {
    const first = new Set<number>();
    let nullable = false;
    for (;;) {
      const part = this.sequence();
      for (const c of part.first) first.add(c);
      nullable ||= part.nullable;
      if (this.peek() !== '|') return { first, nullable };
      this.at++;
    }
  }

  private sequence(): Part {
    const first = new Set<number>();
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const part = this.quantified();
      for (const c of part.first) first.add(c);
      if (!part.nullable) {
        // Later atoms cannot begin the match: skip them, whatever they are.
        this.skipSequence();
        return { first, nullable: false };
      }
    }
    return { first, nullable: true };
  }

  /** Moves to the end of the current sequence: the next `|` or `)` of this depth. */
  private skipSequence(): void {
    let depth = 0;
    while (this.at < this.source.length) {
      const c = this.peek();
      if (c === '\\') this.at += 2;
      else if (c === '[') {
        this.at++;
        while (this.at < this.source.length && this.peek() !== ']')
          this.at += this.peek() === '\\' ? 2 : 1;
        this.at++;
      } else if (c === '(') {
        depth++;
        this.at++;
      } else if (c === ')' || c === '|') {
        if (depth === 0) return;
        if (c === ')') depth--;
        this.at++;
      } else this.at++;
    }
  }

  private quantified(): Part {
    const atom = this.atom();
    const q = this.peek();
    let optional = false;
    if (q === '?' || q === '*') {
      this.at++;
      optional = true;
    } else if (q === '+') this.at++;
    else if (q === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) throw new GiveUp();
      this.at += m[0].length;
      optional = Number(m[1]) === 0;
    }
    if (q === '?' || q === '*' || q === '+' || q === '{') if (this.peek() === '?') this.at++;
    return { first: atom.first, nullable: atom.nullable || optional };
  }

  private atom(): Part {
    const c = this.peek();
    if (c === '(') {
      this.at++;
      let lookaround = false;
      if (this.peek() === '?') {
        const head = this.source.slice(this.at, this.at + 3);
        if (head.startsWith('?:')) this.at += 2;
        else if (head.startsWith('?=') || head.startsWith('?!')) {
          this.at += 2;
          lookaround = true;
        } else if (head === '?<=' || head === '?<!') {
          this.at += 3;
          lookaround = true;
        } else throw new GiveUp();
      }
      const inner = this.alternation();
      if (this.peek() !== ')') throw new GiveUp();
      this.at++;
      return lookaround ? { first: new Set(), nullable: true } : inner;
    }
    if (c === '[') return this.characterClass();
    const code = this.source.charCodeAt(this.at);
    if (c === '' || SPECIAL.has(code)) throw new GiveUp();
    this.at++;
    // A character outside the BMP is two code units: its first begins the match.
    if (code >= 0xd800 && code <= 0xdbff) this.at++;
    return { first: new Set([code]), nullable: false };
  }

  private characterClass(): Part {
    this.at++;
    if (this.peek() === '^' || this.peek() === ']') throw new GiveUp();
    const first = new Set<number>();
    while (this.peek() !== ']') {
      const code = this.source.charCodeAt(this.at);
      if (this.peek() === '' || this.peek() === '\\' || this.peek() === '[') throw new GiveUp();
      if (code >= 0xd800 && code <= 0xdfff) throw new GiveUp();
      this.at++;
      if (this.peek() === '-' && this.source[this.at + 1] !== ']') {
        const to = this.source.charCodeAt(this.at + 1);
        if (this.source[this.at + 1] === '\\' || (to >= 0xd800 && to <= 0xdfff) || to < code)
          throw new GiveUp();
        for (let u = code; u <= to; u++) first.add(u);
        this.at += 2;
      } else first.add(code);
    }
    this.at++;
    return { first, nullable: false };
  }
}
