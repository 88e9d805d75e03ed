#include "options.h"

#include <cstdlib>
#include <cstring>
#include <sstream>
#include <thread>

const char * usage_text() {
    return "usage: fieldtune-train --base MODEL.gguf (--train FILE.fttrain | --text FILE.txt) --out ADAPTER.gguf\n"
           "  [--val FILE] [--rank 8] [--alpha 16] [--targets attn_q,attn_k,attn_v,attn_output,ffn_gate,ffn_up,ffn_down]\n"
           "  (default targets map onto fused tensors: attn_qkv, ffn_up [gate|up] on phi3)\n"
           "  [--lr 2e-4] [--schedule constant|linear|cosine] [--warmup STEPS] [--weight-decay 0]\n"
           "  [--epochs 3] [--max-steps N] [--grad-accum 1] [--max-seq N] [--long-examples skip|truncate] [--seed 42] [--threads N]\n"
           "  [--gpu-layers 0] [--eval-every N] [--early-stop N] [--checkpoint-every N] [--checkpoint-dir DIR]\n"
           "  [--resume CHECKPOINT] [--init-adapter ADAPTER.gguf] [--no-shuffle] [--base-sha256 HEX] [--no-stdin-watch] [--dry-run]\n"
           "  [--low-memory]  (no transposed weight copies: saves one weight-sized buffer, slower backward pass)\n"
           "  fieldtune-train --check-base --base MODEL.gguf [--targets ...]   (up-front checks only; writes nothing)\n"
           "Progress: JSON lines on stdout. Logs: stderr.\n";
}

namespace {

bool to_int(const std::string & s, int32_t & v) {
    char * end = nullptr;
    long x = std::strtol(s.c_str(), &end, 10);
    if (end == s.c_str() || *end != '\0') return false;
    v = (int32_t) x;
    return true;
}

bool to_float(const std::string & s, float & v) {
    char * end = nullptr;
    v = std::strtof(s.c_str(), &end);
    return end != s.c_str() && *end == '\0';
}

std::vector<std::string> split(const std::string & s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

} // namespace

bool parse_options(int argc, char ** argv, Options & o, std::string & err) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto val = [&](std::string & dst) {
            if (i + 1 >= argc) { err = a + " needs a value"; return false; }
            dst = argv[++i];
            return true;
        };
        std::string v;
        bool ok = true;
        if (a == "--base") ok = val(o.base);
        else if (a == "--train") ok = val(o.train);
        else if (a == "--text") ok = val(o.text);
        else if (a == "--val") ok = val(o.val);
        else if (a == "--out") ok = val(o.out);
        else if (a == "--resume") ok = val(o.resume);
        else if (a == "--checkpoint-dir") ok = val(o.checkpoint_dir);
        else if (a == "--base-sha256") ok = val(o.base_sha256);
        else if (a == "--init-adapter") ok = val(o.init_adapter);
        else if (a == "--grad-check-out") ok = val(o.grad_check_out);
        else if (a == "--dry-run") o.dry_run = true;
        else if (a == "--no-shuffle") o.shuffle = false;
        else if (a == "--no-stdin-watch") o.watch_stdin = false;
        else if (a == "--low-memory") o.low_memory = true;
        else if (a == "--test-allow-all-masked") o.test_allow_all_masked = true;
        else if (a == "--test-reset-moments") o.test_reset_moments = true;
        else if (a == "--targets") { ok = val(v); o.targets = split(v); o.targets_explicit = true; }
        else if (a == "--check-base") o.check_base = true;
        else if (a == "--long-examples") {
            ok = val(v);
            if (ok) {
                if (v == "skip") o.truncate_long = false;
                else if (v == "truncate") o.truncate_long = true;
                else { err = "--long-examples must be skip or truncate"; return false; }
            }
        }
        else if (a == "--schedule") {
            ok = val(v);
            if (ok) {
                if (v == "constant") o.schedule = Schedule::Constant;
                else if (v == "linear") o.schedule = Schedule::Linear;
                else if (v == "cosine") o.schedule = Schedule::Cosine;
                else { err = "--schedule must be constant, linear or cosine"; return false; }
            }
        } else {
            struct IntOpt { const char * name; int32_t * dst; };
            struct FloatOpt { const char * name; float * dst; };
            const IntOpt ints[] = {
                {"--rank", &o.rank}, {"--warmup", &o.warmup_steps}, {"--epochs", &o.epochs},
                {"--max-steps", &o.max_steps}, {"--grad-accum", &o.grad_accum}, {"--max-seq", &o.max_seq},
                {"--threads", &o.threads}, {"--gpu-layers", &o.gpu_layers}, {"--eval-every", &o.eval_every},
                {"--early-stop", &o.early_stop}, {"--checkpoint-every", &o.checkpoint_every},
                {"--grad-check", &o.grad_check}, {"--test-stop-after", &o.test_stop_after},
            };
            const FloatOpt floats[] = {
                {"--alpha", &o.alpha}, {"--lr", &o.lr}, {"--weight-decay", &o.weight_decay},
                {"--beta1", &o.beta1}, {"--beta2", &o.beta2}, {"--test-init-b", &o.test_init_b},
            };
            bool found = false;
            for (const auto & io : ints) {
                if (a == io.name) {
                    found = true;
                    if (!val(v)) return false;
                    if (!to_int(v, *io.dst)) { err = a + " needs an integer"; return false; }
                }
            }
            for (const auto & fo : floats) {
                if (a == fo.name) {
                    found = true;
                    if (!val(v)) return false;
                    if (!to_float(v, *fo.dst)) { err = a + " needs a number"; return false; }
                }
            }
            if (a == "--seed") {
                found = true;
                int32_t s = 0;
                if (!val(v) || !to_int(v, s)) { err = "--seed needs an integer"; return false; }
                o.seed = (uint32_t) s;
            }
            if (!found) { err = "unknown option " + a; return false; }
        }
        if (!ok) return false;
    }
    if (o.base.empty()) { err = "--base is required"; return false; }
    if (o.check_base) return true;  // needs only --base (and optional --targets)
    if (o.train.empty() == o.text.empty()) { err = "give exactly one of --train or --text"; return false; }
    if (o.out.empty() && o.grad_check == 0) { err = "--out is required"; return false; }
    if (o.rank <= 0) { err = "--rank must be at least 1"; return false; }
    if (!(o.alpha > 0)) { err = "--alpha must be positive"; return false; }
    if (!(o.lr > 0)) { err = "--lr must be positive"; return false; }
    if (o.epochs <= 0 && o.max_steps <= 0) { err = "--epochs must be at least 1"; return false; }
    if (o.grad_accum <= 0) { err = "--grad-accum must be at least 1"; return false; }
    if (o.weight_decay < 0 || o.weight_decay > 1) { err = "--weight-decay must be in [0, 1]"; return false; }
    if (o.max_seq < 0 || o.warmup_steps < 0 || o.max_steps < 0) { err = "negative values are not allowed"; return false; }
    if (o.targets.empty()) { err = "--targets is empty"; return false; }
    if (o.threads <= 0) o.threads = (int32_t) std::max(1u, std::thread::hardware_concurrency());
    if (o.checkpoint_dir.empty() && !o.out.empty()) o.checkpoint_dir = o.out + ".ckpt";
    return true;
}
