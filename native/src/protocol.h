// The progress protocol: one JSON object per line on stdout, matching electron/contract/trainerEvents.ts.
// Nothing else is ever written to stdout; logs go to stderr.
#pragma once
#include <cstdint>
#include <string>

// Exit codes (all below 128 so a parent never mistakes them for a signal death).
enum ExitCode : int {
    EXIT_OK          = 0,
    EXIT_BAD_INPUT   = 2,   // invalid arguments or input files
    EXIT_IO          = 3,   // cannot write the adapter/checkpoint (e.g. disk full)
    EXIT_INTERNAL    = 4,   // a llama.cpp/ggml failure
    EXIT_INTERRUPTED = 75,  // stopped by SIGTERM/SIGINT or parent exit; a checkpoint was written
};

namespace protocol {

void step(int64_t step, int64_t total_steps, double epoch, double loss, double lr, double tokens_per_s,
          double eta_s, uint64_t memory_bytes);
void eval(int64_t step, double val_loss);
void checkpoint(int64_t step, const std::string & path, const char * reason);
void done(const std::string & adapter_path, int64_t steps, int64_t tokens_trained, const double * train_loss,
          const double * val_loss, int64_t dropped, double seconds, bool stopped_early);
void error(const char * code, const std::string & message);
void estimate(uint64_t peak_memory, double seconds_per_step, int64_t steps, double total_seconds, double tokens_per_s);

} // namespace protocol

// stderr logging with a prefix
void logf(const char * fmt, ...);

// A failure that ends the run with one error line.
struct TrainError {
    const char * code;
    std::string message;
    int exit_code;
};

uint64_t current_rss_bytes();
uint64_t peak_rss_bytes();
