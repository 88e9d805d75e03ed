#!/bin/sh
# Developer helper: rewrites native/patches/*.patch from the edited native/llama.cpp tree, keeping each header.
set -e
cd "$(dirname "$0")/llama.cpp"
git add -N include/llama-fieldtune.h 2>/dev/null || true
regen() { # patch-file files...
  p="../patches/$1"; shift
  sed -n '1,/^diff --git/p' "$p" | sed '$d' > "$p.new"
  git diff -- "$@" >> "$p.new"
  mv "$p.new" "$p"
}
regen 0001-ggml-opt-optimizer-state.patch ggml/include/ggml-opt.h ggml/src/ggml-opt.cpp
regen 0002-llama-masked-train-step.patch include/llama-fieldtune.h src/llama-context.h src/llama-context.cpp src/llama-cparams.h
regen 0004-ggml-cpu-out-prod-fast-paths.patch ggml/src/ggml-cpu/ops.cpp
regen 0006-ggml-cpu-mul-mat-short-k.patch ggml/src/ggml-cpu/ggml-cpu.c
regen 0005-ggml-backward-mul-mat-frozen-f32.patch ggml/include/ggml.h ggml/src/ggml.c
regen 0003-llama-graph-train-attention-current-kv.patch src/llama-graph.cpp
# record the patch set as applied so build.mjs does not reset this tree
FT_BUILD_MJS="$(cd .. && pwd)/build.mjs" node -e "import(process.env.FT_BUILD_MJS).then((m) => m.markSourcePatched())"
