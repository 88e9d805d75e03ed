#include "arch.h"

#include "protocol.h"

#include "ggml.h"

#include <algorithm>

namespace {

// Architectures whose whole training graph has a backward pass (with patches 0003, 0007-0009) and whose gradients
// the tests check (test/native/archMatrix.test.ts; llama in gradcheck.test.ts). mistral3, gemma and granite build
// the same blocks as llama/gemma2 (plain build_attn, SwiGLU/GEGLU FFN) and were accepted before this list grew.
const char * const SUPPORTED[] = {"llama", "qwen2", "qwen3", "gemma2", "gemma3", "phi3", "mistral3", "gemma", "granite"};

struct Refusal {
    const char * prefix;  // architecture name, or its prefix when it ends in '*'
    const char * reason;
};

// Known reasons, so the message says what is missing rather than only "not supported".
const Refusal REFUSALS[] = {
    {"*moe", "mixture-of-experts layers use MUL_MAT_ID, which has no backward pass in ggml"},
    {"mixtral", "mixture-of-experts layers use MUL_MAT_ID, which has no backward pass in ggml"},
    {"mamba*", "state-space layers (SSM_CONV/SSM_SCAN) have no backward pass in ggml"},
    {"rwkv*", "RWKV's WKV op has no backward pass in ggml"},
    {"bert", "encoder-only model: no causal language-model loss to train"},
    {"nomic-bert*", "encoder-only model: no causal language-model loss to train"},
    {"phi2", "its FFN uses plain GELU and LayerNorm (NORM), which have no backward pass in ggml"},
    {"gpt2", "LayerNorm (NORM) and GELU have no backward pass in ggml"},
    {"gemma3n", "per-layer embeddings and AltUp ops have no backward pass in ggml"},
    {"gemma4*", "not checked: its attention and FFN variants have no gradient test here"},
};

bool matches(const std::string & arch, const std::string & pattern) {
    if (pattern.front() == '*') {
        const std::string tail = pattern.substr(1);
        return arch.size() >= tail.size() && arch.compare(arch.size() - tail.size(), tail.size(), tail) == 0;
    }
    if (pattern.back() == '*') return arch.rfind(pattern.substr(0, pattern.size() - 1), 0) == 0;
    return arch == pattern;
}

bool has_layer_tensor(const GgufIn & base, const std::string & target) {
    return base.tensor("blk.0." + target + ".weight") != nullptr;
}

} // namespace

void check_architecture(const GgufIn & base) {
    const std::string arch = base.get_str("general.architecture");
    auto refuse = [&](const std::string & reason) {
        throw TrainError{"unsupported-architecture", "cannot train a '" + arch + "' model: " + reason, EXIT_BAD_INPUT};
    };
    if (arch.empty()) refuse("the file has no general.architecture key");
    // Mixtral and other llama-architecture MoE files say so with expert_count.
    if (base.get_i64((arch + ".expert_count").c_str(), 0) > 0) {
        refuse("mixture-of-experts layers use MUL_MAT_ID, which has no backward pass in ggml");
    }
    if (std::find_if(std::begin(SUPPORTED), std::end(SUPPORTED), [&](const char * a) { return arch == a; }) != std::end(SUPPORTED)) {
        return;
    }
    for (const auto & r : REFUSALS) {
        if (matches(arch, r.prefix)) refuse(r.reason);
    }
    refuse("this architecture is not supported for training yet (supported: llama, mistral, qwen2, qwen3, gemma2, gemma3, phi3)");
}

std::vector<TargetInfo> resolve_targets(const GgufIn & base, const std::vector<std::string> & targets, bool explicit_targets) {
    const bool fused_qkv = has_layer_tensor(base, "attn_qkv") && !has_layer_tensor(base, "attn_q");
    const bool fused_gate_up = !has_layer_tensor(base, "ffn_gate") && has_layer_tensor(base, "ffn_up");
    std::vector<std::string> names;
    auto add = [&](const std::string & t) {
        if (std::find(names.begin(), names.end(), t) == names.end()) names.push_back(t);
    };
    for (const auto & t : targets) {
        const bool qkv_part = t == "attn_q" || t == "attn_k" || t == "attn_v";
        if (!explicit_targets) {
            // the default list names the unfused tensors; map them onto the fused ones this model has
            if (qkv_part && fused_qkv) add("attn_qkv");
            else if (t == "ffn_gate" && fused_gate_up) add("ffn_up");
            else if (has_layer_tensor(base, t)) add(t);
            continue;
        }
        if (!has_layer_tensor(base, t)) {
            const std::string arch = base.get_str("general.architecture");
            std::string hint;
            if (qkv_part && fused_qkv) hint = ": this " + arch + " model fuses q, k and v into one tensor; target attn_qkv";
            else if (t == "ffn_gate" && fused_gate_up) hint = ": this " + arch + " model fuses the gate and up projections into ffn_up; target ffn_up";
            throw TrainError{"unknown-target", "target '" + t + "' is not a layer tensor of this model (no blk.N." + t + ".weight)" + hint,
                             EXIT_BAD_INPUT};
        }
        add(t);
    }
    return find_targets(base, names);
}
