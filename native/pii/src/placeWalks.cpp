#include "placeWalks.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

#include "letters.h"
#include "scan.h"

namespace fieldtune_pii {
namespace {

struct AsciiClasses {
    int of[128] = {};
    AsciiClasses() {
        for (int c = 0; c < 128; c++) {
            int k = 0;
            if (c == ' ') k = BLANK | SPACE;
            else if (c == '\t') k = BLANK;
            else if (c == '-') k = DASH | WORDISH;
            else if (c == ',') k = COMMA;
            else if (c == '\n') k = NEWLINE;
            else if (c == ':') k = COLON;
            else if (isUpper(c)) k = CAPITAL | ASCII_LETTER | LETTER | WORDISH;
            else if (isLower(c)) k = ASCII_LETTER | LETTER | WORDISH;
            else if (c == '_' || c == '.' || isDigit(c)) k = WORDISH;
            of[c] = k;
        }
    }
};
const AsciiClasses ASCII_CLASSES;

}  // namespace

std::vector<std::u16string> splitWords(const std::u16string& s, char16_t by) {
    std::vector<std::u16string> out;
    size_t from = 0;
    for (size_t i = s.find(by); i != std::u16string::npos; i = s.find(by, from)) {
        out.push_back(s.substr(from, i - from));
        from = i + 1;
    }
    out.push_back(s.substr(from));
    return out;
}

int classOf(const Text& t, int i) {
    int c = t.at(i);
    if (c < 0) return EDGE;
    if (c < 128) return ASCII_CLASSES.of[c];
    return isLetterUnit(c) ? LETTER : 0;
}

DigitRuns::DigitRuns(const Text& t) {
    // Room for one run every fourth unit, reserved once: only the pages the runs fill are touched, and on any text
    // but a list of short numbers the vector never moves (its doublings, each a fresh copy, were ~2% of repeated
    // detection on the bench text). Not the most a text can hold (one every other unit): for a 250 M-unit piece that
    // would ask for 2 GB of address space.
    runs_.reserve((t.hi - t.lo) / 4 + 16);
    auto digit = [](Units8 v) { return digitLanes(v); };
    for (int i = t.lo; (i = skipRefused(t.units, i, t.hi, digit)) < t.hi;) {
        if (!isDigit(t.units[i])) {
            i++;
            continue;
        }
        int e = i + 1;
        while (e < t.hi && isDigit(t.units[e])) e++;
        runs_.push_back({i, e, classOf(t, i - 1), classOf(t, e)});
        i = e;
    }
}

namespace {

// The leading letters of placeWalks.ts PLACE_WORDS, lower-cased, and which runs are worth looking up.
struct Leads {
    std::unordered_set<std::u16string> words;
    bool firstLetter[128] = {};
    uint32_t lengths[128] = {};  // per lower-case first letter, a bit per length of a keyword
    Leads() {
        const char* list =
            "rua avenida av calle carrera via viale corso rue strada ulica ul al piazza pra largo avenue boulevard chauss place c avda "
            "paseo carrer am an im knez bulevar parish city town village municipality county neighbourhood neighborhood residence "
            "birthplace hometown born at of de di du in from near to outside around moved lives resides flat apartment apt unit plot "
            "villa house suite";
        std::u16string w;
        for (const char* c = list;; c++) {
            if (*c == ' ' || *c == 0) {
                words.insert(w);
                lengths[w[0]] |= uint32_t{1} << w.size();
                w.clear();
                if (*c == 0) break;
            } else {
                w += static_cast<char16_t>(*c);
            }
        }
        // the first letters of the patterns run from these starts (places.ts and worldPlaces.ts, as written)
        for (const char* f = "RACVSUuPLTMNBHalIKFOD"; *f; f++) firstLetter[static_cast<unsigned char>(*f)] = true;
    }
};

}  // namespace

PlaceKeywords::PlaceKeywords(const Text& t) {
    static const Leads leads;
    std::u16string run;
    // a keyword opens an ASCII letter run that follows no letter, with a capital or one of leads's small letters
    auto lead = [](Units8 v, Units8 before) {
        return (upperLanes(v) | lanesEqual(v, 'u') | lanesEqual(v, 'a') | lanesEqual(v, 'l')) & ~asciiLetterLanes(before);
    };
    for (int p = t.lo; (p = skipRefusedAfter(t.units, t.lo, p, t.hi, lead)) < t.hi; p++) {
        int c = t.units[p];
        if (!isAsciiLetter(c)) continue;
        int e = p + 1;
        while (e < t.hi && isAsciiLetter(t.units[e])) e++;
        const int n = e - p;
        if (leads.firstLetter[c] && !isLetterUnit(t.at(p - 1))) {
            bool keyword = t.at(e) >= 128;
            if (!keyword && n < 32 && (leads.lengths[asciiLower(c)] >> n & 1)) {
                run.assign(t.units + p, t.units + e);
                for (char16_t& u : run) u = static_cast<char16_t>(asciiLower(u));
                keyword = leads.words.count(run) > 0;
            }
            if (keyword) starts_.push_back({p, static_cast<char>(c)});
        }
        p = e - 1;
    }
}

std::vector<int> PlaceKeywords::of(const char* firsts) const {
    std::vector<int> out;
    for (auto [p, first] : starts_)
        if (std::char_traits<char>::find(firsts, std::char_traits<char>::length(firsts), first)) out.push_back(p);
    return out;
}

std::vector<int> PlaceKeywords::thenBlank(const Text& t, const char* firsts) const {
    std::vector<int> out;
    for (int s : of(firsts)) {
        int e = s;
        while (isAsciiLetter(t.at(e))) e++;
        int c = t.at(e);
        if (c >= 128 || isBlank(t.at(c == '.' || c == '/' ? e + 1 : e))) out.push_back(s);
    }
    return out;
}

bool startsWithAny(const Text& t, int p, std::initializer_list<const char16_t*> words) {
    for (const char16_t* w : words) {
        int k = 0;
        while (w[k] && t.at(p + k) == w[k]) k++;
        if (!w[k]) return true;
    }
    return false;
}

std::vector<int> writtenAt(const Text& t, const std::vector<int>& starts, std::initializer_list<const char16_t*> words) {
    std::vector<int> out;
    for (int p : starts)
        if (startsWithAny(t, p, words)) out.push_back(p);
    return out;
}

std::vector<int> commaThenCapital(const Text& t) {
    std::vector<int> out;
    for (int i = t.lo; (i = skipToUnit(t.units, i, t.hi, ',')) < t.hi; i++)
        if (t.units[i] == ',' && capitalOrOther(t, afterBlanks(t, i + 1))) out.push_back(i);
    return out;
}

int afterBlanks(const Text& t, int i) {
    if (!isBlank(t.at(i))) return -1;
    return blanksForward(t, i + 1);
}

bool wordAt(const Text& t, int p, const char* word) {
    for (int k = 0; word[k]; k++)
        if (t.at(p + k) != static_cast<unsigned char>(word[k])) return false;
    return true;
}

std::vector<std::pair<int, int>> linesAt(const Text& t, std::vector<int> positions) {
    std::sort(positions.begin(), positions.end());
    std::vector<std::pair<int, int>> out;
    for (int p : positions) {
        if (!out.empty() && p <= out.back().second) continue;
        int start = p - 1;
        while (start >= t.lo && t.units[start] != '\n') start--;
        start++;
        int end = p;
        while (end < t.hi && t.units[end] != '\n') end++;
        if (!out.empty() && start <= out.back().second + 1) out.back().second = end;
        else out.push_back({start, end});
    }
    return out;
}

SuffixesByLast::SuffixesByLast(const std::vector<std::u16string>& suffixes) {
    for (const std::u16string& s : suffixes)
        for (int u = 0; u <= 128; u++)
            if (s.empty() || (s.back() < 128 ? s.back() == u : u == 128)) byLast_[u].push_back(s);
}

std::vector<int> suffixThenNumber(const Text& t, const DigitRuns& runs, const SuffixesByLast& suffixes) {
    std::vector<int> out;
    for (const DigitRun& r : runs.all()) {
        if (!(r.before & BLANK)) continue;
        int b = blanksBack(t, r.start - 1);
        const int last = t.at(b - 1);
        for (const std::u16string& s : suffixes.endingIn(last)) {
            if (!s.empty() && s.back() != last) continue;
            int from = b - static_cast<int>(s.size());
            if (from < t.lo) continue;
            if (std::char_traits<char16_t>::compare(t.units + from, s.data(), s.size()) == 0) {
                out.push_back(from);
                break;
            }
        }
    }
    return out;
}

}  // namespace fieldtune_pii
