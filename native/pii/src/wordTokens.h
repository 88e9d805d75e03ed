// wordTokens.ts: the words of a text, found by one walk (start, end and case flags per word), and the folded key of a
// word, made only when something asks for it. Also the Unicode classes of one code unit or point that the name
// detector's walks read (each from the regex engine's own tables, so the walks agree with the regexes).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "bigBuffers.h"
#include "resources.h"
#include "text.h"

namespace fieldtune_pii {

// wordTokens.ts CAP, UPPER, ASCII
constexpr uint8_t WORD_CAP = 1;
constexpr uint8_t WORD_UPPER = 2;
constexpr uint8_t WORD_ASCII = 4;

struct WordTokens {
    Text text;
    // A word every six units or so: on a long text each array is megabytes (bigBuffers.h).
    std::vector<int, BigAllocator<int>> start;
    std::vector<int, BigAllocator<int>> end;
    std::vector<uint8_t, BigAllocator<uint8_t>> flags;
    // wordTokens.ts keys: each word's folded key once asked for (null before), held in ownKeys or by whoever set it
    // (nameWords.cpp's table of words, which keeps its entries for the whole call)
    std::vector<const std::u16string*, BigAllocator<const std::u16string*>> keys;
    std::deque<std::u16string> ownKeys;  // a deque: a key handed out stays where it is as more are made
    int count() const { return static_cast<int>(start.size()); }
    bool cap(int i) const { return flags[i] & WORD_CAP; }
    bool upper(int i) const { return flags[i] & WORD_UPPER; }
};

// wordTokens.ts tokenizeWords (every word; keys left to wordKey)
void tokenizeWords(const Text& t, WordTokens& out);
// wordTokens.ts wordKey: foldKey of the word's text, made on first use
const std::u16string& wordKey(WordTokens& t, int i, const Resources& res);

// /[\p{L}\p{M}]/u on one code point
bool letterOrMark(int codePoint);
// /^\p{Lu}$/u on one code unit (a surrogate half never is)
bool isCapitalUnit(int unit);
// /^\p{L}$/u on a surrogate pair (false when the two are not one)
bool isAstralLetter(int high, int low);
inline bool isHighSurrogate(int c) { return c >= 0xd800 && c <= 0xdbff; }
inline bool isLowSurrogate(int c) { return c >= 0xdc00 && c <= 0xdfff; }

}  // namespace fieldtune_pii
