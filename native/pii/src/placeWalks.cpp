#include "placeWalks.h"

#include <algorithm>

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

int classOf(const Text& t, int i) {
    int c = t.at(i);
    if (c < 0) return EDGE;
    if (c < 128) return ASCII_CLASSES.of[c];
    return isLetterUnit(c) ? LETTER : 0;
}

DigitRuns::DigitRuns(const Text& t) {
    for (int i = t.lo; i < t.hi;) {
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

std::vector<int> suffixThenNumber(const Text& t, const DigitRuns& runs, const std::vector<std::u16string>& suffixes) {
    std::vector<int> out;
    for (const DigitRun& r : runs.all()) {
        if (!(r.before & BLANK)) continue;
        int b = blanksBack(t, r.start - 1);
        for (const std::u16string& s : suffixes) {
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
