// cityWords.ts lets the detectors skip a run of words whose first (or last) word opens (closes) no known town. It
// must never refuse a run that holds one: checked on every known town's display form and key, upper-cased, and with
// a final '.' or ','; and it must refuse common words (else it saves
// nothing).
import { describe, expect, it } from 'vitest';
import { mayCloseTown, mayOpenTown } from './cityWords.js';
import { foldKey, loadPiiResources } from './resources.js';

const res = loadPiiResources();

describe('city words', () => {
  it('lets through every run that holds a known town', () => {
    const names = [...res.cityForms, ...res.cities];
    let checked = 0;
    for (const name of names) {
      if (!res.cities.has(foldKey(name))) continue;
      for (const form of [name, name.toUpperCase(), `${name}.`, `${name},`]) {
        const words = form.split(' ');
        // The detectors' test: the key of the words joined, with a final '.' or ',' dropped.
        expect(mayOpenTown(res.cities, words[0] ?? ''), form).toBe(true);
        expect(mayCloseTown(res.cities, words[words.length - 1] ?? ''), form).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('refuses ASCII words that open or close no town, and lets any other word through', () => {
    for (const w of ['Xyzzyq', 'Qwertyuiop', 'Zzzzz.']) {
      expect(mayOpenTown(res.cities, w)).toBe(false);
      expect(mayCloseTown(res.cities, w)).toBe(false);
    }
    expect(mayOpenTown(res.cities, 'Żółw')).toBe(true);
    expect(mayCloseTown(res.cities, 'Xyzzé')).toBe(true);
  });
});
