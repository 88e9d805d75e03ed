// `node --import ./test/unit/traceImports.mjs ...`: appends the URL of every module the process loads to the file
// named by FIELDTUNE_TRACE_FILE: ES modules through a resolve hook (it runs on the loader thread, hence the file),
// CommonJS ones (including those loaded with createRequire) from require's cache at exit.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env['FIELDTUNE_TRACE_FILE'];
if (!file) throw new Error('traceImports.mjs needs FIELDTUNE_TRACE_FILE');
const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.FIELDTUNE_TRACE_FILE, result.url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
process.on('exit', () => {
  const cjs = Object.keys(createRequire(import.meta.url).cache).map((p) => pathToFileURL(p).href);
  appendFileSync(file, cjs.map((u) => `${u}\n`).join(''));
});
