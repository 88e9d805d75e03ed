// node-llama-cpp's prebuilt CPU binary ships one ggml CPU library per instruction-set level (x64, haswell, skylakex,
// sapphirerapids, zen4, ...) and ggml loads the best one the machine supports. Generation speed depends on which one
// was picked (a generic x64 build decodes several times slower than an AVX-512 one), and nothing in node-llama-cpp's
// API reports it, so the speed bench reads it from the libraries the process has mapped (/proc/self/maps on Linux).

/** The ggml CPU libraries named in a /proc/<pid>/maps text, e.g. ["sapphirerapids"]; "cpu" for a single-variant build. */
export function cpuVariantsInMaps(maps: string): string[] {
  const found = new Set<string>();
  for (const m of maps.matchAll(/\/libggml-cpu(?:-([\w]+))?(?:\.[\w.]*)?\.so\b/g)) found.add(m[1] ?? 'cpu');
  return [...found];
}
