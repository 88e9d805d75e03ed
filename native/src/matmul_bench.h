#pragma once
#include <cstdint>

// GFLOP/s of ggml's F32 mul_mat for C[m, n] = A[m, k] * B[k, n] on the CPU backend.
double bench_matmul_gflops(int threads, int64_t m, int64_t n, int64_t k, int reps);
