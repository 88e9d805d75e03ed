#include "stop.h"

#include <atomic>
#include <csignal>
#include <cerrno>
#include <thread>

#ifndef _WIN32
#include <unistd.h>
#endif

namespace {
std::atomic<int> g_stop{0};

extern "C" void on_signal(int) {
    int expected = 0;
    g_stop.compare_exchange_strong(expected, (int) StopReason::Signal);
}
} // namespace

void request_stop(StopReason r) {
    int expected = 0;
    g_stop.compare_exchange_strong(expected, (int) r);
}

StopReason stop_requested() { return (StopReason) g_stop.load(); }

const char * stop_reason_name(StopReason r) { return r == StopReason::ParentExit ? "parent-exit" : "signal"; }

void install_stop_handlers(bool watch_stdin) {
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
#ifndef _WIN32
    // When the parent dies, our stdout and stderr pipes close with it; the next progress line would raise SIGPIPE and
    // kill us before the parent-exit checkpoint is written (libuv resets SIGPIPE to its default in spawned children).
    // Ignored, a write to a closed pipe just fails, and the stop below saves the checkpoint.
    std::signal(SIGPIPE, SIG_IGN);
#endif
    if (!watch_stdin) return;
#ifndef _WIN32
    // A detached reader: read() returns 0 when the parent's end of the pipe closes (the parent died or let go).
    std::thread([] {
        char buf[256];
        for (;;) {
            const ssize_t n = read(0, buf, sizeof buf);
            if (n == 0 || (n < 0 && errno != EINTR)) {
                request_stop(StopReason::ParentExit);
                return;
            }
        }
    }).detach();
#endif
}
