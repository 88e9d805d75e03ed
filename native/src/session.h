// The loaded base model with the trainable adapter attached and the optimizer initialised, plus one-window steps.
#pragma once
#include "options.h"
#include "transposed_weights.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct llama_model;
struct llama_context;
struct llama_adapter_lora;
struct ggml_tensor;
struct ggml_opt_context;

struct OptimizerSettings {
    float lr = 0;
    float beta1 = 0.9f, beta2 = 0.999f, eps = 1e-8f, wd = 0;
};

struct Session {
    llama_model * model = nullptr;
    llama_context * ctx = nullptr;
    llama_adapter_lora * adapter = nullptr;
    std::vector<ggml_tensor *> params;
    std::unique_ptr<TransposedWeights> transposed;  // null with --low-memory
    int32_t n_window = 0;
    int32_t n_vocab = 0;
    int32_t pad_token = 0;
    OptimizerSettings opt;
    // Called once after the next optimizer alloc, before its compute (restores AdamW moments on resume).
    void (*after_alloc)(ggml_opt_context * opt_ctx, void * ud) = nullptr;
    void * after_alloc_ud = nullptr;
    bool backends_reported = false;  // the `op backends:` log line (backend_report.h), once per run

    ~Session();
};

// Throws TrainError unless path is an existing GGUF file.
void check_gguf_file(const std::string & path);

// Loads the base (throws TrainError for a missing/unsupported model).
llama_model * load_base(const Options & o);

// Creates the training context, attaches the adapter at adapter_path and initialises the optimizer
// (AdamW, or SGD for the gradient check, where one SGD step with lr 1 reveals the gradient exactly).
void open_session(Session & s, const Options & o, llama_model * model, int32_t n_window,
                  const std::string & adapter_path, bool sgd);

// One window (n_window tokens). Returns the summed NLL over labelled rows; n_labelled receives their count.
double run_window(Session & s, const std::vector<int32_t> & tokens, const std::vector<int32_t> & labels, bool train,
                  int32_t & n_labelled);
