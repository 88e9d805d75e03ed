#pragma once
#include "options.h"

// The training run (or --dry-run). Returns the exit code; throws TrainError for a failure with one error line.
int run_training(const Options & o);
// Finite-difference gradient check (test mode): writes JSON to o.grad_check_out.
int run_grad_check(const Options & o);
