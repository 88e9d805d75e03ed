import { describe, expect, it } from 'vitest';
import { exportLoraProgress, quantizeProgress } from './toolProgress.js';

describe('progress read from the native tools’ output', () => {
  it('counts llama-export-lora’s per-tensor lines against the base’s tensor count', () => {
    const p = exportLoraProgress(12);
    expect(p('merge_tensor : blk.0.ffn_up.weight [256, 256, 1, 1]')).toEqual({ current: 1, total: 12 });
    expect(p('merge_tensor :   + merging from adapter[0] type=f32')).toBeNull();
    expect(p('copy_tensor :  output.weight [256, 32064, 1, 1]')).toEqual({ current: 2, total: 12 });
  });

  it('reads llama-quantize’s [i/N] counter', () => {
    expect(quantizeProgress('[   3/  12] blk.0.attn_k.weight                  - [   256,    256,      1,      1], type =    f32')).toEqual({
      current: 3,
      total: 12,
    });
    expect(quantizeProgress('llama_model_loader: - kv  18: tokenizer.ggml.tokens arr[str,32064]')).toBeNull();
  });
});
