// Redaction modes as pure functions over (text, spans): mask with a typed placeholder, or consistent pseudonyms.
// The PseudonymMap records every original -> surrogate pair; it is personal data itself and is kept apart from
// the redacted text (its own file or table), so it can be deleted without touching the dataset.
import { shiftDateText } from './dateShift.js';
import type { PiiResources } from './resources.js';
import { foldKey } from './resources.js';
import { recordCountry } from './locale.js';
import { NAME_WORD, RealIdentifiers, dateShiftDays, idKey, nameWords, normalizeKey, styleLike, surrogateFor, surrogateNameWord } from './surrogates.js';
import type { Secret } from './surrogates.js';
import type { PiiSpan, PiiType, RedactionMode, RedactionPolicy } from './types.js';

export interface PseudonymMap {
  version: 1;
  /** type -> normalized original -> surrogate. */
  entries: Partial<Record<PiiType, Record<string, string>>>;
  /** record id -> days its dates were shifted by. */
  dateShifts: Record<string, number>;
}

export function createPseudonymMap(): PseudonymMap {
  return { version: 1, entries: {}, dateShifts: {} };
}

export function serializePseudonymMap(map: PseudonymMap): string {
  return JSON.stringify(map);
}

export function parsePseudonymMap(json: string): PseudonymMap {
  const v = JSON.parse(json) as Partial<PseudonymMap>;
  if (v.version !== 1 || typeof v.entries !== 'object' || typeof v.dateShifts !== 'object' || !v.entries || !v.dateShifts) {
    throw new Error('not a Fieldtune pseudonym map (version 1)');
  }
  return { version: 1, entries: v.entries, dateShifts: v.dateShifts };
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

/** Replaces spans, right to left so offsets stay valid; spans must not overlap (detectPii guarantees it). */
function replaceSpans(input: string, spans: readonly PiiSpan[], policy: RedactionPolicy | undefined, f: (s: PiiSpan) => string): RedactionResult {
  const allowed = policy ? new Set(policy.types) : undefined;
  const chosen = [...spans].filter((s) => !allowed || allowed.has(s.type)).sort((a, b) => a.start - b.start);
  for (let i = 1; i < chosen.length; i++) {
    if ((chosen[i]?.start ?? 0) < (chosen[i - 1]?.end ?? 0)) throw new Error('overlapping spans: resolve them before redacting');
  }
  const parts: string[] = [];
  const replacements: Replacement[] = [];
  let last = 0;
  for (const s of chosen) {
    const r = f(s);
    parts.push(input.slice(last, s.start), r);
    replacements.push({ start: s.start, end: s.end, type: s.type, replacement: r });
    last = s.end;
  }
  parts.push(input.slice(last));
  return { text: parts.join(''), replacements };
}

/** "[NAME]", "[DATE]", ... in place of each span. */
export function maskText(input: string, spans: readonly PiiSpan[], policy?: RedactionPolicy): RedactionResult {
  return replaceSpans(input, spans, policy, (s) => `[${s.type}]`);
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
  const shift = (o.map.dateShifts[o.recordId] ??= dateShiftDays(o.secret, o.recordId));
  // This text's own identifiers are real too, even when the caller passed no dataset-wide list.
  const here = new RealIdentifiers().addAll(spans);
  const real = (type: PiiType, c: string) => here.collides(c) || !!o.avoid?.collides(c) || inMap(o.map, type, c);
  const country = recordCountry(spans);
  return replaceSpans(input, spans, o.policy, (s) => {
    if (s.type === 'DATE') return shiftDateText(s.text, shift) ?? '[DATE]';
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
  return mode === 'mask' ? maskText(input, spans, o.policy) : pseudonymizeText(input, spans, o);
}
