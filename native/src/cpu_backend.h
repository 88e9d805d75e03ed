// The CPU backend with a thread count, for the test and bench modes that run ggml graphs outside a llama context.
#pragma once

struct ggml_backend;

// Through the registry, not ggml-cpu's own API: release builds load the CPU backend as a module at run time.
// Null when no CPU backend is available.
ggml_backend * make_cpu_backend(int threads);
