// Personal data in the browser: a medical project is offered its template; a CSV of front-desk calls (one patient
// named in several rows) is checked, one finding is kept (a clinician's name), one missed place is marked by
// selecting it, and consistent pseudonyms make a new version with no original identifier and one surrogate per person.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer } from './server.js';

const shots = process.env['FIELDTUNE_SCREENSHOTS'];
const snap = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `privacy-${name}.png`), fullPage: true });
};

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'privacy', 'front-desk-calls.csv');
/** Every identifier in the fixture that must be gone after redaction (the kept "Patel" is checked separately). */
const IDENTIFIERS = [
  'Maria',
  'Kowalski',
  '00482913',
  '03/14/2024',
  '617-555-0143',
  '12 Elm Street',
  'Shelbyville',
  'Springfield',
  'maria.k@example.com',
  'Tomás',
  'Ferreira',
  '07/02/1961',
];

/** Selects `text` inside the first highlighted-text paragraph holding it, as a mouse drag would, and releases. */
async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    for (const p of Array.from(document.querySelectorAll<HTMLElement>('p.pii-text'))) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(needle) ?? -1;
        if (at < 0 || node.parentElement?.closest('mark')) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
    }
    throw new Error(`"${needle}" is not plain text in the review`);
  }, text);
}

test('checks a CSV for personal data, reviews it, and pseudonymizes it into a new version', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-privacy-'));
  const server = await startServer(join(dir, 'ws'), ['--no-demo']);
  try {
    await page.goto(server.url);
    await page.getByLabel('New project').fill('Front desk calls');
    await page.getByLabel('Field').selectOption('medical');
    await expect(page.getByRole('form', { name: 'Create a project' })).toContainText('Clinical documentation: removes 18 kinds of personal data');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Front desk calls' })).toBeVisible();

    // The medical template: what it protects, a system prompt, sample data.
    const offer = page.getByRole('region', { name: /Starting point: Clinical documentation/ });
    await expect(offer).toContainText('Medical record numbers');
    await expect(offer.getByRole('button', { name: /Import its \d+ sample conversations/ })).toBeVisible();
    await snap(page, '0-offer');

    await page.getByLabel('Path to a file or folder on this computer').fill(FIXTURE);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Import this file' }).click();
    await expect(page.getByText('Imported 6 examples.')).toBeVisible();
    await page.getByRole('button', { name: 'Versions and examples' }).click();

    const section = page.getByRole('region', { name: 'Personal data' });
    await expect(section).toContainText('Not checked yet.');
    await section.getByRole('button', { name: 'Protect personal data' }).click();
    await section.getByRole('button', { name: 'Check this version for personal data' }).click();
    const kinds = section.getByRole('table', { name: 'What was found, by kind' });
    await expect(kinds.getByRole('row', { name: /Names of people/ })).toBeVisible();
    await expect(kinds.getByRole('row', { name: /Medical record numbers/ })).toContainText('1');
    const review = section.getByRole('list', { name: 'Examples with personal data' });
    await expect(review.getByRole('button', { name: 'Maria Kowalski NAME' })).toHaveCount(3);
    await snap(page, '1-review');

    // Reject one: Dr. Patel is the clinician, not a patient; the decision covers both mentions.
    await review.getByRole('button', { name: 'Patel NAME' }).first().click();
    await section.getByRole('region', { name: 'Selected identifier' }).getByRole('button', { name: 'Not personal: keep it' }).click();
    await expect(review.getByRole('button', { name: 'Patel NAME, kept as is' })).toHaveCount(2);

    // Add one: the town the detector missed, selected with the mouse.
    await selectText(page, 'Shelbyville');
    const add = section.getByRole('form', { name: 'Mark missed personal data' });
    await expect(add).toContainText('“Shelbyville”');
    await add.getByLabel('Kind').selectOption('LOCATION');
    await add.getByRole('button', { name: 'Mark as personal data' }).click();
    await expect(review.getByRole('button', { name: 'Shelbyville LOCATION, added by you' })).toHaveCount(1);
    await snap(page, '2-decisions');
    // Typing a missed identifier is the keyboard way; text that is not in the data is refused with the reason.
    await section.getByText('Type a missed identifier instead').click();
    const typed = section.getByRole('form', { name: 'Type a missed identifier' });
    await typed.getByLabel('Text, exactly as written').fill('Zebedee');
    await typed.getByRole('button', { name: 'Mark it' }).click();
    await expect(section.getByRole('alert')).toContainText('“Zebedee” does not appear in this version.');

    // Consistent pseudonyms into a new version, with its report.
    await section.getByLabel(/Consistent pseudonyms/).check();
    await section.getByRole('button', { name: /Make a redacted version/ }).click();
    await expect(page.getByRole('button', { name: 'Work on front-desk-calls v2' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('row', { name: /^v2 Personal data protected 6 / })).toBeVisible();
    const report = section.getByRole('region', { name: 'Redaction report' });
    await expect(report).toContainText('consistent pseudonyms');
    await expect(report).toContainText('1 kept as they were, 1 added');
    // Span counts by kind add up (found + added = replaced + kept): Shelbyville added once, Patel kept twice.
    const byKind = report.getByRole('table', { name: 'By kind' });
    const cells = async (kind: RegExp) => (await byKind.getByRole('row', { name: kind }).getByRole('cell').allTextContents()).map(Number);
    const [placesFound, placesAdded, placesReplaced, placesKept] = await cells(/^Addresses, towns and places/);
    expect([placesAdded, placesKept]).toEqual([1, 0]);
    expect(placesFound! + placesAdded!).toBe(placesReplaced! + placesKept!);
    const [namesFound, namesAdded, namesReplaced, namesKept] = await cells(/^Names of people/);
    expect([namesAdded, namesKept]).toEqual([0, 2]);
    expect(namesFound! + namesAdded!).toBe(namesReplaced! + namesKept!);
    await expect(section.getByRole('region', { name: 'Pseudonym map' })).toBeVisible();
    await snap(page, '3-report');

    // The new version, exported as a user would: no original identifier, one surrogate for Maria Kowalski.
    const out = join(dir, 'redacted.jsonl');
    await page.getByLabel('Save this version as').fill(out);
    await page.getByLabel('File format').selectOption('jsonl');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(page.getByText(`Wrote 6 examples to ${out}.`)).toBeVisible();
    const rows = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { messages: Array<{ content: string }> }).messages[0]!.content);
    const all = rows.join('\n');
    // As written, a whole token: a drawn surname may hold an original first name inside it ("Mariani" for "Maria").
    for (const id of IDENTIFIERS) expect(all).not.toMatch(new RegExp(`(?<![\\p{L}\\d])${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\p{L}\\d])`, 'u'));
    expect(all).toContain('Dr. Patel');
    const person = /^Patient (\p{Lu}\p{L}+ \p{Lu}[\p{L}'-]+) \(MRN/u.exec(rows[0]!)?.[1];
    expect(person, rows[0]).toBeTruthy();
    expect(rows[1]).toContain(`Can ${person} move`);
    expect(rows[3]).toContain(`Reminder for ${person}:`);
    expect(rows[2]).toContain(`Mrs. ${person!.split(' ')[1]} asked`);

    // Deleting the pseudonym map removes the file that links surrogates to people.
    await section.getByRole('button', { name: 'Delete the pseudonym map' }).click();
    await section.getByRole('button', { name: 'Delete it' }).click();
    await expect(section.getByText('The pseudonym map was deleted.')).toBeVisible();
    await expect(section.getByRole('region', { name: 'Pseudonym map' })).toHaveCount(0);
    expect(readdirSync(join(dir, 'ws', 'private', 'pseudonym-maps'))).toEqual([]);
    await snap(page, '4-map-deleted');

    // The template's sample conversations, one click away on the Import task.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await offer.getByRole('button', { name: 'Import its 10 sample conversations' }).click();
    await expect(offer.getByRole('status')).toContainText('Imported 10 sample conversations.');
    await page.getByRole('button', { name: 'Versions and examples' }).click();
    await expect(page.getByRole('table', { name: /Clinical documentation \(sample\)/ })).toContainText('Imported');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
