/**
 * The one place that loads exceljs (unmaintained: keep it behind src/io/).
 *
 * exceljs's streaming reader turns each zip chunk into text with Buffer#toString, which
 * corrupts any character whose UTF-8 bytes straddle two chunks: long Chinese texts come back
 * with U+FFFD in them (exceljs issues 2063, 2084, 2316). Before exceljs is loaded we put a
 * fixed `parse-sax` module in the require cache, identical but for a streaming TextDecoder.
 */
import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';

const require = createRequire(import.meta.url);

interface SaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  value: unknown;
}

interface SaxesParserLike {
  on(event: string, handler: (value: unknown) => void): void;
  write(text: string): void;
  close(): void;
}

function installParseSaxFix(): void {
  const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
  const saxesPath = require.resolve('saxes', { paths: [parseSaxPath] });
  const { SaxesParser } = require(saxesPath) as { SaxesParser: new () => SaxesParserLike };

  async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
    const parser = new SaxesParser();
    const decoder = new TextDecoder('utf-8');
    let error: unknown;
    let events: SaxEvent[] = [];
    parser.on('error', (err) => {
      error = err;
    });
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  }

  const cached = require.cache[parseSaxPath];
  if (cached) {
    cached.exports = parseSax;
    return;
  }
  // Load the module record once so Node builds it, then replace what it exports before
  // any exceljs module requires it.
  require(parseSaxPath);
  const record = require.cache[parseSaxPath];
  if (!record) throw new Error('exceljs parse-sax module was not cached');
  record.exports = parseSax;
}

let loaded: typeof ExcelJSModule | undefined;

export function loadExcelJS(): typeof ExcelJSModule {
  if (!loaded) {
    installParseSaxFix();
    loaded = require('exceljs') as typeof ExcelJSModule;
  }
  return loaded;
}
