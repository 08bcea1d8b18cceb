/**
 * Text for people's terminals and logs. Exports come from other systems and other people:
 * a unit name or a reject's quoted value may hold terminal control sequences (clear the
 * screen, set the window title, hide text). Every control character except line break and tab
 * is shown escaped (\x1B, \x07 …); the few colour codes we write pass where colour is on.
 */
// The only colour codes this program writes (chalk, level 1: bold, dim, red, green and their
// ends). Any other, such as 8 (hide the text), can only come from the data.
const CONTROLS = /\x1b\[(?:1|2|22|31|32|39)m|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

export function visible(text: string, keepColour = false): string {
  CONTROLS.lastIndex = 0;
  if (!CONTROLS.test(text)) return text;
  return text.replace(CONTROLS, (m) =>
    m.length > 1
      ? keepColour
        ? m
        : `\\x1B${m.slice(1)}`
      : `\\x${m.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** Writes human-readable text (never JSON or file bytes) to stdout or stderr. */
export function print(stream: NodeJS.WriteStream, text: string): void {
  stream.write(visible(text, stream.isTTY === true && !process.env.NO_COLOR));
}
