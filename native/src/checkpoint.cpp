#include "checkpoint.h"

#include "adapter.h"
#include "protocol.h"

#include "ggml.h"
#include "ggml-backend.h"
#include "gguf.h"
#include "llama-fieldtune.h"

#include <cstring>

namespace {

const char * M_PREFIX = "AdamW m for ";

std::string param_of(const ggml_tensor * m) {
    const std::string n = m->name;
    return n.rfind(M_PREFIX, 0) == 0 ? n.substr(strlen(M_PREFIX)) : "";
}

HostTensor host_copy(const std::string & name, const ggml_tensor * t) {
    HostTensor h{name, t->ne[0], t->ne[1], std::vector<float>(ggml_nelements(t))};
    ggml_backend_tensor_get(t, h.data.data(), 0, ggml_nbytes(t));
    return h;
}

void restore_moments(ggml_opt_context_t opt_ctx, void * ud) {
    auto * r = (Resume *) ud;
    const int n = ggml_opt_n_moments(opt_ctx);
    int restored = 0;
    for (int i = 0; i < n; ++i) {
        ggml_tensor * m = nullptr;
        ggml_tensor * v = nullptr;
        ggml_opt_get_moments(opt_ctx, i, &m, &v);
        const std::string p = param_of(m);
        ggml_tensor * sm = r->file->tensor("m." + p);
        ggml_tensor * sv = r->file->tensor("v." + p);
        if (!sm || !sv || ggml_nbytes(sm) != ggml_nbytes(m)) continue;
        ggml_backend_tensor_set(m, sm->data, 0, ggml_nbytes(m));
        ggml_backend_tensor_set(v, sv->data, 0, ggml_nbytes(v));
        restored++;
    }
    ggml_opt_set_iter(opt_ctx, r->opt_iter);
    logf("restored AdamW state: %d of %d moment pairs, step counter %lld", restored, n, (long long) r->opt_iter);
}

} // namespace

void save_checkpoint(const std::string & path, Session & s, const TrainState & st, const std::string & fingerprint) {
    GgufOut g;
    gguf_set_val_str(g.kv(), "general.type", "fieldtune.checkpoint");
    gguf_set_val_str(g.kv(), "fieldtune.ckpt.fingerprint", fingerprint.c_str());
    gguf_set_val_i64(g.kv(), "fieldtune.ckpt.step", st.step);
    gguf_set_val_i64(g.kv(), "fieldtune.ckpt.window", st.window);
    gguf_set_val_i64(g.kv(), "fieldtune.ckpt.tokens_trained", st.tokens_trained);
    gguf_set_val_f64(g.kv(), "fieldtune.ckpt.seconds", st.seconds);
    gguf_set_val_f64(g.kv(), "fieldtune.ckpt.best_val", st.best_val);
    gguf_set_val_f64(g.kv(), "fieldtune.ckpt.last_val", st.last_val);
    gguf_set_val_i64(g.kv(), "fieldtune.ckpt.evals_since_best", st.evals_since_best);
    gguf_set_arr_data(g.kv(), "fieldtune.ckpt.recent_nll", GGUF_TYPE_FLOAT64, st.recent_nll.data(), st.recent_nll.size());
    gguf_set_arr_data(g.kv(), "fieldtune.ckpt.recent_lab", GGUF_TYPE_FLOAT64, st.recent_lab.data(), st.recent_lab.size());
    ggml_opt_context_t opt_ctx = llama_opt_get_ctx(s.ctx);
    gguf_set_val_i64(g.kv(), "fieldtune.ckpt.opt_iter", ggml_opt_get_iter(opt_ctx));
    for (auto & h : read_params(s.params)) g.add(std::move(h));
    const int n = ggml_opt_n_moments(opt_ctx);
    for (int i = 0; i < n; ++i) {
        ggml_tensor * m = nullptr;
        ggml_tensor * v = nullptr;
        ggml_opt_get_moments(opt_ctx, i, &m, &v);
        const std::string p = param_of(m);
        if (p.empty()) continue;
        g.add(host_copy("m." + p, m));
        g.add(host_copy("v." + p, v));
    }
    g.write(path);
}

std::unique_ptr<Resume> load_checkpoint(const std::string & path, const std::string & fingerprint) {
    auto r = std::make_unique<Resume>();
    r->file = gguf_read(path, true);
    if (!r->file || r->file->get_str("general.type") != "fieldtune.checkpoint") {
        throw TrainError{"bad-checkpoint", "not a Fieldtune checkpoint: " + path, EXIT_BAD_INPUT};
    }
    if (r->file->get_str("fieldtune.ckpt.fingerprint") != fingerprint) {
        throw TrainError{"checkpoint-mismatch", "the checkpoint belongs to a run with a different base, data or settings", EXIT_BAD_INPUT};
    }
    TrainState & st = r->state;
    st.step = r->file->get_i64("fieldtune.ckpt.step", 0);
    st.window = r->file->get_i64("fieldtune.ckpt.window", 0);
    st.tokens_trained = r->file->get_i64("fieldtune.ckpt.tokens_trained", 0);
    st.seconds = r->file->get_f64("fieldtune.ckpt.seconds", 0);
    st.best_val = r->file->get_f64("fieldtune.ckpt.best_val", st.best_val);
    st.last_val = r->file->get_f64("fieldtune.ckpt.last_val", st.last_val);
    st.evals_since_best = r->file->get_i64("fieldtune.ckpt.evals_since_best", 0);
    st.recent_nll = r->file->get_f64_array("fieldtune.ckpt.recent_nll");
    st.recent_lab = r->file->get_f64_array("fieldtune.ckpt.recent_lab");
    r->opt_iter = r->file->get_i64("fieldtune.ckpt.opt_iter", 1);
    return r;
}

void apply_checkpoint(Session & s, Resume & r, bool restore_optimizer) {
    for (ggml_tensor * p : s.params) {
        ggml_tensor * saved = r.file->tensor(p->name);
        if (!saved || ggml_nbytes(saved) != ggml_nbytes(p)) {
            throw TrainError{"bad-checkpoint", std::string("checkpoint lacks adapter tensor ") + p->name, EXIT_BAD_INPUT};
        }
        ggml_backend_tensor_set(p, saved->data, 0, ggml_nbytes(p));
    }
    if (r.state.step > 0 && restore_optimizer) {
        s.after_alloc = restore_moments;
        s.after_alloc_ud = &r;
    }
}
