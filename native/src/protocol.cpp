#include "protocol.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <mutex>

#ifdef _WIN32
#include <windows.h>
#include <psapi.h>
#else
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace {

std::mutex g_out_mutex;

std::string json_string(const std::string & s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += (char) c;
                }
        }
    }
    return out + "\"";
}

// The schema accepts only finite numbers: a non-finite value is clamped, never printed as NaN/Infinity.
std::string num(double v) {
    if (!std::isfinite(v)) v = v > 0 ? 1e308 : (v < 0 ? -1e308 : 0.0);
    char buf[40];
    snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

std::string nonneg(double v) { return num(v < 0 ? 0 : v); }

void emit(const std::string & line) {
    std::lock_guard<std::mutex> lock(g_out_mutex);
    fputs(line.c_str(), stdout);
    fputc('\n', stdout);
    fflush(stdout);
}

} // namespace

namespace protocol {

void step(int64_t step, int64_t total, double epoch, double loss, double lr, double tps, double eta, uint64_t mem) {
    emit("{\"type\":\"step\",\"step\":" + std::to_string(step) + ",\"totalSteps\":" + std::to_string(total) +
         ",\"epoch\":" + nonneg(epoch) + ",\"loss\":" + num(loss) + ",\"lr\":" + nonneg(lr) +
         ",\"tokensPerSecond\":" + nonneg(tps) + ",\"etaSeconds\":" + nonneg(eta) +
         ",\"memoryBytes\":" + std::to_string(mem) + "}");
}

void eval(int64_t step, double val_loss) {
    emit("{\"type\":\"eval\",\"step\":" + std::to_string(step) + ",\"valLoss\":" + num(val_loss) +
         ",\"valPerplexity\":" + num(std::exp(std::min(val_loss, 700.0))) + "}");
}

void checkpoint(int64_t step, const std::string & path, const char * reason) {
    emit("{\"type\":\"checkpoint\",\"step\":" + std::to_string(step) + ",\"path\":" + json_string(path) +
         ",\"reason\":\"" + reason + "\"}");
}

void done(const std::string & adapter, int64_t steps, int64_t tokens, const double * train_loss, const double * val_loss,
          int64_t dropped, double seconds, bool stopped_early) {
    emit("{\"type\":\"done\",\"adapterPath\":" + json_string(adapter) + ",\"steps\":" + std::to_string(steps) +
         ",\"tokensTrained\":" + std::to_string(tokens) +
         ",\"trainLoss\":" + (train_loss ? num(*train_loss) : "null") +
         ",\"valLoss\":" + (val_loss ? num(*val_loss) : "null") +
         ",\"droppedSamples\":" + std::to_string(dropped) + ",\"seconds\":" + nonneg(seconds) +
         ",\"stoppedEarly\":" + (stopped_early ? "true" : "false") + "}");
}

void error(const char * code, const std::string & message) {
    emit("{\"type\":\"error\",\"code\":" + json_string(code) + ",\"message\":" + json_string(message) + "}");
}

void estimate(uint64_t peak, double sps, int64_t steps, double total, double tps) {
    emit("{\"type\":\"estimate\",\"peakMemoryBytes\":" + std::to_string(peak) + ",\"secondsPerStep\":" + nonneg(sps) +
         ",\"steps\":" + std::to_string(steps) + ",\"totalSeconds\":" + nonneg(total) +
         ",\"tokensPerSecond\":" + nonneg(tps) + "}");
}

} // namespace protocol

void logf(const char * fmt, ...) {
    va_list args;
    va_start(args, fmt);
    fputs("fieldtune-train: ", stderr);
    vfprintf(stderr, fmt, args);
    fputc('\n', stderr);
    va_end(args);
}

uint64_t current_rss_bytes() {
#if defined(__linux__)
    FILE * f = fopen("/proc/self/statm", "r");
    if (f) {
        unsigned long size = 0, resident = 0;
        const int n = fscanf(f, "%lu %lu", &size, &resident);
        fclose(f);
        if (n == 2) return (uint64_t) resident * (uint64_t) sysconf(_SC_PAGESIZE);
    }
#endif
    return peak_rss_bytes();
}

uint64_t peak_rss_bytes() {
#ifdef _WIN32
    PROCESS_MEMORY_COUNTERS pmc;
    if (GetProcessMemoryInfo(GetCurrentProcess(), &pmc, sizeof pmc)) return pmc.PeakWorkingSetSize;
    return 0;
#else
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
#if defined(__APPLE__)
    return (uint64_t) ru.ru_maxrss;         // bytes on macOS
#else
    return (uint64_t) ru.ru_maxrss * 1024;  // KiB on Linux
#endif
#endif
}
