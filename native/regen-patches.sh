#!/bin/sh
# Developer helper: rewrites native/patches/*.patch from the edited native/llama.cpp tree, keeping each header.
# Several patches touch the same file (ggml.c: 0005, 0007, 0012; ggml-cpu.c: 0006, 0013, 0014; llama-graph.cpp: 0003,
# 0009 and 0010; ...), so a patch is
# not simply `git diff FILE`: it is the difference between the bundle commit with the patches before it applied and
# the edited tree with the patches after it taken back out (both built in throw-away indexes, the checkout untouched).
# Edit one patch's hunks at a time: an edit inside another patch's hunk of a shared file lands in the wrong patch.
set -e
cd "$(dirname "$0")/llama.cpp"
git add -N include/llama-fieldtune.h 2>/dev/null || true
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
patches=$(ls ../patches/*.patch | sort)

# tree id: HEAD plus every patch that sorts before $1
before() {
  GIT_INDEX_FILE="$tmp/a" git read-tree HEAD
  for q in $patches; do
    [ "$(basename "$q")" \< "$1" ] || break
    GIT_INDEX_FILE="$tmp/a" git apply --cached --whitespace=nowarn "$q"
  done
  GIT_INDEX_FILE="$tmp/a" git write-tree
}

# tree id: the working tree minus every patch that sorts after $1, taken out last-first
upto() {
  p="$1"
  GIT_INDEX_FILE="$tmp/b" git read-tree HEAD
  GIT_INDEX_FILE="$tmp/b" git add -A -- .
  for q in $(echo "$patches" | sort -r); do
    [ "$(basename "$q")" \> "$p" ] || break
    GIT_INDEX_FILE="$tmp/b" git apply --cached -R --whitespace=nowarn "$q"
  done
  GIT_INDEX_FILE="$tmp/b" git write-tree
}

regen() { # patch-file files...
  name="$1"; shift
  p="../patches/$name"
  sed -n '1,/^diff --git/p' "$p" | sed '$d' > "$tmp/new"
  git diff "$(before "$name")" "$(upto "$name" "$@")" -- "$@" >> "$tmp/new"
  mv "$tmp/new" "$p"
}

# last first: a patch's "after" side takes the later patches out as they are on disk, so those must be current
regen 0015-llama-graph-lora-scale-rank-side.patch src/llama-graph.cpp
regen 0014-ggml-cpu-training-step-waits.patch ggml/src/ggml-cpu/ggml-cpu.c ggml/src/ggml-cpu/ggml-cpu.cpp
regen 0013-ggml-cpu-amx-bf16-packed.patch ggml/src/ggml-cpu/ggml-cpu.c ggml/src/ggml-cpu/ggml-cpu.cpp ggml/src/ggml-cpu/llamafile/sgemm.cpp ggml/src/ggml-cpu/llamafile/sgemm.h
regen 0012-train-labelled-rows-integer-labels.patch ggml/include/ggml-opt.h ggml/src/ggml-opt.cpp ggml/src/ggml.c ggml/src/ggml-cpu/ops.cpp ggml/src/ggml-cuda/ggml-cuda.cu src/llama-context.h src/llama-context.cpp
regen 0011-ggml-vulkan-pre-1.3.272-headers.patch ggml/src/ggml-vulkan/ggml-vulkan.cpp
regen 0010-llama-graph-iswa-train-attention-current-kv.patch src/llama-graph.cpp
regen 0009-llama-graph-fused-swiglu-split.patch src/llama-graph.cpp
regen 0008-ggml-cpu-gelu-f32.patch ggml/src/ggml-cpu/vec.h
regen 0007-ggml-backward-tanh-geglu-view.patch ggml/src/ggml.c
regen 0006-ggml-cpu-mul-mat-short-k.patch ggml/src/ggml-cpu/ggml-cpu.c
regen 0005-ggml-backward-mul-mat-frozen-f32.patch ggml/include/ggml.h ggml/src/ggml.c
regen 0004-ggml-cpu-out-prod-fast-paths.patch ggml/src/ggml-cpu/ops.cpp
regen 0003-llama-graph-train-attention-current-kv.patch src/llama-graph.cpp
regen 0002-llama-masked-train-step.patch include/llama-fieldtune.h src/llama-context.h src/llama-context.cpp src/llama-cparams.h
regen 0001-ggml-opt-optimizer-state.patch ggml/include/ggml-opt.h ggml/src/ggml-opt.cpp
# record the patch set as applied so build.mjs does not reset this tree
FT_BUILD_MJS="$(cd .. && pwd)/build.mjs" node -e "import(process.env.FT_BUILD_MJS).then((m) => m.markSourcePatched())"
