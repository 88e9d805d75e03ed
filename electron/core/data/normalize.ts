// Unicode and whitespace normalization. NFC first, so "é" typed two ways is one string for hashing and dedupe;
// then invisible characters that PDF and Word exports leave behind, which split words for the tokenizer.
import type { Example } from './example.js';
import { isSample } from './example.js';

// Zero-width space/joiners, BOM, soft hyphen: invisible, never meaningful in training text.
// (An alternation, not a class: a joiner inside [] reads as a joined sequence to linters and humans alike.)
const INVISIBLE = /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g;
// Other Unicode spaces (no-break, thin, ideographic...) become a plain space.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// C0/C1 control characters except tab and newline.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function normalizeText(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .replace(CONTROLS, '')
    .split('\n')
    // Inner runs of spaces/tabs collapse; leading indentation is kept (lists, code and verse depend on it).
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)![0];
      return (
        indent +
        line
          .slice(indent.length)
          .replace(/[ \t]+/g, ' ')
          .trimEnd()
      );
    });
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function normalizeExample<E extends Example>(e: E): E {
  if (isSample(e)) {
    return { ...e, messages: e.messages.map((m) => ({ role: m.role, content: normalizeText(m.content) })) } as E;
  }
  return { ...e, text: normalizeText(e.text) } as E;
}

/** A looser key for "is this the same question?": case, punctuation and spacing do not matter. */
export function looseKey(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
