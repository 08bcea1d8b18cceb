/**
 * Text for people's terminals and logs. Exports come from other systems and other people:
 * a unit name or a reject's quoted value may hold terminal control sequences (clear the
 * screen, set the window title, hide text) or bidirectional controls that reorder what
 * follows them on the line (U+202E shows 司公电供县歙 for 歙县供电公司 and moves the figures).
 * Every control character except line break and tab is shown escaped (\x1B, \u202E …); the
 * few colour codes we write pass where colour is on.
 */
// The only colour codes this program writes (chalk, level 1: bold, dim, red, green and their
// ends). Any other, such as 8 (hide the text), can only come from the data.
const CONTROLS =
  /\x1b\[(?:1|2|22|31|32|39)m|[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visible(text: string, keepColour = false): string {
  CONTROLS.lastIndex = 0;
  if (!CONTROLS.test(text)) return text;
  return text.replace(CONTROLS, (m) =>
    m.length > 1 ? (keepColour ? m : `\\x1B${m.slice(1)}`) : escaped(m.charCodeAt(0)),
  );
}

function escaped(code: number): string {
  const hex = code.toString(16).toUpperCase();
  return code < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

/** Writes human-readable text (never JSON or file bytes) to stdout or stderr. */
export function print(stream: NodeJS.WriteStream, text: string): void {
  stream.write(visible(text, stream.isTTY === true && !process.env.NO_COLOR));
}
