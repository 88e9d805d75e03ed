// Correctness gate for speed work on the personal-data detector: `npx tsx bench/pii-span-hash.ts`.
// Prints a sha256 (first 16 hex digits) of the detector's spans on every labelled document of every split, wblind
// included (hashed, never scored: its protocol keeps it unread until its one scoring, and a hash tells nothing of
// its figures), plus the spans of the whole corpus glued into one text (which exercises cross-document runs, long
// texts and the line-window shortcuts). A speed change that keeps the hash keeps every figure of every labelled set.
// On main before speed round 3: `docs 210 spans 1728 glued spans 1736 hash ac65983fd3ac38ea`.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectPii } from '../electron/core/pii/detect.js';
import { loadPiiResources } from '../electron/core/pii/resources.js';

const fixtures = fileURLToPath(new URL('../test/fixtures/pii', import.meta.url));
const resources = loadPiiResources();
const hash = createHash('sha256');
const texts: string[] = [];
let spans = 0;
for (const split of readdirSync(fixtures)
  .filter((d) => d !== 'source' && statSync(join(fixtures, d)).isDirectory())
  .sort()) {
  for (const f of readdirSync(join(fixtures, split))
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(join(fixtures, split, f), 'utf8');
    texts.push(text);
    const found = detectPii(text, { resources });
    spans += found.length;
    hash.update(JSON.stringify(found));
  }
}
const glued = detectPii(texts.join('\n\n'), { resources });
hash.update(JSON.stringify(glued));
console.log('docs', texts.length, 'spans', spans, 'glued spans', glued.length, 'hash', hash.digest('hex').slice(0, 16));
