// Graceful stop: SIGTERM/SIGINT or the parent going away (stdin reaches EOF) ask the loop to finish the current
// step, write a checkpoint and exit with EXIT_INTERRUPTED, so no orphaned trainer keeps the machine busy.
#pragma once

enum class StopReason { None = 0, Signal = 1, ParentExit = 2 };

void install_stop_handlers(bool watch_stdin);
StopReason stop_requested();
void request_stop(StopReason r);
const char * stop_reason_name(StopReason r);  // "signal" / "parent-exit" (the checkpoint event's reason)
