// `fieldtune data redact` through its CliCommand interface: encodings, the offset contract of the report, modes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonStringsViewTs } from '../../core/pii/jsonStrings.js';
import { nativeDetectors } from '../../core/pii/nativeDetectors.js';
import { readTextFile, redactCommand } from './redact.js';
import type { CliArgs, CliOutput } from '../command.js';

const dir = mkdtempSync(join(tmpdir(), 'fieldtune-redact-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function recorder(): CliOutput & { results: unknown[]; logs: string[] } {
  const results: unknown[] = [];
  const logs: string[] = [];
  return { json: true, results, logs, result: (v) => void results.push(v), log: (m) => void logs.push(m) };
}

const TEXT = 'Patient: José Núñez\r\nDOB 03/14/1951 😀 call (937) 555-0142\r\nWife Zoë Núñez; metformin 500 mg BID since 2019.\r\n';

async function redact(name: string, bytes: Buffer, extra: CliArgs['values'] = {}, ext = '.txt') {
  const input = join(dir, `${name}${ext}`);
  writeFileSync(input, bytes);
  const out = recorder();
  const values = { in: input, out: join(dir, `${name}.out.txt`), report: join(dir, `${name}.report.json`), ...extra };
  const code = await redactCommand.run({ values, positionals: [] }, out);
  const report = JSON.parse(readFileSync(values.report as string, 'utf8')) as {
    spans: { start: number; end: number; type: string; text: string }[];
    input: { encoding: string; format: string };
  };
  return { code, out, report, output: readFileSync(values.out as string) };
}

const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

describe('fieldtune data redact', () => {
  it.each([
    ['utf-8', Buffer.from(TEXT, 'utf8')],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
  ])('reads %s, reports exact offsets into the decoded text and writes the same encoding back', async (encoding, bytes) => {
    const { code, report, output, out } = await redact(encoding, bytes);
    expect(code).toBe(0);
    expect(report.input.encoding).toBe(encoding);
    expect(report.spans.map((s) => [s.type, s.text])).toEqual([
      ['NAME', 'José Núñez'],
      ['DATE', '03/14/1951'],
      ['PHONE', '(937) 555-0142'],
      ['NAME', 'Zoë Núñez'],
    ]);
    for (const s of report.spans) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
    const expected = 'Patient: [NAME]\r\nDOB [DATE] 😀 call [PHONE]\r\nWife [NAME]; metformin 500 mg BID since 2019.\r\n';
    const back = encoding === 'utf-16be' ? utf16be(expected) : Buffer.from(expected, encoding === 'utf-16le' ? 'utf16le' : 'utf8');
    expect(output.subarray(output.length - back.length)).toEqual(back);
    expect(out.logs.join('\n')).toMatch(/PERSONAL DATA/);
    expect(JSON.stringify(out.results)).not.toContain('Núñez');
  });

  it.each(['mask', 'pseudonym'])('redacts a JSON Lines file in its decoded values and every record still parses (%s)', async (mode) => {
    const records = [
      { prompt: 'Seen today.\nJohn Smith called from (937) 555-0142.', response: 'Mail him at\r\nmfoster@example.com' },
      { prompt: TEXT, response: 'ok' },
    ];
    const input = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
    const { code, report, output } = await redact(`jsonl-${mode}`, Buffer.from(input), { mode }, '.jsonl');
    expect(code).toBe(0);
    expect(report.input.format).toBe('json');
    for (const s of report.spans) expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(report.spans.map((s) => JSON.parse(`"${s.text}"`) as string)).toEqual(
      expect.arrayContaining(['John Smith', 'mfoster@example.com', 'José Núñez', '03/14/1951', 'Zoë Núñez']),
    );
    const back = output
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { prompt: string; response: string });
    expect(back).toHaveLength(2);
    // Whole words: a surrogate drawn at random may well be 'Johnny', which leaks nothing.
    expect(JSON.stringify(back)).not.toMatch(/\b(John|Smith|mfoster)\b|Núñez|555-0142/);
    if (mode === 'mask') expect(back[0]).toEqual({ prompt: 'Seen today.\n[NAME] called from [PHONE].', response: 'Mail him at\r\n[EMAIL]' });
  });

  it("reads a JSON file's strings view with its text where the add-on runs, and redacts a file whose text opens with U+FEFF", async () => {
    const record = JSON.stringify({ prompt: 'Call John Smith on (937) 555-0142.' });
    const plain = join(dir, 'view.jsonl');
    writeFileSync(plain, record + '\n');
    const read = await readTextFile(plain, { jsonView: true });
    expect(read.text).toBe(record + '\n');
    // the view comes with the text where the add-on loads, and is the one jsonStringsView makes
    // (and shared with worker threads by number: piiLongText.ts)
    if (nativeDetectors()?.text) expect(read.view).toEqual({ ...jsonStringsViewTs(read.text), shared: expect.any(Number) });
    expect((await readTextFile(plain)).view).toBeUndefined();
    // a BOM, then a second U+FEFF that decoding drops: a view of the undropped text would be one unit off
    const { code, report, output } = await redact('feff', Buffer.from('\ufeff\ufeff' + record + '\n'), {}, '.jsonl');
    expect(code).toBe(0);
    expect(report.spans.map((s) => s.text)).toEqual(['John Smith', '(937) 555-0142']);
    expect(JSON.parse(output.toString('utf8').replace(/^\ufeff/, ''))).toEqual({ prompt: 'Call [NAME] on [PHONE].' });
  });

  it('gives a person one surrogate in a JSON file whether the writer escaped the name or not', async () => {
    const secret = join(dir, 'secret-json.bin');
    writeFileSync(secret, 'a-dataset-secret-of-enough-bytes');
    const plain = JSON.stringify({ text: 'Patient: José Núñez, seen today.' });
    const escaped = plain.replace('é', '\\u00e9').replace('ú', '\\u00fa').replace('ñ', '\\u00f1');
    const { report, output } = await redact('json-escaped', Buffer.from(`[${plain},\n${escaped}]\n`), { mode: 'pseudonym', 'secret-file': secret }, '.json');
    expect(report.spans.map((s) => s.text)).toEqual(['José Núñez', 'Jos\\u00e9 N\\u00fa\\u00f1ez']);
    const [a, b] = JSON.parse(output.toString('utf8')) as { text: string }[];
    expect(a?.text).not.toContain('Núñez');
    expect(a?.text).toBe(b?.text);
  });

  it.each(['mask', 'pseudonym'])('redacts a CSV file cell by cell, labelled by column, and every row keeps its cells (%s)', async (mode) => {
    const input =
      'patient;city;zip_code;note\r\n' + 'John Smith;Springfield;62701;"Call (937) 555-0142; said ""fine"""\r\n' + '"Smith; John";Boston;02118;ok\r\n';
    const { code, report, output } = await redact(`csv-${mode}`, Buffer.from(input), { mode }, '.csv');
    expect(code).toBe(0);
    expect(report.input.format).toBe('csv');
    for (const s of report.spans) expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(report.spans.map((s) => [s.type, s.text])).toEqual(
      expect.arrayContaining([
        ['LOCATION', 'Springfield'],
        ['ZIP', '62701'],
        ['LOCATION', 'Boston'],
        ['ZIP', '02118'],
        ['PHONE', '(937) 555-0142'],
      ]),
    );
    const cells = (text: string) => Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    const back = cells(output.toString('utf8'));
    expect(back.map((r) => r.length)).toEqual([4, 4, 4]);
    expect(back[0]).toEqual(['patient', 'city', 'zip_code', 'note']);
    expect(JSON.stringify(back)).not.toMatch(/\b(John|Smith|Springfield|Boston|62701|02118)\b|555-0142/);
    expect(back[1]?.[3]).toMatch(/; said "fine"$/);
    if (mode === 'mask') expect(back[1]).toEqual(['[NAME]', '[LOCATION]', '[ZIP]', 'Call [PHONE]; said "fine"']);
    // read as plain text, a lone town in its column says nothing of what it is
    const plain = await redact(`csv-as-text-${mode}`, Buffer.from(input), { mode }, '.txt');
    expect(plain.report.spans.map((s) => s.text)).not.toContain('Springfield');
  });

  it('sends a spreadsheet or document to data import or a CSV copy, and writes nothing', async () => {
    for (const ext of ['.xlsx', '.pdf', '.DOCX']) {
      await expect(redact(`packed${ext}`, Buffer.from('PK\x03\x04 zip bytes'), {}, ext)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/text files only.*Save it as CSV.*fieldtune data import/),
      });
      expect(existsSync(join(dir, `packed${ext}.out.txt`)) || existsSync(join(dir, `packed${ext}.report.json`))).toBe(false);
    }
  });

  it('refuses other encodings with a clear message', async () => {
    const latin1 = Buffer.from('Patient: Jos\xe9 N\xfa\xf1ez\n', 'latin1');
    await expect(redact('latin1', latin1)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/UTF-8.*UTF-16/) });
  });

  it('pseudonymizes consistently with a secret file and writes the map apart', async () => {
    const secret = join(dir, 'secret.bin');
    writeFileSync(secret, 'a-dataset-secret-of-enough-bytes');
    const map = join(dir, 'map.json');
    const a = await redact('p1', Buffer.from(TEXT), { mode: 'pseudonym', 'secret-file': secret, map });
    const b = await redact('p2', Buffer.from(TEXT), { mode: 'pseudonym', 'secret-file': secret });
    const text = a.output.toString('utf8');
    expect(text).toEqual(b.output.toString('utf8'));
    expect(text).not.toMatch(/Núñez|José|555-0142|03\/14\/1951/);
    const m = JSON.parse(readFileSync(map, 'utf8')) as { entries: { NAME: Record<string, string> } };
    expect(text).toContain(m.entries.NAME['jose nunez'] ?? '?');
    expect(text).toContain(m.entries.NAME['zoe nunez'] ?? '?');
  });

  it('runs through the fieldtune entry point, with the personal-data notice on stderr only', () => {
    const input = join(dir, 'bin.txt');
    writeFileSync(input, TEXT);
    const args = ['bin/fieldtune.mjs', 'data', 'redact', '--in', input, '--out', join(dir, 'bin.out.txt'), '--report', join(dir, 'bin.json'), '--json'];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ spans: 4, counts: { NAME: 2, DATE: 1, PHONE: 1 } });
    expect(r.stdout).not.toContain('Núñez');
    expect(r.stderr).toMatch(/PERSONAL DATA/);
    expect(readFileSync(join(dir, 'bin.out.txt'), 'utf8')).toBe(
      'Patient: [NAME]\r\nDOB [DATE] 😀 call [PHONE]\r\nWife [NAME]; metformin 500 mg BID since 2019.\r\n',
    );
  });

  it.each(['mask', 'pseudonym'])('redacts only the types asked for and reports the others as found but kept (%s)', async (mode) => {
    const { code, report, output, out } = await redact(`types-${mode}`, Buffer.from(TEXT), { mode, types: 'phone,DATE' });
    expect(code).toBe(0);
    expect(report.spans.map((s) => [s.type, s.text])).toEqual([
      ['DATE', '03/14/1951'],
      ['PHONE', '(937) 555-0142'],
    ]);
    for (const s of report.spans) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
    const copy = output.toString('utf8');
    expect(copy).toContain('José Núñez');
    expect(copy).not.toMatch(/03\/14\/1951|555-0142/);
    if (mode === 'mask') expect(copy).toBe(TEXT.replace('03/14/1951', '[DATE]').replace('(937) 555-0142', '[PHONE]'));
    const counts = (report as unknown as { report: Record<'detected' | 'redacted' | 'kept', Record<string, number>> }).report;
    expect([counts.detected['NAME'], counts.redacted['NAME'], counts.kept['NAME']]).toEqual([2, 0, 2]);
    expect([counts.detected['PHONE'], counts.redacted['PHONE'], counts.kept['PHONE']]).toEqual([1, 1, 0]);
    expect(out.results).toEqual([expect.objectContaining({ spans: 2, counts: { DATE: 1, PHONE: 1 } })]);
  });

  it('validates its options and says in its usage that the report holds personal data', async () => {
    expect(redactCommand.name).toBe('data redact');
    expect(redactCommand.usage).toMatch(/--in FILE\.txt --out FILE\.txt --report REPORT\.json \[--mode mask\|pseudonym\]/);
    expect(redactCommand.usage).toMatch(/CONTAIN PERSONAL DATA/);
    await expect(redact('m', Buffer.from(TEXT), { mode: 'shred' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // A folder that cannot take an output is refused before detection, naming the option and the folder.
    const missing = join(dir, 'no-such-folder');
    await expect(redact('f', Buffer.from(TEXT), { out: join(missing, 'o.txt') })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: `--out: cannot write into ${missing} (no such folder)`,
    });
    await expect(redact('g', Buffer.from(TEXT), { report: join(dir, 'f.txt', 'r.json') })).rejects.toMatchObject({
      message: `--report: ${join(dir, 'f.txt')} is not a folder`,
    });
    expect(existsSync(join(dir, 'f.report.json')) || existsSync(join(dir, 'g.out.txt'))).toBe(false);
    await expect(redactCommand.run({ values: { in: 'x' }, positionals: [] }, recorder())).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
