// Where each kind of graph node ran: a GPU backend that lacks an op (OUT_PROD for quantized weights, the *_BACK ops
// on Metal, ...) silently leaves it to the CPU, so a "GPU" figure means little without this. Logged once per run,
// for the first training step, as `op backends: MUL_MAT=CUDA0 OUT_PROD=CPU ...` (bench/train-bench.ts prints it).
#pragma once
#include <cstdint>
#include <string>

struct ggml_cgraph;

// "" when the graph holds no backward node (a forward-only evaluation).
std::string op_backends(ggml_cgraph * graph);

// Rows of the step's cross-entropy input (the logits that went through the output head), -1 if none; width = the
// vocabulary. Logged with the op backends (`loss rows: 37 of 256 window rows, 32000 wide`): patch 0012 sends only the
// labelled rows through the head.
int64_t loss_rows(ggml_cgraph * graph, int64_t * width);
