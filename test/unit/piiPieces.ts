// Pieces that personal-data text is made of, for the tests that compare the compiled detectors (native/pii) with
// their TypeScript twins on random text (fuzzPayloads.ts randomMixes glues them): identifiers, their labels and neighbours, and characters that test the
// edges (non-ASCII letters, 'ſ' and the Kelvin sign that fold to ASCII under i and u, astral characters, odd blanks).

/** What identifiers, their labels and their neighbours are made of, and some characters that test the edges. */
// prettier-ignore
export const PIECES = [
  ...'0123456789'.split(''), '12', '123', '1234', '555', '0128', '603', '(603)', '(02)', '+1', '+44', '+', ' ', '  ',
  '-', '.', ',', ':', ';', '/', '//', '@', '_', '%', '(', ')', 'A', 'B', 'Z', 'X9', 'DE', 'GB', 'AB1234563', 'IBAN',
  'x', 'ab', 'mail', 'j.doe', 'example.com', '.org', 'http://', 'https://', 'www.', 'HTTP://', 'tel', 'Tel.', 'fax',
  'Fax:', 'phone', 'on', 'routing', 'ABA', '§', 'Sec.', 'ch.', 'Code', 'mg', 'mL', 'units', '\n', '\t', 'é', 'Ā',
  'ſ', 'K', '::', 'fe80', 'a1b2', '2001:db8', '1:23-cv-04567', '-ABC', '07700 900461', '020 7946 0958',
  '4111 1111 1111 1111', '1HGCM82633A004352', '123-45-6789', '2024-03-15', '1234567890', '021000021',
  'DE89370400440532013000', 'John', '\u00a0', '\u2028', '\ufeff', '\u0130', '\ud83d\ude00', 'MRN', 'ID-', '19', '20',
  '06 12 34 56 78', '98765 43210',
];

/** National, health and tax numbers outside the US, their labels and their neighbours. */
// prettier-ignore
export const WORLD_PIECES = [
  ...PIECES.slice(0, 60), '943 476 5919', '943-476-5919', '9434765919', 'AB 12 34 56 C', 'AB123456C',
  'QQ 12 34 56 A', '046 454 286', '046-454-286', '123 456 782', '2123 45670 1', '2123456701', '2345 6789 0124',
  '234567890124', 'ABCPD1234E', 'DE136695976', 'DE 136 695 976', 'ATU13585627', 'FRXX999999999', 'NL123456782B01',
  'ESX1234567L', 'IE1234567T', 'BG123456789', 'CZ12345678', '12345678Z', 'X1234567L', 'X-1234567-L',
  '1 85 05 78 006 084 36', '2850578006084', '2A', '756.1234.5678.97', '7561234567897', '12345 67890',
  'RSSMRA85T10A562S', '1234567T', '1234567TW', '85.07.30-033.28', '85073003328', '1112.22.333', '111222333',
  '44051401359', '86 095 742 719', '86095742719', '811228-9874', '19811228-9874', '131052-308T', '010203-1234',
  'GB82 WEST 1234 5698 7654 32', 'FR14 2004 1010 0505 0001 3M02 606', 'DE89 3704 0044 0532 0130 00',
  'NO9386011117947', 'Medicare', 'medicare no.', 'NIR', 'sécu', 'Sécu', 'INSEE', 'UTR', 'unique taxpayer',
  'national', 'NN', 'BSN', 'PESEL', 'Steuer-ID', 'IdNr', 'tax id', 'CPR', 'personnummer', 'NHS', 'SIN', 'TFN',
  'tel:', 'Tél.', 'téléphone', 'móvil', 'Handy', 'É', 'ñ', '+34 ', '+44', ' ', ' ', ' ', '\n', '.', '-', '/',
  'Name: ', 'Dr. ',
];

/** Court papers: captions, case and matter numbers, plates. */
// prettier-ignore
export const COURT_PIECES = [
  ...PIECES.slice(0, 60), 'Plaintiff', 'Defendants', 'COURT', 'Court', 'Circuit Court ', 'Juzgado', 'Tribunal',
  'Gericht', 'Case No. ', 'No. ', 'NO: ', 'Nos.', 'No', 'Not', 'November', 'Civil Action No. ', 'Docket',
  'Index No ', 'Appeal', '23-3-04412-1 SEA', '2023 L 008812', '22CR40817', 'A180442', '; ', ', ', '442/2023',
  '23/04518', '3/12/2023', '1/2023 mg', 'license plate ', 'licence plate: ', 'registration plate #', 'plate ',
  'tag ', 'Tag', 'PLATE', '7ABC123', 'XYZ 1234', 'ſ', 'K', 'É', 'a', 'the ', ' ', ' ', '\n', '\t', '/', '-', ':',
  '2023', '19', '88',
];

/** Number plates and vehicle ids, their words and labels. */
// prettier-ignore
export const PLATE_PIECES = [
  ...PIECES.slice(0, 60), 'YD19 KFN', 'GH-418-KT', 'K-MS 4821', 'MÜ-AB 123', 'Ä', 'Ö-X 1', 'MH 02 DN 4471',
  'MH02DN4471', '4721 KLM', 'BZ 58 QR', 'AB 123', '12-AB-345', 'registration ', 'Reg. ', 'rego: ', 'number plate ',
  'plate #', 'Kennzeichen: ', 'amtliches Kennzeichen ', 'immatriculation ', 'matrícula ', 'matricula ', 'targa ',
  'kenteken ', 'tablica ', 'véhicule ', 'VÉHICULE ', 'vehicle no. ', 'nr. ', 'n° ', 'VIN: ', 'numéro VIN ',
  'n° de série ', 'Fahrgestellnummer ', 'Fahrzeug-Ident.-Nr. ', 'bastidor ', 'número de bastidor ', 'telaio ',
  'FIN ', 'WVWZZZ1JZXW000001', '1HGCM82633A004352', '\u212aennzeichen ', 'ſ', 'É', 'the ', 'a', ' ', ' ', '\n', '-',
  ':', '#',
];

/** Dates written every way, the words that make a date of a number, ages and what is near them. */
// prettier-ignore
export const DATE_PIECES = [
  ...PIECES.slice(0, 60), 'March', 'Mar.', 'MARCH', 'Sept', 'SEPT', 'Sepember', 'May', 'may', 'June', 'Dec',
  'Marchx', 'Julyé', ' 3', ' 14', '14th', '3rd', '1st', ' of ', ' day of ', ', 2024', ' 2021', ' 1899', ' 2099',
  '03/14/2024', '3-14-24', '14.03.2024', '2024-03-14', '2024/3/4', '3/14', '12/2023', '120/80', '6/10', 'on ',
  'DOB: ', 'seen ', 'f/u ', 'follow-up ', 'Mon ', 'Tues ', 'since ', 'in ', 'mid-', 'last ', 'early ', 'mg',
  ' units', ' times', '§ ', 'Sec. 12-', 'aged ', 'age: ', 'age of ', 'at age ', '94', '101', '89', '9', ' years',
  '-year-old', ' yo', ' y/o', ' años', ' лет', ' Jahre', 'Dorothy Ainsworth, ', 'Núñez, ', ', 94, ', '(', 'é', 'ſ',
  ' ', ' ', '\t', '\n', '.', ',', '/', '-', ':',
];

/** Dates in words in other languages and scripts. */
// prettier-ignore
export const WORLD_DATE_PIECES = [
  ...DATE_PIECES.slice(0, 60), '3. ', '14 ', '1er ', '5 de ', ' de ', ' del ', 'März', 'MÄRZ', 'Maerz', 'Jänner',
  'mars', 'Mars', 'août', 'AOÛT', 'mayo', 'março', 'maggio', 'juni', 'maj', 'września', 'марта', 'МАРТА', 'січня',
  'oktober', 'o\u212atober', 'marſ', 'mai', ' 2024', ' 1955', '17-', '-Jan-', '-Sept-', '2024', '-24', '1975年4月12日',
  '2024년 3월 5일', '2024年3月', '年', '월', ' г.', ', ', '. ', '\u00a0', 'é', 'Б', ' ', ' ', '\n', '-', '.',
];

/** Addresses, towns, postal codes and the words around them (places.ts). */
// prettier-ignore
export const PLACE_PIECES = [
  ...PIECES.slice(0, 60), '1402 ', '42', '12B', '7-12', '221', '3318 ', 'Main', 'Oak', 'N. ', 'E ', '5th', '21st',
  'Street', 'St.', 'St', 'Ave.', 'Avenue', 'Blvd', 'Rd.', 'Broadway', 'Way', ' NE', ' Apt 4B', ', Suite 210',
  ' #12', 'Calle ', 'Avenida ', 'Av. ', 'Vista ', 'del ', 'de la ', 'Sol', 'Ocho', 'Rua ', 'Augusta ', 'Via ',
  'ul. ', 'Długa ', 'Praça ', 'Piazza ', 'Largo ', 'Hauptstraße 14', 'Lindenweg 3a', 'Kerkstraat 9', 'str. ', 'weg ',
  '01304-001', 'P.O. Box ', 'PO Box ', 'p.o. box ', 'Box ', 'ZIP ', 'Zip Code: ', 'zip#', 'ZIP code ', '62701',
  '62701-1234', '10827', '00100', '123 45', '4000', 'K1A 0B1', 'M14 5RS', 'SW1A 1AA', 'EC1A', 'M5V 3L9',
  ', IL ', ', OH', ', MD ', ', New York ', ', Texas', ', PA', 'Illinois ', 'IL', 'Springfield', 'Dayton',
  'Lives Dayton', 'Brooklyn', 'Manchester ', 'Berlin', 'Nairobi ', 'São Paulo', 'Sao Paulo', 'New York', 'Paris',
  'Mobile', 'Paris.', ', Berlin.', 'County', 'COUNTY', ' County', 'Parish', 'County of ', 'COUNTY OF ', 'Travis', 'TRAVIS', 'OF ', 'Kings',
  'City: ', 'Town: ', 'City/Town: ', 'Village:', 'Neighbourhood: ', 'Place of birth ', 'Birthplace: ', 'Born in ',
  'Hometown', 'Residence: ', 'in ', 'from ', 'near ', 'to ', 'at ', 'of ', 'moved to ', 'lives in ', 'resides in ',
  'outside ', 'around ', 'State of ', 'Hospital', 'University', 'Esq.', 'Florida Bar', 'The ', 'Dr. ', 'München',
  'Zürich', 'Łódź', 'Ω', 'é', 'ſ', '\u212a', '\ud835\udc00', ' ', ' ', '  ', '\t', '\n', ',', '.', '-', ':', '#',
];

/** Addresses written the way they are outside the US, in several scripts (worldPlaces.ts). */
// prettier-ignore
export const WORLD_PLACE_PIECES = [
  ...PIECES.slice(0, 60), '70173 ', 'Stuttgart', '04109 Leipzig', '1012 AB', '1012AB ', '00-950 ', '1100-148 ',
  'L-1234 ', '114 55 ', '2500 ', '1999 ', 'Leicester ', 'LE2 3AH', 'Dublin 4', 'Dublin ', 'D04 E7P3', 'D6W 1234',
  'Fitzroy ', 'VIC ', 'VIC 3065', 'NSW', ' 3065', 'Montréal', ' QC ', 'H2X 3J6', 'Noida ', '201309', 'Co. Cork',
  'Flat 2', 'Flat 9, ', 'Apt 12, ', 'Unit 3, ', '61 Mansfield Road', 'Riverside Court', 'Houston', 'Inhaber: ',
  'Adresse: ', 'Address: ', 'Markus Becker', 'Bahnhofstraße 3', 'Schillerstraße 41', 'Hämeenkatu 14 B 22',
  'Kerkstraat ', 'gata ', '45 boulevard Voltaire', '12 rue de la Gare', '3 bis ', 'impasse ', 'rue ', 'Avenue Louise 231',
  'Rue de la Loi 84', 'C/ Gran Vía 45, 5º A', 'ul. Długa 17 m. 4', 'Knez Mihailova 12', 'An der ', 'Am ', 'Via ', 'Rua ',
  'Chaussée ', 'COUNTY COURT AT MANCHESTER', 'AT ', 'OF ', 'DE VALENCIA', 'IN ', 'STATE OF NEW YORK', ' -', 'Chennai',
  'Dubai', 'Al Barsha 2', 'Clinic note', ', ', ',', ': ', ' : ', 'of ', 'at ', 'в ', 'à ', 'ул. Марата, д. 18, кв. 7',
  'г. Москва', 'м. Київ', 'Οδός Ερμού 25', 'Αθήνα', '10431 Αθήνα', '上海市徐汇区漕溪北路88号', '東京都世田谷区三軒茶屋2-14-7',
  '서울특별시 강남구 테헤란로 152', 'شارع العليا، حي الورود', '99/12 ถนนสุขุมวิท', 'मकान नं. 45, सेक्टर 15', '45, गांधी नगर',
  '\ud840\udc0b', 'é', 'ſ', ' ', ' ', '  ', '\t', '\n', '\r\n', '.', '-', '/',
];

/**
 * Record labels (resources/pii/context.json) in every case and blank form, what joins them to a value, values of
 * every shape the label detector keeps or drops (years, times, short counts, blank-separated digit groups), and the
 * characters that fold onto a label's letters under i and u ('ſ', the Kelvin sign, 'µ' for 'μ').
 */
// prettier-ignore
export const LABEL_PIECES = [
  'MRN', 'mrn', 'Mrn.', 'MR#', 'MR #', 'mr  #', 'MR No', 'Medical Record', 'medical record number', 'med\trec', 'chart',
  'member', 'Member ID', 'member\nid', 'MEMBER  ID.', 'policy', 'Policy Number', 'account', 'Acct.', 'a/c', 'A/C',
  'ABA', 'aba', 'license', 'Lic.', "driver's license", 'DL', 'dl', 'DL#', 'VIN', 'vin', 'plate', 'License Plate',
  'serial', 'S/N', 'SN', 'sn', 'IMEI', 'device ID', 'NPI', 'employee ID', 'badge', 'claim', 'Claim No. in Court',
  'passport', 'SSN', 'ss#', 'soc sec', 'case', 'Case No', 'docket', 'index', 'bar', 'BAR', 'State Bar', 'SBN', 'BBO',
  'n° TVA', 'N° tva', 'numéro de TVA', 'NUMÉRO DE TVA', 'sécu', 'SÉCU', 'ΑΦΜ', 'αφμ', 'αφµ', 'Henkilötunnus', 'nº colegiado',
  'rg n°', 'c.f.', 'C.F', 'p.iva', 'P.IVA', 'ust-idnr', 'Steuer-ID', 'registration no. (attorney)', 'ſſn', 'ſsn',
  '\u212aey', 'tas\u212a', 'phone', 'ZIP', 'fax', 'F', 'Bar of Texas ', 'Bar of the District of Columbia ',
  'State Bar of California No. ', 'Bar of New York #', ' ', '  ', '\t', ':', ': ', '#', ' #', '=', ' No. ', 'No.',
  'no', ' number ', ' Nos.', ' num.', ' nr ', ' id ', ' code', ' is ', ' was ', '\n', '\r\n', '.', '-', '/', ',',
  '00482913', '284119', '123', '12', '1234', '2019', '1999', '10:30', '1:23', '5mg', 'A1000', 'AB-1234', '24077812',
  '1HGCM82633A004352', '485 777 3456', '485 777 345', '485 777 34567', '12/34', '1234.', '1234-', 'x9', 'abc', 'é',
  'É', 'ſ', '\u212a', '\ud83d\ude00', '\ud835\udc00', '\u00a0', '\u2028', 'Ā', 'a', '9',
];

/**
 * Names in non-Latin scripts: labels in the set's languages (cased and folded: 'ſon' is 'son' under iu), names of
 * each script and their shapes (Chinese, Japanese and Korean family names, patronymics), Latin transliterations in
 * parentheses, place and date words that stop a name, and what splits lines and words.
 */
// prettier-ignore
export const WORLD_NAME_PIECES = [
  ...PIECES.slice(0, 30), 'Name: ', 'name ', 'NAME:', 'Patient name: ', 'patient', 'Wife: ', 'ſon ', 'Son:',
  'emergency contact ', 'Client', 'patientin ', 'paciente: ', 'xname ', '姓名：', '姓名:', '氏名 ', '患者氏名：',
  '患者', '担当医:', '이름: ', '성명 ', '환자:', '담당의 ', 'Пациент: ', 'ПАЦИЕНТКА ', 'пациентка', 'ФИО: ',
  'Ф.И.О.: ', 'ф.и.о. ', 'выдан ', 'Выдана: ', 'врач ', 'Лечащий врач: ', 'ИМЯ: ', 'пацієнт: ', 'Лікар ',
  'пацијент: ', 'Ασθενής: ', 'ΑΣΘΕΝΉΣ ', 'ασθενησ ', 'ιατρός: ', 'Θεράπων ιατρός: ', 'όνομα: ', 'Ονοματεπώνυμο ',
  'रोगी का नाम: ', 'मरीज़: ', 'नाम ', 'डॉक्टर: ', 'நோயாளி: ', 'பெயர் ', 'الاسم: ', 'اسم المريض: ', 'שם: ',
  'ชื่อ: ', 'ผู้ป่วย ', '王秀英', '张伟', '王', '李', '陳', '小', '明', '华', '𠀀', '𪚥', '山田', '太郎', '佐藤',
  '花子', '佐々木', '林', '山田 太郎', '佐藤\u3000花子', '田中 さくら', '長谷川 ', '森 ', '木 さ', 'さくら', 'カタカナ', 'ー', '・', '\u3000', '김민준', '김', '이', '박서준', '서울특별시',
  '구', '동', '민', 'Олена', 'Шевченко', 'Смирнова Ольга Викторовна', 'Иван ', 'Петрович', 'Ивановна', 'Тарасівна',
  'ович', 'ич', 'овна', 'Ольга ', 'Δημήτρης', 'Παπαδόπουλος', 'Ελένη ', 'محمد', 'الحربي', ' محمد الحربي', 'דוד',
  'כהן', 'สมชาย', 'ใจดี', 'राहुल', 'शर्मा', 'முருகன்', 'রহিম', 'ગીતા', 'రాము', 'ರಾಮ', 'രാമൻ', 'ਸਿੰਘ', 'გიორგი',
  'Արամ', ' (Wang Xiuying)', ' (Kim Min-jun)', '(Al-Harbi)', ' (Ivan de-Souza)', '(', ')', 'Mohammed Al-Harbi ',
  ' (محمد الحربي)', '(王秀英)', '(Олена)', "O'Brien", '’', 'Wang', 'Xiuying', '省', '市', '年', '路', '１', '先生',
  '性别', ': ', '：', ' ', ' ', ' ', '\t', '\n', '\n', '-', "'", 'ſ', '\u212a', '\ud840', '\udc00', '\ud83d\ude00',
];

/** Person names and what stands around them: titles, labels, credentials, roles, particles, initials, citations, companies, eponyms, towns. */
// prettier-ignore
export const NAME_PIECES = [
  ...PIECES.slice(0, 60), 'John', 'Maria', 'Smith', 'Garcia', 'Núñez', 'José', 'OKONKWO', 'CHIDI', 'SMITH', 'Ana',
  'Cruz', 'Berg', 'May', 'Grace', 'Will', 'Parkinson', 'Crohn', 'Bell', 'Hopkins', 'Johns', 'Jean-Pierre', 'Al-Hassan',
  'X-Ray', "O'Brien", 'O’Neil', "I'm", 'You’re', 'He', 'Hello', 'The', 'Patient', 'PATIENT', 'Žofie', 'Ивано', 'ÉMILE',
  'İlker', 'Straße', 'ΣΟΦΙΑ', '\ud835\udc00', '\ud840\udc00bc', 'Luka', 'Mila', 'Kowalczyk', 'Roofing', 'Merrick',
  'GARLAND', 'Iqbal', 'Ashcroft', 'São Paulo', 'San Jose', 'Sheffield', 'Dr. ', 'Mr. ', 'MR. ', 'Mrs ', 'Judge ',
  'JUDGE ', 'Hon. ', 'Prof. ', 'Patient: ', 'Name: ', 'Attorney for ', 'Sincerely,\n', 'Dear ', 'to ', 'and ', 'by ',
  'Plaintiff ', 'Defendant, ', ', MD', ', Esq.', ' RN', ', PA 18503', ', DOB ', ', Plaintiff', ', Respondent',
  ', an individual', ', aged 42', ' (7)', ' (age 4)', 'child ', 'son ', ' v. ', ' v.', 'v.', ', 556 U.S. 662', ' 556 ',
  'U.S.', ' Hospital', ' University', ' LLP', "'s ", '’s', "'", 's', ' & ', ' S.L.', ' GmbH', ' Inc.', ' B.V.',
  'd/b/a ', 'dba ', 'doing business as ', ' disease', ' palsy', ' van ', ' der ', ' de la ', 'van ', 'de ', 'St. ',
  'J. ', 'K.', 'Q. ', 'A. ', '\nQ. ', '\nA. ', 'Mendoza    Insured', 'PRESIDING', ', ', ' ', ' ', ' ', '\n', '\t', '.',
  ',', '-', ':', '9', 'Ashcroft v. Iqbal, 556 U.S. 662', "Parkinson's disease", 'Johns Hopkins Hospital',
  'Talleres Ruiz S.L.', 'MERRICK B. GARLAND, Attorney General, Respondent', 'Núñez, José', 'Luka (7) and Mila (4)',
];
