#!/usr/bin/env bash
# One-shot check of a GPU build of the trainer, for a machine that has the GPU (run it whenever one is available):
# builds the CPU tools (the reference) and the GPU ones side by side, then bench/gpu-check.ts runs the gradient check
# (against finite differences and against the CPU build), a short training run with the op backends log (which ops
# ran on the device, which fell back to the CPU), a stop-and-resume check and the bench's step speed against the CPU
# build, and prints one summary. Exit code 0 only when every check passed.
#
# Usage: native/gpu-check.sh cuda|vulkan|metal|cpu [--lavapipe] [--small]
#   cpu         checks the CPU build alone (what a machine without a GPU can run of this script)
#   --lavapipe  Vulkan on Mesa's software driver (Debian: mesa-vulkan-drivers): proves the Vulkan build works
#               without a GPU; its speed is not a GPU's
#   --small     the bench on a 4-layer, 256-wide model instead of the 12-layer bench model (for slow devices)
# Needs node and the repository's node_modules (the demo models and training files are written by the app's code).
# Environment: FIELDTUNE_GPU_CHECK_SECONDS (default 600: the whole run, builds included, must fit in 10 minutes),
# FIELDTUNE_BUILD_JOBS (default: every core).
set -euo pipefail

backend="${1:-}"
shift || true
lavapipe=0
small=0
for arg in "$@"; do
  case "$arg" in
    --lavapipe) lavapipe=1 ;;
    --small) small=1 ;;
    *) echo "gpu-check: unknown option $arg" >&2; exit 2 ;;
  esac
done
case "$backend" in
  cuda|vulkan|metal|cpu) ;;
  *) echo "usage: native/gpu-check.sh cuda|vulkan|metal|cpu [--lavapipe] [--small]" >&2; exit 2 ;;
esac
if [ "$lavapipe" = 1 ] && [ "$backend" != vulkan ]; then
  echo "gpu-check: --lavapipe is a Vulkan driver: use it with vulkan" >&2
  exit 2
fi

cd "$(dirname "$0")/.."
# the CUDA toolkit installs nvcc outside PATH by default
if [ "$backend" = cuda ] && ! command -v nvcc >/dev/null 2>&1 && [ -x /usr/local/cuda/bin/nvcc ]; then
  export PATH="/usr/local/cuda/bin:$PATH"
fi
start=$SECONDS
budget="${FIELDTUNE_GPU_CHECK_SECONDS:-600}"
jobs="${FIELDTUNE_BUILD_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}"
log_dir="${TMPDIR:-/tmp}/fieldtune-gpu-check-$backend"
mkdir -p "$log_dir"

# the CPU build is the reference the GPU build's gradients and speed are compared with; both are cached by build.mjs
echo "[gpu-check] building the CPU tools (native/build/bin)"
FIELDTUNE_BUILD_JOBS="$jobs" node native/build.mjs
bin=native/build/bin
if [ "$backend" != cpu ]; then
  bin="native/build/bin-$backend"
  echo "[gpu-check] building the $backend tools ($bin; a first Vulkan or CUDA build compiles hundreds of kernels)"
  build_start=$SECONDS
  if ! FIELDTUNE_GPU="$backend" FIELDTUNE_BUILD_BIN="$bin" FIELDTUNE_BUILD_JOBS="$jobs" node native/build.mjs; then
    echo "== gpu-check $backend =="
    echo "FAIL  build  see the message above (and native/build/$backend-native/build.log)"
    echo "RESULT: FAILED (build)"
    exit 1
  fi
  echo "[gpu-check] $backend build ready after $((SECONDS - build_start)) s"
fi

if [ "$lavapipe" = 1 ]; then
  icd=""
  for f in /usr/share/vulkan/icd.d/lvp_icd.*.json; do [ -f "$f" ] && icd="$f" && break; done
  if [ -z "$icd" ]; then
    echo "gpu-check: lavapipe's ICD file (/usr/share/vulkan/icd.d/lvp_icd.*.json) not found: install mesa-vulkan-drivers" >&2
    exit 2
  fi
  # only lavapipe, and ggml-vulkan skips CPU-type devices unless a device is named explicitly
  export VK_ICD_FILENAMES="$icd" GGML_VK_VISIBLE_DEVICES=0
fi

# the device, as its driver's own tool names it (for the summary; the trainer silences llama.cpp's device log)
device=""
case "$backend" in
  vulkan) device=$(vulkaninfo --summary 2>/dev/null | sed -n 's/^[[:space:]]*deviceName[[:space:]]*= //p' | head -n 1 || true) ;;
  cuda) device=$(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null | head -n 1 || true) ;;
  metal) device=$(system_profiler SPDisplaysDataType 2>/dev/null | sed -n 's/^[[:space:]]*Chipset Model: //p' | head -n 1 || true) ;;
  cpu) device=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1 || true) ;;
esac

left=$((budget - (SECONDS - start)))
if [ "$left" -lt 60 ]; then
  echo "gpu-check: the builds used $((SECONDS - start)) s of the ${budget} s budget; run again (they are cached now)" >&2
  exit 1
fi
shape=bench
[ "$small" = 1 ] && shape=small
label="$backend"
[ "$lavapipe" = 1 ] && label="vulkan-lavapipe"
echo "[gpu-check] checks (${left} s left of the budget; trainer logs in $log_dir)"
# Vulkan's matrix products stage F32 inputs as fp16 where the device has fp16 arithmetic (lavapipe does): fine for
# training, but finite differences of such a loss are noise, so the finite-difference check runs with F32 products
exact=()
[ "$backend" = vulkan ] && exact=(--exact-env GGML_VK_DISABLE_F16=1)
rc=0
timeout --signal=TERM "$left" npx tsx bench/gpu-check.ts --bin "$bin" --cpu-bin native/build/bin --label "$label" \
  --bench-shape "$shape" --dir "$log_dir" --threads "$(( jobs < 8 ? jobs : 8 ))" --device "${device:-unknown}" "${exact[@]}" || rc=$?
if [ "$rc" = 124 ]; then
  echo "RESULT: FAILED (the checks ran past the ${budget} s budget)"
fi
echo "[gpu-check] total $((SECONDS - start)) s"
exit "$rc"
