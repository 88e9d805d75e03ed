// The LoRA adapter in llama.cpp's own GGUF format (general.type=adapter, adapter.type=lora, adapter.lora.alpha;
// tensors "<base tensor>.lora_a" F32 [n_in, r] and ".lora_b" F32 [r, n_out]), so node-llama-cpp and llama.cpp's
// tools load it unchanged. Fieldtune's provenance metadata lives under "fieldtune.*".
#pragma once
#include "gguf_file.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

struct llama_adapter_lora;
struct ggml_tensor;

struct TargetInfo {
    std::string name;  // base tensor, e.g. blk.0.attn_q.weight
    int64_t n_in = 0, n_out = 0;
};

// Base tensors the adapter will wrap, in file order. Throws TrainError when none of the targets exists.
std::vector<TargetInfo> find_targets(const GgufIn & base, const std::vector<std::string> & targets);

// A fresh adapter: lora_a ~ U(-1/sqrt(n_in), 1/sqrt(n_in)) from the seed, lora_b = 0 (or N(0, init_b) for tests).
void write_initial_adapter(const std::string & path, const std::string & arch, const std::vector<TargetInfo> & targets,
                           int32_t rank, float alpha, uint32_t seed, float init_b);

// The trainable tensors of a loaded adapter, sorted by name so every run lists them in the same order.
std::vector<ggml_tensor *> adapter_params(llama_adapter_lora * adapter);

std::vector<HostTensor> read_params(const std::vector<ggml_tensor *> & params);
void write_params(const std::vector<ggml_tensor *> & params, const std::vector<HostTensor> & values);

// Final adapter with metadata; add_meta fills extra key/values.
void write_adapter(const std::string & path, const std::string & arch, float alpha,
                   const std::vector<ggml_tensor *> & params, const std::function<void(GgufOut &)> & add_meta);
