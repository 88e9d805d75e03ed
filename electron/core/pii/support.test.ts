// Check digits, reviewer decisions, the redaction report and the domain templates.
import { describe, expect, it } from 'vitest';
import { abaValid, deaValid, ibanValid, ipv4Valid, luhnValid, npiValid, ssnValid, vinValid } from './checksums.js';
import { detectPii } from './detect.js';
import { buildRedactionReport } from './report.js';
import { loadPiiResources } from './resources.js';
import { applyDecisions } from './review.js';
import type { ReviewDecision } from './review.js';
import { TEMPLATE_DOMAINS, loadDomainTemplate } from './templates.js';

describe('check digits', () => {
  it('accept valid and reject altered numbers', () => {
    expect([luhnValid('4111 1111 1111 1111'), luhnValid('4111 1111 1111 1112')]).toEqual([true, false]);
    expect([ssnValid('123-45-6789'), ssnValid('666-45-6789'), ssnValid('900-12-3456'), ssnValid('123-00-6789')]).toEqual([true, false, false, false]);
    expect([npiValid('1245319599'), npiValid('1245319598')]).toEqual([true, false]);
    expect([vinValid('1HGCM82633A004352'), vinValid('1HGCM82643A004352')]).toEqual([true, false]);
    expect([deaValid('BK3419872'), deaValid('BK3419873')]).toEqual([true, false]);
    expect([abaValid('011000138'), abaValid('011000139')]).toEqual([true, false]);
    expect([ibanValid('GB82 WEST 1234 5698 7654 32'), ibanValid('GB82 WEST 1234 5698 7654 33')]).toEqual([true, false]);
    expect([ipv4Valid('192.168.1.20'), ipv4Valid('256.1.1.1'), ipv4Valid('01.2.3.4')]).toEqual([true, false, false]);
  });
});

describe('review decisions', () => {
  const resources = loadPiiResources();
  const input = 'Patient: José Núñez. Nurse Ana Kim saw José Núñez; the ward clerk Bo Lin was present.';
  const spans = detectPii(input, { resources });

  it('rejects a string everywhere, adds a missed one everywhere, and accepts as reviewer', () => {
    const decisions: ReviewDecision[] = [
      { decision: 'reject', type: 'NAME', text: 'José Núñez' },
      { decision: 'added', type: 'NAME', text: 'Bo Lin' },
      { decision: 'accept', type: 'NAME', text: 'Ana Kim' },
    ];
    const out = applyDecisions(input, spans, decisions);
    expect(out.filter((s) => s.text === 'José Núñez')).toHaveLength(0);
    expect(out.filter((s) => s.text === 'Bo Lin')).toMatchObject([{ type: 'NAME', source: 'reviewer', start: input.indexOf('Bo Lin') }]);
    expect(out.find((s) => s.text === 'Ana Kim')).toMatchObject({ source: 'reviewer', confidence: 1 });
    for (const s of out) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('adds whole words only', () => {
    const out = applyDecisions('Anatomy with Ana.', [], [{ decision: 'added', type: 'NAME', text: 'Ana' }]);
    expect(out.map((s) => s.start)).toEqual([13]);
  });
});

describe('redaction report', () => {
  it('counts by type, keeps the policy and the reviewer decisions, and holds no identifier text', () => {
    const detected = [
      { start: 0, end: 4, type: 'NAME' as const, text: 'Anna', confidence: 0.9, source: 'context' as const },
      { start: 5, end: 15, type: 'DATE' as const, text: '03/14/2024', confidence: 0.9, source: 'pattern' as const },
    ];
    const report = buildRedactionReport({
      mode: 'pseudonym',
      policy: { types: ['NAME'] },
      records: [{ text: 'Anna 03/14/2024', detected, reviewed: [detected[0]!], redacted: [detected[0]!] }],
      decisions: [
        { decision: 'reject', type: 'DATE', text: '03/14/2024' },
        { decision: 'added', type: 'NAME', text: 'Bo' },
      ],
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(report).toMatchObject({ version: 1, mode: 'pseudonym', policy: { types: ['NAME'] }, records: 1, characters: 15, totalRedacted: 1 });
    expect(report.detected.NAME).toBe(1);
    expect(report.detected.DATE).toBe(1);
    expect(report.redacted.DATE).toBe(0);
    expect(report.review).toMatchObject({ accepted: 0, rejected: 1, added: 1 });
    expect(report.review.byType.DATE.rejected).toBe(1);
    expect(JSON.stringify(report)).not.toMatch(/Anna|03\/14/);
  });
});

describe('domain templates', () => {
  it.each(TEMPLATE_DOMAINS)('%s loads, validates and has ~10 chat samples', (domain) => {
    const t = loadDomainTemplate(domain);
    expect(t.samples.length).toBeGreaterThanOrEqual(8);
    expect(t.identifierTypes).toContain('NAME');
    expect(t.systemPrompt.length).toBeGreaterThan(40);
  });

  it('medical and legal samples contain personal data the detector finds', () => {
    const resources = loadPiiResources();
    for (const domain of ['medical', 'legal'] as const) {
      const text = loadDomainTemplate(domain)
        .samples.flatMap((s) => s.messages.map((m) => m.content))
        .join('\n');
      const types = new Set(detectPii(text, { resources }).map((s) => s.type));
      expect([...types]).toEqual(expect.arrayContaining(['NAME', 'DATE']));
    }
  });
});
