// A CSV's delimiter from its header line, apart from sheets.ts so that `data redact` can tell it without loading
// the spreadsheet readers (papaparse, the zip libraries) at start-up.

/**
 * The delimiter of a CSV from its header line: the candidate occurring most often outside quotes. Papaparse's own
 * guess needs several consistent rows and fails on a short file (e.g. header + one row + a trailing newline), while
 * the header line alone is reliable: Excel in many European locales writes ';'.
 */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
    ['|', 0],
  ]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}
