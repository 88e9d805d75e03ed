// JSON records from JSONL (one per line) or from a JSON document holding an array, without reading the file whole.
// JSON.parse needs the full text, so for a .json file the top-level array is split into its elements here by a small
// scanner (string/escape/depth state only); each element is then parsed alone, keeping memory to one element.
import { splitLines } from './source.js';

export type RawRecord = { line: number; value: unknown; raw: string } | { line: number; error: string; raw: string };

function parseOne(line: number, raw: string): RawRecord {
  try {
    return { line, value: JSON.parse(raw) as unknown, raw };
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^JSON\.parse: /, '') : String(e);
    return { line, error: `it is not valid JSON (${why})`, raw };
  }
}

export async function* jsonlRecords(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  for await (const { line, text } of splitLines(chunks)) {
    if (!text.trim()) continue; // blank lines (often a trailing newline) carry no record
    yield parseOne(line, text);
  }
}

/** Keys under which exporters wrap a record array in an object: {"data": [...]}, {"examples": [...]}. */
const WRAPPER = /^(\s*\{\s*"(?:data|examples|records)"\s*:\s*)\[/;
/** How far to read before deciding whether a document is wrapped: the opening of a wrapper is short. */
const WRAPPER_PEEK = 4096;

/**
 * The document's chunks, with the opening of a wrapper object ({"data": [) blanked to whitespace (newlines kept, so
 * line numbers stay right) when there is one; `wrapped` says whether it was. Only the first few KiB are held.
 */
async function unwrap(chunks: AsyncIterable<string>): Promise<{ wrapped: boolean; chunks: AsyncIterable<string> }> {
  const it = chunks[Symbol.asyncIterator]();
  let head = '';
  let ended = false;
  while (!ended && head.length < WRAPPER_PEEK && !head.includes('[')) {
    const next = await it.next();
    if (next.done) ended = true;
    else head += next.value;
  }
  const m = WRAPPER.exec(head);
  const prefix = m?.[1];
  const first = prefix === undefined ? head : prefix.replace(/[^\n]/g, ' ') + head.slice(prefix.length);
  async function* rest(): AsyncGenerator<string> {
    if (first) yield first;
    if (ended) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { wrapped: prefix !== undefined, chunks: rest() };
}

/**
 * Elements of a top-level JSON array (also one wrapped as {"data": [...]} or {"examples": [...]}), or the single
 * top-level object. The line reported is where the element starts. Memory stays at one element plus one chunk.
 */
export async function* jsonArrayRecords(source: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  const { wrapped, chunks } = await unwrap(source);
  // A wrapped array is followed by the wrapper's closing brace, which is read once after the array.
  let closeBrace = wrapped;
  let state: 'start' | 'array' | 'single' | 'done' = 'start';
  let depth = 0;
  let single = false;
  let inString = false;
  let escaped = false;
  let line = 1;
  let elementLine = 1;
  let parts: string[] = [];
  let partStart = -1; // index in the current chunk where the current element began, or -1 when not inside one
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (state === 'start') {
        if (c === 91) {
          state = 'array';
          continue;
        } // '['
        if (c === 123) {
          state = 'single';
          single = true;
          depth = 1;
          partStart = i;
          elementLine = line;
          continue;
        } // '{'
        if (c === 32 || c === 9 || c === 10 || c === 13) continue;
        yield { line, error: 'the file is not a JSON array or object', raw: chunk.slice(i, i + 80) };
        return;
      }
      if (state === 'done') {
        // Concatenated objects (JSONL saved as .json) are read one object at a time.
        if (c === 123 && single) {
          state = 'single';
          depth = 1;
          partStart = i;
          elementLine = line;
          continue;
        }
        if (c === 125 && closeBrace) {
          closeBrace = false;
          continue;
        }
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
          yield { line, error: 'there is text after the end of the JSON document', raw: chunk.slice(i, i + 80) };
          return;
        }
        continue;
      }
      if (c === 34) {
        inString = true;
        if (partStart < 0 && depth === 0) {
          partStart = i;
          elementLine = line;
        }
        continue;
      }
      if (c === 123 || c === 91) {
        // '{' '['
        if (depth === 0 && partStart < 0) {
          partStart = i;
          elementLine = line;
        }
        depth += 1;
        continue;
      }
      if (c === 125 || c === 93) {
        // '}' ']'
        if (depth === 0) {
          // ']' closing the top-level array: flush a trailing scalar element, if any.
          if (partStart >= 0 || parts.length) {
            const raw = (parts.join('') + chunk.slice(Math.max(partStart, 0), i)).trim();
            if (raw) yield parseOne(elementLine, raw);
          }
          parts = [];
          partStart = -1;
          state = 'done';
          continue;
        }
        depth -= 1;
        if (depth === 0 && state === 'single') {
          yield parseOne(elementLine, parts.join('') + chunk.slice(Math.max(partStart, 0), i + 1));
          parts = [];
          partStart = -1;
          state = 'done';
        }
        continue;
      }
      if (c === 44 && depth === 0) {
        // ',' between elements
        const raw = (parts.join('') + chunk.slice(Math.max(partStart, 0), i)).trim();
        if (raw) yield parseOne(elementLine, raw);
        else yield { line, error: 'there is an empty element (two commas) in the JSON array', raw: '' };
        parts = [];
        partStart = -1;
        continue;
      }
      if (partStart < 0 && depth === 0 && c !== 32 && c !== 9 && c !== 10 && c !== 13) {
        partStart = i;
        elementLine = line;
      }
    }
    // An element cut by the chunk boundary continues at index 0 of the next chunk.
    if (partStart >= 0) {
      parts.push(chunk.slice(partStart));
      partStart = 0;
    }
  }
  if ((state !== 'done' && state !== 'start') || (state === 'done' && closeBrace)) {
    yield { line, error: 'the JSON document ends early (a missing "]" or "}")', raw: '' };
  }
}
