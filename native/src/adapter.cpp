#include "adapter.h"

#include "protocol.h"

#include "ggml.h"
#include "ggml-backend.h"
#include "gguf.h"
#include "llama-adapter.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

std::vector<TargetInfo> find_targets(const GgufIn & base, const std::vector<std::string> & targets) {
    std::vector<TargetInfo> out;
    const int64_t n = gguf_get_n_tensors(base.gguf);
    for (int64_t i = 0; i < n; ++i) {
        const std::string name = gguf_get_tensor_name(base.gguf, i);
        if (name.rfind("blk.", 0) != 0) continue;
        for (const auto & t : targets) {
            const std::string suffix = "." + t + ".weight";
            if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
                ggml_tensor * w = base.tensor(name);
                if (!w || ggml_n_dims(w) != 2) continue;
                out.push_back({name, w->ne[0], w->ne[1]});
            }
        }
    }
    if (out.empty()) {
        throw TrainError{"no-targets", "none of the target layers exists in the base model", EXIT_BAD_INPUT};
    }
    return out;
}

static void set_adapter_kv(GgufOut & g, const std::string & arch, float alpha) {
    gguf_set_val_str(g.kv(), "general.type", "adapter");
    gguf_set_val_str(g.kv(), "general.architecture", arch.c_str());
    gguf_set_val_str(g.kv(), "adapter.type", "lora");
    gguf_set_val_f32(g.kv(), "adapter.lora.alpha", alpha);
}

void write_initial_adapter(const std::string & path, const std::string & arch, const std::vector<TargetInfo> & targets,
                           int32_t rank, float alpha, uint32_t seed, float init_b) {
    GgufOut g;
    set_adapter_kv(g, arch, alpha);
    std::mt19937 rng(seed);
    for (const auto & t : targets) {
        HostTensor a{t.name + ".lora_a", t.n_in, rank, std::vector<float>((size_t) t.n_in * rank)};
        std::uniform_real_distribution<float> ua(-1.0f / std::sqrt((float) t.n_in), 1.0f / std::sqrt((float) t.n_in));
        for (auto & x : a.data) x = ua(rng);
        HostTensor b{t.name + ".lora_b", rank, t.n_out, std::vector<float>((size_t) rank * t.n_out, 0.0f)};
        if (init_b > 0) {
            std::normal_distribution<float> nb(0.0f, init_b);
            for (auto & x : b.data) x = nb(rng);
        }
        g.add(std::move(a));
        g.add(std::move(b));
    }
    g.write(path);
}

std::vector<ggml_tensor *> adapter_params(llama_adapter_lora * adapter) {
    std::vector<ggml_tensor *> out;
    for (auto & kv : adapter->ab_map) {
        out.push_back(kv.second.a);
        out.push_back(kv.second.b);
    }
    std::sort(out.begin(), out.end(), [](ggml_tensor * x, ggml_tensor * y) { return strcmp(x->name, y->name) < 0; });
    return out;
}

std::vector<HostTensor> read_params(const std::vector<ggml_tensor *> & params) {
    std::vector<HostTensor> out;
    for (ggml_tensor * p : params) {
        HostTensor h{p->name, p->ne[0], p->ne[1], std::vector<float>(ggml_nelements(p))};
        ggml_backend_tensor_get(p, h.data.data(), 0, ggml_nbytes(p));
        out.push_back(std::move(h));
    }
    return out;
}

void write_params(const std::vector<ggml_tensor *> & params, const std::vector<HostTensor> & values) {
    for (size_t i = 0; i < params.size(); ++i) {
        ggml_backend_tensor_set(params[i], values[i].data.data(), 0, ggml_nbytes(params[i]));
    }
}

void write_adapter(const std::string & path, const std::string & arch, float alpha,
                   const std::vector<ggml_tensor *> & params, const std::function<void(GgufOut &)> & add_meta) {
    GgufOut g;
    set_adapter_kv(g, arch, alpha);
    add_meta(g);
    for (auto & h : read_params(params)) g.add(std::move(h));
    g.write(path);
}
