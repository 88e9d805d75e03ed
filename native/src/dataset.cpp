#include "dataset.h"

#include "protocol.h"
#include "sha256.h"
#include "llama.h"

#include <cstring>
#include <fstream>
#include <iterator>

int64_t Sample::n_targets() const {
    int64_t n = 0;
    for (size_t i = 1; i < mask.size(); ++i) n += mask[i] != 0;  // token 0 has no context to be predicted from
    return n;
}

namespace {

std::vector<uint8_t> read_all(const std::string & path, const char * what) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw TrainError{"file-not-found", std::string(what) + " not found or unreadable: " + path, EXIT_BAD_INPUT};
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

struct Reader {
    const std::vector<uint8_t> & buf;
    size_t pos = 0;
    const std::string & path;
    uint32_t u32() {
        if (pos + 4 > buf.size()) throw TrainError{"bad-training-file", "training file is truncated: " + path, EXIT_BAD_INPUT};
        uint32_t v;
        memcpy(&v, buf.data() + pos, 4);
        pos += 4;
        return v;
    }
    void bytes(void * dst, size_t n) {
        if (pos + n > buf.size()) throw TrainError{"bad-training-file", "training file is truncated: " + path, EXIT_BAD_INPUT};
        memcpy(dst, buf.data() + pos, n);
        pos += n;
    }
};

} // namespace

Dataset read_training_file(const std::string & path, int32_t n_vocab) {
    const std::vector<uint8_t> buf = read_all(path, "training file");
    Dataset ds;
    ds.sha256 = sha256_hex(buf.data(), buf.size());
    if (buf.size() < 20 || memcmp(buf.data(), "FTTRAIN1", 8) != 0) {
        throw TrainError{"bad-training-file", "not a Fieldtune training file (bad magic): " + path, EXIT_BAD_INPUT};
    }
    Reader r{buf, 8, path};
    const uint32_t version = r.u32();
    if (version != 1) throw TrainError{"bad-training-file", "unsupported training file version " + std::to_string(version), EXIT_BAD_INPUT};
    const uint32_t file_vocab = r.u32();
    if (file_vocab != 0 && (int32_t) file_vocab != n_vocab) {
        throw TrainError{"vocab-mismatch", "training file was tokenized for a vocabulary of " + std::to_string(file_vocab) +
                         " tokens, the base model has " + std::to_string(n_vocab), EXIT_BAD_INPUT};
    }
    const uint32_t n = r.u32();
    ds.samples.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
        Sample s;
        const uint32_t len = r.u32();
        if (len > (1u << 24)) throw TrainError{"bad-training-file", "sample too long in " + path, EXIT_BAD_INPUT};
        s.tokens.resize(len);
        s.mask.resize(len);
        r.bytes(s.tokens.data(), 4 * (size_t) len);
        r.bytes(s.mask.data(), len);
        for (int32_t t : s.tokens) {
            if (t < 0 || t >= n_vocab) {
                throw TrainError{"bad-training-file", "token id " + std::to_string(t) + " outside the model's vocabulary", EXIT_BAD_INPUT};
            }
        }
        if (len >= 2) ds.samples.push_back(std::move(s));
    }
    return ds;
}

Dataset read_text_file(const std::string & path, const llama_vocab * vocab, int32_t n_window) {
    const std::vector<uint8_t> buf = read_all(path, "text file");
    Dataset ds;
    ds.sha256 = sha256_hex(buf.data(), buf.size());
    const std::string text(buf.begin(), buf.end());
    std::vector<llama_token> toks(text.size() + 16);
    int32_t n = llama_tokenize(vocab, text.c_str(), (int32_t) text.size(), toks.data(), (int32_t) toks.size(), true, false);
    if (n < 0) {
        toks.resize(-n);
        n = llama_tokenize(vocab, text.c_str(), (int32_t) text.size(), toks.data(), (int32_t) toks.size(), true, false);
    }
    toks.resize(std::max(n, 0));
    // overlapping by one token so that every token after the first is a target exactly once
    for (size_t start = 0; start + 1 < toks.size(); start += (size_t) n_window - 1) {
        const size_t end = std::min(toks.size(), start + (size_t) n_window);
        Sample s;
        s.tokens.assign(toks.begin() + start, toks.begin() + end);
        s.mask.assign(s.tokens.size(), 1);
        s.mask[0] = 0;
        ds.samples.push_back(std::move(s));
        if (end == toks.size()) break;
    }
    return ds;
}

void drop_long_samples(Dataset & ds, int32_t n_window, bool truncate) {
    std::vector<Sample> kept;
    kept.reserve(ds.samples.size());
    for (auto & s : ds.samples) {
        if ((int32_t) s.tokens.size() <= n_window) {
            kept.push_back(std::move(s));
        } else if (truncate) {
            s.tokens.resize((size_t) n_window);
            s.mask.resize((size_t) n_window);
            if (s.n_targets() == 0) {
                ds.dropped++;
            } else {
                ds.truncated++;
                kept.push_back(std::move(s));
            }
        } else {
            ds.dropped++;
        }
    }
    ds.samples = std::move(kept);
}

void make_window(const Sample & s, int32_t n_window, int32_t pad_token, std::vector<int32_t> & tokens,
                 std::vector<int32_t> & labels) {
    tokens.assign(n_window, pad_token);
    labels.assign(n_window, -1);
    const int32_t n = (int32_t) s.tokens.size();
    for (int32_t i = 0; i < n && i < n_window; ++i) {
        tokens[i] = s.tokens[i];
        if (i + 1 < n && s.mask[i + 1]) labels[i] = s.tokens[i + 1];
    }
}
