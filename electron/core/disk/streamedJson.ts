// A JSON file written a piece at a time, whole or not at all (atomicWrite.ts's writeThroughTemp). For a report
// with a million spans: one JSON.stringify of the whole object built a 145 MB string (UTF-16, as any span held a
// non-Latin-1 character) from a million fresh objects, ~1.7 CPU s of a 50 MB file's `data redact`; written in 64 KB
// pieces with one array element per line it takes ~1.0 s and a few MB of memory, and stays easy to read and grep.
// Each line is UTF-8 encoded into one reused buffer as it is made (bufferedWriter.ts): a 64 KB string joined from a
// thousand short ones is a rope that writeSync had to flatten before encoding it, which cost more than making the
// lines (1M report lines: 1.7-1.9 -> 0.8 CPU s, bench/pii-RESULTS.md speed round 6).
import { writeThroughTemp } from './atomicWrite.js';
import { bufferedWriter } from './bufferedWriter.js';

/** An array field whose elements' JSON is made as each is written (spans kept as columns), never all at once. */
export class LazyJsonArray {
  constructor(
    readonly length: number,
    readonly elementJson: (index: number) => string,
  ) {}
}

/**
 * Writes `fields` as one JSON object, in their order. An array field is written one element per line (`element`
 * turns each into what is stringified), any other field by JSON.stringify; undefined fields are left out, as
 * JSON.stringify leaves them out.
 */
export function writeJsonStreamed(
  path: string,
  fields: Record<string, unknown>,
  options: {
    mode?: number;
    element?: (key: string, value: unknown) => unknown;
    /** The element's JSON text, made by the caller instead of `element` then JSON.stringify (a hot path's own). */
    elementJson?: (key: string, value: unknown) => string;
    /**
     * Writes an array's elements straight to the file (everything before them written out first), exactly as they
     * would be written here (`,` between them, each on a line of its own after two spaces); false, having written
     * nothing, leaves them to the other options.
     */
    writeElements?: (key: string, value: unknown[] | LazyJsonArray, fd: number) => boolean;
  } = {},
): void {
  writeThroughTemp(
    path,
    (fd) => {
      const writer = bufferedWriter(fd);
      const put = (s: string) => writer.put(s);
      put('{');
      let first = true;
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        put(`${first ? '' : ','}\n ${JSON.stringify(key)}: `);
        first = false;
        if (Array.isArray(value) || value instanceof LazyJsonArray) {
          put('[');
          if (options.writeElements) {
            writer.flush();
            if (options.writeElements(key, value, fd)) {
              put(value.length ? '\n ]' : ']');
              continue;
            }
          }
          for (let i = 0; i < value.length; i++) {
            if (value instanceof LazyJsonArray) {
              put(`${i ? ',' : ''}\n  ${value.elementJson(i)}`);
              continue;
            }
            if (options.elementJson) {
              put(`${i ? ',' : ''}\n  ${options.elementJson(key, value[i])}`);
              continue;
            }
            const element: unknown = options.element ? options.element(key, value[i]) : value[i];
            // As JSON.stringify writes an array: an element with no JSON form (undefined, a function) is null.
            put(`${i ? ',' : ''}\n  ${JSON.stringify(element) ?? 'null'}`);
          }
          put(value.length ? '\n ]' : ']');
        } else {
          put(JSON.stringify(value, null, 1).replace(/\n/g, '\n '));
        }
      }
      put('\n}\n');
      writer.flush();
    },
    options.mode !== undefined ? { mode: options.mode } : {},
  );
}
