// The Q/K row permutation of llama-family conversions. Hugging Face's llama checkpoints keep each attention head's
// rotary pairs as two halves (x[0..d/2), x[d/2..d)); llama.cpp's rope for `llama` (ROPE_TYPE_NORM) rotates adjacent
// pairs (x[2j], x[2j+1]). convert_hf_to_gguf.py therefore reorders the output rows of q_proj (per head) and k_proj
// (per key/value head) so that, inside each head of size d, HF row (s * d/2 + j) lands at GGUF row (2j + s).
// A LoRA update B·A has the weight's output rows in B only, so only lora_B rows move; lora_A is untouched.

/** Which GGUF architectures were permuted by conversion (rope NORM on q/k). NEOX-rope families (qwen2, qwen3, phi3,
 * gemma2, gemma3) are stored in Hugging Face order and need nothing. */
export const PERMUTED_ARCHS: ReadonlySet<string> = new Set(['llama']);

/** GGUF row index of HF row `row`, for heads of `headDim` rows. */
function ggufRowOf(row: number, headDim: number): number {
  const half = headDim / 2;
  const head = Math.floor(row / headDim);
  const within = row % headDim;
  const s = Math.floor(within / half);
  const j = within % half;
  return head * headDim + 2 * j + s;
}

function checkShape(rows: number, nHeads: number): number {
  if (!Number.isInteger(nHeads) || nHeads < 1 || rows % nHeads !== 0 || (rows / nHeads) % 2 !== 0) {
    throw new Error(`cannot reorder ${rows} rows into ${nHeads} heads of an even size`);
  }
  return rows / nHeads;
}

/**
 * HF -> GGUF order (what conversion does). `data` is row-major with `rows` rows of `cols` values (lora_B: [out, r]).
 * Returns a new array.
 */
export function permuteRowsToGguf(data: Float32Array, rows: number, cols: number, nHeads: number): Float32Array {
  const headDim = checkShape(rows, nHeads);
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) out.set(data.subarray(r * cols, (r + 1) * cols), ggufRowOf(r, headDim) * cols);
  return out;
}

/** GGUF -> HF order: undoes permuteRowsToGguf. */
export function unpermuteRowsFromGguf(data: Float32Array, rows: number, cols: number, nHeads: number): Float32Array {
  const headDim = checkShape(rows, nHeads);
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) out.set(data.subarray(ggufRowOf(r, headDim) * cols, (ggufRowOf(r, headDim) + 1) * cols), r * cols);
  return out;
}
