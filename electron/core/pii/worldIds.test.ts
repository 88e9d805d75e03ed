// Issue 17 item 5: identifiers issued outside the US, each found with a valid check digit and left alone (as that
// kind) when one digit of it is wrong; IBANs of every SEPA country; addresses, dates and names as written outside
// the US and in non-Latin scripts.
import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';
import { SEPA_IBAN_LENGTHS, sepaIbanValid } from './nationalIds.js';
import { loadPiiResources } from './resources.js';
import type { PiiType } from './types.js';
import { vatValid } from './vat.js';
import { aadhaarValid, verhoeffValid } from './worldChecksums.js';

const resources = loadPiiResources();
const detect = (t: string) => detectPii(t, { resources });
const found = (t: string, text: string, type: PiiType) => detect(t).some((s) => s.type === type && s.text === text);
/** Found by its check digit (other rules may still flag a wrong number as a generic ID: a label, a code shape). */
const checked = (t: string, text: string, type: PiiType) => detect(t).some((s) => s.type === type && s.text === text && s.source === 'checksum');

/** One digit off: the last digit plus one (mod 10), which every check here catches. */
const broken = (v: string) => v.replace(/(\d)(\D*)$/, (_, d: string, tail: string) => `${(Number(d) + 1) % 10}${tail}`);

// [kind, sentence with {} where the number goes, valid number, type]. The sentences carry no label for the kinds
// whose check digit is enough; kinds that need a label have it, so the invalid case shows the check still decides.
const KINDS: [string, string, string, PiiType, string?][] = [
  ['UK NHS number', 'Seen today, {} on the clinic list.', '825 086 4182', 'ID'],
  ['Canadian SIN', 'Employee record {} on file.', '310 729 173', 'ID'],
  ['Australian TFN', 'Quoted {} on the return.', '423 018 648', 'ID'],
  // The last digit of a Medicare number is the person's position on the card, not checked: break the 9th instead.
  ['Australian Medicare', 'Card {} expires soon.', '3449 15967 2', 'HEALTH_PLAN', '3449 15968 2'],
  ['Indian Aadhaar', 'KYC done with {} yesterday.', '6853 0309 6106', 'ID'],
  ['Spanish DNI', 'Identificado con {} en la vista.', '91955541T', 'ID'],
  ['Spanish NIE', 'Documento {} presentado.', 'X6123200W', 'ID'],
  ['French NIR', 'Dossier {} transmis.', '2 90 05 18 059 215 83', 'ID'],
  ['Italian codice fiscale', 'Intestato a {} come da contratto.', 'CFGKLQ02T23V617F', 'ID'],
  ['Irish PPSN', 'Reference {} was quoted.', '8576168B', 'ID'],
  ['Irish PPSN, new form', 'Reference {} was quoted.', '7994621DA', 'ID'],
  ['Dutch BSN', 'BSN: {}', '564007560', 'ID'],
  ['Belgian national number', 'Numéro national : {}', '34.08.05-545.75', 'ID'],
  ['Polish PESEL', 'PESEL: {}', '82062623230', 'ID'],
  ['German tax id', 'Steuer-ID {}', '19893105593', 'ID'],
  ['Swedish personnummer', 'Patient {} inskriven.', '940606-3348', 'ID'],
  ['Finnish HETU', 'Hakija {} rekisteröity.', '110663-4025', 'ID'],
  ['Swiss AHV', 'Versichert unter {}.', '756.9217.0769.85', 'ID'],
  ['EU VAT, DE', 'Rechnung an {}.', 'DE534186224', 'ID'],
  ['EU VAT, FR', 'Facture à {}.', 'FR76505654781', 'ID'],
  ['EU VAT, IT', 'Fattura a {}.', 'IT39660950351', 'ID'],
  ['EU VAT, BE', 'Facture à {}.', 'BE0282225953', 'ID'],
  // "B01" is a sequence number; the check covers the nine digits before it.
  ['EU VAT, NL', 'Factuur aan {}.', 'NL039844195B01', 'ID', 'NL039844196B01'],
  ['EU VAT, AT', 'Rechnung an {}.', 'ATU25542730', 'ID'],
  ['EU VAT, PL', 'Faktura dla {}.', 'PL9825596751', 'ID'],
  ['EU VAT, PT', 'Fatura para {}.', 'PT451078381', 'ID'],
  ['EU VAT, DK', 'Faktura til {}.', 'DK81557101', 'ID'],
  ['EU VAT, FI', 'Lasku {}.', 'FI30292390', 'ID'],
  ['EU VAT, SE', 'Faktura till {}.', 'SE049779000601', 'ID'],
  ['EU VAT, LU', 'Facture à {}.', 'LU20898008', 'ID'],
  ['EU VAT, IE', 'Invoice to {}.', 'IE4352293S', 'ID'],
];

describe('national, health and tax numbers outside the US', () => {
  for (const [kind, sentence, value, type, wrong] of KINDS) {
    it(`finds a valid ${kind} by its check and not one with a wrong check digit`, () => {
      expect(checked(sentence.replace('{}', value), value, type), value).toBe(true);
      const bad = wrong ?? broken(value);
      expect(checked(sentence.replace('{}', bad), bad, type), bad).toBe(false);
    });
  }

  it('finds a UK National Insurance number (no check digit: the letters decide) and not a disallowed prefix', () => {
    expect(found('NI number: JT 48 21 93 C', 'JT 48 21 93 C', 'ID')).toBe(true);
    expect(found('Ref QQ123456C', 'QQ123456C', 'ID')).toBe(true);
    expect(detect('Pour GB123456C et QD123456A.').some((x) => x.type === 'ID' && x.text.startsWith('GB') && x.confidence > 0.5)).toBe(false);
  });

  it('never takes the last nine digits of a longer number for a Dutch BSN (every alternative keeps the look-behind)', () => {
    // 564007560 passes the BSN check; as the tail of a longer, hyphenated number it is not one
    expect(checked('BSN: 564007560', '564007560', 'ID')).toBe(true);
    expect(checked('BSN: ref 4711-564007560', '564007560', 'ID')).toBe(false);
  });

  it('finds an Indian PAN by its shape (fourth letter is the holder type)', () => {
    expect(found('PAN AGKPA7731L', 'AGKPA7731L', 'ID')).toBe(true);
    expect(found('code AGKXA7731L', 'AGKXA7731L', 'ID')).toBe(false);
  });

  it('reads a 10-digit run after a phone word as a phone number even when it passes the NHS check', () => {
    const spans = detect('Call 825 086 4182 after five');
    expect(spans.map((s) => s.type)).not.toContain('ID');
  });

  it('Verhoeff catches every single-digit error and every neighbour swap of an Aadhaar number', () => {
    const v = '685303096106';
    expect(verhoeffValid(v)).toBe(true);
    for (let i = 0; i < v.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === v[i]) continue;
        expect(aadhaarValid(v.slice(0, i) + d + v.slice(i + 1))).toBe(false);
      }
      if (i + 1 < v.length && v[i] !== v[i + 1]) expect(aadhaarValid(v.slice(0, i) + v[i + 1] + v[i] + v.slice(i + 2))).toBe(false);
    }
  });

  it('knows which VAT numbers it can check and which only by shape', () => {
    expect(vatValid('DE534186224')).toBe('checked');
    expect(vatValid('DE534186225')).toBeUndefined();
    expect(vatValid('EL094014201')).toBe('shape');
    expect(vatValid('XX123456789')).toBeUndefined();
  });
});

/** A valid IBAN for a country and a BBAN of the right length (check digits computed as the standard says). */
function ibanFor(country: string, length: number): string {
  const bban = '1234567890123456789012345678901'.slice(0, length - 4);
  const moved = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of moved) rem = (rem * 10 + Number(ch)) % 97;
  return `${country}${String(98 - rem).padStart(2, '0')}${bban}`.replace(/(.{4})/g, '$1 ').trim();
}

describe('IBAN for every SEPA country', () => {
  for (const [country, length] of Object.entries(SEPA_IBAN_LENGTHS)) {
    it(`${country}: found with its length and check; not with a wrong check or length`, () => {
      const iban = ibanFor(country, length);
      expect(found(`Pay to ${iban} by Friday.`, iban, 'ACCOUNT'), iban).toBe(true);
      expect(sepaIbanValid(broken(iban))).toBe(false);
      const long = ibanFor(country, length + 1);
      expect(sepaIbanValid(long), long).toBe(false);
    });
  }
});

describe('addresses, dates and names as written outside the US', () => {
  const cases: [string, [PiiType, string][]][] = [
    [
      'Anschrift: Schillerstraße 41, 70173 Stuttgart',
      [
        ['LOCATION', 'Schillerstraße 41'],
        ['ZIP', '70173'],
        ['LOCATION', 'Stuttgart'],
      ],
    ],
    [
      'Adresse : 45 boulevard Voltaire, 75011 Paris',
      [
        ['LOCATION', '45 boulevard Voltaire'],
        ['ZIP', '75011'],
        ['LOCATION', 'Paris'],
      ],
    ],
    [
      'Home: 22 Anglesea Road, Ballsbridge, Dublin 4 D04 E7P3',
      [
        ['LOCATION', '22 Anglesea Road'],
        ['LOCATION', 'Ballsbridge'],
        ['ZIP', 'D04 E7P3'],
      ],
    ],
    [
      'Address: Unit 5, 18 Smith Street, Darwin NT 0800',
      [
        ['LOCATION', 'Darwin'],
        ['ZIP', '0800'],
      ],
    ],
    [
      'Address: Plot 12, Jubilee Hills, Hyderabad 500033',
      [
        ['LOCATION', 'Hyderabad'],
        ['ZIP', '500033'],
      ],
    ],
    [
      'Adres: Prinsengracht 263, 1016 GV Amsterdam',
      [
        ['LOCATION', 'Prinsengracht 263'],
        ['ZIP', '1016 GV'],
        ['LOCATION', 'Amsterdam'],
      ],
    ],
    ['Адрес: г. Санкт-Петербург, ул. Марата, д. 18, кв. 7', [['LOCATION', 'ул. Марата, д. 18, кв. 7']]],
    ['地址: 北京市朝阳区建国路88号', [['LOCATION', '北京市朝阳区建国路88号']]],
    ['Aufnahme am 3. März 2024 in Stuttgart.', [['DATE', '3. März 2024']]],
    ['Vista señalada para el 12 de junio de 2024.', [['DATE', '12 de junio de 2024']]],
    ['Consultation du 8 février 2024.', [['DATE', '8 février 2024']]],
    ['出生日期: 1975年4月12日', [['DATE', '1975年4月12日']]],
    ['Пациент: Смирнова Ольга Викторовна, дата рождения 14.07.1979', [['NAME', 'Смирнова Ольга Викторовна']]],
    [
      '姓名: 张伟 (Zhang Wei)',
      [
        ['NAME', '张伟'],
        ['NAME', 'Zhang Wei'],
      ],
    ],
    [
      'Patient: 김민준 (Kim Min-jun)',
      [
        ['NAME', '김민준'],
        ['NAME', 'Kim Min-jun'],
      ],
    ],
    ['रोगी का नाम: राजेश कुमार शर्मा', [['NAME', 'राजेश कुमार शर्मा']]],
    ['Ασθενής: Γιώργος Παπαδόπουλος', [['NAME', 'Γιώργος Παπαδόπουλος']]],
    ['Vehicle registration YD19 KFN was seen.', [['VEHICLE', 'YD19 KFN']]],
    [
      'Kennzeichen K-MS 4821, FIN WVWZZZ1KZ8W123456',
      [
        ['VEHICLE', 'K-MS 4821'],
        ['VEHICLE', 'WVWZZZ1KZ8W123456'],
      ],
    ],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const got = detect(text).map((s) => [s.type, s.text]);
      for (const e of expected) expect(got).toContainEqual(e);
    });
  }

  it('leaves company names, court names and street names that hold a first name alone', () => {
    for (const t of ['Talleres Ruiz S.L., NIF ESA30818703', 'Bakker Installatietechniek B.V. offerte', 'Sheffield Teaching Hospitals - Diabetes Centre']) {
      expect(
        detect(t).filter((s) => s.type === 'NAME'),
        t,
      ).toEqual([]);
    }
  });
});
