#include "output.h"

// write(2): POSIX only, as the add-on is (build.mjs does not build it on Windows yet).
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <stdexcept>

#include "unitSkip.h"

namespace fieldtune_pii {

namespace {

bool isHigh(char16_t c) { return c >= 0xd800 && c <= 0xdbff; }
bool isLow(char16_t c) { return c >= 0xdc00 && c <= 0xdfff; }

char* putUtf8(char* p, uint32_t cp) {
    if (cp < 0x80) {
        *p++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
        *p++ = static_cast<char>(0xc0 | cp >> 6);
        *p++ = static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        *p++ = static_cast<char>(0xe0 | cp >> 12);
        *p++ = static_cast<char>(0x80 | (cp >> 6 & 0x3f));
        *p++ = static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        *p++ = static_cast<char>(0xf0 | cp >> 18);
        *p++ = static_cast<char>(0x80 | (cp >> 12 & 0x3f));
        *p++ = static_cast<char>(0x80 | (cp >> 6 & 0x3f));
        *p++ = static_cast<char>(0x80 | (cp & 0x3f));
    }
    return p;
}

uint32_t pairOf(char16_t high, char16_t low) { return 0x10000 + ((high - 0xd800u) << 10) + (low - 0xdc00u); }

// "\u00xx" as JSON.stringify writes it: four lower-case hex digits.
char* putEscape(char* p, char16_t c) {
    static const char HEX[] = "0123456789abcdef";
    *p++ = '\\';
    *p++ = 'u';
    *p++ = HEX[c >> 12];
    *p++ = HEX[c >> 8 & 15];
    *p++ = HEX[c >> 4 & 15];
    *p++ = HEX[c & 15];
    return p;
}

// JSON.stringify of a string (well-formed: a lone surrogate half is escaped, a pair written as the character);
// 6 bytes a unit at most, and the quotes.
char* putJsonString(char* p, const char16_t* u, size_t n) {
    *p++ = '"';
    for (size_t i = 0; i < n; i++) {
        const char16_t c = u[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            *p++ = static_cast<char>(c);
            continue;
        }
        const char* escape = nullptr;
        switch (c) {
            case '"': escape = "\\\""; break;
            case '\\': escape = "\\\\"; break;
            case '\b': escape = "\\b"; break;
            case '\f': escape = "\\f"; break;
            case '\n': escape = "\\n"; break;
            case '\r': escape = "\\r"; break;
            case '\t': escape = "\\t"; break;
            default: break;
        }
        if (escape) {
            *p++ = escape[0];
            *p++ = escape[1];
        } else if (c < 0x20) {
            p = putEscape(p, c);
        } else if (isHigh(c) && i + 1 < n && isLow(u[i + 1])) {
            p = putUtf8(p, pairOf(c, u[i + 1]));
            i++;
        } else if (isHigh(c) || isLow(c)) {
            p = putEscape(p, c);
        } else {
            p = putUtf8(p, c);
        }
    }
    *p++ = '"';
    return p;
}

// a span offset in decimal (11 bytes at most, the room each line asks for)
char* putNumber(char* p, int32_t n) { return std::to_chars(p, p + 11, n).ptr; }

char* putLiteral(char* p, const char* s, size_t n) {
    std::memcpy(p, s, n);
    return p + n;
}

// Units a piece is encoded in at most: a pair is never cut, so a piece may end one unit past `block`.
constexpr size_t BLOCK = 1 << 16;

}  // namespace

size_t FileBytes::flush() {
    size_t done = 0;
    while (done < used_) {
        const ssize_t n = ::write(fd_, buffer_.data() + done, used_ - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error(std::string("could not write the file: ") + std::strerror(errno));
        done += static_cast<size_t>(n);
    }
    written_ += done;
    used_ = 0;
    return written_;
}

void putUnits(FileBytes& out, const char16_t* units, size_t n, TextEncoding encoding) {
    for (size_t from = 0; from < n;) {
        size_t to = from + BLOCK < n ? from + BLOCK : n;
        if (to < n && isHigh(units[to - 1]) && isLow(units[to])) to++;
        char* p = out.room(3 * (to - from));
        if (encoding != TextEncoding::utf8) {
            const bool little = encoding == TextEncoding::utf16le;
            for (size_t i = from; i < to; i++) {
                const char lo = static_cast<char>(units[i] & 0xff), hi = static_cast<char>(units[i] >> 8);
                *p++ = little ? lo : hi;
                *p++ = little ? hi : lo;
            }
        } else {
            for (size_t i = from; i < to; i++) {
                // eight ASCII units at once, narrowed to their bytes (most of a text is ASCII)
                while (i + 8 <= to) {
                    const Units8 v = unitsAt(units + i);
                    if (anyLane(lanesIn(v, 0x80, 0xffff))) break;
                    using Bytes8 = uint8_t __attribute__((vector_size(8)));
                    const Bytes8 bytes = __builtin_convertvector(v, Bytes8);
                    std::memcpy(p, &bytes, sizeof bytes);
                    p += 8;
                    i += 8;
                }
                if (i >= to) break;
                const char16_t c = units[i];
                if (c < 0x80) {
                    *p++ = static_cast<char>(c);
                } else if (isHigh(c) && i + 1 < to && isLow(units[i + 1])) {
                    p = putUtf8(p, pairOf(c, units[i + 1]));
                    i++;
                } else {
                    // a lone half is U+FFFD, as Buffer.write writes it
                    p = putUtf8(p, isHigh(c) || isLow(c) ? 0xfffd : c);
                }
            }
        }
        out.done(p);
        from = to;
    }
}

void writeMaskedCopy(FileBytes& out, std::u16string_view text, int32_t base, const int32_t* spans, size_t count,
                     const std::vector<std::u16string>& words, TextEncoding encoding) {
    for (const std::u16string& w : words)
        for (char16_t c : w)
            if (isHigh(c) || isLow(c)) throw std::invalid_argument("a mask holds a surrogate half");
    // offsets into text (the spans' count from the input's start, the text's from `base`)
    size_t last = 0;
    const int64_t length = static_cast<int64_t>(text.size());
    for (size_t k = 0; k < count; k++) {
        const int64_t start = int64_t{spans[3 * k]} - base, end = int64_t{spans[3 * k + 1]} - base;
        const int32_t word = spans[3 * k + 2];
        if (start < static_cast<int64_t>(last) || end < start || end > length || word < 0 || static_cast<size_t>(word) >= words.size())
            throw std::invalid_argument("spans out of order, overlapping, or past the text");
        putUnits(out, text.data() + last, static_cast<size_t>(start) - last, encoding);
        putUnits(out, words[word].data(), words[word].size(), encoding);
        last = static_cast<size_t>(end);
    }
    putUnits(out, text.data() + last, text.size() - last, encoding);
}

void writeSpanLines(FileBytes& out, std::u16string_view text, int32_t base, const int32_t* spans, size_t count,
                    const std::vector<std::u16string>& words, bool continued) {
    std::vector<std::string> json;
    size_t longest = 0;
    for (const std::u16string& w : words) {
        std::string bytes;
        for (char16_t c : w) {
            if (c >= 0x80) throw std::invalid_argument("a report word is not ASCII");
            bytes.push_back(static_cast<char>(c));
        }
        longest = bytes.size() > longest ? bytes.size() : longest;
        json.push_back(std::move(bytes));
    }
    static const char START[] = ",\n  {\"start\":", END[] = ",\"end\":", TYPE[] = ",\"type\":", TEXT[] = ",\"text\":",
                      CONFIDENCE[] = ",\"confidence\":", SOURCE[] = ",\"source\":";
    // the field names, two numbers, three words, the quotes and the closing brace
    const size_t fixed = sizeof START + sizeof END + sizeof TYPE + sizeof TEXT + sizeof CONFIDENCE + sizeof SOURCE + 24 +
                         3 * longest + 3;
    const int64_t length = static_cast<int64_t>(text.size());
    for (size_t k = 0; k < count; k++) {
        const int32_t* s = spans + 5 * k;
        const int64_t from = int64_t{s[0]} - base, to = int64_t{s[1]} - base;
        if (from < 0 || to < from || to > length) throw std::invalid_argument("a span past the text");
        for (int f = 2; f < 5; f++)
            if (s[f] < 0 || static_cast<size_t>(s[f]) >= json.size()) throw std::invalid_argument("a word index past the words");
        const size_t units = static_cast<size_t>(s[1] - s[0]);
        char* p = out.room(fixed + 6 * units);
        // the array's first element has no comma before it
        p = k || continued ? putLiteral(p, START, sizeof START - 1) : putLiteral(p, START + 1, sizeof START - 2);
        p = putNumber(p, s[0]);
        p = putLiteral(p, END, sizeof END - 1);
        p = putNumber(p, s[1]);
        p = putLiteral(p, TYPE, sizeof TYPE - 1);
        p = putLiteral(p, json[s[2]].data(), json[s[2]].size());
        p = putLiteral(p, TEXT, sizeof TEXT - 1);
        p = putJsonString(p, text.data() + from, units);
        p = putLiteral(p, CONFIDENCE, sizeof CONFIDENCE - 1);
        p = putLiteral(p, json[s[3]].data(), json[s[3]].size());
        p = putLiteral(p, SOURCE, sizeof SOURCE - 1);
        p = putLiteral(p, json[s[4]].data(), json[s[4]].size());
        *p++ = '}';
        out.done(p);
    }
}

}  // namespace fieldtune_pii
