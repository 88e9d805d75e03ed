// Command-line options of fieldtune-train and their defaults.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

enum class Schedule { Constant, Linear, Cosine };

struct Options {
    std::string base;            // base model GGUF
    std::string train;           // training file (FTTRAIN format, see dataset.h)
    std::string text;            // raw text for continued pre-training (every token in the loss)
    std::string val;             // optional validation file (FTTRAIN format)
    std::string out;             // adapter GGUF to write
    std::string resume;          // checkpoint to continue from
    std::string checkpoint_dir;  // default: <out>.ckpt
    std::string base_sha256;     // optional: caller already knows it (saves hashing a large file)
    std::string init_adapter;    // continual training: start from this adapter instead of a fresh one

    int32_t rank = 8;
    float alpha = 16.0f;
    std::vector<std::string> targets = {"attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"};
    bool targets_explicit = false; // --targets given: every name must exist (defaults map onto fused tensors, see arch.h)
    float lr = 2e-4f;
    Schedule schedule = Schedule::Cosine;
    int32_t warmup_steps = 0;
    float weight_decay = 0.0f;
    float beta1 = 0.9f, beta2 = 0.999f, adam_eps = 1e-8f;
    int32_t epochs = 3;
    int32_t max_steps = 0;        // > 0 overrides epochs
    int32_t grad_accum = 1;
    int32_t max_seq = 0;          // 0: longest sample (capped at the model's context)
    bool truncate_long = false;   // --long-examples truncate: cut samples to the window instead of skipping them
    uint32_t seed = 42;
    int32_t threads = 0;          // 0: all cores
    int32_t gpu_layers = 0;
    int32_t eval_every = 0;       // steps between validations (0: once per epoch when --val is given)
    int32_t early_stop = 0;       // stop after this many validations without improvement (0: off)
    int32_t checkpoint_every = 0; // steps between checkpoints (0: only on stop)
    bool shuffle = true;
    bool dry_run = false;
    bool watch_stdin = true;
    bool low_memory = false;      // no transposed weight copies: less memory, slower backward pass
    bool check_base = false;      // only the up-front checks (file, architecture, targets); writes nothing

    // test-only (hidden from --help)
    bool test_allow_all_masked = false;
    float test_init_b = 0.0f;     // random lora_b (std) so every adapter tensor has a gradient at step 0
    int32_t grad_check = 0;       // finite-difference check: elements per tensor
    std::string grad_check_out;
    int32_t test_stop_after = 0;  // behave as if SIGTERM arrived after this many steps
    bool test_reset_moments = false; // resume without the AdamW state (proves the resume test can fail)
};

// Parses argv into opts; on a usage error returns false with a message in err.
bool parse_options(int argc, char ** argv, Options & opts, std::string & err);
const char * usage_text();
