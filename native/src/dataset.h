// Training data. The core writes samples already rendered with the base model's chat template and tokenized, each
// with a per-token loss mask, in this little-endian binary format (electron/core/train/trainingFile.ts writes it):
//
//   "FTTRAIN1"                   8 bytes magic
//   u32 version (= 1)
//   u32 vocab size the tokens were made for (0 = unchecked)
//   u32 sample count
//   per sample: u32 n, then n x i32 token ids, then n x u8 loss mask
//
// mask[i] = 1 means token i is a target: the model is trained to predict it from tokens[0..i-1].
#pragma once
#include <cstdint>
#include <string>
#include <vector>

struct llama_vocab;

struct Sample {
    std::vector<int32_t> tokens;
    std::vector<uint8_t> mask;
    int64_t n_targets() const;
};

struct Dataset {
    std::vector<Sample> samples;
    int64_t dropped = 0;      // longer than the window (skipped), or left with nothing to learn once cut
    int64_t truncated = 0;    // cut to the window (--long-examples truncate)
    std::string sha256;       // of the file as read
};

// Throws TrainError on unreadable or malformed input.
Dataset read_training_file(const std::string & path, int32_t n_vocab);
// Continued pre-training: the whole text tokenized and cut into windows of n_window tokens, every token a target.
Dataset read_text_file(const std::string & path, const llama_vocab * vocab, int32_t n_window);

// Samples longer than n_window are dropped (counted in dropped), or with truncate cut to their first n_window tokens
// (counted in truncated; one whose answer lies wholly beyond the cut has nothing left to learn and is dropped).
void drop_long_samples(Dataset & ds, int32_t n_window, bool truncate = false);

// One training window: n_window input tokens (padded) and labels (-1: not in the loss).
void make_window(const Sample & s, int32_t n_window, int32_t pad_token, std::vector<int32_t> & tokens,
                 std::vector<int32_t> & labels);
