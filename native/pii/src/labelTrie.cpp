#include "labelTrie.h"

#include <algorithm>

#include "jsCase.h"

namespace fieldtune_pii {
namespace {

bool isHigh(int u) { return u >= 0xd800 && u < 0xdc00; }
bool isLow(int u) { return u >= 0xdc00 && u < 0xe000; }

// The code point at i as a regex under u reads it (a pair is one, a lone surrogate is itself), -1 past the end.
int codePointAt(const Text& t, int i, int& size) {
    int c = t.at(i);
    size = 1;
    if (isHigh(c) && isLow(t.at(i + 1))) {
        size = 2;
        return 0x10000 + ((c - 0xd800) << 10) + (t.at(i + 1) - 0xdc00);
    }
    return c;
}

int codePointAt(const std::u16string& s, size_t i, int& size) {
    Text t{s.data(), 0, static_cast<int>(s.size())};
    return codePointAt(t, static_cast<int>(i), size);
}

}  // namespace

int LabelTrie::child(const Node& n, uint32_t folded) const {
    for (const auto& [c, next] : n.edges)
        if (c == folded) return next;
    return -1;
}

// labelled.ts byFirstLetter + span.ts labelRe: the first code point a literal (even a blank), the rest's blank runs
// \s+, a final \.? unless the rest ends with '.'.
LabelTrie::LabelTrie(const std::vector<std::u16string>& alternatives) {
    nodes_.emplace_back();
    for (size_t a = 0; a < alternatives.size(); a++) {
        const std::u16string& key = alternatives[a];
        int size = 1;
        // String.fromCodePoint(l.codePointAt(0) ?? 32): an empty key opens with a space
        const int first = key.empty() ? ' ' : codePointAt(key, 0, size);
        const size_t restFrom = key.empty() ? 0 : size;
        auto literal = [&](int node, uint32_t folded) {
            int next = child(nodes_[node], folded);
            if (next < 0) {
                next = static_cast<int>(nodes_.size());
                nodes_[node].edges.emplace_back(folded, next);
                nodes_.emplace_back();
            }
            return next;
        };
        int node = literal(0, regexFold(first));
        for (size_t i = restFrom; i < key.size(); i += size) {
            const int c = codePointAt(key, i, size);
            if (isSpace(c)) {
                while (i + size < key.size() && isSpace(key[i + size])) i++;
                if (nodes_[node].blanks < 0) {
                    nodes_[node].blanks = static_cast<int>(nodes_.size());
                    nodes_.emplace_back();
                }
                node = nodes_[node].blanks;
            } else {
                node = literal(node, regexFold(c));
            }
        }
        nodes_[node].alternatives.push_back(static_cast<int>(a));
        optionalDot_.push_back(key.size() <= restFrom || key.back() != u'.');
    }
    for (const Node& n : nodes_)
        for (const auto& [c, next] : n.edges)
            if (c < 128 && asciiColumn_[c] == 0) asciiColumn_[c] = width_++;
    for (int c = 'A'; c <= 'Z'; c++) asciiColumn_[c] = asciiColumn_[c + 32];
    for (const Node& n : nodes_) {
        blanks_.push_back(n.blanks);
        endingsFrom_.push_back(static_cast<int>(endings_.size()));
        endings_.insert(endings_.end(), n.alternatives.begin(), n.alternatives.end());
    }
    endingsFrom_.push_back(static_cast<int>(endings_.size()));
    asciiNext_.assign(nodes_.size() * width_, -1);
    for (size_t node = 0; node < nodes_.size(); node++)
        for (const auto& [c, next] : nodes_[node].edges)
            if (c < 128) asciiNext_[node * width_ + asciiColumn_[c]] = next;
}

void LabelTrie::matchesAt(const Text& t, int start, std::vector<LabelHit>& out) const {
    out.clear();
    int node = 0;
    int i = start;
    int blanksFrom = -1;
    // Deterministic: a literal after the root is never whitespace (blank runs are \s+ edges), so a whitespace unit
    // takes the \s+ edge, greedily, and nothing else; a shorter run leaves whitespace for a literal that refuses it.
    for (;;) {
        const int c = t.at(i);
        if (c < 0) break;
        if (c < 128 && !(node && isSpace(c) && blanks_[node] >= 0)) {
            node = asciiChild(node, c);
            i++;
            blanksFrom = -1;
        } else {
            const Node& n = nodes_[node];
            if (node && n.blanks >= 0 && isSpace(c)) {
                blanksFrom = i;
                while (isSpace(t.at(i))) i++;
                node = n.blanks;
            } else {
                int size = 1;
                node = child(n, regexFold(codePointAt(t, i, size)));
                i += size;
                blanksFrom = -1;
            }
        }
        if (node < 0) break;
        for (int k = endingsFrom_[node]; k < endingsFrom_[node + 1]; k++) out.push_back({endings_[k], i, blanksFrom});
    }
    if (out.size() > 1)
        std::sort(out.begin(), out.end(), [](const LabelHit& x, const LabelHit& y) { return x.alternative < y.alternative; });
}

}  // namespace fieldtune_pii
