import { describe, expect, it } from 'vitest';
import { permuteRowsToGguf, unpermuteRowsFromGguf } from './permute.js';

describe('Q/K row permutation', () => {
  it('matches a hand-worked example: two heads of 4 rows, rotary halves become adjacent pairs', () => {
    // HF rows per head: [x0, x1 | y0, y1] (first half, second half); rope NORM wants (x0, y0), (x1, y1) adjacent.
    const hf = Float32Array.from([10, 11, 12, 13, 20, 21, 22, 23]);
    const gguf = permuteRowsToGguf(hf, 8, 1, 2);
    expect([...gguf]).toEqual([10, 12, 11, 13, 20, 22, 21, 23]);
    expect([...unpermuteRowsFromGguf(gguf, 8, 1, 2)]).toEqual([...hf]);
  });

  it('moves whole rows (lora_B has r columns) and keeps each row intact', () => {
    // one head of 4 rows, 2 columns: row k is [k, 100 + k]
    const hf = Float32Array.from([0, 100, 1, 101, 2, 102, 3, 103]);
    expect([...permuteRowsToGguf(hf, 4, 2, 1)]).toEqual([0, 100, 2, 102, 1, 101, 3, 103]);
  });

  it("agrees with convert_hf_to_gguf's reshape(n_head, 2, d/2, cols).swapaxes(1, 2) on a grouped-query k_proj", () => {
    const nHead = 2; // the key/value heads
    const d = 6;
    const cols = 3;
    const rows = nHead * d;
    const hf = Float32Array.from({ length: rows * cols }, (_, i) => Math.sin(i) * 7);
    // reference written out with the numpy axes: out[h][j][s][c] = in[h][s][j][c]
    const ref = new Float32Array(rows * cols);
    for (let h = 0; h < nHead; h++)
      for (let s = 0; s < 2; s++)
        for (let j = 0; j < d / 2; j++)
          for (let c = 0; c < cols; c++) ref[((h * (d / 2) + j) * 2 + s) * cols + c] = hf[((h * 2 + s) * (d / 2) + j) * cols + c]!;
    expect([...permuteRowsToGguf(hf, rows, cols, nHead)]).toEqual([...ref]);
    expect([...unpermuteRowsFromGguf(ref, rows, cols, nHead)]).toEqual([...hf]);
  });

  it('refuses rows that do not split into heads of an even size', () => {
    expect(() => permuteRowsToGguf(new Float32Array(6), 6, 1, 2)).toThrow(/even size/);
  });
});
