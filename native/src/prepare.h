// Everything a run needs before its first step: inputs validated, window chosen, adapter created, session open.
#pragma once
#include "dataset.h"
#include "options.h"
#include "session.h"

#include <memory>
#include <string>

struct Prepared {
    llama_model * model = nullptr;
    std::unique_ptr<Session> session;
    Dataset train;
    Dataset val;
    bool has_val = false;
    std::string arch;
    std::vector<std::string> targets;  // the tensor names trained (after arch.h's mapping), for the adapter's metadata
    std::string base_sha256;
    int32_t n_window = 0;
    int64_t n_targets = 0;       // labelled tokens in the training set
    std::string fingerprint;     // identifies a run configuration (a checkpoint only resumes the same one)
    ~Prepared();
};

// Throws TrainError for every bad input (missing/non-GGUF base, unsupported architecture, empty or fully masked
// training file, a window longer than the model's context, ...).
std::unique_ptr<Prepared> prepare(const Options & o, bool sgd);

// --check-base: the checks prepare() makes before it loads or writes anything; throws the same errors.
void check_base(const Options & o);
