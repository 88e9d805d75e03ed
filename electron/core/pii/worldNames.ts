// Names in scripts the capitalized-run detector (names.ts) cannot see: Chinese, Japanese, Korean, Arabic, Hebrew,
// Thai, Devanagari and Tamil have no capital letters, and Cyrillic and Greek names are missing from the Latin
// dictionaries. Three signals: a name label in any of the set's languages before the words ("姓名:", "Пациент:",
// "रोगी का नाम:", "Wife:"), a Latin transliteration in parentheses after them ("王秀英 (Wang Xiuying)"), and the
// shape of a name where the script has one (a common Chinese or Korean family name opening a 2-3 syllable word, a
// Russian or Ukrainian patronymic).
import { onNonLatinLines } from './nonLatinLines.js';
import { leadRe, makeSpan, matches } from './span.js';
import type { PiiSpan } from './types.js';

/** One word of a name in a non-Latin script: cased (Cyrillic, Greek) or uncased letters with their marks. */
const NON_LATIN_WORD = String.raw`(?:(?=\p{Lu})[\p{Script=Cyrillic}\p{Script=Greek}][\p{Script=Cyrillic}\p{Script=Greek}\p{M}'’-]*|[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Tamil}\p{Script=Bengali}\p{Script=Gujarati}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Gurmukhi}\p{Script=Georgian}\p{Script=Armenian}][\p{L}\p{M}ー・]*)`;
const NON_LATIN_RUN = String.raw`${NON_LATIN_WORD}(?:[ \t]${NON_LATIN_WORD}){0,3}`;

/**
 * Labels that name a person, in the languages of the set. Kept here rather than in context.json because they gate
 * non-Latin words only: a Latin word after "Name:" is names.ts's to judge with its dictionaries.
 */
const LABELS = [
  'name',
  'patient',
  'patient name',
  'applicant',
  'guest',
  'host',
  'wife',
  'husband',
  'son',
  'daughter',
  'mother',
  'father',
  'spouse',
  'emergency contact',
  'witness',
  'client',
  'customer',
  'employee',
  'contact',
  '姓名',
  '氏名',
  '患者氏名',
  '患者',
  '担当医',
  '医師',
  '이름',
  '성명',
  '환자',
  '담당의',
  'пациент',
  'пациентка',
  'фио',
  'ф\\.и\\.о\\.',
  'выдана',
  'выдано',
  'выдан',
  'врач',
  'лечащий врач',
  'имя',
  'пацієнт',
  'пацієнтка',
  'видана',
  'видано',
  'лікар',
  'пацијент',
  'pacijent',
  'patient',
  'patientin',
  'paciente',
  'лекар',
  'ασθενής',
  'πελάτης',
  'θεράπων ιατρός',
  'ιατρός',
  'όνομα',
  'ονοματεπώνυμο',
  'रोगी का नाम',
  'मरीज़',
  'मरीज',
  'नाम',
  'डॉक्टर',
  'நோயாளி',
  'பெயர்',
  'الاسم',
  'اسم المريض',
  'שם',
  'ชื่อ',
  'ผู้ป่วย',
];
// The label is matched case-insensitively, the name after it is not (with the i flag \p{Lu} would match any letter).
const LABEL = new RegExp(String.raw`(?<![\p{L}])(?:${LABELS.join('|')})[ \t]*[:：]?[ \t]*`, 'giu');
const RUN_AT = new RegExp(NON_LATIN_RUN, 'uy');
/** A Latin transliteration in parentheses right after a name: "(Wang Xiuying)", "(Kim Min-jun)", "(Al-Harbi)". */
const TRANSLIT_AFTER = /^[ \t]*\((?<n>[\p{Lu}][\p{L}'’]+(?:[ -](?:al|bin|van|de)?-?[\p{Lu}\p{Ll}][\p{L}'’]+){0,4})\)/u;
/** And the other way round: "Olena Shevchenko" written after "Олена Шевченко" is covered above; "Mohammed (محمد)". */
const NON_LATIN_IN_PARENS = new RegExp(String.raw`\((?<n>${NON_LATIN_RUN})\)`, 'gud');

/** The most common Chinese family names (single character): a 2-3 character Han word opening with one is a name. */
const CN_SURNAMES = new Set([
  ...'王李张劉刘陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯',
]);
/** Common Japanese family names (a Kanji word of 2-3 characters, then a space and the given name). */
const JP_SURNAMES = new Set([
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '山口',
  '松本',
  '井上',
  '木村',
  '林',
  '斎藤',
  '清水',
  '山崎',
  '森',
  '池田',
  '橋本',
  '阿部',
  '石川',
  '山下',
  '中島',
  '石井',
  '小川',
  '前田',
  '岡田',
  '長谷川',
  '藤田',
  '後藤',
  '近藤',
]);
/** Common Korean family names (one syllable) opening a 2-4 syllable Hangul word. */
const KR_SURNAMES = new Set([
  ...'김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감호제음빈동온',
]);

// Both open with a non-ASCII character: a lead-in on that (span.ts leadRe) skips the look-behind at a line's ASCII
// positions. No measurable gain on the labelled corpus's 600 lines (1.68 vs 1.69 ms per M chars); they keep the
// registered lead-ins (scanShortcuts.test.ts checks each against its plain regex) at their count before the line scan
// moved to nonLatinLines.ts.
const HAN_WORD = leadRe(
  '^\\0-\\x7f',
  String.raw`(?<![\p{Script=Han}])[\p{Script=Han}]{2,3}(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\d０-９])`,
  'gu',
);
const JP_NAME =
  /(?<![\p{Script=Han}])(?<s>[\p{Script=Han}]{1,3})[ \t\u3000](?<g>[\p{Script=Han}\p{Script=Hiragana}]{1,3})(?![\p{Script=Han}\p{Script=Hiragana}])/dgu;
const HANGUL_WORD = leadRe('^\\0-\\x7f', String.raw`(?<![\p{Script=Hangul}])[\p{Script=Hangul}]{2,4}(?![\p{Script=Hangul}])`, 'gu');
/** Russian, Ukrainian, Belarusian patronymics and the names around them ("Смирнова Ольга Викторовна"). */
const PATRONYMIC_RUN =
  /(?<![\p{L}])(?:[\p{Lu}][\p{Ll}]+[ \t]){1,2}[\p{Lu}][\p{Ll}]*(?:ович|евич|йович|ьович|ич|овна|евна|ична|инична|івна|ївна|івні|ївні|овны|евны)(?![\p{L}])/gu;
/** Words right after a Han run that make it not a name: place, date and organization suffixes. */
const NOT_NAME_AFTER = /^[省市区區县縣路街道号號年月日院科部局室楼樓]/u;

function spanWithTranslit(input: string, s: number, e: number, confidence: number, out: PiiSpan[]): void {
  out.push(makeSpan(input, s, e, 'NAME', confidence, 'context'));
  const t = TRANSLIT_AFTER.exec(input.slice(e, e + 60));
  const g = t?.groups?.['n'];
  if (t && g) {
    const ts = e + t[0].indexOf(g);
    out.push(makeSpan(input, ts, ts + g.length, 'NAME', confidence, 'context'));
  }
}

/**
 * Every signal here sits on one line with its name, so only the lines holding a non-Latin character are searched:
 * in mostly-Latin text that is a few lines, and the patterns below never run over the rest. worldPlaces.ts reads the
 * same lines (nonLatinLines.ts keeps them for the text; detectPii drops them when the text is done).
 */
export function detectWorldNames(input: string): PiiSpan[] {
  return onNonLatinLines(input, detectLine);
}

function detectLine(input: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matches(LABEL, input)) {
    RUN_AT.lastIndex = m.index + m[0].length;
    const r = RUN_AT.exec(input);
    if (!r) continue;
    const s = r.index;
    let e = s + r[0].length;
    // A Han or Hangul run that goes on past one word ("张伟 性别") keeps its first word; "山田 太郎" stays whole.
    const text = r[0];
    if (/^[\p{Script=Han}]+$/u.test(text) && text.length > 4) continue;
    if (/^[\p{Script=Han}\p{Script=Hangul}]+[ \t]/u.test(text) && !/^[\p{Script=Han}]{1,3}[ \t][\p{Script=Han}]{1,3}$/u.test(text)) e = s + text.indexOf(' ');
    spanWithTranslit(input, s, e, 0.85, out);
  }
  for (const m of matches(NON_LATIN_IN_PARENS, input)) {
    const g = m.indices?.groups?.['n'];
    // "Mohammed Al-Harbi (محمد الحربي)": a Latin name right before the parentheses makes them a name too.
    if (g && /[\p{Lu}][\p{L}'’-]+[ \t]*$/u.test(input.slice(Math.max(0, m.index - 30), m.index))) out.push(makeSpan(input, g[0], g[1], 'NAME', 0.7, 'context'));
  }
  for (const m of matches(HAN_WORD, input)) {
    const w = m[0];
    if (!CN_SURNAMES.has(w[0] ?? '') || NOT_NAME_AFTER.test(input.slice(m.index + w.length, m.index + w.length + 1))) continue;
    spanWithTranslit(input, m.index, m.index + w.length, 0.7, out);
  }
  for (const m of matches(JP_NAME, input)) {
    const s = m.indices?.groups?.['s'];
    if (s && JP_SURNAMES.has(input.slice(s[0], s[1]))) spanWithTranslit(input, m.index, m.index + m[0].length, 0.8, out);
  }
  for (const m of matches(HANGUL_WORD, input)) {
    const w = m[0];
    // Place words end in 시/구/동/로/길/도: "서울특별시" is a city, not a person.
    if (!KR_SURNAMES.has(w[0] ?? '') || /[시구동로길도군읍면]$/u.test(w) || w.length > 3) continue;
    spanWithTranslit(input, m.index, m.index + w.length, 0.7, out);
  }
  for (const m of matches(PATRONYMIC_RUN, input)) spanWithTranslit(input, m.index, m.index + m[0].length, 0.85, out);
  return out;
}
