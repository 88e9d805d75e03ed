// Test mode (--test-kernels THREADS): runs the patched CPU kernels (tiled F32 OUT_PROD, short-K MUL_MAT, quantized
// OUT_PROD) on awkward shapes and prints, as one JSON array on stdout, each case's largest error against a
// double-precision reference computed here. test/native/kernels.test.ts holds the thresholds.
#pragma once

int run_kernel_check(int threads);
