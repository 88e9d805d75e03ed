#include "transposed_weights.h"

#include "protocol.h"

#include "ggml.h"
#include "ggml-backend.h"
#include "llama-model.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

namespace {

ggml_tensor * lookup(const ggml_tensor * w, void * ud) { return static_cast<const TransposedWeights *>(ud)->find(w); }

bool ends_with(const std::string & s, const char * suffix) {
    const size_t n = strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// Weights that enter a matrix product whose input needs a gradient: the layers' 2-D weights and the output head
// (the token embedding when the head is tied to it). Embedding lookups (GET_ROWS) need no copy.
std::vector<ggml_tensor *> matrix_weights(const llama_model * model) {
    const auto & tensors = llama_internal_get_tensor_map(model);
    const bool has_output = std::any_of(tensors.begin(), tensors.end(), [](const auto & t) { return t.first == "output.weight"; });
    std::vector<ggml_tensor *> out;
    for (const auto & [name, t] : tensors) {
        if (ggml_n_dims(t) != 2 || !ends_with(name, ".weight")) continue;
        const bool layer = name.rfind("blk.", 0) == 0;
        const bool head = name == "output.weight" || (!has_output && name == "token_embd.weight");
        if (layer || head) out.push_back(t);
    }
    return out;
}

// Whether the CPU backend runs BF16 products natively (AVX512-BF16): there a BF16 product is ~2.5x a Q8_0 one
// (measured 560 vs 225 GFLOP/s with `fieldtune-train --bench-matmul 2 768 256 2048 20 bf16|q8_0`).
bool cpu_has_native_bf16() {
    if (getenv("FIELDTUNE_TEST_NO_NATIVE_BF16")) return false;  // tests of the Q8_0 copies on a BF16-capable CPU
    ggml_backend_reg_t reg = ggml_backend_reg_by_name("CPU");
    if (!reg) return false;
    auto get_features = (ggml_backend_get_features_t) ggml_backend_reg_get_proc_address(reg, "ggml_backend_get_features");
    if (!get_features) return false;
    for (const ggml_backend_feature * f = get_features(reg); f && f->name; ++f) {
        if (strcmp(f->name, "AVX512_BF16") == 0 && strcmp(f->value, "1") == 0) return true;
    }
    return false;
}

// Patch 0013's AMX-BF16 path in the CPU backend: packs a BF16 tensor once so products against it run on the AMX
// tiles (~0.9 TFLOP/s per core against ~0.11 for AVX512-BF16). Null where the CPU (or the OS) has no AMX-BF16, and
// with GGML_CPU_NO_AMX_BF16 or FIELDTUNE_TEST_NO_NATIVE_BF16 set.
using amx_pack_t = bool (*)(ggml_tensor *);
amx_pack_t cpu_amx_bf16_pack(bool native_bf16) {
    if (!native_bf16) return nullptr;
    ggml_backend_reg_t reg = ggml_backend_reg_by_name("CPU");
    if (!reg) return nullptr;
    auto available = (bool (*)()) ggml_backend_reg_get_proc_address(reg, "ggml_backend_cpu_amx_bf16_available");
    if (!available || !available()) return nullptr;
    return (amx_pack_t) ggml_backend_reg_get_proc_address(reg, "ggml_backend_cpu_amx_bf16_pack");
}

// The copy's tensor (W^T: w->ne[1] x w->ne[0]) fits the AMX kernel: both sides whole 32-blocks, on the CPU.
bool amx_packable(const ggml_tensor * w) {
    return w->ne[0] % 32 == 0 && w->ne[1] % 32 == 0 && ggml_backend_buffer_is_host(w->buffer);
}

ggml_type transposed_type(const ggml_tensor * w, bool native_bf16, bool amx) {
    // with AMX-BF16, every packable copy is BF16: its products run ~3x faster than F32 ones, so on an F32 base the
    // backward's input gradients carry BF16 rounding (~0.1%; the forward and the loss stay F32)
    if (amx && amx_packable(w)) return GGML_TYPE_BF16;
    switch (w->type) {
        case GGML_TYPE_F32:
        case GGML_TYPE_F16:
        case GGML_TYPE_BF16:
            return w->type;
        default:
            // quantized: BF16 where the CPU multiplies it natively, else Q8_0 (the fastest everywhere else, GPUs
            // included), which needs a transposed row (w->ne[1] wide) of whole 32-blocks, else F16
            if (native_bf16 && ggml_backend_buffer_is_host(w->buffer)) return GGML_TYPE_BF16;
            return w->ne[1] % ggml_blck_size(GGML_TYPE_Q8_0) == 0 ? GGML_TYPE_Q8_0 : GGML_TYPE_F16;
    }
}

// W (ne0 x ne1, any type) -> W^T as floats (ne1 x ne0), through a tiled transpose so both sides stay in cache.
std::vector<float> transposed_floats(ggml_tensor * w) {
    const int64_t ne0 = w->ne[0], ne1 = w->ne[1];
    std::vector<uint8_t> raw(ggml_nbytes(w));
    ggml_backend_tensor_get(w, raw.data(), 0, raw.size());
    std::vector<float> rows((size_t) (ne0 * ne1));
    if (w->type == GGML_TYPE_F32) {
        memcpy(rows.data(), raw.data(), rows.size() * sizeof(float));
    } else {
        const auto * traits = ggml_get_type_traits(w->type);
        for (int64_t r = 0; r < ne1; ++r) traits->to_float(raw.data() + r * w->nb[1], rows.data() + r * ne0, ne0);
    }
    std::vector<float> t(rows.size());
    constexpr int64_t B = 32;
    for (int64_t r0 = 0; r0 < ne1; r0 += B) {
        for (int64_t c0 = 0; c0 < ne0; c0 += B) {
            for (int64_t r = r0; r < std::min(r0 + B, ne1); ++r) {
                for (int64_t c = c0; c < std::min(c0 + B, ne0); ++c) t[c * ne1 + r] = rows[r * ne0 + c];
            }
        }
    }
    return t;
}

void store(ggml_tensor * wt, const std::vector<float> & f) {
    std::vector<uint8_t> out(ggml_nbytes(wt));
    const int64_t n_per_row = wt->ne[0], nrows = wt->ne[1];
    switch (wt->type) {
        case GGML_TYPE_F32: memcpy(out.data(), f.data(), out.size()); break;
        case GGML_TYPE_F16: ggml_fp32_to_fp16_row(f.data(), (ggml_fp16_t *) out.data(), n_per_row * nrows); break;
        case GGML_TYPE_BF16: ggml_fp32_to_bf16_row(f.data(), (ggml_bf16_t *) out.data(), n_per_row * nrows); break;
        default: ggml_quantize_chunk(wt->type, f.data(), out.data(), 0, nrows, n_per_row, nullptr); break;
    }
    ggml_backend_tensor_set(wt, out.data(), 0, out.size());
}

} // namespace

std::unique_ptr<TransposedWeights> TransposedWeights::build(const llama_model * model) {
    std::unique_ptr<TransposedWeights> tw(new TransposedWeights());
    const std::vector<ggml_tensor *> weights = matrix_weights(model);
    const bool native_bf16 = cpu_has_native_bf16();
    const amx_pack_t amx_pack = cpu_amx_bf16_pack(native_bf16);

    // one context per buffer type, so each copy lives where its weight lives (CPU or a GPU)
    std::map<ggml_backend_buffer_type_t, std::vector<ggml_tensor *>> by_buft;
    for (ggml_tensor * w : weights) by_buft[ggml_backend_buffer_get_type(w->buffer)].push_back(w);
    for (auto & [buft, ws] : by_buft) {
        ggml_init_params ip = {ws.size() * ggml_tensor_overhead(), nullptr, /*no_alloc =*/ true};
        ggml_context * ctx = ggml_init(ip);
        tw->ctxs_.push_back(ctx);
        for (ggml_tensor * w : ws) {
            ggml_tensor * wt = ggml_new_tensor_2d(ctx, transposed_type(w, native_bf16, amx_pack != nullptr), w->ne[1], w->ne[0]);
            ggml_format_name(wt, "%s.T", w->name);
            tw->map_[w] = wt;
        }
        ggml_backend_buffer_t buf = ggml_backend_alloc_ctx_tensors_from_buft(ctx, buft);
        if (!buf) {
            throw TrainError{"out-of-memory", "not enough memory for the transposed weight copies (try --low-memory)", EXIT_INTERNAL};
        }
        tw->buffers_.push_back(buf);
        tw->bytes_ += ggml_backend_buffer_get_size(buf);
    }
    for (ggml_tensor * w : weights) {
        ggml_tensor * wt = tw->map_[w];
        store(wt, transposed_floats(w));
        // the copies' only reader is the backward's MUL_MAT on the CPU, so they may take the AMX layout
        if (amx_pack && wt->type == GGML_TYPE_BF16 && amx_packable(w) && amx_pack(wt)) tw->packed_++;
    }
    ggml_set_backward_transposed(lookup, tw.get());
    return tw;
}

TransposedWeights::~TransposedWeights() {
    ggml_set_backward_transposed(nullptr, nullptr);
    // the CPU backend must not read a later tensor at one of these addresses as packed
    ggml_backend_reg_t reg = packed_ ? ggml_backend_reg_by_name("CPU") : nullptr;
    auto forget = reg ? (void (*)(const ggml_tensor *)) ggml_backend_reg_get_proc_address(reg, "ggml_backend_cpu_amx_bf16_forget") : nullptr;
    if (forget) {
        for (const auto & [w, wt] : map_) forget(wt);
    }
    for (ggml_backend_buffer_t b : buffers_) ggml_backend_buffer_free(b);
    for (ggml_context * c : ctxs_) ggml_free(c);
}

ggml_tensor * TransposedWeights::find(const ggml_tensor * w) const {
    const auto it = map_.find(w);
    return it == map_.end() ? nullptr : it->second;
}

std::string TransposedWeights::types() const {
    std::map<std::string, int> n;
    for (const auto & [w, wt] : map_) n[std::string(ggml_type_name(w->type)) + "->" + ggml_type_name(wt->type)]++;
    std::string out;
    for (const auto & [k, v] : n) out += (out.empty() ? "" : ", ") + k + " x" + std::to_string(v);
    if (packed_) out += ", " + std::to_string(packed_) + " packed for AMX-BF16";
    return out;
}
