// One pass of redaction over a version's examples, with the engine's functions (applyDecisions, redactText), and a
// check the engine cannot make on one text alone: whether a surrogate happens to equal a REAL identifier found
// elsewhere in the dataset ("Tomás Ferreira" in one example, "87 Ferreira Street" made up for another). Such a
// coincidence reads as a leak and confuses the model, so the caller retries with a fresh secret when it can.
// Synchronous (it runs in a worker thread, pii.apply in workers/tasks.ts: cancelling ends the thread), so it needs
// no yields.
import type { Example } from '../data/example.js';
import { withFieldTexts, type ExampleFields } from './exampleFields.js';
import type { PseudonymMap, Replacement } from './redact.js';
import { redactText } from './redact.js';
import { foldKey, PARTICLES, type PiiResources } from './resources.js';
import { applyDecisions, type ReviewDecision } from './review.js';
import { NAME_WORD, RealIdentifiers, type Secret } from './surrogates.js';
import type { PiiSpan, RedactionMode, RedactionPolicy } from './types.js';

/** One example's detected spans by field ('m0', 'text', 'meta:Topic'...), as the scan stored them. */
export type FieldSpans = Record<string, readonly PiiSpan[]>;

export interface RunInput {
  examples: readonly ExampleFields[];
  scan: ReadonlyMap<number, FieldSpans>;
  decisions: readonly ReviewDecision[];
  mode: RedactionMode;
  policy: RedactionPolicy;
  secret: Secret;
  map: PseudonymMap;
  resources: PiiResources;
  onProgress?: (current: number, total: number) => void;
  /** From the project's locale: how ambiguous numeric dates are read before they are shifted. */
  dayFirst?: boolean;
}

export interface RunOutput {
  members: Array<{ example: Example; split: ExampleFields['split'] }>;
  forReport: { text: string; detected: PiiSpan[]; reviewed: PiiSpan[]; redacted: PiiSpan[] }[];
  /** Surrogates equal to (or containing a name word of) an original identifier of the dataset. */
  collisions: number;
}

const words = (text: string) => (text.match(NAME_WORD) ?? []).map(foldKey).filter((w) => w.length > 1 && !PARTICLES.has(w));

export function redactExamples(o: RunInput): RunOutput {
  const allowed = new Set(o.policy.types);
  const forReport: RunOutput['forReport'] = [];
  const members: RunOutput['members'] = [];
  const replacements: Replacement[] = [];
  const nameWords = new Set<string>();
  const originals = new Set<string>();
  // Every identifier of the dataset: the engine then never draws a surrogate equal to one (the count below stays
  // as a check).
  const avoid = new RealIdentifiers().addAll([...o.scan.values()].flatMap((f) => Object.values(f).flat())).addAll(o.decisions);
  let last = Date.now();
  for (let i = 0; i < o.examples.length; i++) {
    const e = o.examples[i]!;
    if (Date.now() - last > 100) {
      o.onProgress?.(i, o.examples.length);
      last = Date.now();
    }
    const stored = o.scan.get(e.position) ?? {};
    const texts = new Map<string, string>();
    const detected: PiiSpan[] = [];
    const reviewed: PiiSpan[] = [];
    const redacted: PiiSpan[] = [];
    for (const f of e.fields) {
      const found = [...(stored[f.field] ?? [])];
      const afterReview = applyDecisions(f.text, found, o.decisions);
      reviewed.push(...afterReview);
      const spans = afterReview.filter((s) => allowed.has(s.type));
      // One record id per example (its content hash): every date in an example moves by the same offset.
      const r = redactText(f.text, spans, o.mode, {
        secret: o.secret,
        recordId: e.hash,
        resources: o.resources,
        map: o.map,
        policy: o.policy,
        avoid,
        ...(o.dayFirst ? { dayFirst: true } : {}),
      });
      texts.set(f.field, r.text);
      replacements.push(...r.replacements);
      detected.push(...found);
      redacted.push(...spans);
      for (const s of spans) {
        if (s.type === 'NAME') for (const w of words(s.text)) nameWords.add(w);
        else originals.add(foldKey(s.text));
      }
    }
    forReport.push({ text: e.fields.map((f) => f.text).join('\n'), detected, reviewed, redacted });
    members.push({ example: withFieldTexts(e.example, texts), split: e.split });
  }
  // Shifted dates and "90+" are not identifying on their own, and a shift landing on another real date is expected.
  const collisions =
    o.mode === 'mask'
      ? 0
      : replacements.filter(
          (r) => r.type !== 'DATE' && r.type !== 'AGE' && (originals.has(foldKey(r.replacement)) || words(r.replacement).some((w) => nameWords.has(w))),
        ).length;
  return { members, forReport, collisions };
}
