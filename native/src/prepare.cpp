#include "prepare.h"

#include "adapter.h"
#include "arch.h"
#include "gguf_file.h"
#include "protocol.h"
#include "sha256.h"

#include "llama.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace {

std::string fingerprint_of(const Options & o, const Prepared & p) {
    std::ostringstream s;
    s << p.base_sha256 << '|' << p.train.sha256 << '|' << p.val.sha256 << '|' << o.rank << '|' << o.alpha << '|';
    for (const auto & t : o.targets) s << t << ',';
    if (o.truncate_long) s << "|truncate";  // only when set, so earlier checkpoints keep their fingerprint
    s << '|' << o.lr << '|' << (int) o.schedule << '|' << o.warmup_steps << '|' << o.weight_decay << '|' << o.epochs
      << '|' << o.max_steps << '|' << o.grad_accum << '|' << p.n_window << '|' << o.seed << '|' << o.shuffle;
    return sha256_hex(s.str().data(), s.str().size());
}

} // namespace

void check_base(const Options & o) {
    check_gguf_file(o.base);
    auto meta = gguf_read(o.base, false);
    if (!meta) throw TrainError{"not-gguf", "base model is not a readable GGUF file: " + o.base, EXIT_BAD_INPUT};
    check_architecture(*meta);
    resolve_targets(*meta, o.targets, o.targets_explicit);
}

Prepared::~Prepared() {
    session.reset();
    if (model) llama_model_free(model);
}

std::unique_ptr<Prepared> prepare(const Options & o, bool sgd) {
    auto p = std::make_unique<Prepared>();
    check_gguf_file(o.base);
    auto meta = gguf_read(o.base, false);
    if (!meta) throw TrainError{"not-gguf", "base model is not a readable GGUF file: " + o.base, EXIT_BAD_INPUT};
    p->arch = meta->get_str("general.architecture");
    check_architecture(*meta);
    const std::vector<TargetInfo> targets = resolve_targets(*meta, o.targets, o.targets_explicit);
    for (const auto & t : targets) {
        // blk.N.<kind>.weight -> <kind>
        const size_t from = t.name.find('.', 4) + 1;
        const std::string kind = t.name.substr(from, t.name.size() - from - std::string(".weight").size());
        if (std::find(p->targets.begin(), p->targets.end(), kind) == p->targets.end()) p->targets.push_back(kind);
    }
    p->model = load_base(o);

    const llama_vocab * vocab = llama_model_get_vocab(p->model);
    const int32_t n_vocab = llama_vocab_n_tokens(vocab);
    const int32_t n_ctx_train = llama_model_n_ctx_train(p->model);
    if (o.max_seq > n_ctx_train) {
        throw TrainError{"max-seq-too-long", "--max-seq " + std::to_string(o.max_seq) + " is above the model's context of " +
                         std::to_string(n_ctx_train) + " tokens", EXIT_BAD_INPUT};
    }

    if (!o.text.empty()) {
        p->n_window = o.max_seq > 0 ? o.max_seq : std::min(n_ctx_train, 512);
        p->train = read_text_file(o.text, vocab, p->n_window);
    } else {
        p->train = read_training_file(o.train, n_vocab);
        if (p->train.samples.empty()) throw TrainError{"empty-training-file", "the training file holds no samples", EXIT_BAD_INPUT};
        size_t longest = 0;
        for (const auto & s : p->train.samples) longest = std::max(longest, s.tokens.size());
        // default window: the longest sample rounded up to 8, never beyond the model's context
        p->n_window = o.max_seq > 0 ? o.max_seq : std::min<int32_t>(n_ctx_train, (int32_t) ((longest + 7) / 8 * 8));
    }
    drop_long_samples(p->train, p->n_window, o.truncate_long);
    if (p->train.samples.empty()) {
        throw TrainError{p->train.dropped ? "all-samples-too-long" : "empty-training-file",
                         p->train.dropped ? "every sample is longer than the maximum sequence length" : "the training data is empty",
                         EXIT_BAD_INPUT};
    }
    for (const auto & s : p->train.samples) p->n_targets += s.n_targets();
    if (p->n_targets == 0 && !o.test_allow_all_masked) {
        throw TrainError{"all-masked", "every token of the training file is masked out of the loss: nothing to learn", EXIT_BAD_INPUT};
    }
    if (!o.val.empty()) {
        p->val = read_training_file(o.val, n_vocab);
        drop_long_samples(p->val, p->n_window, o.truncate_long);
        p->has_val = !p->val.samples.empty();
    }

    p->base_sha256 = !o.base_sha256.empty() ? o.base_sha256 : sha256_file(o.base);
    p->fingerprint = fingerprint_of(o, *p);

    // the adapter starts as a file so llama.cpp loads it exactly as it loads any adapter; continual training starts
    // from an earlier run's adapter instead (llama.cpp checks its tensors against this base), which is never removed
    const bool fresh = o.init_adapter.empty();
    const std::string init_path = fresh ? temp_path_for((o.out.empty() ? o.grad_check_out : o.out) + ".init") : o.init_adapter;
    if (fresh) write_initial_adapter(init_path, p->arch, targets, o.rank, o.alpha, o.seed, o.test_init_b);
    p->session = std::make_unique<Session>();
    try {
        open_session(*p->session, o, p->model, p->n_window, init_path, sgd);
    } catch (...) {
        if (fresh) std::remove(init_path.c_str());
        throw;
    }
    if (fresh) std::remove(init_path.c_str());
    p->session->opt.lr = o.lr;
    p->session->opt.beta1 = o.beta1;
    p->session->opt.beta2 = o.beta2;
    p->session->opt.eps = o.adam_eps;
    p->session->opt.wd = o.weight_decay;
    logf("base %s (%s), %zu samples (%lld dropped, %lld truncated), window %d, %lld target tokens, %zu adapter tensors",
         o.base.c_str(), p->arch.c_str(), p->train.samples.size(), (long long) p->train.dropped, (long long) p->train.truncated, p->n_window,
         (long long) p->n_targets, p->session->params.size());
    return p;
}
