#include "trainer.h"

#include "adapter.h"
#include "checkpoint.h"
#include "prepare.h"
#include "protocol.h"
#include "schedule.h"
#include "stop.h"

#include "ggml-backend.h"
#include "gguf.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// The sample used by training window w: epoch-wise permutations from the seed, so a resumed run sees the same order.
class Order {
public:
    Order(size_t n, uint32_t seed, bool shuffle) : n_(n), seed_(seed), shuffle_(shuffle) {}
    size_t at(int64_t w) {
        const int64_t epoch = w / (int64_t) n_;
        if (epoch != epoch_) {
            perm_.resize(n_);
            std::iota(perm_.begin(), perm_.end(), 0);
            if (shuffle_) {
                std::mt19937 rng(seed_ * 2654435761u + (uint32_t) epoch);
                std::shuffle(perm_.begin(), perm_.end(), rng);
            }
            epoch_ = epoch;
        }
        return perm_[(size_t) (w % (int64_t) n_)];
    }
private:
    size_t n_;
    uint32_t seed_;
    bool shuffle_;
    int64_t epoch_ = -1;
    std::vector<size_t> perm_;
};

double evaluate(Session & s, const Dataset & val) {
    double nll = 0, lab = 0;
    std::vector<int32_t> tokens, labels;
    for (const auto & smp : val.samples) {
        make_window(smp, s.n_window, s.pad_token, tokens, labels);
        int32_t n_lab = 0;
        nll += run_window(s, tokens, labels, false, n_lab);
        lab += n_lab;
    }
    return lab > 0 ? nll / lab : 0.0;
}

void write_final(const Options & o, Prepared & p, const TrainState & st, double train_loss, bool has_train_loss) {
    write_adapter(o.out, p.arch, o.alpha, p.session->params, [&](GgufOut & g) {
        gguf_context * kv = g.kv();
        gguf_set_val_str(kv, "general.name", "fieldtune LoRA adapter");
        gguf_set_val_str(kv, "fieldtune.base.sha256", p.base_sha256.c_str());
        gguf_set_val_str(kv, "fieldtune.train.sha256", p.train.sha256.c_str());
        if (p.has_val) gguf_set_val_str(kv, "fieldtune.val.sha256", p.val.sha256.c_str());
        gguf_set_val_u32(kv, "fieldtune.rank", (uint32_t) o.rank);
        gguf_set_val_f32(kv, "fieldtune.alpha", o.alpha);
        std::string targets;
        for (const auto & t : p.targets) targets += (targets.empty() ? "" : ",") + t;
        gguf_set_val_str(kv, "fieldtune.targets", targets.c_str());
        gguf_set_val_f32(kv, "fieldtune.lr", o.lr);
        gguf_set_val_str(kv, "fieldtune.schedule", schedule_name(o.schedule));
        gguf_set_val_u32(kv, "fieldtune.warmup_steps", (uint32_t) o.warmup_steps);
        gguf_set_val_f32(kv, "fieldtune.weight_decay", o.weight_decay);
        gguf_set_val_u32(kv, "fieldtune.epochs", (uint32_t) o.epochs);
        gguf_set_val_u32(kv, "fieldtune.grad_accum", (uint32_t) o.grad_accum);
        gguf_set_val_u32(kv, "fieldtune.max_seq", (uint32_t) p.n_window);
        gguf_set_val_u32(kv, "fieldtune.seed", o.seed);
        gguf_set_val_i64(kv, "fieldtune.steps", st.step);
        gguf_set_val_i64(kv, "fieldtune.tokens_trained", st.tokens_trained);
        gguf_set_val_i64(kv, "fieldtune.target_tokens", p.n_targets);
        gguf_set_val_i64(kv, "fieldtune.samples", (int64_t) p.train.samples.size());
        gguf_set_val_i64(kv, "fieldtune.dropped_samples", p.train.dropped);
        gguf_set_val_i64(kv, "fieldtune.truncated_samples", p.train.truncated);
        if (has_train_loss) gguf_set_val_f64(kv, "fieldtune.final_train_loss", train_loss);
        if (std::isfinite(st.last_val)) gguf_set_val_f64(kv, "fieldtune.final_val_loss", st.last_val);
    });
}

} // namespace

int run_training(const Options & o) {
    auto p = prepare(o, false);
    Session & s = *p->session;
    const int64_t n_samples = (int64_t) p->train.samples.size();
    const int64_t total_steps = o.max_steps > 0 ? o.max_steps : (n_samples * o.epochs + o.grad_accum - 1) / o.grad_accum;
    Order order(p->train.samples.size(), o.seed, o.shuffle);
    std::vector<int32_t> tokens, labels;

    if (o.dry_run) {
        // calibration: one window to allocate the graph (untimed), then CALIBRATION_WINDOWS timed ones; the median
        // stands for a step, so one window slowed by a busy machine does not skew the whole estimate
        constexpr int CALIBRATION_WINDOWS = 4;
        std::vector<double> times;
        double real = 0;
        // the output head and the loss run on the labelled rows only (patch 0012), so a window's memory grows with its
        // targets and the compute buffers keep the largest size they were given: the untimed first window is the
        // sample with the most targets, so the peak measured here is the run's
        size_t widest = 0;
        for (size_t k = 1; k < p->train.samples.size(); ++k) {
            if (p->train.samples[k].n_targets() > p->train.samples[widest].n_targets()) widest = k;
        }
        for (int i = 0; i <= CALIBRATION_WINDOWS; ++i) {
            const Sample & smp = i == 0 ? p->train.samples[widest] : p->train.samples[order.at(i % n_samples)];
            make_window(smp, s.n_window, s.pad_token, tokens, labels);
            const auto t0 = Clock::now();
            int32_t n_lab = 0;
            run_window(s, tokens, labels, true, n_lab);
            if (i > 0) times.push_back(seconds_since(t0));
            real = (double) smp.tokens.size();
        }
        std::sort(times.begin(), times.end());
        const double t_window = (times[CALIBRATION_WINDOWS / 2 - 1] + times[CALIBRATION_WINDOWS / 2]) / 2;
        const double sps = t_window * o.grad_accum;
        protocol::estimate(peak_rss_bytes(), sps, total_steps, sps * (double) total_steps, real / std::max(t_window, 1e-9));
        return EXIT_OK;
    }

    std::unique_ptr<Resume> resume;
    TrainState st;
    if (!o.resume.empty()) {
        resume = load_checkpoint(o.resume, p->fingerprint);
        apply_checkpoint(s, *resume, !o.test_reset_moments);
        st = resume->state;
        logf("resuming at step %lld (window %lld)", (long long) st.step, (long long) st.window);
    }
    std::filesystem::create_directories(o.checkpoint_dir);
    const std::string ckpt_path = (std::filesystem::path(o.checkpoint_dir) / "checkpoint.gguf").string();

    const auto t_start = Clock::now();
    const int64_t start_step = st.step;
    int64_t last_eval_epoch = st.window / n_samples;
    bool stopped_early = false;
    bool evaluated_at_end = false;

    if (p->has_val && st.step == 0) {
        // the baseline, so a user sees where validation loss started
        st.last_val = evaluate(s, p->val);
        protocol::eval(0, st.last_val);
        st.best_val = st.last_val;
    }

    while (st.step < total_steps) {
        const StopReason why = stop_requested();
        if (why != StopReason::None) {
            st.seconds += seconds_since(t_start);
            save_checkpoint(ckpt_path, s, st, p->fingerprint);
            protocol::checkpoint(st.step, ckpt_path, stop_reason_name(why));
            logf("stopped (%s) at step %lld; resume with --resume %s", stop_reason_name(why), (long long) st.step, ckpt_path.c_str());
            return EXIT_INTERRUPTED;
        }
        s.opt.lr = lr_at(o, st.step, total_steps);
        const auto t_step = Clock::now();
        double nll = 0, lab = 0, real = 0;
        for (int32_t g = 0; g < o.grad_accum; ++g) {
            const Sample & smp = p->train.samples[order.at(st.window)];
            make_window(smp, s.n_window, s.pad_token, tokens, labels);
            int32_t n_lab = 0;
            const double w_nll = run_window(s, tokens, labels, true, n_lab);
            if (!std::isfinite(w_nll)) throw TrainError{"non-finite-loss", "the loss became NaN or infinite (learning rate too high?)", EXIT_INTERNAL};
            nll += w_nll;
            lab += n_lab;
            real += (double) smp.tokens.size();
            st.recent_nll.push_back(w_nll);
            st.recent_lab.push_back(n_lab);
            if ((int64_t) st.recent_nll.size() > n_samples) {
                st.recent_nll.erase(st.recent_nll.begin());
                st.recent_lab.erase(st.recent_lab.begin());
            }
            st.window++;
        }
        st.step++;
        st.tokens_trained += (int64_t) real;
        const double dt = seconds_since(t_step);
        const double per_step = seconds_since(t_start) / (double) (st.step - start_step);
        protocol::step(st.step, total_steps, (double) st.window / (double) n_samples, lab > 0 ? nll / lab : 0.0,
                       s.opt.lr, real / std::max(dt, 1e-9), per_step * (double) (total_steps - st.step), current_rss_bytes());
        // GGML_CPU_OP_PROFILE (patch 0014): the table covers the steps after the first (graph allocation, first
        // touches of every buffer), as the step medians do
        if (st.step == start_step + 1 && getenv("GGML_CPU_OP_PROFILE")) {
            ggml_backend_reg_t cpu = ggml_backend_reg_by_name("CPU");
            auto reset = cpu ? (void (*)()) ggml_backend_reg_get_proc_address(cpu, "ggml_backend_cpu_op_profile_reset") : nullptr;
            if (reset) reset();
        }

        const int64_t epoch_now = st.window / n_samples;
        const bool eval_due = p->has_val && (o.eval_every > 0 ? st.step % o.eval_every == 0 : epoch_now > last_eval_epoch);
        if (eval_due || (p->has_val && st.step == total_steps && !evaluated_at_end)) {
            last_eval_epoch = epoch_now;
            st.last_val = evaluate(s, p->val);
            protocol::eval(st.step, st.last_val);
            evaluated_at_end = st.step == total_steps;
            if (st.last_val < st.best_val) {
                st.best_val = st.last_val;
                st.evals_since_best = 0;
            } else if (o.early_stop > 0 && ++st.evals_since_best >= o.early_stop) {
                stopped_early = true;
                logf("early stop: validation loss has not improved for %d evaluations", o.early_stop);
                break;
            }
        }
        if (o.checkpoint_every > 0 && st.step % o.checkpoint_every == 0 && st.step < total_steps) {
            save_checkpoint(ckpt_path, s, st, p->fingerprint);
            protocol::checkpoint(st.step, ckpt_path, "interval");
        }
        if (o.test_stop_after > 0 && st.step == o.test_stop_after) request_stop(StopReason::Signal);
    }
    if (p->has_val && !evaluated_at_end && !stopped_early) {
        st.last_val = evaluate(s, p->val);
        protocol::eval(st.step, st.last_val);
    }
    st.seconds += seconds_since(t_start);

    const double rn = std::accumulate(st.recent_nll.begin(), st.recent_nll.end(), 0.0);
    const double rl = std::accumulate(st.recent_lab.begin(), st.recent_lab.end(), 0.0);
    const bool has_train_loss = rl > 0;
    const double train_loss = has_train_loss ? rn / rl : 0.0;
    write_final(o, *p, st, train_loss, has_train_loss);
    const double val_loss = st.last_val;
    protocol::done(o.out, st.step, st.tokens_trained, has_train_loss ? &train_loss : nullptr,
                   std::isfinite(val_loss) ? &val_loss : nullptr, p->train.dropped, st.seconds, stopped_early);
    return EXIT_OK;
}
