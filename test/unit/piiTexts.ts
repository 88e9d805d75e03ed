// The labelled personal-data documents the detector's tests and speed benches run on: every split but wblind (the
// blind split stays unread until its one scoring), in a fixed order, so two runs and two commits read the same text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../fixtures/pii', import.meta.url));

export function labelledTexts(): string[] {
  const texts: string[] = [];
  for (const split of ['tune', 'test', 'holdout', 'holdout2', 'holdout3', 'wtune'])
    for (const f of readdirSync(join(fixtures, split))
      .filter((x) => x.endsWith('.txt'))
      .sort())
      texts.push(readFileSync(join(fixtures, split, f), 'utf8'));
  return texts;
}
