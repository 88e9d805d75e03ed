#include "regex.h"

#include <stdexcept>

namespace fieldtune_pii {
namespace {

using Set = std::vector<uint64_t>;

Set emptySet() { return Set(1024, 0); }
void add(Set& s, int c) { s[static_cast<unsigned>(c) >> 6] |= uint64_t{1} << (c & 63); }
bool has(const Set& s, int c) { return s[static_cast<unsigned>(c) >> 6] >> (c & 63) & 1; }
void addRange(Set& s, int from, int to) {
    for (int c = from; c <= to; c++) add(s, c);
}
void addIf(Set& s, bool (*pred)(int), bool negate) {
    for (int c = 0; c < 65536; c++)
        if (pred(c) != negate) add(s, c);
}

class Parser {
public:
    Parser(const std::u16string& src, bool icase) : src_(src), icase_(icase) {}

    RegexSeq parse() {
        RegexNode top = group();
        if (pos_ != src_.size()) fail("unbalanced ')'");
        RegexSeq seq;
        seq.push_back(std::move(top));
        return seq;
    }

private:
    const std::u16string& src_;
    bool icase_;
    size_t pos_ = 0;

    [[noreturn]] void fail(const char* why) const {
        std::string ascii;
        for (char16_t c : src_) ascii += c < 128 ? static_cast<char>(c) : '?';
        throw std::runtime_error(std::string("regex not supported (") + why + "): " + ascii);
    }
    bool more() const { return pos_ < src_.size(); }
    int peek(size_t ahead = 0) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : -1; }

    // alternatives up to a ')' or the end, as one Group node
    RegexNode group() {
        RegexNode g;
        g.kind = RegexNode::Group;
        g.alts.emplace_back();
        while (more() && peek() != ')') {
            if (peek() == '|') {
                pos_++;
                g.alts.emplace_back();
                continue;
            }
            term(g.alts.back());
        }
        return g;
    }

    RegexNode unitNode(Set s) {
        if (icase_) {
            for (int c = 128; c < 65536; c++)
                if (s[c >> 6] == 0) c |= 63;  // an empty word of the set: skip its 64 units
                else if (has(s, c) && !isSpace(c)) fail("non-ASCII character under the i flag");
            for (int c = 'a'; c <= 'z'; c++)
                if (has(s, c) || has(s, c - 32)) {
                    add(s, c);
                    add(s, c - 32);
                }
        }
        RegexNode n;
        n.kind = RegexNode::Unit;
        n.set = std::make_shared<Set>(std::move(s));
        n.bits = n.set->data();
        return n;
    }
    RegexNode negatedUnit(Set s) {
        RegexNode n = unitNode(std::move(s));
        for (auto& w : *n.set) w = ~w;
        return n;
    }

    // \d \w \s and their negations into `s`; false when `c` is not one of them
    static bool classEscape(int c, Set& s) {
        switch (c) {
            case 'd': addIf(s, isDigit, false); return true;
            case 'D': addIf(s, isDigit, true); return true;
            case 'w': addIf(s, isWord, false); return true;
            case 'W': addIf(s, isWord, true); return true;
            case 's': addIf(s, isSpace, false); return true;
            case 'S': addIf(s, isSpace, true); return true;
            default: return false;
        }
    }

    int escapedChar() {
        int c = peek();
        pos_++;
        switch (c) {
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'v': return '\v';
            case 'f': return '\f';
            case '0': return 0;
            case 'x': return hexDigits(2);
            case 'u': return hexDigits(4);
            default:
                if (isAsciiAlnum(c)) fail("unknown escape");
                return c;
        }
    }

    int hexDigits(int count) {
        int v = 0;
        for (int i = 0; i < count; i++) {
            int c = peek();
            if (!isHex(c)) fail("bad \\x or \\u escape");
            v = v * 16 + (isDigit(c) ? c - '0' : (c | 32) - 'a' + 10);
            pos_++;
        }
        return v;
    }

    void term(RegexSeq& seq) {
        int c = peek();
        if (c == '^' || c == '$') {
            pos_++;
            RegexNode a;
            a.kind = RegexNode::Assert;
            a.assertion = static_cast<char>(c);
            seq.push_back(std::move(a));
            return;
        }
        if (c == '\\' && (peek(1) == 'b' || peek(1) == 'B')) {
            RegexNode a;
            a.kind = RegexNode::Assert;
            a.assertion = static_cast<char>(peek(1));
            pos_ += 2;
            seq.push_back(std::move(a));
            return;
        }
        if (c == '(' && peek(1) == '?' && (peek(2) == '=' || peek(2) == '!' || (peek(2) == '<' && (peek(3) == '=' || peek(3) == '!')))) {
            bool behind = peek(2) == '<';
            bool negative = peek(behind ? 3 : 2) == '!';
            pos_ += behind ? 4 : 3;
            RegexNode look = group();
            if (peek() != ')') fail("unclosed look-around");
            pos_++;
            look.kind = RegexNode::Look;
            look.ahead = !behind;
            look.negative = negative;
            if (behind)
                for (const auto& alt : look.alts) {
                    int len = fixedLength(alt);
                    if (len < 0) fail("look-behind of varying length");
                    look.altLengths.push_back(len);
                }
            seq.push_back(std::move(look));
            return;  // JavaScript allows no quantifier on a look-behind; one on a look-ahead is never needed here
        }
        RegexNode atom;
        if (c == '(') {
            pos_++;
            if (peek() == '?') {
                if (peek(1) != ':') fail("group kind");
                pos_ += 2;
            }
            atom = group();
            if (peek() != ')') fail("unclosed group");
            pos_++;
        } else if (c == '[') {
            atom = charClass();
        } else if (c == '.') {
            pos_++;
            Set s = emptySet();
            add(s, '\n');
            add(s, '\r');
            add(s, 0x2028);
            add(s, 0x2029);
            atom = negatedUnit(std::move(s));
        } else if (c == '\\') {
            pos_++;
            int e = peek();
            Set s = emptySet();
            if (classEscape(e, s)) {
                pos_++;
                atom = unitNode(std::move(s));
            } else {
                if (isDigit(e) && e != '0') fail("back-reference");
                add(s, escapedChar());
                atom = unitNode(std::move(s));
            }
        } else if (c == '*' || c == '+' || c == '?' || c == '{' || c == ')' || c == ']') {
            fail("misplaced quantifier or bracket");
        } else {
            pos_++;
            Set s = emptySet();
            add(s, c);
            atom = unitNode(std::move(s));
        }
        quantified(seq, std::move(atom));
    }

    void quantified(RegexSeq& seq, RegexNode atom) {
        int min = -1, max = -1;
        int c = peek();
        if (c == '?') min = 0, max = 1, pos_++;
        else if (c == '*') min = 0, max = -1, pos_++;
        else if (c == '+') min = 1, max = -1, pos_++;
        else if (c == '{' && isDigit(peek(1))) {
            pos_++;
            min = number();
            max = min;
            if (peek() == ',') {
                pos_++;
                max = peek() == '}' ? -1 : number();
            }
            if (peek() != '}') fail("bad {n,m}");
            pos_++;
        }
        if (min < 0) {
            seq.push_back(std::move(atom));
            return;
        }
        RegexNode r;
        r.kind = RegexNode::Repeat;
        r.min = min;
        r.max = max;
        if (peek() == '?') {
            r.greedy = false;
            pos_++;
        }
        r.alts.emplace_back();
        r.alts[0].push_back(std::move(atom));
        seq.push_back(std::move(r));
    }

    int number() {
        int n = 0;
        while (isDigit(peek())) n = n * 10 + (src_[pos_++] - '0');
        return n;
    }

    RegexNode charClass() {
        pos_++;  // '['
        bool negate = peek() == '^';
        if (negate) pos_++;
        Set s = emptySet();
        while (more() && peek() != ']') {
            int from;
            if (peek() == '\\') {
                pos_++;
                if (classEscape(peek(), s)) {
                    pos_++;
                    continue;
                }
                if (peek() == 'b') {
                    pos_++;
                    from = '\b';
                } else {
                    from = escapedChar();
                }
            } else {
                from = src_[pos_++];
            }
            if (peek() == '-' && peek(1) != ']' && peek(1) != -1) {
                pos_++;
                int to;
                if (peek() == '\\') {
                    pos_++;
                    to = escapedChar();
                } else {
                    to = src_[pos_++];
                }
                if (to < from) fail("range out of order");
                addRange(s, from, to);
            } else {
                add(s, from);
            }
        }
        if (peek() != ']') fail("unclosed class");
        pos_++;
        return negate ? negatedUnit(std::move(s)) : unitNode(std::move(s));
    }

    static int fixedLength(const RegexSeq& seq) {
        int total = 0;
        for (const auto& n : seq) {
            int len = 0;
            switch (n.kind) {
                case RegexNode::Unit: len = 1; break;
                case RegexNode::Assert:
                case RegexNode::Look: len = 0; break;
                case RegexNode::Group: {
                    len = -2;
                    for (const auto& alt : n.alts) {
                        int a = fixedLength(alt);
                        if (a < 0 || (len != -2 && a != len)) return -1;
                        len = a;
                    }
                    if (len == -2) len = 0;
                    break;
                }
                case RegexNode::Repeat: {
                    int a = fixedLength(n.alts[0]);
                    if (a < 0 || n.max != n.min) return -1;
                    len = a * n.min;
                    break;
                }
            }
            total += len;
        }
        return total;
    }
};

// The continuation of a match: what must still match after the current node, as a linked list on the C++ stack.
struct Cont {
    enum Kind { Seq, RepeatNext, End, EndAt } kind;
    const RegexSeq* seq = nullptr;
    size_t index = 0;
    const RegexNode* repeat = nullptr;
    int count = 0;
    int iterationStart = 0;
    const Cont* next = nullptr;
    int* end = nullptr;  // End: where the match ended; EndAt: the position it must end at
};

struct Matcher {
    const Text& t;

    bool run(const Cont* k, int pos) const {
        switch (k->kind) {
            case Cont::End: *k->end = pos; return true;
            case Cont::EndAt: return pos == *k->end;
            case Cont::Seq: return seq(*k->seq, k->index, pos, k->next);
            case Cont::RepeatNext:
                // ECMAScript's RepeatMatcher: an optional iteration that consumed nothing fails.
                if (pos == k->iterationStart && k->count >= k->repeat->min) return false;
                return repeat(*k->repeat, k->count + 1, pos, k->next);
        }
        return false;
    }

    bool wordAt(int i) const { return isWord(t.at(i)); }

    bool seq(const RegexSeq& s, size_t i, int pos, const Cont* k) const {
        for (; i < s.size(); i++) {
            const RegexNode& n = s[i];
            switch (n.kind) {
                case RegexNode::Unit:
                    if (!n.accepts(t.at(pos))) return false;
                    pos++;
                    continue;
                case RegexNode::Assert: {
                    bool ok = false;
                    if (n.assertion == '^') ok = pos == t.lo;
                    else if (n.assertion == '$') ok = pos == t.hi;
                    else ok = (wordAt(pos - 1) != wordAt(pos)) == (n.assertion == 'b');
                    if (!ok) return false;
                    continue;
                }
                case RegexNode::Look:
                    if (look(n, pos) == n.negative) return false;
                    continue;
                case RegexNode::Group: {
                    if (n.alts.size() == 1) {
                        Cont rest{Cont::Seq, &s, i + 1, nullptr, 0, 0, k, nullptr};
                        return seq(n.alts[0], 0, pos, &rest);
                    }
                    Cont rest{Cont::Seq, &s, i + 1, nullptr, 0, 0, k, nullptr};
                    for (const auto& alt : n.alts)
                        if (seq(alt, 0, pos, &rest)) return true;
                    return false;
                }
                case RegexNode::Repeat: {
                    Cont rest{Cont::Seq, &s, i + 1, nullptr, 0, 0, k, nullptr};
                    const RegexSeq& body = n.alts[0];
                    if (body.size() == 1 && body[0].kind == RegexNode::Unit) return unitRepeat(n, body[0], pos, &rest);
                    return repeat(n, 0, pos, &rest);
                }
            }
        }
        return run(k, pos);
    }

    // A repeated single unit ([a-z]{2,}, \d+): counted in a loop and backed off one at a time, so a long run costs
    // no stack depth.
    bool unitRepeat(const RegexNode& r, const RegexNode& unit, int pos, const Cont* k) const {
        int n = 0;
        while ((r.max < 0 || n < r.max) && unit.accepts(t.at(pos + n))) n++;
        if (n < r.min) return false;
        if (r.greedy) {
            for (int c = n; c >= r.min; c--)
                if (run(k, pos + c)) return true;
        } else {
            for (int c = r.min; c <= n; c++)
                if (run(k, pos + c)) return true;
        }
        return false;
    }

    bool repeat(const RegexNode& r, int count, int pos, const Cont* k) const {
        if (r.max >= 0 && count >= r.max) return run(k, pos);
        Cont again{Cont::RepeatNext, nullptr, 0, &r, count, pos, k, nullptr};
        if (count < r.min) return seq(r.alts[0], 0, pos, &again);
        if (r.greedy) return seq(r.alts[0], 0, pos, &again) || run(k, pos);
        return run(k, pos) || seq(r.alts[0], 0, pos, &again);
    }

    // Whether the look-around's body matches at pos (atomic: its first match decides).
    bool look(const RegexNode& n, int pos) const {
        if (n.ahead) {
            int end = 0;
            Cont done{Cont::End, nullptr, 0, nullptr, 0, 0, nullptr, &end};
            for (const auto& alt : n.alts)
                if (seq(alt, 0, pos, &done)) return true;
            return false;
        }
        int target = pos;
        Cont at{Cont::EndAt, nullptr, 0, nullptr, 0, 0, nullptr, &target};
        for (size_t a = 0; a < n.alts.size(); a++) {
            int from = pos - n.altLengths[a];
            if (from < t.lo) continue;
            if (seq(n.alts[a], 0, from, &at)) return true;
        }
        return false;
    }
};

}  // namespace

namespace {

// The first units a match of s[i..] can start with, added to `out`; false when that is not known (the rest can match
// empty, or opens with something this does not follow).
bool firstUnits(const RegexSeq& s, size_t i, Set& out) {
    if (i == s.size()) return false;
    const RegexNode& n = s[i];
    switch (n.kind) {
        case RegexNode::Unit:
            for (size_t w = 0; w < out.size(); w++) out[w] |= (*n.set)[w];
            return true;
        case RegexNode::Assert:
        case RegexNode::Look: return firstUnits(s, i + 1, out);
        case RegexNode::Group:
            for (const auto& alt : n.alts)
                if (!firstUnits(alt, 0, out)) return false;
            return true;
        case RegexNode::Repeat: return n.min >= 1 && firstUnits(n.alts[0], 0, out);
    }
    return false;
}

}  // namespace

Regex::Regex(const std::u16string& source, bool ignoreCase) {
    top_ = Parser(source, ignoreCase).parse();
    Set first = emptySet();
    if (firstUnits(top_, 0, first)) first_ = std::move(first);
    const RegexSeq& body = top_[0].alts.size() == 1 ? top_[0].alts[0] : top_;
    anchoredAtStart_ = !body.empty() && body[0].kind == RegexNode::Assert && body[0].assertion == '^';
}

int Regex::matchAt(const Text& text, int pos) const {
    if (pos < text.lo || pos > text.hi) return -1;
    Matcher m{text};
    int end = -1;
    Cont done{Cont::End, nullptr, 0, nullptr, 0, 0, nullptr, &end};
    return m.seq(top_, 0, pos, &done) ? end : -1;
}

bool Regex::test(const Text& text) const {
    if (anchoredAtStart_) return matchAt(text, text.lo) >= 0;
    for (int p = text.lo; p <= text.hi; p++) {
        if (!first_.empty()) {
            int c = text.at(p);
            if (c < 0 || !has(first_, c)) continue;
        }
        if (matchAt(text, p) >= 0) return true;
    }
    return false;
}

}  // namespace fieldtune_pii
