// Transposed copies of the frozen base weights, made once per run. The input gradient of y = W x is W^T dy; with a
// copy of W^T the backward pass computes it with MUL_MAT (the fast, well-tiled kernel on every backend) instead of
// OUT_PROD against W (a fraction of the speed on the CPU, and missing on CUDA/Vulkan for quantized W), and without
// re-transposing W every step. See patches/0005 for the ggml side.
//
// Types: on a CPU with AMX-BF16 every copy whose sides are whole 32-blocks is BF16, packed once in the AMX tile
// layout (patch 0013; F32 bases included: their input gradients then carry BF16 rounding, ~0.1%, while the forward
// and the loss stay F32). Otherwise F32, F16 and BF16 weights are copied exactly; quantized weights are dequantized,
// transposed and stored as BF16 on CPUs that multiply BF16 natively (AVX512-BF16), else as Q8_0 (F16 when a
// transposed row is not a multiple of 32 wide). On a quantized base the input gradients so carry BF16 or Q8_0
// rounding (~0.4%) on top of the base's own. Cost: one extra weight-sized buffer (4 bytes per weight for exact F32
// copies, 2 for BF16, ~1.06 for Q8_0), placed in the same buffer type (CPU or GPU) as W.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct llama_model;
struct ggml_tensor;
struct ggml_context;
struct ggml_backend_buffer;

class TransposedWeights {
public:
    // Builds the copies of every 2-D matrix-product weight of the model and registers them with ggml's backward
    // pass (one set per process). Throws TrainError when there is no memory for them.
    static std::unique_ptr<TransposedWeights> build(const llama_model * model);
    ~TransposedWeights();  // unregisters from ggml, then frees

    ggml_tensor * find(const ggml_tensor * w) const;
    size_t bytes() const { return bytes_; }
    size_t count() const { return map_.size(); }
    std::string types() const;  // e.g. "q8_0->bf16 x84, f32 x1" for the log

private:
    TransposedWeights() = default;
    std::unordered_map<const ggml_tensor *, ggml_tensor *> map_;
    std::vector<ggml_context *> ctxs_;
    std::vector<ggml_backend_buffer *> buffers_;
    size_t bytes_ = 0;
    size_t packed_ = 0;  // copies in the AMX tile layout (patch 0013)
};
