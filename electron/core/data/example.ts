// What a dataset holds: chat Samples (fine-tuning) or TextDocuments (continued pre-training), their canonical
// serialization, and the content hash that identifies an example in the store. Canonical JSON (fixed key order,
// sorted metadata) makes the hash depend on content only, never on how the source file happened to order keys.
import { createHash } from 'node:crypto';
import type { Sample, TextDocument } from '../../contract/domain.js';

export type Example = Sample | TextDocument;

export function isSample(e: Example): e is Sample {
  return 'messages' in e;
}

export function canonicalJson(e: Example): string {
  if (isSample(e)) {
    const messages = e.messages.map((m) => ({ role: m.role, content: m.content }));
    if (!e.metadata || Object.keys(e.metadata).length === 0) return JSON.stringify({ messages });
    const metadata = Object.fromEntries(
      Object.keys(e.metadata)
        .sort()
        .map((k) => [k, e.metadata![k]]),
    );
    return JSON.stringify({ messages, metadata });
  }
  return JSON.stringify(e.source === undefined ? { text: e.text } : { text: e.text, source: e.source });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function exampleHash(e: Example): string {
  return sha256(canonicalJson(e));
}

/** All the text of an example, as one string (for dedupe and rough token counts). */
export function exampleText(e: Example): string {
  return isSample(e) ? e.messages.map((m) => `${m.role}: ${m.content}`).join('\n') : e.text;
}

/** A version's hash: its ordered members (and split labels), so equal content always gives an equal hash. */
export function versionHash(members: Iterable<{ hash: string; split?: string | null }>): string {
  const h = createHash('sha256');
  for (const m of members) h.update(m.split ? `${m.hash} ${m.split}\n` : `${m.hash}\n`);
  return h.digest('hex');
}
