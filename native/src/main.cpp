// fieldtune-train: LoRA fine-tuning of a GGUF model on CPU (or a GPU backend when built for one).
// stdout carries only the JSON-lines progress protocol (protocol.h); everything else goes to stderr.
#include "options.h"
#include "prepare.h"
#include "protocol.h"
#include "stop.h"
#include "trainer.h"
#include "kernel_check.h"
#include "matmul_bench.h"

#include "ggml.h"
#include "ggml-backend.h"
#include "llama.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#ifndef _WIN32
#include <unistd.h>
#endif

namespace {

bool g_verbose = false;

// A GGML_ASSERT would otherwise abort() with a trace as the only message: report it as one error line instead.
void on_ggml_abort(const char * message) {
    protocol::error("internal", std::string("llama.cpp internal error: ") + (message ? message : "abort"));
    fflush(stdout);
    fflush(stderr);
    _exit(EXIT_INTERNAL);
}

void on_llama_log(ggml_log_level level, const char * text, void *) {
    if (g_verbose || level == GGML_LOG_LEVEL_ERROR || level == GGML_LOG_LEVEL_WARN) fputs(text, stderr);
}

} // namespace

int main(int argc, char ** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") {
            fputs(usage_text(), stderr);
            return EXIT_OK;
        }
    }
    if (argc >= 2 && std::string(argv[1]) == "--bench-matmul") {
        // hidden bench mode: fieldtune-train --bench-matmul THREADS M N K REPS [TYPE] -> GFLOP/s on stdout
        if (argc < 7) return EXIT_BAD_INPUT;
        ggml_type type = GGML_TYPE_F32;
        if (argc >= 8) {
            for (int t = 0; t < GGML_TYPE_COUNT; ++t) {
                const char * name = ggml_type_name((ggml_type) t);
                if (name && std::string(name) == argv[7]) type = (ggml_type) t;
            }
        }
        ggml_backend_load_all();
        printf("%.3f\n", bench_matmul_gflops(atoi(argv[2]), atoll(argv[3]), atoll(argv[4]), atoll(argv[5]), atoi(argv[6]), type));
        return EXIT_OK;
    }
    if (argc >= 3 && std::string(argv[1]) == "--test-kernels") {
        ggml_backend_load_all();
        return run_kernel_check(atoi(argv[2]));
    }
    Options o;
    std::string err;
    if (!parse_options(argc, argv, o, err)) {
        protocol::error("invalid-argument", err);
        fputs(usage_text(), stderr);
        return EXIT_BAD_INPUT;
    }
    g_verbose = getenv("FIELDTUNE_TRAIN_VERBOSE") != nullptr;
    ggml_set_abort_callback(on_ggml_abort);
    llama_log_set(on_llama_log, nullptr);
    ggml_backend_load_all();  // release builds pick their CPU variant / GPU backend here; no-op when static
    llama_backend_init();
    install_stop_handlers(o.watch_stdin && o.grad_check == 0 && !o.dry_run);

    int code = EXIT_OK;
    try {
        if (o.check_base) check_base(o);
        else code = o.grad_check > 0 ? run_grad_check(o) : run_training(o);
    } catch (const TrainError & e) {
        protocol::error(e.code, e.message);
        code = e.exit_code;
    } catch (const std::bad_alloc &) {
        protocol::error("out-of-memory", "not enough memory for this model and sequence length");
        code = EXIT_INTERNAL;
    } catch (const std::exception & e) {
        protocol::error("internal", e.what());
        code = EXIT_INTERNAL;
    }
    // GGML_CPU_OP_PROFILE=1 (patch 0014): the per-op time table, which ggml prints from atexit, which _exit skips
    if (getenv("GGML_CPU_OP_PROFILE")) {
        ggml_backend_reg_t cpu = ggml_backend_reg_by_name("CPU");
        auto print = cpu ? (void (*)()) ggml_backend_reg_get_proc_address(cpu, "ggml_backend_cpu_op_profile_print") : nullptr;
        if (print) print();
    }
    llama_backend_free();
    fflush(stdout);
    // detached stdin watcher may still block in read(): leave without running static destructors under it
    _exit(code);
}
