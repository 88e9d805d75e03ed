#include "session.h"

#include "adapter.h"
#include "backend_report.h"
#include "protocol.h"

#include "ggml-backend.h"
#include "llama.h"
#include "llama-fieldtune.h"

#include <cstring>

namespace {

ggml_opt_optimizer_params optimizer_params(void * ud) {
    const auto * st = (const OptimizerSettings *) ud;
    ggml_opt_optimizer_params p = ggml_opt_get_default_optimizer_params(nullptr);
    p.adamw.alpha = st->lr;
    p.adamw.beta1 = st->beta1;
    p.adamw.beta2 = st->beta2;
    p.adamw.eps = st->eps;
    p.adamw.wd = st->wd;
    p.sgd.alpha = st->lr;
    p.sgd.wd = st->wd;
    return p;
}

// Only the adapter's tensors train; the base stays frozen (they are flagged with ggml_set_param directly).
bool reject_model_tensors(const ggml_tensor *, void *) { return false; }

void trampoline(ggml_opt_context_t opt_ctx, void * ud) {
    auto * s = (Session *) ud;
    if (!s->backends_reported) {
        ggml_cgraph * graph = ggml_opt_allocated_graph(opt_ctx);
        const std::string report = op_backends(graph);
        if (!report.empty()) {
            logf("op backends: %s", report.c_str());
            int64_t width = 0;
            const int64_t rows = loss_rows(graph, &width);
            logf("loss rows: %lld of %d window rows, %lld wide", (long long) rows, (int) s->n_window, (long long) width);
            s->backends_reported = true;
        }
    }
    if (s->after_alloc) {
        auto fn = s->after_alloc;
        s->after_alloc = nullptr;
        fn(opt_ctx, s->after_alloc_ud);
    }
}

} // namespace

Session::~Session() {
    if (ctx) llama_free(ctx);
    // the adapter and model are freed by the caller's model owner
}

void check_gguf_file(const std::string & path) {
    FILE * f = fopen(path.c_str(), "rb");
    if (!f) throw TrainError{"file-not-found", "base model not found: " + path, EXIT_BAD_INPUT};
    char magic[4] = {0};
    const size_t n = fread(magic, 1, 4, f);
    fclose(f);
    if (n != 4 || memcmp(magic, "GGUF", 4) != 0) {
        throw TrainError{"not-gguf", "base model is not a GGUF file: " + path, EXIT_BAD_INPUT};
    }
}

llama_model * load_base(const Options & o) {
    check_gguf_file(o.base);
    llama_model_params mp = llama_model_default_params();
    mp.n_gpu_layers = o.gpu_layers;
    // repacked CPU weights (e.g. Q4_0 on x86) have no backward kernels (OUT_PROD); keep the plain layout
    mp.use_extra_bufts = false;
    llama_model * model = llama_model_load_from_file(o.base.c_str(), mp);
    if (!model) throw TrainError{"model-load-failed", "llama.cpp could not load the base model (unsupported architecture or damaged file): " + o.base, EXIT_BAD_INPUT};
    return model;
}

void open_session(Session & s, const Options & o, llama_model * model, int32_t n_window, const std::string & adapter_path,
                  bool sgd) {
    s.model = model;
    s.n_window = n_window;
    const llama_vocab * vocab = llama_model_get_vocab(model);
    s.n_vocab = llama_vocab_n_tokens(vocab);
    s.pad_token = llama_vocab_eos(vocab) >= 0 ? llama_vocab_eos(vocab) : 0;

    llama_context_params cp = llama_context_default_params();
    cp.n_ctx = (uint32_t) n_window;
    cp.n_batch = (uint32_t) n_window;
    cp.n_ubatch = (uint32_t) n_window;
    cp.n_seq_max = 1;
    cp.n_threads = o.threads;
    cp.n_threads_batch = o.threads;
    cp.flash_attn_type = LLAMA_FLASH_ATTN_TYPE_DISABLED;  // FLASH_ATTN_EXT has no backward pass
    cp.type_k = GGML_TYPE_F32;                            // OUT_PROD has no F16 variant
    cp.type_v = GGML_TYPE_F32;
    cp.no_perf = true;
    s.ctx = llama_init_from_model(model, cp);
    if (!s.ctx) throw TrainError{"context-failed", "could not create a training context (out of memory?)", EXIT_INTERNAL};

    s.adapter = llama_adapter_lora_init(model, adapter_path.c_str());
    if (!s.adapter) throw TrainError{"adapter-load-failed", "could not attach the LoRA adapter", EXIT_INTERNAL};
    float scale = 1.0f;
    if (llama_set_adapters_lora(s.ctx, &s.adapter, 1, &scale) != 0) {
        throw TrainError{"adapter-load-failed", "could not attach the LoRA adapter", EXIT_INTERNAL};
    }
    s.params = adapter_params(s.adapter);
    if (!o.low_memory) {
        s.transposed = TransposedWeights::build(model);
        logf("transposed weight copies for the backward pass: %zu tensors (%s), %.1f MiB", s.transposed->count(),
             s.transposed->types().c_str(), s.transposed->bytes() / 1048576.0);
    }
    for (ggml_tensor * p : s.params) ggml_set_param(p);

    llama_opt_params op = {};
    op.n_ctx_train = (uint32_t) n_window;
    op.param_filter = reject_model_tensors;
    op.param_filter_ud = nullptr;
    op.get_opt_pars = optimizer_params;
    op.get_opt_pars_ud = &s.opt;
    op.optimizer_type = sgd ? GGML_OPT_OPTIMIZER_TYPE_SGD : GGML_OPT_OPTIMIZER_TYPE_ADAMW;
    llama_opt_init_fieldtune(s.ctx, model, op, o.grad_accum);
}

double run_window(Session & s, const std::vector<int32_t> & tokens, const std::vector<int32_t> & labels, bool train,
                  int32_t & n_labelled) {
    double nll = 0;
    const int32_t rc = llama_opt_step_masked(s.ctx, tokens.data(), labels.data(), s.n_window, train, &nll, &n_labelled,
                                             trampoline, &s);
    if (rc != 0) throw TrainError{"step-failed", "a training step failed inside llama.cpp (code " + std::to_string(rc) + ")", EXIT_INTERNAL};
    return nll;
}
