#include "wordTokens.h"

#include "../third_party/quickjs/libunicode.h"
#include "regex.h"

namespace fieldtune_pii {
namespace {

// One bit per BMP unit: whether the regex engine's `cls` matches it alone.
std::vector<uint64_t> bmpTable(const char16_t* cls) {
    std::vector<uint64_t> bits(1024, 0);
    const Regex re(cls, "u");
    for (int c = 0; c < 0x10000; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        char16_t unit = static_cast<char16_t>(c);
        if (re.matchAt(Text{&unit, 0, 1}, 0) == 1) bits[c >> 6] |= uint64_t{1} << (c & 63);
    }
    return bits;
}

bool inTable(const std::vector<uint64_t>& bits, int c) { return bits[c >> 6] >> (c & 63) & 1; }

// A code point that String.prototype.toUpperCase (conv 0) or toLowerCase (1) leaves as it is.
bool unchangedBy(int c, int conv) {
    if (c >= 0xd800 && c <= 0xdfff) return true;
    uint32_t mapped[LRE_CC_RES_LEN_MAX];
    int n = lre_case_conv(mapped, static_cast<uint32_t>(c), conv);
    return n == 1 && mapped[0] == static_cast<uint32_t>(c);
}

// wordTokens.ts width: 2 for a surrogate pair at i, else 1
int width(const Text& t, int i, int code) {
    if (!isHighSurrogate(code)) return 1;
    return isLowSurrogate(t.at(i + 1)) ? 2 : 1;
}

int codePointAt(const Text& t, int i) {
    int code = t.at(i);
    if (isHighSurrogate(code) && isLowSurrogate(t.at(i + 1))) return 0x10000 + ((code - 0xd800) << 10) + (t.at(i + 1) - 0xdc00);
    return code;
}

// wordTokens.ts caseFlags
uint8_t caseFlags(const Text& t, int s, int e) {
    const int code = t.at(s);
    const bool isCap = code < 128 ? isUpper(code) : !unchangedBy(code, 1) && unchangedBy(code, 0) && !isHighSurrogate(code) && !isLowSurrogate(code);
    if (!isCap) return 0;
    if (e - s < 2) return WORD_CAP;
    bool ascii = true;
    bool lower = false;
    for (int i = s; i < e; i++) {
        const int c = t.at(i);
        if (c >= 128) {
            ascii = false;
            break;
        }
        if (isLower(c)) lower = true;
    }
    if (ascii) return !lower && isUpper(t.at(e - 1)) ? WORD_CAP | WORD_UPPER : WORD_CAP;
    // raw === raw.toUpperCase() && raw !== raw.toLowerCase() && last !== last.toLowerCase(), code point by code point
    bool sameUpper = true;
    bool changesLower = false;
    for (int i = s; i < e;) {
        const int w = isHighSurrogate(t.at(i)) && i + 1 < e && isLowSurrogate(t.at(i + 1)) ? 2 : 1;
        const int cp = w == 2 ? codePointAt(t, i) : t.at(i);
        if (!unchangedBy(cp, 0)) sameUpper = false;
        if (!unchangedBy(cp, 1)) changesLower = true;
        i += w;
    }
    return sameUpper && changesLower && !unchangedBy(t.at(e - 1), 1) ? WORD_CAP | WORD_UPPER : WORD_CAP;
}

}  // namespace

bool letterOrMark(int cp) {
    if (cp < 128) return isAsciiLetter(cp);
    if (cp < 0x10000) {
        static const std::vector<uint64_t> TABLE = bmpTable(u"[\\p{L}\\p{M}]");
        return inTable(TABLE, cp);
    }
    static const Regex astral(u"[\\p{L}\\p{M}]", "u");
    const char16_t pair[2] = {static_cast<char16_t>(0xd800 + ((cp - 0x10000) >> 10)), static_cast<char16_t>(0xdc00 + ((cp - 0x10000) & 0x3ff))};
    return astral.matchAt(Text{pair, 0, 2}, 0) == 2;
}

bool isCapitalUnit(int unit) {
    if (unit < 128) return isUpper(unit);
    if (unit > 0xffff) return false;
    static const std::vector<uint64_t> TABLE = bmpTable(u"\\p{Lu}");
    return inTable(TABLE, unit);
}

bool isAstralLetter(int high, int low) {
    if (!isHighSurrogate(high) || !isLowSurrogate(low)) return false;
    static const Regex letter(u"^\\p{L}$", "u");
    const char16_t pair[2] = {static_cast<char16_t>(high), static_cast<char16_t>(low)};
    return letter.matchAt(Text{pair, 0, 2}, 0) == 2;
}

// wordTokens.ts tokenizeWords: what /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu finds, less words glued to a digit, a
// possessive 's, trailing apostrophes and hyphens cut off
void tokenizeWords(const Text& t, WordTokens& out) {
    out.text = t;
    out.start.clear();
    out.end.clear();
    out.flags.clear();
    const size_t expected = static_cast<size_t>(t.hi - t.lo) >> 3;
    out.start.reserve(expected);
    out.end.reserve(expected);
    out.flags.reserve(expected);
    const int len = t.hi;
    int i = t.lo;
    while (i < len) {
        const int code = t.units[i];
        int w = 1;
        if (code < 128) {
            if (!isAsciiLetter(code)) {
                i++;
                continue;
            }
        } else {
            w = width(t, i, code);
            if (!letterOrMark(w == 1 ? code : codePointAt(t, i))) {
                i += w;
                continue;
            }
        }
        const int s = i;
        bool ascii = code < 128;
        bool lower = isLower(code);
        bool punct = false;
        i += w;
        while (i < len) {
            const int c = t.units[i];
            if (c < 128) {
                if (isAsciiLetter(c)) {
                    if (c >= 'a') lower = true;
                    i++;
                    continue;
                }
                if (c == '\'' || c == '-') {
                    punct = true;
                    i++;
                    continue;
                }
                break;
            }
            if (c == 0x2019) {
                ascii = false;
                punct = true;
                i++;
                continue;
            }
            const int cw = width(t, i, c);
            if (!letterOrMark(cw == 1 ? c : codePointAt(t, i))) break;
            ascii = false;
            i += cw;
        }
        int e = i;
        if (isDigit(t.at(e)) || isDigit(t.at(s - 1))) continue;
        bool possessive = false;
        if (punct) {
            const int lastCode = t.at(e - 1);
            const int before = t.at(e - 2);
            if ((lastCode == 's' || lastCode == 'S') && (before == '\'' || before == 0x2019)) {
                e -= 2;
                possessive = true;
            } else if (lastCode == '\'' || lastCode == 0x2019) {
                e -= 1;
            }
            while (e > s && t.at(e - 1) == '-') e--;
            if (e == s) continue;
        }
        uint8_t fl;
        if (!ascii || possessive) fl = caseFlags(t, s, e);
        else if (!isUpper(code)) fl = 0;
        else if (e - s < 2) fl = WORD_CAP;
        else fl = !lower && isUpper(t.at(e - 1)) ? WORD_CAP | WORD_UPPER : WORD_CAP;
        out.start.push_back(s);
        out.end.push_back(e);
        out.flags.push_back(fl | (ascii ? WORD_ASCII : 0));
    }
    out.ownKeys.clear();
    out.keys.assign(out.start.size(), nullptr);
}

const std::u16string& wordKey(WordTokens& t, int i, const Resources& res) {
    if (!t.keys[i]) {
        t.ownKeys.push_back(res.fold(t.text, t.start[i], t.end[i]));
        t.keys[i] = &t.ownKeys.back();
    }
    return *t.keys[i];
}

}  // namespace fieldtune_pii
