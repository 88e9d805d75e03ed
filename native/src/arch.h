// Which architectures the trainer accepts, and which LoRA targets each one has. Checked before anything is written
// (prepare() and --check-base), so an unsupported model is refused with its reason instead of failing mid-run.
#pragma once
#include "adapter.h"
#include "gguf_file.h"

#include <string>
#include <vector>

// Throws TrainError "unsupported-architecture" with the reason when the base cannot be trained.
void check_architecture(const GgufIn & base);

// The targets to train. Defaults (no --targets) are mapped onto the architecture's tensors: a fused attn_qkv stands
// for attn_q/k/v, a fused ffn_up (gate|up, no ffn_gate) for ffn_gate/ffn_up. An explicit target the model does not
// have is an error that says what to use instead.
std::vector<TargetInfo> resolve_targets(const GgufIn & base, const std::vector<std::string> & targets, bool explicit_targets);
