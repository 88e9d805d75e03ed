#include "cpu_backend.h"

#include "ggml-backend.h"

ggml_backend * make_cpu_backend(int threads) {
    ggml_backend_t backend = ggml_backend_init_by_type(GGML_BACKEND_DEVICE_TYPE_CPU, nullptr);
    if (!backend) return nullptr;
    auto set_threads = (ggml_backend_set_n_threads_t) ggml_backend_reg_get_proc_address(
        ggml_backend_dev_backend_reg(ggml_backend_get_device(backend)), "ggml_backend_set_n_threads");
    if (set_threads) set_threads(backend, threads);
    return backend;
}
