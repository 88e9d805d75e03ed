import { describe, expect, it } from 'vitest';
import { cpuVariantsInMaps } from './cpuVariant.js';

const line = (path: string) => `7f3a1c000000-7f3a1c200000 r-xp 00000000 08:01 1234  ${path}`;

describe('cpuVariantsInMaps', () => {
  it('names the CPU variant the prebuilt loaded, once, and ignores ggml-base and other libraries', () => {
    const maps = [
      line('/app/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/libggml-base.so'),
      line('/app/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/libggml-cpu-sapphirerapids.so'),
      line('/app/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/libggml-cpu-sapphirerapids.so'),
      line('/app/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/libllama.v0.4.0.so'),
      line('/usr/lib/x86_64-linux-gnu/libc.so.6'),
    ].join('\n');
    expect(cpuVariantsInMaps(maps)).toEqual(['sapphirerapids']);
  });

  it('reports a generic x64 fallback and a single-variant (native) build by their own names', () => {
    expect(cpuVariantsInMaps(line('/b/libggml-cpu-x64.so'))).toEqual(['x64']);
    expect(cpuVariantsInMaps(line('/b/libggml-cpu.so'))).toEqual(['cpu']);
  });

  it('finds nothing when no ggml CPU library is mapped', () => {
    expect(cpuVariantsInMaps([line('/usr/lib/libc.so.6'), line('[heap]')].join('\n'))).toEqual([]);
  });
});
