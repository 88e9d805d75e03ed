// The record labels' alternation grouped by first character (labelled.ts byFirstLetter) must match exactly what the
// flat list of labels in the same order matches: checked on every labelled document but the blind split and on each
// label followed by a value, in several orders of the list (the real one is longest first).
import { describe, expect, it } from 'vitest';
import { byFirstLetter } from './labelled.js';
import { loadPiiResources } from './resources.js';
import { labelRe, matches } from './span.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();

const labels = [
  ...new Set(
    Object.values(loadPiiResources().labels)
      .flat()
      .map((l) => l.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '')),
  ),
];
/** A label, upper-cased or not, with and without its dot, then a value; and glued to the next label. */
const samples = labels
  .map((l, i) => `${i % 2 ? l.toUpperCase() : l}${i % 3 ? '. ' : ' '}A${1000 + i}; ${l}${labels[(i + 1) % labels.length]} 12345`)
  .join('\n');

const wrap = (alts: string) => new RegExp(String.raw`(?<![\p{L}\d])(?<label>${alts})(?![\p{L}])[ \t]*[:#]?[ \t]*(?<value>[A-Za-z0-9-]+)`, 'giu');
const all = (re: RegExp, text: string) => [...matches(re, text)].map((m) => [m.index, m[0], m.groups?.label]);

describe('labels grouped by first character', () => {
  const orders = [
    [...labels].sort((a, b) => b.length - a.length),
    [...labels].sort((a, b) => a.length - b.length),
    [...labels].sort(),
    [...labels].sort().reverse(),
  ];
  it('match what the flat alternation in the same order matches', () => {
    for (const order of orders) {
      const flat = wrap(order.map(labelRe).join('|'));
      const grouped = wrap(byFirstLetter(order));
      for (const text of [...texts, samples]) expect(all(grouped, text)).toEqual(all(flat, text));
    }
  });

  it('group: one alternative per first character, and some labels found (so the comparison is not of empty lists)', () => {
    const grouped = byFirstLetter(orders[0] ?? []);
    expect(grouped.split(/\|(?=\S\(\?:)/).length).toBe(new Set(labels.map((l) => l[0])).size);
    expect(all(wrap(grouped), samples).length).toBeGreaterThan(labels.length);
  });
});
