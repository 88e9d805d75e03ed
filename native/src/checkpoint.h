// Checkpoints: the adapter, AdamW's moments and step counter, and the data position, so that --resume continues
// exactly where the run stopped (same batches, same optimizer state, same result as an uninterrupted run).
#pragma once
#include "gguf_file.h"
#include "session.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

struct TrainState {
    int64_t step = 0;            // optimizer steps done
    int64_t window = 0;          // training windows consumed (data position)
    int64_t tokens_trained = 0;  // real (unpadded) tokens
    double seconds = 0;          // training time before this process
    double best_val = std::numeric_limits<double>::infinity();
    double last_val = std::numeric_limits<double>::quiet_NaN();
    int64_t evals_since_best = 0;
    std::vector<double> recent_nll, recent_lab;  // per-window NLL sums and target counts (the last epoch's worth)
};

void save_checkpoint(const std::string & path, Session & s, const TrainState & st, const std::string & fingerprint);

struct Resume {
    TrainState state;
    std::unique_ptr<GgufIn> file;
    int64_t opt_iter = 1;
};

// Throws TrainError when the file is missing or belongs to a different run configuration.
std::unique_ptr<Resume> load_checkpoint(const std::string & path, const std::string & fingerprint);

// Puts the adapter values into the session and arranges for the optimizer state to be restored on the next step.
void apply_checkpoint(Session & s, Resume & r, bool restore_optimizer = true);
