#include "jsonStrings.h"

#include <algorithm>
#include <stdexcept>

namespace fieldtune_pii {
namespace {

constexpr char16_t QUOTE = u'"';
constexpr char16_t BACKSLASH = u'\\';
constexpr char16_t NEWLINE = u'\n';

// The first `unit` in [from, to), or `to`.
size_t findUnit(std::u16string_view raw, char16_t unit, size_t from, size_t to) {
    for (size_t i = from; i < to; i++)
        if (raw[i] == unit) return i;
    return to;
}

// The closing quote of the literal whose content starts at `from`, or the line's end when it has none.
size_t literalEnd(std::u16string_view raw, size_t from, size_t lineEnd) {
    for (size_t q = findUnit(raw, QUOTE, from, lineEnd); q < lineEnd; q = findUnit(raw, QUOTE, q + 1, lineEnd)) {
        size_t slashes = 0;
        for (size_t j = q; j > from && raw[j - 1] == BACKSLASH; j--) slashes++;
        if (slashes % 2 == 0) return q;
    }
    return lineEnd;
}

// A key is a literal followed by a colon: its text names a field, it holds no one's data.
bool isKey(std::u16string_view raw, size_t afterQuote) {
    size_t i = afterQuote;
    while (i < raw.size() && (raw[i] == u' ' || raw[i] == u'\t' || raw[i] == u'\r' || raw[i] == u'\n')) i++;
    return i < raw.size() && raw[i] == u':';
}

int hexValue(char16_t c) {
    if (c >= u'0' && c <= u'9') return c - u'0';
    if (c >= u'a' && c <= u'f') return c - u'a' + 10;
    if (c >= u'A' && c <= u'F') return c - u'A' + 10;
    return -1;
}

// The code unit the escape at `i` (a backslash) stands for, or -1 for one JSON does not have.
int escapedUnit(std::u16string_view raw, size_t i) {
    if (i + 1 >= raw.size()) return -1;
    switch (raw[i + 1]) {
        case u'"': return QUOTE;
        case u'\\': return BACKSLASH;
        case u'/': return u'/';
        case u'b': return 0x08;
        case u'f': return 0x0c;
        case u'n': return NEWLINE;
        case u'r': return 0x0d;
        case u't': return 0x09;
        case u'u': {
            int unit = 0;
            for (size_t k = i + 2; k < i + 6; k++) {
                const int h = k < raw.size() ? hexValue(raw[k]) : -1;
                if (h < 0) return -1;
                unit = unit * 16 + h;
            }
            return unit;
        }
        default: return -1;
    }
}

// pieceView.ts PieceViewWriter without labels: the view is never longer than the file (a value gives up its quotes,
// at least two units with the line break an unclosed one ends at, for its two-unit separator; an escape shrinks).
class ViewWriter {
public:
    explicit ViewWriter(JsonStringsView& v, size_t capacity) : v_(v), capacity_(capacity) { v_.text = BigArray<char16_t>(capacity + 2); }

    void begin(size_t rawStart) {
        if (!v_.pieces.empty()) {
            put(NEWLINE);
            put(NEWLINE);
        }
        viewStart_ = v_.length;
        rawStart_ = rawStart;
        breakFrom_ = v_.breaks.size() / 2;
    }
    void copy(std::u16string_view raw, size_t from, size_t to) {
        room(to - from);
        std::copy(raw.data() + from, raw.data() + to, v_.text.get() + v_.length);
        v_.length += to - from;
    }
    void escaped(int unit, size_t rawAt, size_t rawAfter) {
        if (breakFrom_ == v_.breaks.size() / 2) pair(0, rawStart_);
        pair(v_.length - viewStart_, rawAt);
        put(static_cast<char16_t>(unit));
        pair(v_.length - viewStart_, rawAfter);
    }
    void end() {
        if (v_.length > viewStart_) {
            const int32_t piece[5] = {static_cast<int32_t>(viewStart_), static_cast<int32_t>(v_.length), static_cast<int32_t>(rawStart_),
                                      static_cast<int32_t>(breakFrom_), static_cast<int32_t>(v_.breaks.size() / 2)};
            v_.pieces.insert(v_.pieces.end(), piece, piece + 5);
        }
    }

private:
    void put(char16_t unit) {
        room(1);
        v_.text.get()[v_.length++] = unit;
    }
    void room(size_t units) {
        if (v_.length + units > capacity_ + 2) throw std::logic_error("JSON strings view longer than its file");
    }
    void pair(size_t decoded, size_t file) {
        v_.breaks.push_back(static_cast<int32_t>(decoded));
        v_.breaks.push_back(static_cast<int32_t>(file));
    }
    JsonStringsView& v_;
    size_t capacity_;
    size_t viewStart_ = 0, rawStart_ = 0, breakFrom_ = 0;
};

}  // namespace

JsonStringsView jsonStringsView(std::u16string_view raw) {
    JsonStringsView view;
    ViewWriter out(view, raw.size());
    const size_t n = raw.size();
    size_t lineEnd = 0;
    bool haveLine = false;
    for (size_t i = findUnit(raw, QUOTE, 0, n); i < n;) {
        const size_t start = i + 1;
        // JSON strings hold no raw line break: a literal ends on its line at the latest.
        if (!haveLine || lineEnd < start) {
            lineEnd = findUnit(raw, NEWLINE, start, n);
            haveLine = true;
        }
        const size_t end = literalEnd(raw, start, lineEnd);
        const size_t next = end < n && raw[end] == QUOTE ? end + 1 : end;
        if (!isKey(raw, next) && end > start) {
            out.begin(start);
            for (size_t k = start; k < end;) {
                const size_t runEnd = findUnit(raw, BACKSLASH, k, end);
                out.copy(raw, k, runEnd);
                k = runEnd;
                if (k >= end) break;
                const int unit = escapedUnit(raw, k);
                if (unit < 0) {
                    // An unknown escape (invalid JSON) stays as its characters, placed one to one.
                    const size_t kept = std::min(k + 2, end);
                    out.copy(raw, k, kept);
                    k = kept;
                    continue;
                }
                const size_t after = k + (raw[k + 1] == u'u' ? 6 : 2);
                out.escaped(unit, k, after);
                k = after;
            }
            out.end();
        }
        i = findUnit(raw, QUOTE, next, n);
    }
    return view;
}

}  // namespace fieldtune_pii
