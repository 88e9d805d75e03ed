#include "kernel_check.h"

#include "cpu_backend.h"

#include "ggml.h"
#include "ggml-alloc.h"
#include "ggml-backend.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

struct Case {
    std::string op;  // mul_mat | out_prod
    ggml_type type0;
    int64_t a0, a1, b0, b1, n2_0, n2_1;  // src0 [a0, a1, n2_0], src1 [b0, b1, n2_1]
    bool pack = false;  // BF16 src0 packed for AMX tiles first (patch 0013), where the CPU has them
};

// Rounds to BF16 and back (round to nearest even, as ggml_fp32_to_bf16_row does).
float bf16_round(float x) {
    ggml_bf16_t h;
    ggml_fp32_to_bf16_row(&x, &h, 1);
    return ggml_bf16_to_fp32(h);
}

std::vector<float> randoms(size_t n, std::mt19937 & rng) {
    std::normal_distribution<float> nd(0.0f, 1.0f);
    std::vector<float> v(n);
    for (auto & x : v) x = nd(rng);
    return v;
}

// Largest |got - want| over the largest |want|, so cancellation in one element does not hide or inflate errors.
double relative_error(const std::vector<float> & got, const std::vector<double> & want) {
    double err = 0, scale = 1e-30;
    for (size_t i = 0; i < want.size(); ++i) {
        err = std::max(err, std::fabs((double) got[i] - want[i]));
        scale = std::max(scale, std::fabs(want[i]));
    }
    return err / scale;
}

double run_case(const Case & c, ggml_backend_t backend, std::mt19937 & rng, bool & packed) {
    ggml_init_params ip = {ggml_tensor_overhead() * 8 + ggml_graph_overhead(), nullptr, true};
    ggml_context * ctx = ggml_init(ip);
    ggml_tensor * a = ggml_new_tensor_3d(ctx, c.type0, c.a0, c.a1, c.n2_0);
    ggml_tensor * b = ggml_new_tensor_3d(ctx, GGML_TYPE_F32, c.b0, c.b1, c.n2_1);
    ggml_tensor * out = c.op == "mul_mat" ? ggml_mul_mat(ctx, a, b) : ggml_out_prod(ctx, a, b);
    ggml_cgraph * gf = ggml_new_graph(ctx);
    ggml_build_forward_expand(gf, out);
    ggml_backend_buffer_t buf = ggml_backend_alloc_ctx_tensors(ctx, backend);

    // src0 values as the kernel sees them: quantized types are rounded through their own format first
    std::vector<float> va = randoms((size_t) ggml_nelements(a), rng);
    if (c.type0 == GGML_TYPE_F32) {
        ggml_backend_tensor_set(a, va.data(), 0, ggml_nbytes(a));
    } else if (c.type0 == GGML_TYPE_BF16) {
        std::vector<ggml_bf16_t> h(va.size());
        ggml_fp32_to_bf16_row(va.data(), h.data(), (int64_t) va.size());
        for (size_t i = 0; i < va.size(); ++i) va[i] = ggml_bf16_to_fp32(h[i]);
        ggml_backend_tensor_set(a, h.data(), 0, ggml_nbytes(a));
    } else {
        std::vector<uint8_t> q(ggml_nbytes(a));
        ggml_quantize_chunk(c.type0, va.data(), q.data(), 0, ggml_nrows(a), c.a0, nullptr);
        ggml_get_type_traits(c.type0)->to_float(q.data(), va.data(), ggml_nelements(a));
        ggml_backend_tensor_set(a, q.data(), 0, q.size());
    }
    std::vector<float> vb = randoms((size_t) ggml_nelements(b), rng);
    ggml_backend_tensor_set(b, vb.data(), 0, ggml_nbytes(b));
    // a BF16 product rounds src1 to BF16 too (the reference then holds only the accumulation error)
    if (c.type0 == GGML_TYPE_BF16) {
        for (float & x : vb) x = bf16_round(x);
    }
    packed = false;
    if (c.pack) {
        ggml_backend_reg_t reg = ggml_backend_reg_by_name("CPU");
        auto pack = (bool (*)(ggml_tensor *)) ggml_backend_reg_get_proc_address(reg, "ggml_backend_cpu_amx_bf16_pack");
        packed = pack && pack(a);
    }
    ggml_backend_graph_compute(backend, gf);
    std::vector<float> got((size_t) ggml_nelements(out));
    ggml_backend_tensor_get(out, got.data(), 0, ggml_nbytes(out));

    const int64_t n0 = out->ne[0], n1 = out->ne[1], n2 = out->ne[2];
    const int64_t bcast = c.n2_1 / c.n2_0;  // src0 is shared by this many src1 slices
    std::vector<double> want((size_t) (n0 * n1 * n2), 0.0);
    for (int64_t i2 = 0; i2 < n2; ++i2) {
        const float * A = va.data() + (i2 / bcast) * c.a0 * c.a1;
        const float * B = vb.data() + i2 * c.b0 * c.b1;
        for (int64_t i1 = 0; i1 < n1; ++i1) {
            for (int64_t i0 = 0; i0 < n0; ++i0) {
                double s = 0;
                if (c.op == "mul_mat") {  // out[i0, i1] = sum_k A[k, i0] B[k, i1]
                    for (int64_t k = 0; k < c.a0; ++k) s += (double) A[i0 * c.a0 + k] * B[i1 * c.b0 + k];
                } else {                  // out[i0, i1] = sum_k A[i0, k] B[i1, k]
                    for (int64_t k = 0; k < c.a1; ++k) s += (double) A[k * c.a0 + i0] * B[k * c.b0 + i1];
                }
                want[(size_t) ((i2 * n1 + i1) * n0 + i0)] = s;
            }
        }
    }
    if (packed) {
        auto forget = (void (*)(const ggml_tensor *)) ggml_backend_reg_get_proc_address(ggml_backend_reg_by_name("CPU"), "ggml_backend_cpu_amx_bf16_forget");
        forget(a);
    }
    ggml_backend_buffer_free(buf);
    ggml_free(ctx);
    return relative_error(got, want);
}

} // namespace

int run_kernel_check(int threads) {
    ggml_backend_t backend = make_cpu_backend(threads);
    if (!backend) return 4;
    const Case cases[] = {
        // short inner dimension (a LoRA rank) with row counts that leave partial 256-row panels
        {"mul_mat", GGML_TYPE_F32, 1, 300, 1, 7, 1, 1},
        {"mul_mat", GGML_TYPE_F32, 3, 513, 3, 33, 1, 1},
        {"mul_mat", GGML_TYPE_F32, 8, 2048, 8, 64, 1, 1},
        {"mul_mat", GGML_TYPE_F32, 12, 5, 12, 1, 1, 1},
        {"mul_mat", GGML_TYPE_F32, 40, 257, 40, 9, 1, 1},
        {"mul_mat", GGML_TYPE_F32, 8, 70, 8, 10, 2, 4},  // batched: not the short-K path, still correct
        // F32 out_prod: lora_b shape (narrow rows), lora_a shape (narrow columns), tails, broadcast over dim 2
        {"out_prod", GGML_TYPE_F32, 8, 64, 2048, 64, 1, 1},
        {"out_prod", GGML_TYPE_F32, 768, 64, 8, 64, 1, 1},
        {"out_prod", GGML_TYPE_F32, 5, 33, 70, 33, 1, 1},
        {"out_prod", GGML_TYPE_F32, 70, 33, 5, 33, 1, 1},
        {"out_prod", GGML_TYPE_F32, 65, 17, 9, 17, 2, 4},
        // quantized out_prod (the --low-memory backward on a quantized base)
        {"out_prod", GGML_TYPE_Q8_0, 64, 48, 33, 48, 1, 1},
        {"out_prod", GGML_TYPE_Q4_0, 96, 40, 7, 40, 1, 1},
        // BF16 products against a copy packed for AMX tiles (the backward's W^T dy): whole 32-row blocks, a partial
        // last block of src1 rows, fewer rows than one block, one row, several k slices of 16 chunks, broadcast
        {"mul_mat", GGML_TYPE_BF16, 96, 64, 96, 37, 1, 1, true},
        {"mul_mat", GGML_TYPE_BF16, 64, 96, 64, 64, 1, 1, true},
        {"mul_mat", GGML_TYPE_BF16, 32, 32, 32, 5, 1, 1, true},
        {"mul_mat", GGML_TYPE_BF16, 64, 128, 64, 1, 1, 1, true},
        {"mul_mat", GGML_TYPE_BF16, 1088, 64, 1088, 70, 1, 1, true},
        {"mul_mat", GGML_TYPE_BF16, 64, 32, 64, 33, 1, 3, true},
        // the same product unpacked (AVX512-BF16 or generic): the reference for what packing must not change
        {"mul_mat", GGML_TYPE_BF16, 96, 64, 96, 37, 1, 1},
    };
    std::mt19937 rng(3);
    printf("[");
    bool first = true;
    for (const Case & c : cases) {
        bool packed = false;
        const double err = run_case(c, backend, rng, packed);
        printf("%s\n{\"op\":\"%s\",\"type\":\"%s\",\"src0\":[%lld,%lld,%lld],\"src1\":[%lld,%lld,%lld],\"packed\":%s,\"relError\":%.3g}",
               first ? "" : ",", c.op.c_str(), ggml_type_name(c.type0), (long long) c.a0, (long long) c.a1,
               (long long) c.n2_0, (long long) c.b0, (long long) c.b1, (long long) c.n2_1, packed ? "true" : "false", err);
        first = false;
    }
    printf("\n]\n");
    ggml_backend_free(backend);
    return 0;
}
