// Progress of llama.cpp's export-lora and quantize, read from their output (they have no progress API).

/** How far a tool is, read from one line of its output: llama-export-lora prints `merge_tensor : NAME [` or
 * `copy_tensor :  NAME [` once per tensor; llama-quantize prints `[  i/  N] NAME`. */
export type ToolProgress = (line: string) => { current: number; total: number | null } | null;

export function exportLoraProgress(totalTensors: number): ToolProgress {
  let done = 0;
  return (line) => (/^(merge_tensor|copy_tensor) :\s+\S+ \[/.test(line) ? { current: ++done, total: totalTensors } : null);
}

export const quantizeProgress: ToolProgress = (line) => {
  const m = /^\[\s*(\d+)\/\s*(\d+)\]/.exec(line);
  return m ? { current: Number(m[1]), total: Number(m[2]) } : null;
};
