// The personal-data detectors compiled ahead of time (native/pii, built by native/pii/build.mjs at install), loaded
// when present. Every one of the twelve families has a compiled twin that finds exactly what the TypeScript one finds
// (nativeDetectors.test.ts compares them on the labelled documents and on random text), and the add-on resolves their
// overlaps too, so detectPii runs them wherever the add-on loads: no V8 warm-up for detection, and about twice the
// speed (bench/pii-RESULTS.md round 8). The TypeScript detectors stay the reference and run where the add-on is
// missing (Windows for now, an install that skipped native builds) or with FIELDTUNE_PII_NATIVE=0, which does not
// even load it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { appRoot } from '../appPaths.js';
import type { WriterEncoding } from '../disk/bufferedWriter.js';
import { foldKey } from './resources.js';
import type { PiiResources } from './resources.js';
import { makeSpan } from './span.js';
import { SPAN_SOURCES, emptySpanTable } from './spanTable.js';
import type { SpanTable } from './spanTable.js';
import { PII_TYPES, isPiiType } from './types.js';
import type { PiiSpan, PiiType, SpanSource } from './types.js';

/**
 * The compiled families, named as the add-on names them, in the order detectPii keeps their candidates: patterns.ts,
 * nationalIds.ts, labelled.ts, legal.ts, dates.ts (dates), worldDates.ts, plates.ts, dates.ts (ages), places.ts,
 * worldPlaces.ts, names.ts, worldNames.ts.
 */
export const COMPILED_FAMILIES = [
  'patterns',
  'nationalIds',
  'labelled',
  'legalNumbers',
  'dates',
  'worldDates',
  'plates',
  'ages',
  'places',
  'worldPlaces',
  'names',
  'worldNames',
] as const;
export type CompiledFamily = (typeof COMPILED_FAMILIES)[number];

/** A resources() handle: the word lists held on the add-on's side (an external value, opaque here). */
type ListsHandle = object;
/** A nameSeeds() handle: a set of name keys held on the add-on's side. */
type SeedsHandle = object;

type Addon = Record<Exclude<CompiledFamily, 'names'>, (text: string, lists?: ListsHandle) => Int32Array> & {
  /** names.ts detectNames: its spans, or with wantUnclaimed [spans, the unclaimed keys in the order found]. */
  names(text: string, lists: ListsHandle, seeds?: SeedsHandle, wantUnclaimed?: boolean): Int32Array | [Int32Array, string[]];
  /**
   * Every family's candidates, in familyNames order, from one copy of the text; with wantUnclaimed the name
   * detector's unclaimed keys after them.
   */
  all(text: string, lists?: ListsHandle, seeds?: SeedsHandle, wantUnclaimed?: boolean): (Int32Array | string[])[];
  /** Every family's candidates at minConfidence or above, resolved as detect.ts resolveOverlaps resolves them. */
  detect(
    text: string,
    lists: ListsHandle,
    seeds: SeedsHandle | undefined,
    wantUnclaimed: boolean,
    minConfidence: number,
    shared?: number,
    start?: number,
  ): Int32Array | [Int32Array, string[]];
  resources(lists: Record<string, string[]>, fold: (word: string) => string): ListsHandle;
  nameSeeds(keys: string[]): SeedsHandle;
  nameKeys(text: string, lists: ListsHandle): string[];
  familyNames?: string[];
  regexMatchAt(source: string, flags: string, text: string, pos: number): number;
  writeMaskedCopy?: NativeOutput['writeMaskedCopy'];
  writeSpanLines?: NativeOutput['writeSpanLines'];
  decodeUtf8?: ((bytes: Uint8Array) => string | null) & ((bytes: Uint8Array, jsonView: true) => [string, JsonViewParts] | null);
  jsonStringsView?: NativeText['jsonStringsView'];
  sharedText?: NativeText['sharedText'];
  largeAllocationsFromHeap?: (bytes: number) => boolean;
  typeNames?: string[];
  sourceNames?: string[];
};

/** detectNames's seedNames and unclaimedNames (detect.ts DetectOptions). */
export interface NameOptions {
  seedNames?: ReadonlySet<string>;
  unclaimedNames?: Set<string>;
}

/** Each compiled family alone (the tests compare each with its TypeScript twin), and all of them at once. */
export type NativeDetectors = Record<Exclude<CompiledFamily, 'names'>, (text: string, res: PiiResources) => PiiSpan[]> & {
  /** names.ts detectNames(text, res, seedNames, unclaimedNames). */
  names(text: string, res: PiiResources, seedNames?: ReadonlySet<string>, unclaimedNames?: Set<string>): PiiSpan[];
  /** Every compiled family's candidates for one text, each family's as its TypeScript twin returns them. */
  all(text: string, res: PiiResources, names?: NameOptions): Record<CompiledFamily, PiiSpan[]>;
  /**
   * What detectPii finds before its policy: every family's candidates at minConfidence or above, overlaps resolved in
   * the add-on, so only the spans kept become objects here.
   */
  detect(text: string, res: PiiResources, minConfidence: number, names?: NameOptions): PiiSpan[];
  /**
   * detect's spans as a span table (spanTable.ts): no object made for any (data redact's path). With `shared`, `text`
   * is read where the add-on holds it for every thread, not copied (SharedPlace).
   */
  detectTable(text: string, res: PiiResources, minConfidence: number, shared?: SharedPlace): SpanTable;
  /** namePropagation.ts nameKeysInText: the keys of the capitalized words of `text`, in the order first found. */
  nameKeys(text: string, res: PiiResources): string[];
  /** The add-on's regex engine at one position: the match's end or -1 (for the tests that compare it with V8's). */
  regexMatchAt(source: string, flags: string, text: string, pos: number): number;
  /** The add-on's writers of data redact's two large files, where this build has them (nativeOutput.ts uses them). */
  output?: NativeOutput;
  /** The add-on's readers of data redact's input, where this build has them (jsonStrings.ts, redact.ts). */
  text?: NativeText;
  /**
   * Has glibc's malloc serve allocations up to `bytes` from its heaps, not map each on its own (native/pii/src/addon.cpp
   * says why); true where that was set. For a command that ends with its file: the heaps keep what they do not give back.
   */
  largeAllocationsFromHeap?: (bytes: number) => boolean;
};

/**
 * native/pii/src/utf8Text.h and jsonStrings.h: the strings they return are the add-on's buffers, not copied into V8's
 * heap where the runtime can take them so (Node 20 and later).
 */
export interface NativeText {
  /** The bytes' text, or null where they are not well-formed UTF-8. */
  decodeUtf8(bytes: Uint8Array): string | null;
  /** decodeUtf8's text and its jsonStringsView, from one decoding (no copy of the text made for the view). */
  decodeUtf8WithJsonView(bytes: Uint8Array): [string, JsonViewParts] | null;
  /** jsonStrings.ts jsonStringsView's text, pieces (five per value: pieceView.ts PIECE_FIELDS) and breaks. */
  jsonStringsView(raw: string): JsonViewParts;
  /**
   * Units [start, end) of the text the add-on shares under `id` (JsonViewParts), as a string made without a copy where
   * the runtime can; throws where no string holds that text any more.
   */
  sharedText(id: number, start: number, end: number): string;
}

/**
 * A JSON strings view as the add-on returns it: text, pieces, breaks, and the number under which every thread of the
 * process can read the text (native/pii/src/sharedText.h; 0 where the runtime took a copy instead, and absent from
 * an older build).
 */
export type JsonViewParts = [text: string, pieces: Int32Array, breaks: Int32Array, shared?: number];

/**
 * A text that is units [start, start + its length) of a text the add-on holds for every thread of the process under
 * number `id` (JsonViewParts): the add-on reads it there, and a worker thread gets its piece without a copy
 * (piiLongText.ts).
 */
export interface SharedPlace {
  id: number;
  start: number;
}

/**
 * native/pii/src/output.h: each writes to an open file and returns the bytes it wrote. `text` is the input's units
 * from `base` on (a window of it), the spans' offsets the input's.
 */
export interface NativeOutput {
  /** `text` with each span's [start, end) replaced by words[word]; spans as [start, end, word], in order and apart. */
  writeMaskedCopy(fd: number, text: string, base: number, spans: Int32Array, words: string[], encoding: WriterEncoding): number;
  /**
   * The report's span lines; spans as [start, end, type, confidence, source], the last three indices into words (JSON
   * texts); `continued`: a comma before the first line too (these follow others).
   */
  writeSpanLines(fd: number, text: string, base: number, spans: Int32Array, words: string[], continued: boolean): number;
}

let loaded: { detectors: NativeDetectors | null; why: string } | undefined;

/** Whether detectPii takes the compiled detectors when not told: yes where the add-on loads, unless FIELDTUNE_PII_NATIVE=0. */
export function compiledByDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['FIELDTUNE_PII_NATIVE'] !== '0';
}

/** Where the add-on is: beside the packaged app's other native tools, or native/build/pii of a checkout. */
export function nativeAddonPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['FIELDTUNE_PII_ADDON'];
  if (fromEnv) return fromEnv;
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath && existsSync(join(resourcesPath, 'native', 'pii', 'fieldtune_pii.node'))) {
    return join(resourcesPath, 'native', 'pii', 'fieldtune_pii.node');
  }
  return join(appRoot(), 'native', 'build', 'pii', 'fieldtune_pii.node');
}

/** The compiled detectors, or null (nativeDetectorsStatus says why). Loaded once per process or worker thread. */
export function nativeDetectors(): NativeDetectors | null {
  loaded ??= loadNativeDetectors();
  return loaded.detectors;
}

/** Whether the compiled detectors run, and if not why (the tests and benches print it). */
export function nativeDetectorsStatus(): string {
  loaded ??= loadNativeDetectors();
  return loaded.why;
}

/** The add-on as `env` finds it, not cached (nativeDetectors() keeps the first answer for the process). */
export function loadNativeDetectors(env: NodeJS.ProcessEnv = process.env): { detectors: NativeDetectors | null; why: string } {
  if (env['FIELDTUNE_PII_NATIVE'] === '0') return { detectors: null, why: 'turned off (FIELDTUNE_PII_NATIVE=0)' };
  const file = nativeAddonPath(env);
  if (!existsSync(file)) return { detectors: null, why: `not built (${file} is missing: run node native/pii/build.mjs)` };
  let addon: Addon;
  try {
    addon = createRequire(import.meta.url)(file) as Addon;
  } catch (e) {
    return { detectors: null, why: `could not be loaded: ${(e as Error).message}` };
  }
  // The add-on names its families, types and sources; one this version of the app does not know (or a list missing,
  // from a build older than the list) means a stale build.
  const families = addon.familyNames ?? [];
  const types = (addon.typeNames ?? []).map((t) => (isPiiType(t) ? t : null));
  const sources = (addon.sourceNames ?? []).map((s) => (SPAN_SOURCES.includes(s as SpanSource) ? (s as SpanSource) : null));
  if (types.includes(null) || sources.includes(null) || families.join() !== COMPILED_FAMILIES.join()) {
    const names = [...(addon.typeNames ?? []), ...(addon.sourceNames ?? []), ...families].join(', ');
    return { detectors: null, why: `stale build (it names ${names})` };
  }
  // The add-on's type and source indices as PII_TYPES' and SPAN_SOURCES' (the lists above are checked to hold no other).
  const typeIndex = types.map((t) => PII_TYPES.indexOf(t as PiiType));
  const sourceIndex = sources.map((s) => SPAN_SOURCES.indexOf(s as SpanSource));
  const toTable = (flat: Int32Array): SpanTable => {
    const t = emptySpanTable(flat.length / 5);
    for (let i = 0, j = 0; i < flat.length; i += 5, j++) {
      t.start[j] = flat[i] as number;
      t.end[j] = flat[i + 1] as number;
      t.type[j] = typeIndex[flat[i + 2] as number] as number;
      t.confidence[j] = (flat[i + 3] as number) / 1000;
      t.source[j] = sourceIndex[flat[i + 4] as number] as number;
    }
    return t;
  };
  const toSpans = (text: string, flat: Int32Array): PiiSpan[] => {
    const out: PiiSpan[] = [];
    for (let i = 0; i < flat.length; i += 5) {
      const start = flat[i] as number;
      const end = flat[i + 1] as number;
      // n / 1000 is the double nearest the literal the TypeScript detector writes (division rounds correctly)
      out.push(
        makeSpan(text, start, end, types[flat[i + 2] as number] as PiiType, (flat[i + 3] as number) / 1000, sources[flat[i + 4] as number] as SpanSource),
      );
    }
    return out;
  };
  // Each set of word lists is handed over once (a worker thread, with its own add-on instance, hands its own).
  const handles = new WeakMap<PiiResources, ListsHandle>();
  const listsOf = (res: PiiResources): ListsHandle => {
    let handle = handles.get(res);
    if (!handle) handles.set(res, (handle = addon.resources(resourceLists(res), foldKey)));
    return handle;
  };
  // A dataset's seed names are one Set reused for many records: handed over once per Set (again if its size changed:
  // detectPii's callers fill a Set before they pass it, never after).
  const seedHandles = new WeakMap<ReadonlySet<string>, { size: number; handle: SeedsHandle }>();
  const seedsOf = (seeds: ReadonlySet<string> | undefined): SeedsHandle | undefined => {
    if (!seeds?.size) return undefined;
    let held = seedHandles.get(seeds);
    if (!held || held.size !== seeds.size) seedHandles.set(seeds, (held = { size: seeds.size, handle: addon.nameSeeds([...seeds]) }));
    return held.handle;
  };
  const addUnclaimed = (into: Set<string> | undefined, keys: string[]): void => {
    if (into) for (const k of keys) into.add(k);
  };
  const one = (family: Exclude<CompiledFamily, 'names'>) => (text: string, res: PiiResources) => toSpans(text, addon[family](text, listsOf(res)));
  const detectors = Object.fromEntries(COMPILED_FAMILIES.filter((f) => f !== 'names').map((f) => [f, one(f)])) as Record<
    Exclude<CompiledFamily, 'names'>,
    (text: string, res: PiiResources) => PiiSpan[]
  >;
  return {
    detectors: {
      ...detectors,
      names: (text, res, seedNames, unclaimedNames) => {
        const found = addon.names(text, listsOf(res), seedsOf(seedNames), unclaimedNames !== undefined);
        if (!Array.isArray(found)) return toSpans(text, found);
        addUnclaimed(unclaimedNames, found[1]);
        return toSpans(text, found[0]);
      },
      all: (text, res, names) => {
        const flat = addon.all(text, listsOf(res), seedsOf(names?.seedNames), names?.unclaimedNames !== undefined);
        if (names?.unclaimedNames) addUnclaimed(names.unclaimedNames, flat[COMPILED_FAMILIES.length] as string[]);
        return Object.fromEntries(COMPILED_FAMILIES.map((f, i) => [f, toSpans(text, flat[i] as Int32Array)])) as Record<CompiledFamily, PiiSpan[]>;
      },
      detect: (text, res, minConfidence, names) => {
        const found = addon.detect(text, listsOf(res), seedsOf(names?.seedNames), names?.unclaimedNames !== undefined, minConfidence);
        if (!Array.isArray(found)) return toSpans(text, found);
        addUnclaimed(names?.unclaimedNames, found[1]);
        return toSpans(text, found[0]);
      },
      detectTable: (text, res, minConfidence, shared) => {
        const found = shared
          ? addon.detect(text, listsOf(res), undefined, false, minConfidence, shared.id, shared.start)
          : addon.detect(text, listsOf(res), undefined, false, minConfidence);
        return toTable(Array.isArray(found) ? found[0] : found);
      },
      nameKeys: (text, res) => addon.nameKeys(text, listsOf(res)),
      regexMatchAt: (source, flags, text, pos) => addon.regexMatchAt(source, flags, text, pos),
      ...(addon.writeMaskedCopy && addon.writeSpanLines
        ? { output: { writeMaskedCopy: addon.writeMaskedCopy.bind(addon), writeSpanLines: addon.writeSpanLines.bind(addon) } }
        : {}),
      ...(addon.largeAllocationsFromHeap ? { largeAllocationsFromHeap: addon.largeAllocationsFromHeap.bind(addon) } : {}),
      ...(addon.decodeUtf8 && addon.jsonStringsView && addon.sharedText
        ? {
            text: {
              decodeUtf8: (bytes: Uint8Array) => addon.decodeUtf8!(bytes),
              decodeUtf8WithJsonView: (bytes: Uint8Array) => addon.decodeUtf8!(bytes, true),
              jsonStringsView: addon.jsonStringsView.bind(addon),
              sharedText: addon.sharedText.bind(addon),
            },
          }
        : {}),
    },
    why: `loaded from ${file}`,
  };
}

/**
 * PiiResources as the add-on reads it (native/pii/src/resources.h): each set or list by its name, each type's labels
 * as "labels:TYPE", and those types in res.labels' order as "labelTypes" (a label two types list is the first's).
 */
export function resourceLists(res: PiiResources): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(res)) {
    if (value instanceof Set) lists[name] = [...(value as Set<string>)];
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) lists[name] = value as string[];
  }
  lists['labelTypes'] = [];
  for (const [type, labels] of Object.entries(res.labels)) {
    if (!labels) continue;
    lists[`labels:${type}`] = labels;
    lists['labelTypes'].push(type);
  }
  return lists;
}
