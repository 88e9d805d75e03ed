#include "schedule.h"

#include <algorithm>
#include <cmath>

float lr_at(const Options & o, int64_t step, int64_t total) {
    if (o.warmup_steps > 0 && step < o.warmup_steps) return o.lr * (float) (step + 1) / (float) o.warmup_steps;
    const double span = (double) std::max<int64_t>(1, total - o.warmup_steps);
    const double progress = std::min(1.0, (double) (step - o.warmup_steps) / span);
    double f = 1.0;
    if (o.schedule == Schedule::Linear) f = 1.0 - progress;
    if (o.schedule == Schedule::Cosine) f = 0.5 * (1.0 + std::cos(M_PI * progress));
    // ggml's optimizer step refuses a zero rate; the floor is far below any effect
    return (float) std::max(f * o.lr, 1e-12);
}

const char * schedule_name(Schedule s) {
    switch (s) {
        case Schedule::Constant: return "constant";
        case Schedule::Linear: return "linear";
        case Schedule::Cosine: return "cosine";
    }
    return "?";
}
