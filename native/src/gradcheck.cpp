// Test mode: compares the trainer's analytic adapter gradients with central finite differences of the same loss.
// The analytic gradient comes from one SGD step with learning rate 1 and no weight decay (new = old - grad), so it
// is exactly what training applies; the check covers every target tensor (attn_k and attn_v included, which get
// no gradient at all when attention reads the KV cache instead of the current K/V).
#include "adapter.h"
#include "prepare.h"
#include "protocol.h"
#include "trainer.h"

#include "ggml.h"
#include "ggml-backend.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

int run_grad_check(const Options & o) {
    auto p = prepare(o, true);
    Session & s = *p->session;
    std::vector<int32_t> tokens, labels;
    make_window(p->train.samples.front(), s.n_window, s.pad_token, tokens, labels);

    auto loss = [&](bool train) {
        int32_t n_lab = 0;
        return run_window(s, tokens, labels, train, n_lab) / s.n_window;  // ggml's loss: mean over all rows
    };

    const std::vector<HostTensor> before = read_params(s.params);
    s.opt.lr = 1.0f;
    s.opt.wd = 0.0f;
    loss(true);
    const std::vector<HostTensor> after = read_params(s.params);
    write_params(s.params, before);

    const double h = 1e-2;
    FILE * f = fopen(o.grad_check_out.c_str(), "w");
    if (!f) throw TrainError{"write-failed", "cannot write " + o.grad_check_out, EXIT_IO};
    fprintf(f, "[");
    bool first = true;
    for (size_t t = 0; t < s.params.size(); ++t) {
        const size_t n = before[t].data.size();
        std::vector<size_t> idx(n);
        std::iota(idx.begin(), idx.end(), 0);
        auto grad = [&](size_t i) { return (double) before[t].data[i] - (double) after[t].data[i]; };
        const size_t k = std::min<size_t>((size_t) o.grad_check, n);
        std::partial_sort(idx.begin(), idx.begin() + k, idx.end(),
                          [&](size_t a, size_t b) { return std::fabs(grad(a)) > std::fabs(grad(b)); });
        for (size_t j = 0; j < k; ++j) {
            const size_t i = idx[j];
            float v = before[t].data[i];
            float vp = (float) (v + h), vm = (float) (v - h);
            ggml_backend_tensor_set(s.params[t], &vp, i * sizeof(float), sizeof(float));
            const double lp = loss(false);
            ggml_backend_tensor_set(s.params[t], &vm, i * sizeof(float), sizeof(float));
            const double lm = loss(false);
            ggml_backend_tensor_set(s.params[t], &v, i * sizeof(float), sizeof(float));
            const double numeric = (lp - lm) / ((double) vp - (double) vm);
            fprintf(f, "%s\n{\"tensor\":\"%s\",\"index\":%zu,\"analytic\":%.9g,\"numeric\":%.9g}", first ? "" : ",",
                    before[t].name.c_str(), i, grad(i), numeric);
            first = false;
        }
    }
    fprintf(f, "\n]\n");
    if (fclose(f) != 0) throw TrainError{"write-failed", "cannot write " + o.grad_check_out, EXIT_IO};
    return EXIT_OK;
}
