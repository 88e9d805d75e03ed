// Bench mode (--bench-matmul): ggml's own matrix-multiply speed (F32 unless a weight type is named) on this machine, with the same backend and
// thread count as training, so bench/train-bench.ts can state MFU against a peak measured in the same run.
#include "matmul_bench.h"

#include "cpu_backend.h"
#include "protocol.h"

#include "ggml.h"
#include "ggml-alloc.h"
#include "ggml-backend.h"

#include <chrono>
#include <cstring>
#include <cstdio>
#include <random>
#include <vector>

double bench_matmul_gflops(int threads, int64_t m, int64_t n, int64_t k, int reps, ggml_type type) {
    ggml_init_params ip = {ggml_tensor_overhead() * 8 + ggml_graph_overhead(), nullptr, true};
    ggml_context * ctx = ggml_init(ip);
    ggml_tensor * a = ggml_new_tensor_2d(ctx, type, k, m);
    ggml_tensor * b = ggml_new_tensor_2d(ctx, GGML_TYPE_F32, k, n);
    ggml_tensor * c = ggml_mul_mat(ctx, a, b);
    ggml_cgraph * gf = ggml_new_graph(ctx);
    ggml_build_forward_expand(gf, c);
    ggml_backend_t backend = make_cpu_backend(threads);
    if (!backend) return 0.0;
    ggml_backend_buffer_t buf = ggml_backend_alloc_ctx_tensors(ctx, backend);
    std::mt19937 rng(1);
    std::normal_distribution<float> nd(0.0f, 1.0f);
    for (ggml_tensor * t : {a, b}) {
        std::vector<float> v(ggml_nelements(t));
        for (auto & x : v) x = nd(rng);
        std::vector<uint8_t> q(ggml_nbytes(t));
        if (t->type == GGML_TYPE_F32) memcpy(q.data(), v.data(), q.size());
        else ggml_quantize_chunk(t->type, v.data(), q.data(), 0, ggml_nrows(t), t->ne[0], nullptr);
        ggml_backend_tensor_set(t, q.data(), 0, q.size());
    }
    ggml_backend_graph_compute(backend, gf);  // warm-up
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < reps; ++i) ggml_backend_graph_compute(backend, gf);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ggml_backend_buffer_free(buf);
    ggml_backend_free(backend);
    ggml_free(ctx);
    return 2.0 * (double) m * (double) n * (double) k * reps / s / 1e9;
}
