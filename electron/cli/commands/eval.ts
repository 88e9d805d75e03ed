// `fieldtune eval`: perplexity on the answer tokens of a chat JSONL file, for the base model and (with --adapter)
// the base with the adapter applied, through node-llama-cpp.
import { FieldtuneError } from '../../contract/errors.js';
import { evaluatePerplexity } from '../../core/train/evaluate.js';
import { readSamplesJsonl } from '../../core/train/samples.js';
import type { CliCommand } from '../command.js';

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Perplexity of a model (and a LoRA adapter) on the answers of a chat JSONL file',
  usage: [
    'Usage: fieldtune eval --base MODEL.gguf [--adapter ADAPTER.gguf] --data FILE.jsonl [--threads N] [--json]',
    '',
    'Prints {"base":{"perplexity":N},"tuned":{"perplexity":N}}: lower is better; only answer tokens count.',
    '',
    '  --base FILE      base model (GGUF)',
    '  --adapter FILE   LoRA adapter to compare against the base',
    '  --data FILE      chat samples (JSONL) or prompt/completion pairs',
    '  --threads N      CPU threads (default 2)',
  ].join('\n'),
  options: {
    base: { type: 'string' },
    adapter: { type: 'string' },
    data: { type: 'string' },
    threads: { type: 'string' },
  },
  async run(args, out) {
    const v = args.values;
    if (typeof v['base'] !== 'string') throw new FieldtuneError('BAD_REQUEST', 'Missing --base', [{ path: 'base', message: 'required' }]);
    if (typeof v['data'] !== 'string') throw new FieldtuneError('BAD_REQUEST', 'Missing --data', [{ path: 'data', message: 'required' }]);
    const threads = typeof v['threads'] === 'string' ? Number(v['threads']) : 2;
    if (!Number.isInteger(threads) || threads < 1) throw new FieldtuneError('BAD_REQUEST', '--threads must be a positive integer');
    const samples = await readSamplesJsonl(v['data']);
    const r = await evaluatePerplexity({
      base: v['base'],
      samples,
      threads,
      ...(typeof v['adapter'] === 'string' ? { adapter: v['adapter'] } : {}),
    });
    const value = { base: { perplexity: r.base.perplexity }, ...(r.tuned ? { tuned: { perplexity: r.tuned.perplexity } } : {}) };
    const human = [
      `base perplexity on ${r.base.tokens} answer tokens: ${r.base.perplexity.toPrecision(6)}`,
      ...(r.tuned ? [`with adapter: ${r.tuned.perplexity.toPrecision(6)} (${(r.base.perplexity / r.tuned.perplexity).toFixed(1)}x lower)`] : []),
    ].join('\n');
    out.result(value, human);
    return 0;
  },
};
