// Learning-rate schedule: linear warmup, then constant, linear decay or cosine decay to zero.
#pragma once
#include "options.h"

#include <cstdint>

float lr_at(const Options & o, int64_t step, int64_t total_steps);
const char * schedule_name(Schedule s);
