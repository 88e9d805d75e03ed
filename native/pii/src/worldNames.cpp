#include "worldNames.h"

#include <atomic>
#include <bitset>
#include <memory>
#include <mutex>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "letters.h"
#include "nonLatinLines.h"
#include "regex.h"

namespace fieldtune_pii {
namespace {

// worldNames.ts NON_LATIN_WORD and NON_LATIN_RUN.
const std::u16string NON_LATIN_WORD =
    uR"re((?:(?=\p{Lu})[\p{Script=Cyrillic}\p{Script=Greek}][\p{Script=Cyrillic}\p{Script=Greek}\p{M}'’-]*|[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Tamil}\p{Script=Bengali}\p{Script=Gujarati}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Gurmukhi}\p{Script=Georgian}\p{Script=Armenian}][\p{L}\p{M}ー・]*))re";
const std::u16string NON_LATIN_RUN = NON_LATIN_WORD + uR"re((?:[ \t])re" + NON_LATIN_WORD + u"){0,3}";

// worldNames.ts LABELS, as regex sources (the dots of "ф.и.о." escaped).
const char16_t* const LABELS[] = {
    u"name", u"patient", u"patient name", u"applicant", u"guest", u"host", u"wife", u"husband", u"son", u"daughter",
    u"mother", u"father", u"spouse", u"emergency contact", u"witness", u"client", u"customer", u"employee", u"contact",
    u"姓名", u"氏名", u"患者氏名", u"患者", u"担当医", u"医師", u"이름", u"성명", u"환자", u"담당의", u"пациент",
    u"пациентка", u"фио", uR"re(ф\.и\.о\.)re", u"выдана", u"выдано", u"выдан", u"врач", u"лечащий врач", u"имя",
    u"пацієнт", u"пацієнтка", u"видана", u"видано", u"лікар", u"пацијент", u"pacijent", u"patient", u"patientin",
    u"paciente", u"лекар", u"ασθενής", u"πελάτης", u"θεράπων ιατρός", u"ιατρός", u"όνομα", u"ονοματεπώνυμο",
    u"रोगी का नाम", u"मरीज़", u"मरीज", u"नाम", u"डॉक्टर", u"நோயாளி", u"பெயர்", u"الاسم", u"اسم المريض", u"שם",
    u"ชื่อ", u"ผู้ป่วย",
};

std::u16string labelSource(const std::u16string& alternatives) {
    return uR"re((?<![\p{L}])(?:)re" + alternatives + uR"re()[ \t]*[:：]?[ \t]*)re";
}

// worldNames.ts LABEL, and the same split by the labels' first characters: where a unit opens the labels of one
// first character only (under the regex's case folding), every other label fails on that unit, so the alternation of
// that character's labels (in LABELS order) matches what the whole one does, without trying the ~70 others and
// folding the unit again for each (most of the family's time on text in these scripts). A unit that opened labels of
// two first characters would get the whole regex. Each is compiled when first needed (\p{L} under iu costs ~0.5 ms to
// compile: ~25 ms for all, where a text in a few languages needs a few).
struct Labels {
    static constexpr uint8_t NONE = 0;
    std::u16string firsts;
    // per BMP unit: NONE, or 1 + the index of the regex to try there (in firsts, or firsts.size() for the whole one)
    std::vector<uint8_t> opened = std::vector<uint8_t>(65536, NONE);
    std::unique_ptr<std::unique_ptr<Regex>[]> compiled;
    std::unique_ptr<std::once_flag[]> once;
    // each one once compiled: a plain load on the way to it after that
    std::unique_ptr<std::atomic<const Regex*>[]> ready;

    std::u16string alternatives(std::size_t k) const {
        std::u16string out;
        for (const char16_t* label : LABELS)
            if (k == firsts.size() || label[0] == firsts[k]) out += (out.empty() ? u"" : u"|") + std::u16string(label);
        return out;
    }

    Labels() {
        for (const char16_t* label : LABELS)
            if (firsts.find(label[0]) == std::u16string::npos) firsts += label[0];
        compiled = std::make_unique<std::unique_ptr<Regex>[]>(firsts.size() + 1);
        once = std::make_unique<std::once_flag[]>(firsts.size() + 1);
        ready = std::make_unique<std::atomic<const Regex*>[]>(firsts.size() + 1);
        const Regex opensAny(u"[" + firsts + u"]", "iu");
        std::vector<Regex> opens;
        for (char16_t first : firsts) opens.emplace_back(u"[" + std::u16string(1, first) + u"]", "iu");
        for (int c = 0; c < 0x10000; c++) {
            if (c >= 0xd800 && c <= 0xdfff) continue;
            const char16_t unit = static_cast<char16_t>(c);
            const Text one{&unit, 0, 1};
            if (opensAny.matchAt(one, 0) != 1) continue;
            for (std::size_t k = 0; k < opens.size(); k++)
                if (opens[k].matchAt(one, 0) == 1) opened[c] = static_cast<uint8_t>(opened[c] == NONE ? k + 1 : firsts.size() + 1);
        }
    }

    // The regex to try at a unit, or null where no label opens.
    const Regex* at(int unit) const {
        if (opened[unit] == NONE) return nullptr;
        const std::size_t k = opened[unit] - 1;
        if (const Regex* re = ready[k].load(std::memory_order_acquire)) return re;
        std::call_once(once[k], [&] {
            compiled[k] = std::make_unique<Regex>(labelSource(alternatives(k)), "iu");
            ready[k].store(compiled[k].get(), std::memory_order_release);
        });
        return compiled[k].get();
    }
};
const Labels& labels() {
    static const Labels l;
    return l;
}

struct Regexes {
    Regex runAt{NON_LATIN_RUN, "u"};
    Regex translitAfter{uR"re(^[ \t]*\((?<n>[\p{Lu}][\p{L}'’]+(?:[ -](?:al|bin|van|de)?-?[\p{Lu}\p{Ll}][\p{L}'’]+){0,4})\))re", "u"};
    Regex nonLatinInParens{uR"re(\((?<n>)re" + NON_LATIN_RUN + uR"re()\))re", "u"};
    // detectLine's tests of a labelled run, and of what stands before a parenthesis
    Regex onlyHan{uR"re(^[\p{Script=Han}]+$)re", "u"};
    Regex hanOrHangulThenBlank{uR"re(^[\p{Script=Han}\p{Script=Hangul}]+[ \t])re", "u"};
    Regex hanBlankHan{uR"re(^[\p{Script=Han}]{1,3}[ \t][\p{Script=Han}]{1,3}$)re", "u"};
    Regex latinNameBefore{uR"re([\p{Lu}][\p{L}'’-]+[ \t]*$)re", "u"};
    // HAN_WORD and HANGUL_WORD with their span.ts leadRe guard, as the TypeScript side runs them
    Regex hanWord{
        uR"re((?=[^\0-\x7f])(?<![\p{Script=Han}])[\p{Script=Han}]{2,3}(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\d０-９]))re",
        "u"};
    Regex jpName{
        uR"re((?<![\p{Script=Han}])(?<s>[\p{Script=Han}]{1,3})[ \t\u3000](?<g>[\p{Script=Han}\p{Script=Hiragana}]{1,3})(?![\p{Script=Han}\p{Script=Hiragana}]))re",
        "u"};
    Regex hangulWord{uR"re((?=[^\0-\x7f])(?<![\p{Script=Hangul}])[\p{Script=Hangul}]{2,4}(?![\p{Script=Hangul}]))re", "u"};
    Regex patronymicRun{
        uR"re((?<![\p{L}])(?:[\p{Lu}][\p{Ll}]+[ \t]){1,2}[\p{Lu}][\p{Ll}]*(?:ович|евич|йович|ьович|ич|овна|евна|ична|инична|івна|ївна|івні|ївні|овны|евны)(?![\p{L}]))re",
        "u"};
    Regex notNameAfter{uR"re(^[省市区區县縣路街道号號年月日院科部局室楼樓])re", "u"};
    Regex placeEnd{uR"re([시구동로길도군읍면]$)re", "u"};
    int translitName = translitAfter.group("n");
    int inParensName = nonLatinInParens.group("n");
    int jpSurname = jpName.group("s");
};
const Regexes& rx() {
    static const Regexes r;
    return r;
}

// worldNames.ts CN_SURNAMES and KR_SURNAMES (single BMP characters, so a bit per unit) and JP_SURNAMES.
const char16_t* const CN_SURNAMES =
    u"王李张劉刘陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯";
const char16_t* const KR_SURNAMES =
    u"김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감호제음빈동온";
const char16_t* const JP_SURNAMES[] = {
    u"佐藤", u"鈴木", u"高橋", u"田中", u"伊藤", u"渡辺", u"山本", u"中村", u"小林", u"加藤", u"吉田", u"山田",
    u"佐々木", u"山口", u"松本", u"井上", u"木村", u"林", u"斎藤", u"清水", u"山崎", u"森", u"池田", u"橋本",
    u"阿部", u"石川", u"山下", u"中島", u"石井", u"小川", u"前田", u"岡田", u"長谷川", u"藤田", u"後藤", u"近藤",
};

struct UnitSet {
    std::bitset<65536> has;
    explicit UnitSet(const char16_t* units) {
        for (const char16_t* p = units; *p; p++) has.set(*p);
    }
    bool operator()(int unit) const { return unit >= 0 && unit < 65536 && has.test(unit); }
};

bool isCnSurname(int unit) {
    static const UnitSet SET(CN_SURNAMES);
    return SET(unit);
}
bool isKrSurname(int unit) {
    static const UnitSet SET(KR_SURNAMES);
    return SET(unit);
}
bool isJpSurname(std::u16string_view word) {
    static const std::unordered_set<std::u16string_view> SET(std::begin(JP_SURNAMES), std::end(JP_SURNAMES));
    return SET.count(word) > 0;
}

bool isHighSurrogate(int unit) { return unit >= 0xd800 && unit <= 0xdbff; }
bool isHanUnit(int unit) { return scriptBitsOfUnit(unit) & SCRIPT_HAN; }

// patronymicRun ends in one of its suffixes, which end in these two letters: a line without any has no match.
bool holdsPatronymicEnd(const Text& t) {
    for (int i = t.lo + 1; i < t.hi; i++) {
        const char16_t a = t.units[i - 1], b = t.units[i];
        if ((a == u'и' && b == u'ч') || (a == u'н' && (b == u'а' || b == u'і' || b == u'ы'))) return true;
    }
    return false;
}

// A global scan of `re` over the line (span.ts matches): tried at each unit `canStart` lets through, on past each
// match's end. `canStart` lets through at least every start a match of `re` can have after the previous match.
template <typename CanStart, typename Each>
void scanLine(const Regex& re, const Text& t, RegexMatch& m, CanStart canStart, Each each) {
    for (int p = t.lo; p < t.hi; p++) {
        if (!canStart(p) || !re.matchAt(t, p, m)) continue;
        each(p, m);
        if (m.end > p) p = m.end - 1;
    }
}

struct LineDetector {
    const Regexes& r = rx();
    Spans& out;
    RegexMatch m, translit;

    // worldNames.ts spanWithTranslit. `e` can be below `s` (a labelled run cut at a space it does not hold): the
    // span is kept as the TypeScript side makes it, and the transliteration looked for from e.
    void spanWithTranslit(const Text& t, int s, int e, int confidenceMilli) {
        out.push_back({s, e, SpanType::NAME, confidenceMilli, SpanSource::context});
        if (!r.translitAfter.matchAt(t.slice(e, e + 60), e, translit)) return;
        // the TypeScript side finds the group by indexOf in the match: the blanks and '(' before it cannot open it
        auto [gs, ge] = translit.groups[r.translitName];
        if (gs >= 0 && ge > gs) out.push_back({gs, ge, SpanType::NAME, confidenceMilli, SpanSource::context});
    }

    // worldNames.ts detectLine.
    void detect(const Text& t) {
        // LABEL's global scan, each unit tried with the labels it can open
        const Labels& byFirst = labels();
        for (int p = t.lo; p < t.hi; p++) {
            const Regex* label = byFirst.at(t.units[p]);
            if (!label || isLetterUnit(t.at(p - 1))) continue;
            const int end = label->matchAt(t, p);
            if (end < 0) continue;
            labelled(t, end);
            p = end - 1;
        }
        scanLine(r.nonLatinInParens, t, m, [&](int p) { return t.units[p] == '('; }, [&](int p, const RegexMatch& found) {
            auto [gs, ge] = found.groups[r.inParensName];
            // "Mohammed Al-Harbi (محمد الحربي)": a Latin name right before the parentheses makes them a name too.
            if (gs >= 0 && r.latinNameBefore.test(t.slice(p - 30, p))) out.push_back({gs, ge, SpanType::NAME, 700, SpanSource::context});
        });
        // Candidates are cut to the family names a match is kept for: inside a match no other can start (each unit
        // there follows a Han character), so skipping a match that would be dropped hides nothing.
        scanLine(r.hanWord, t, m, [&](int p) { return isCnSurname(t.units[p]) && !isHanUnit(t.at(p - 1)); },
                 [&](int p, const RegexMatch& found) {
                     if (r.notNameAfter.matchAt(t.slice(found.end, found.end + 1), found.end) < 0) spanWithTranslit(t, p, found.end, 700);
                 });
        // Not so here: a dropped match ("木 さ田中") hides one inside it ("田中 太郎"), so every start is tried.
        scanLine(r.jpName, t, m,
                 [&](int p) { return (isHanUnit(t.units[p]) || isHighSurrogate(t.units[p])) && !isHanUnit(t.at(p - 1)); },
                 [&](int p, const RegexMatch& found) {
                     auto [ss, se] = found.groups[r.jpSurname];
                     if (ss >= 0 && isJpSurname(std::u16string_view(t.units + ss, se - ss))) spanWithTranslit(t, p, found.end, 800);
                 });
        // Hangul is all in the BMP: each unit of a match follows a Hangul one, as for Han above.
        scanLine(r.hangulWord, t, m,
                 [&](int p) { return isKrSurname(t.units[p]) && !(scriptBitsOfUnit(t.at(p - 1)) & SCRIPT_HANGUL); },
                 [&](int p, const RegexMatch& found) {
                     // Place words end in 시/구/동/로/길/도: "서울특별시" is a city, not a person.
                     if (found.end - p > 3 || r.placeEnd.test(t.slice(p, found.end))) return;
                     spanWithTranslit(t, p, found.end, 700);
                 });
        if (!holdsPatronymicEnd(t)) return;
        scanLine(r.patronymicRun, t, m,
                 [&](int p) {
                     const int c = t.units[p];
                     return (isUpper(c) || (c >= 128 && (isLetterUnit(c) || isHighSurrogate(c)))) && !isLetterUnit(t.at(p - 1));
                 },
                 [&](int p, const RegexMatch& found) { spanWithTranslit(t, p, found.end, 850); });
    }

    // worldNames.ts detectLine's LABEL loop: the name run right after a label (RUN_AT at the label's end).
    void labelled(const Text& t, int s) {
        int e = r.runAt.matchAt(t, s);
        if (e < 0) return;
        const Text run = t.slice(s, e);
        // A Han or Hangul run that goes on past one word ("张伟 性别") keeps its first word; "山田 太郎" stays whole.
        if (e - s > 4 && r.onlyHan.test(run)) return;
        if (r.hanOrHangulThenBlank.test(run) && !r.hanBlankHan.test(run)) {
            // text.indexOf(' '): -1 when the words are split by tabs only, which leaves e one before s
            int space = -1;
            for (int i = s; i < e; i++)
                if (t.units[i] == ' ') {
                    space = i - s;
                    break;
                }
            e = s + space;
        }
        spanWithTranslit(t, s, e, 850);
    }
};

}  // namespace

// worldNames.ts detectWorldNames: every signal sits on one line with its name, so only the lines holding a
// non-Latin character are searched.
void detectWorldNames(const Text& t, Spans& out) {
    LineDetector lines{rx(), out, {}, {}};
    onNonLatinLines(t, [&](const Text& line) { lines.detect(line); });
}

}  // namespace fieldtune_pii
