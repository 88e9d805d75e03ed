#pragma once
#include "ggml.h"

#include <cstdint>

// GFLOP/s of ggml's mul_mat for C[m, n] = A[m, k] * B[k, n] on the CPU backend, A of the given type, B F32.
double bench_matmul_gflops(int threads, int64_t m, int64_t n, int64_t k, int reps, ggml_type type = GGML_TYPE_F32);
