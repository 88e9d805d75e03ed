// The two large files of `data redact` (electron/cli/commands/redact.ts) written here when the add-on is loaded: the
// masked copy and the report's span lines. Made in JavaScript they cost a slice, a string and an encoder call per
// span, ~3 us a span on a million spans, more than half of the command's time outside detection (bench/pii-RESULTS.md
// speed round 10); here each span is a few byte copies. Both write exactly the bytes the JavaScript path writes
// (nativeOutput.test.ts compares them), so which one ran never shows in the files.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace fieldtune_pii {

enum class TextEncoding { utf8, utf16le, utf16be };

// Where the bytes go: an open file, written a buffer at a time (write(2), retried on EINTR and short writes). A
// failed write throws std::runtime_error with the system's reason, so the caller's temp file is dropped. Writers ask
// for room for the most a piece can take and then say where it ended: no check per byte.
class FileBytes {
public:
    explicit FileBytes(int fd) : fd_(fd), buffer_(LIMIT) {}
    char* room(size_t n) {
        if (used_ + n > buffer_.size()) {
            flush();
            if (n > buffer_.size()) buffer_.resize(n);
        }
        return buffer_.data() + used_;
    }
    void done(const char* end) { used_ = static_cast<size_t>(end - buffer_.data()); }
    void put(const char* bytes, size_t n) {
        char* p = room(n);
        std::memcpy(p, bytes, n);
        done(p + n);
    }
    void put(const std::string& bytes) { put(bytes.data(), bytes.size()); }
    // Writes what is held; returns every byte written so far.
    size_t flush();

private:
    static constexpr size_t LIMIT = 1 << 20;
    int fd_;
    std::vector<char> buffer_;
    size_t used_ = 0;
    size_t written_ = 0;
};

// A piece of `units` encoded as bufferedWriter.ts encodes it: UTF-8 joins a surrogate pair into one 4-byte character
// and writes a lone half as U+FFFD (as Buffer.write does); UTF-16 copies every unit, lone halves too.
void putUnits(FileBytes& out, const char16_t* units, size_t n, TextEncoding encoding);

// redact.ts maskTextTo: `text` with [start, end) of each span replaced by words[word], spans as [start, end, word]
// triples in order and apart (throws otherwise). `text` may be a window of the input: its first unit is the input's
// `base`th, and the spans' offsets are the input's (both functions). Words hold no surrogate halves (the caller checks), so a pair cut
// by a span's edge is two lone halves here as it is there.
void writeMaskedCopy(FileBytes& out, std::u16string_view text, int32_t base, const int32_t* spans, size_t count,
                     const std::vector<std::u16string>& words, TextEncoding encoding);

// The report's span lines as streamedJson.ts writes an array (`,` between elements, each on a line of its own
// indented by two spaces) of reportLines.ts spanJson: spans as [start, end, type, confidence, source] with the last
// three indices into `words`, each already JSON text ("\"NAME\"", "0.92"); the text is text.slice(start, end) as
// JSON.stringify quotes it (lone surrogate halves as \udxxx escapes). `continued`: these lines follow others of
// the same array (a comma before the first too).
void writeSpanLines(FileBytes& out, std::u16string_view text, int32_t base, const int32_t* spans, size_t count,
                    const std::vector<std::u16string>& words, bool continued);

}  // namespace fieldtune_pii
