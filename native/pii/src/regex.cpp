#include "regex.h"

#include <cstdlib>
#include <cstring>
#include <stdexcept>

extern "C" {
#include "../third_party/quickjs/libregexp.h"

// The three hooks libregexp asks its host for. Compilation recurses over the pattern's nesting (ours are shallow);
// execution keeps its backtracking stack on the heap, through lre_realloc, once it outgrows the 32 entries it has on
// the C stack.
bool lre_check_stack_overflow(void*, size_t) { return false; }
int lre_check_timeout(void*) { return 0; }
void* lre_realloc(void* opaque, void* ptr, size_t size);
}

namespace {

// An execution's backtracking stack (lre_realloc with the opaque pointer Regex::exec passes): one block per thread,
// kept between calls. Freed and allocated afresh each time, the patterns that backtrack deeply (alternations of many
// words: street suffixes, labels) cost a malloc, reallocs and a free per call, ~3% of a large file's detection
// with the allocator's locks between two threads (bench/pii-RESULTS.md, speed round 14).
struct ExecStack {
    void* block = nullptr;
    size_t capacity = 0;
    ~ExecStack() { std::free(block); }
};
thread_local ExecStack execStack;

}  // namespace

extern "C" void* lre_realloc(void* opaque, void* ptr, size_t size) {
    if (opaque) {
        // lre_exec's stack: `ptr` is null (first growth) or the block; freeing keeps the block for the next call
        auto* stack = static_cast<ExecStack*>(opaque);
        if (size == 0) return nullptr;
        if (size <= stack->capacity) return stack->block;
        void* grown = std::realloc(stack->block, size);
        if (!grown) return nullptr;
        stack->block = grown;
        stack->capacity = size;
        return grown;
    }
    if (size == 0) {
        std::free(ptr);
        return nullptr;
    }
    return std::realloc(ptr, size);
}

namespace fieldtune_pii {
namespace {

std::string toUtf8(const std::u16string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); i++) {
        uint32_t c = s[i];
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.size() && s[i + 1] >= 0xdc00 && s[i + 1] < 0xe000)
            c = 0x10000 + ((c - 0xd800) << 10) + (s[++i] - 0xdc00);
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xc0 | c >> 6);
            out += static_cast<char>(0x80 | (c & 63));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xe0 | c >> 12);
            out += static_cast<char>(0x80 | (c >> 6 & 63));
            out += static_cast<char>(0x80 | (c & 63));
        } else {
            out += static_cast<char>(0xf0 | c >> 18);
            out += static_cast<char>(0x80 | (c >> 12 & 63));
            out += static_cast<char>(0x80 | (c >> 6 & 63));
            out += static_cast<char>(0x80 | (c & 63));
        }
    }
    return out;
}

std::vector<uint8_t> compile(const std::string& pattern, int flags, const std::u16string& source) {
    char error[128];
    int length = 0;
    uint8_t* bc = lre_compile(&length, error, sizeof error, pattern.data(), pattern.size(), flags, nullptr);
    if (!bc) {
        std::string ascii;
        for (char16_t c : source) ascii += c < 128 ? static_cast<char>(c) : '?';
        throw std::runtime_error(std::string("regex does not compile (") + error + "): " + ascii);
    }
    std::vector<uint8_t> out(bc, bc + length);
    std::free(bc);
    return out;
}

}  // namespace

Regex::Regex(const std::u16string& source, const char* flags) {
    int f = 0;
    for (const char* c = flags; *c; c++) {
        if (*c == 'i') f |= LRE_FLAG_IGNORECASE;
        else if (*c == 'u') f |= LRE_FLAG_UNICODE;
        else throw std::runtime_error(std::string("regex flag not supported here: ") + *c);
    }
    const std::string pattern = toUtf8(source);
    sticky_ = compile(pattern, f | LRE_FLAG_STICKY, source);
    anywhere_ = compile(pattern, f, source);
    captures_ = lre_get_capture_count(sticky_.data());
    names_.assign(captures_, "");
    if (const char* p = lre_get_groupnames(sticky_.data()))
        for (int i = 1; i < captures_; i++) {
            names_[i] = p;
            p += std::strlen(p) + LRE_GROUP_NAME_TRAILER_LEN;
        }
}

Regex::Regex(const std::u16string& source, const char* flags, const std::u16string& starts) : Regex(source, flags) {
    starts_ = starts;
}

bool Regex::exec(const std::vector<uint8_t>& bytecode, const Text& text, int pos, RegexMatch* m, int* end) const {
    if (pos < text.lo || pos > text.hi) return false;
    // The view's bounds are the string's: a look-behind sees nothing before lo, as on input.slice(lo, hi).
    const auto* base = reinterpret_cast<const uint8_t*>(text.units + text.lo);
    // most patterns have a few groups: their slots on the stack, not a heap allocation per call
    uint8_t* onStack[32];
    std::vector<uint8_t*> onHeap;
    uint8_t** capture = onStack;
    if (2 * captures_ > 32) {
        onHeap.resize(2 * captures_);
        capture = onHeap.data();
    }
    // 1: 16-bit units (the engine reads them as code points itself when the pattern has the u flag)
    int r = lre_exec(capture, bytecode.data(), base, pos - text.lo, text.hi - text.lo, 1, &execStack);
    if (r < 0) throw std::runtime_error("regex execution failed (out of memory)");
    if (r != 1) return false;
    auto at = [&](const uint8_t* p) { return p ? static_cast<int>((p - base) / 2) + text.lo : -1; };
    if (end) *end = at(capture[1]);
    if (m) {
        m->end = at(capture[1]);
        m->groups.resize(captures_);
        for (int i = 0; i < captures_; i++) m->groups[i] = {at(capture[2 * i]), at(capture[2 * i + 1])};
    }
    return true;
}

int Regex::matchAt(const Text& text, int pos) const {
    int end = -1;
    return exec(sticky_, text, pos, nullptr, &end) ? end : -1;
}

bool Regex::matchAt(const Text& text, int pos, RegexMatch& m) const { return exec(sticky_, text, pos, &m, nullptr); }

bool Regex::find(const Text& text, int from, RegexMatch& m) const { return exec(anywhere_, text, from, &m, nullptr); }

bool Regex::test(const Text& text) const {
    if (starts_.empty()) return exec(anywhere_, text, text.lo, nullptr, nullptr);
    for (int p = text.lo; p < text.hi; p++)
        if (starts_.find(static_cast<char16_t>(text.units[p])) != std::u16string::npos && matchAt(text, p) >= 0) return true;
    return false;
}

int Regex::group(const char* name) const {
    for (int i = 1; i < captures_; i++)
        if (names_[i] == name) return i;
    return -1;
}

}  // namespace fieldtune_pii
