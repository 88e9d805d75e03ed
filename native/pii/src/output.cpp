#include "output.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace fieldtune_pii {

namespace {

bool isHigh(char16_t c) { return c >= 0xd800 && c <= 0xdbff; }
bool isLow(char16_t c) { return c >= 0xdc00 && c <= 0xdfff; }

void putUtf8(FileBytes& out, uint32_t cp) {
    if (cp < 0x80) {
        out.putByte(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.putByte(static_cast<char>(0xc0 | cp >> 6));
        out.putByte(static_cast<char>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        out.putByte(static_cast<char>(0xe0 | cp >> 12));
        out.putByte(static_cast<char>(0x80 | (cp >> 6 & 0x3f)));
        out.putByte(static_cast<char>(0x80 | (cp & 0x3f)));
    } else {
        out.putByte(static_cast<char>(0xf0 | cp >> 18));
        out.putByte(static_cast<char>(0x80 | (cp >> 12 & 0x3f)));
        out.putByte(static_cast<char>(0x80 | (cp >> 6 & 0x3f)));
        out.putByte(static_cast<char>(0x80 | (cp & 0x3f)));
    }
}

uint32_t pairOf(char16_t high, char16_t low) { return 0x10000 + ((high - 0xd800u) << 10) + (low - 0xdc00u); }

// "\u00xx" as JSON.stringify writes it: four lower-case hex digits.
void putEscape(FileBytes& out, char16_t c) {
    static const char HEX[] = "0123456789abcdef";
    const char bytes[6] = {'\\', 'u', HEX[c >> 12], HEX[c >> 8 & 15], HEX[c >> 4 & 15], HEX[c & 15]};
    out.put(bytes, 6);
}

// JSON.stringify of a string (well-formed: a lone surrogate half is escaped, a pair written as the character).
void putJsonString(FileBytes& out, const char16_t* u, size_t n) {
    out.putByte('"');
    for (size_t i = 0; i < n; i++) {
        const char16_t c = u[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            out.putByte(static_cast<char>(c));
            continue;
        }
        switch (c) {
            case '"': out.put("\\\"", 2); continue;
            case '\\': out.put("\\\\", 2); continue;
            case '\b': out.put("\\b", 2); continue;
            case '\f': out.put("\\f", 2); continue;
            case '\n': out.put("\\n", 2); continue;
            case '\r': out.put("\\r", 2); continue;
            case '\t': out.put("\\t", 2); continue;
            default: break;
        }
        if (c < 0x20) {
            putEscape(out, c);
        } else if (isHigh(c) && i + 1 < n && isLow(u[i + 1])) {
            putUtf8(out, pairOf(c, u[i + 1]));
            i++;
        } else if (isHigh(c) || isLow(c)) {
            putEscape(out, c);
        } else {
            putUtf8(out, c);
        }
    }
    out.putByte('"');
}

void putNumber(FileBytes& out, int32_t n) {
    const std::string s = std::to_string(n);
    out.put(s);
}

}  // namespace

void FileBytes::put(const char* bytes, size_t n) {
    if (buffer_.size() + n > LIMIT) flush();
    buffer_.append(bytes, n);
}

size_t FileBytes::flush() {
    size_t done = 0;
    while (done < buffer_.size()) {
        const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error(std::string("could not write the file: ") + std::strerror(errno));
        done += static_cast<size_t>(n);
    }
    written_ += done;
    buffer_.clear();
    return written_;
}

void putUnits(FileBytes& out, const char16_t* units, size_t n, TextEncoding encoding) {
    if (encoding != TextEncoding::utf8) {
        const bool little = encoding == TextEncoding::utf16le;
        for (size_t i = 0; i < n; i++) {
            const char lo = static_cast<char>(units[i] & 0xff), hi = static_cast<char>(units[i] >> 8);
            out.putByte(little ? lo : hi);
            out.putByte(little ? hi : lo);
        }
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const char16_t c = units[i];
        if (c < 0x80) {
            out.putByte(static_cast<char>(c));
        } else if (isHigh(c) && i + 1 < n && isLow(units[i + 1])) {
            putUtf8(out, pairOf(c, units[i + 1]));
            i++;
        } else {
            putUtf8(out, isHigh(c) || isLow(c) ? 0xfffd : c);
        }
    }
}

void writeMaskedCopy(FileBytes& out, const std::u16string& text, const int32_t* spans, size_t count,
                     const std::vector<std::u16string>& words, TextEncoding encoding) {
    for (const std::u16string& w : words)
        for (char16_t c : w)
            if (isHigh(c) || isLow(c)) throw std::invalid_argument("a mask holds a surrogate half");
    size_t last = 0;
    const size_t length = text.size();
    for (size_t k = 0; k < count; k++) {
        const int32_t start = spans[3 * k], end = spans[3 * k + 1], word = spans[3 * k + 2];
        if (start < static_cast<int64_t>(last) || end < start || static_cast<size_t>(end) > length || word < 0 ||
            static_cast<size_t>(word) >= words.size())
            throw std::invalid_argument("spans out of order, overlapping, or past the text");
        putUnits(out, text.data() + last, static_cast<size_t>(start) - last, encoding);
        putUnits(out, words[word].data(), words[word].size(), encoding);
        last = static_cast<size_t>(end);
    }
    putUnits(out, text.data() + last, length - last, encoding);
}

void writeSpanLines(FileBytes& out, const std::u16string& text, const int32_t* spans, size_t count,
                    const std::vector<std::u16string>& words) {
    std::vector<std::string> json;
    for (const std::u16string& w : words) {
        std::string bytes;
        for (char16_t c : w) {
            if (c >= 0x80) throw std::invalid_argument("a report word is not ASCII");
            bytes.push_back(static_cast<char>(c));
        }
        json.push_back(std::move(bytes));
    }
    const size_t length = text.size();
    for (size_t k = 0; k < count; k++) {
        const int32_t* s = spans + 5 * k;
        if (s[0] < 0 || s[1] < s[0] || static_cast<size_t>(s[1]) > length) throw std::invalid_argument("a span past the text");
        for (int f = 2; f < 5; f++)
            if (s[f] < 0 || static_cast<size_t>(s[f]) >= json.size()) throw std::invalid_argument("a word index past the words");
        if (k) out.putByte(',');
        out.put("\n  {\"start\":", 12);
        putNumber(out, s[0]);
        out.put(",\"end\":", 7);
        putNumber(out, s[1]);
        out.put(",\"type\":", 8);
        out.put(json[s[2]]);
        out.put(",\"text\":", 8);
        putJsonString(out, text.data() + s[0], static_cast<size_t>(s[1] - s[0]));
        out.put(",\"confidence\":", 14);
        out.put(json[s[3]]);
        out.put(",\"source\":", 10);
        out.put(json[s[4]]);
        out.putByte('}');
    }
}

}  // namespace fieldtune_pii
