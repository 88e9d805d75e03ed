// Passages from a document's text: first by headings (the sections a writer made), then by length, cutting a long
// section at paragraph ends, then sentence ends, and only as a last resort mid-sentence, so each passage is a piece
// of text a question can cite and a model can read whole.

export interface Passage {
  /** The document it is from (a file name). */
  source: string;
  /** The heading of its section, if the document has one there. */
  heading: string | null;
  text: string;
}

const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;
// "2.1 Dosage", "Section 4: Appeals", "CHAPTER 3", "RISK FACTORS": short lines that name a section in PDF/DOCX text
const NUMBERED_HEADING = /^(?:(?:section|chapter|part|article)\s+\w+[.:]?\s*.*|\d+(?:\.\d+)*\.?\s+\p{Lu}.*)$/iu;
const MIN_BODY = 40;

function headingOf(line: string): string | null {
  const t = line.trim();
  const md = MARKDOWN_HEADING.exec(t);
  if (md) return md[1]!;
  if (t.length === 0 || t.length > 80 || /[.,;:?!]$/.test(t)) return null;
  if (NUMBERED_HEADING.test(t)) return t;
  // a line in capitals with at least two letters (RISK FACTORS), not a lone acronym inside a paragraph
  if (/\p{L}{2}/u.test(t) && t === t.toUpperCase() && t !== t.toLowerCase() && t.split(/\s+/).length <= 8) return t;
  return null;
}

/** Cuts text into pieces of at most `max` characters at the largest boundary that works. */
function cutToLength(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  for (const boundary of [/\n\s*\n/, /(?<=[.!?])\s+/, /\s+/]) {
    const parts = text.split(boundary).filter((p) => p.trim());
    if (parts.length < 2) continue;
    const out: string[] = [];
    let current = '';
    const joiner = boundary.source.includes('\\n') ? '\n\n' : ' ';
    for (const part of parts) {
      const next = current ? current + joiner + part : part;
      if (next.length <= max) current = next;
      else {
        if (current) out.push(current);
        current = part;
      }
    }
    if (current) out.push(current);
    // a piece still too long (one huge paragraph) is cut again at the next smaller boundary
    return out.flatMap((p) => (p.length > max ? cutToLength(p, max) : [p]));
  }
  const out: string[] = [];
  for (let i = 0; i < text.length; i += max) out.push(text.slice(i, i + max));
  return out;
}

export function chunkDocument(text: string, source: string, maxChars: number): Passage[] {
  const sections: Array<{ heading: string | null; lines: string[] }> = [{ heading: null, lines: [] }];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = headingOf(line);
    if (heading !== null) sections.push({ heading, lines: [] });
    else sections.at(-1)!.lines.push(line);
  }
  const passages: Passage[] = [];
  for (const s of sections) {
    const body = s.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (body.length < MIN_BODY) continue; // a heading with (almost) nothing under it asks no question
    for (const piece of cutToLength(body, maxChars)) passages.push({ source, heading: s.heading, text: piece.trim() });
  }
  return passages;
}
