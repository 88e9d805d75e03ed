// Redaction modes as pure functions over (text, spans): mask with a typed placeholder, or consistent pseudonyms.
// The PseudonymMap records every original -> surrogate pair; it is personal data itself and is kept apart from
// the redacted text (its own file or table), so it can be deleted without touching the dataset.
import { shiftDateText } from './dateShift.js';
import type { PiiResources } from './resources.js';
import { foldKey } from './resources.js';
import { recordCountry } from './locale.js';
import { NAME_WORD, RealIdentifiers, dateShiftDays, idKey, nameWords, normalizeKey, styleLike, surrogateFor, surrogateNameWord } from './surrogates.js';
import type { Secret } from './surrogates.js';
import { PII_TYPES } from './types.js';
import type { PiiSpan, PiiType, RedactionMode, RedactionPolicy } from './types.js';

export interface PseudonymMap {
  version: 1;
  /** type -> normalized original -> surrogate. */
  entries: Partial<Record<PiiType, Record<string, string>>>;
  /** record id -> days its dates were shifted by. */
  dateShifts: Record<string, number>;
  /**
   * Every shifted date written (as written): a later check of a version made from this one recognises them as
   * Fieldtune's own. Absent from maps written before it; those dates are then flagged again.
   */
  shiftedDates?: Record<string, true>;
}

export function createPseudonymMap(): PseudonymMap {
  return { version: 1, entries: {}, dateShifts: {}, shiftedDates: {} };
}

export function serializePseudonymMap(map: PseudonymMap): string {
  return JSON.stringify(map);
}

export function parsePseudonymMap(json: string): PseudonymMap {
  const v = JSON.parse(json) as Partial<PseudonymMap>;
  if (v.version !== 1 || typeof v.entries !== 'object' || typeof v.dateShifts !== 'object' || !v.entries || !v.dateShifts) {
    throw new Error('not a Fieldtune pseudonym map (version 1)');
  }
  const shiftedDates = typeof v.shiftedDates === 'object' && v.shiftedDates ? v.shiftedDates : {};
  return { version: 1, entries: v.entries, dateShifts: v.dateShifts, shiftedDates };
}

export interface Replacement {
  start: number;
  end: number;
  type: PiiType;
  replacement: string;
}

export interface RedactionResult {
  text: string;
  replacements: Replacement[];
}

/** Where redacted text goes as it is made, part by part: a file writer (the CLI) or a string (intoString). */
export type TextSink = (part: string) => void;

/**
 * Replaces spans, putting the text before each, its replacement and the rest to `put`, in order; they must not
 * overlap (detectPii guarantees it).
 */
function replaceSpans(put: TextSink, input: string, spans: readonly PiiSpan[], policy: RedactionPolicy | undefined, f: (s: PiiSpan) => string): Replacement[] {
  const allowed = policy ? new Set(policy.types) : undefined;
  const everyType = !allowed || spans.every((s) => allowed.has(s.type));
  const inOrder = spans.every((s, i) => i === 0 || (spans[i - 1] as PiiSpan).start <= s.start);
  const chosen = everyType && inOrder ? spans : spans.filter((s) => !allowed || allowed.has(s.type)).sort((a, b) => a.start - b.start);
  for (let i = 1; i < chosen.length; i++) {
    if ((chosen[i]?.start ?? 0) < (chosen[i - 1]?.end ?? 0)) throw new Error('overlapping spans: resolve them before redacting');
  }
  const replacements: Replacement[] = [];
  let last = 0;
  for (const s of chosen) {
    const r = f(s);
    put(input.slice(last, s.start));
    put(r);
    replacements.push({ start: s.start, end: s.end, type: s.type, replacement: r });
    last = s.end;
  }
  put(input.slice(last));
  return replacements;
}

/**
 * A redaction made into one string, joined in ~64 KB pieces as they fill: a million spans kept two million slices
 * alive until one final join, and copying them through the garbage collector's young generation was half of a 50 MB
 * file's redaction (0.50 -> 0.23 s).
 */
function intoString(redact: (put: TextSink) => Replacement[]): RedactionResult {
  const pieces: string[] = [];
  let parts: string[] = [];
  let size = 0;
  const replacements = redact((part) => {
    parts.push(part);
    size += part.length;
    if (size >= 1 << 16) {
      pieces.push(parts.join(''));
      parts = [];
      size = 0;
    }
  });
  pieces.push(parts.join(''));
  return { text: pieces.join(''), replacements };
}

/** One string per type, shared by every span of it rather than a new one each. */
const MASKS = Object.fromEntries(PII_TYPES.map((t) => [t, `[${t}]`])) as Record<PiiType, string>;

/** What mask mode writes in place of a span of this type. */
export function maskOf(type: PiiType): string {
  return MASKS[type];
}

/** "[NAME]", "[DATE]", ... in place of each span. */
export function maskText(input: string, spans: readonly PiiSpan[], policy?: RedactionPolicy): RedactionResult {
  return intoString((put) => maskTextTo(put, input, spans, policy));
}

function maskTextTo(put: TextSink, input: string, spans: readonly PiiSpan[], policy?: RedactionPolicy): Replacement[] {
  return replaceSpans(put, input, spans, policy, (s) => MASKS[s.type]);
}

export interface PseudonymOptions {
  /** Per-dataset secret: the same secret gives the same surrogates across records and runs. */
  secret: Secret;
  /** Identifies the record (row, document) whose dates share one shift. */
  recordId: string;
  resources: PiiResources;
  /** Filled in place; pass one map for a whole dataset. */
  map: PseudonymMap;
  policy?: RedactionPolicy;
  /**
   * Every real identifier of the dataset (RealIdentifiers over all its found and added spans): no surrogate may
   * equal one. Without it only this text's identifiers and the originals already in the map are avoided.
   */
  avoid?: RealIdentifiers;
  /** The project's locale reads ambiguous numeric dates day first (en-GB: 02/11/2015 is 2 November). */
  dayFirst?: boolean;
}

interface Used {
  values: Set<string>;
  words: Set<string>;
}

/**
 * Surrogates already handed out for a type, as whole values (idKey) and as folded words: the next must differ.
 * Built once per table and kept up to date by pseudonymizeText (the only writer), so a large dataset does not
 * rescan its map for every record.
 */
const usedCache = new WeakMap<Record<string, string>, Used>();
function usedSurrogates(table: Record<string, string>): Used {
  const hit = usedCache.get(table);
  if (hit) return hit;
  const used: Used = { values: new Set<string>(), words: new Set<string>() };
  for (const v of Object.values(table)) {
    used.values.add(idKey(v));
    for (const w of v.match(NAME_WORD) ?? []) used.words.add(foldKey(w));
  }
  usedCache.set(table, used);
  return used;
}

/** A candidate that is (or, for names, holds a word of) an original already in the map: a real identifier. */
function inMap(map: PseudonymMap, type: PiiType, candidate: string): boolean {
  if (map.entries[type]?.[normalizeKey(type, candidate)] !== undefined) return true;
  const names = map.entries.NAME;
  return !!names && nameWords(candidate).some((w) => names[w] !== undefined);
}

export function pseudonymizeText(input: string, spans: readonly PiiSpan[], o: PseudonymOptions): RedactionResult {
  return intoString((put) => pseudonymizeTextTo(put, input, spans, o));
}

function pseudonymizeTextTo(put: TextSink, input: string, spans: readonly PiiSpan[], o: PseudonymOptions): Replacement[] {
  const shift = (o.map.dateShifts[o.recordId] ??= dateShiftDays(o.secret, o.recordId));
  // This text's own identifiers are real too, even when the caller passed no dataset-wide list.
  const here = new RealIdentifiers().addAll(spans);
  const real = (type: PiiType, c: string) => here.collides(c) || !!o.avoid?.collides(c) || inMap(o.map, type, c);
  const country = recordCountry(spans);
  return replaceSpans(put, input, spans, o.policy, (s) => {
    if (s.type === 'DATE') {
      const shifted = shiftDateText(s.text, shift, o.dayFirst);
      if (shifted === undefined) return '[DATE]';
      (o.map.shiftedDates ??= {})[shifted] = true;
      return shifted;
    }
    const table = (o.map.entries[s.type] ??= {});
    const key = normalizeKey(s.type, s.text);
    if (s.type === 'NAME') {
      // Word by word, each word stored once, so "José Núñez", "Mr. Núñez" and "NÚÑEZ, JOSÉ" agree.
      const taken = usedSurrogates(table).words;
      const out = s.text.replace(NAME_WORD, (w) => {
        if (/^\p{L}$/u.test(w)) return w;
        const k = foldKey(w);
        let sur = table[k];
        if (sur === undefined) {
          sur = surrogateNameWord(w, o.secret, o.resources, (c) => taken.has(foldKey(c)) || real('NAME', c));
          table[k] = sur;
          taken.add(foldKey(sur));
        }
        return styleLike(w, sur);
      });
      table[key] ??= out;
      return out;
    }
    const known = table[key];
    if (known !== undefined) return styleLike(s.text, known);
    const taken = usedSurrogates(table);
    // Two originals never share a surrogate (two people stay two), and no surrogate is a real identifier.
    const isTaken = (c: string) => taken.values.has(idKey(c)) || (s.type === 'LOCATION' && taken.words.has(foldKey(c))) || real(s.type, c);
    const surrogate = surrogateFor(s.type, s.text, o.secret, o.resources, isTaken, {
      after: input.slice(s.end, s.end + 40),
      ...(country ? { record: country } : {}),
      nameOf: (w) => o.map.entries.NAME?.[foldKey(w)],
    });
    taken.values.add(idKey(surrogate));
    for (const w of surrogate.match(NAME_WORD) ?? []) taken.words.add(foldKey(w));
    table[key] = surrogate;
    return surrogate;
  });
}

export function redactText(input: string, spans: readonly PiiSpan[], mode: RedactionMode, o: PseudonymOptions): RedactionResult {
  return intoString((put) => redactTextTo(put, input, spans, mode, o));
}

/**
 * redactText with the text put to `put` part by part instead of returned: `data redact` encodes the parts straight
 * into its output file, with no copy of the whole redacted text in memory (bench/pii-RESULTS.md speed round 6).
 */
export function redactTextTo(put: TextSink, input: string, spans: readonly PiiSpan[], mode: RedactionMode, o: PseudonymOptions): Replacement[] {
  return mode === 'mask' ? maskTextTo(put, input, spans, o.policy) : pseudonymizeTextTo(put, input, spans, o);
}
