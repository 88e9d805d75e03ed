// A growing list of integers in an Int32Array: the per-text walks (anchoredScan.ts, alnumRuns.ts, placeWalks.ts) keep
// their runs in these rather than in JS arrays, one slot per entry and no boxing, off the JS heap once large.

/** Appends into an Int32Array that doubles when full; `array()` is a view of what was pushed. */
export class IntList {
  private a: Int32Array;
  length = 0;
  constructor(capacity = 256) {
    this.a = new Int32Array(Math.max(1, capacity));
  }
  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
  array(): Int32Array {
    return this.a.subarray(0, this.length);
  }
}
