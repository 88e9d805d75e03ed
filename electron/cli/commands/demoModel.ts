// `fieldtune demo-model`: writes a random-weight llama GGUF with a real tokenizer and chat template (see core/demoModel).
import { FieldtuneError } from '../../contract/errors.js';
import { DEFAULT_VOCAB, DEMO_ARCHS, listVocabs, writeDemoModel, type DemoModelOptions } from '../../core/demoModel/index.js';
import type { CliCommand } from '../command.js';

const SHAPE_FLAGS = ['layers', 'embd', 'heads', 'heads-kv', 'ff', 'ctx', 'seed'] as const;

/** parseArgs hands numbers over as strings; accept only plain decimal integers so "4x" or "1e3" is an error, not 4. */
function parseIntFlag(name: string, raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) {
    throw new FieldtuneError('BAD_REQUEST', `--${name} must be a non-negative integer (got ${String(raw)})`, [
      { path: name, message: 'expected a non-negative integer' },
    ]);
  }
  return Number(raw);
}

export const demoModelCommand: CliCommand = {
  name: 'demo-model',
  summary: 'Write a small random-weight demo model (GGUF) with a real tokenizer and chat template',
  usage: [
    'Usage: fieldtune demo-model --out FILE.gguf [--arch A] [--vocab NAME] [--layers N] [--embd N] [--heads N] [--heads-kv N]',
    '                            [--ff N] [--ctx N] [--seed N] [--json]',
    '       fieldtune demo-model --list-vocabs',
    '',
    'Writes a model with RANDOM weights (it answers gibberish) for trying the app and for tests.',
    'The same options and seed always give a byte-identical file.',
    '',
    '  --out FILE       where to write the .gguf (required)',
    `  --arch A         ${DEMO_ARCHS.join('|')} (default llama): that family's tensors, keys, vocabulary and template`,
    `  --vocab NAME     tokenizer from llama.cpp's ggml-vocab files (default: the architecture's; ${DEFAULT_VOCAB} for llama)`,
    '  --list-vocabs    print the available vocabulary names',
    '  --layers N       transformer blocks (default 4)',
    '  --embd N         hidden width (default 256)',
    '  --heads N        attention heads; must divide embd (default embd / 64)',
    '  --heads-kv N     key/value heads; must divide heads (default = heads)',
    '  --ff N           feed-forward width (default 512)',
    '  --ctx N          context length written into the model (default 512)',
    '  --seed N         random seed, 0..4294967295 (default 42)',
    '',
    'Trainer benchmark shape: --layers 12 --embd 768 --ff 2048 (32k vocabulary, ~540 MB).',
  ].join('\n'),
  options: {
    out: { type: 'string' },
    arch: { type: 'string' },
    vocab: { type: 'string' },
    'list-vocabs': { type: 'boolean' },
    ...Object.fromEntries(SHAPE_FLAGS.map((f) => [f, { type: 'string' as const }])),
  },
  async run(args, out) {
    const v = args.values;
    if (v['list-vocabs']) {
      const names = listVocabs();
      out.result(
        { vocabs: names, default: DEFAULT_VOCAB },
        names.length ? names.join('\n') : 'No vocabularies extracted; run `node scripts/extract-vocab.mjs`.',
      );
      return 0;
    }
    if (typeof v['out'] !== 'string' || v['out'] === '') {
      throw new FieldtuneError('BAD_REQUEST', 'Missing --out FILE.gguf', [{ path: 'out', message: 'required' }]);
    }
    const opts: DemoModelOptions = { out: v['out'] };
    if (typeof v['arch'] === 'string') opts.arch = v['arch'];
    if (typeof v['vocab'] === 'string') opts.vocab = v['vocab'];
    const n = (flag: (typeof SHAPE_FLAGS)[number]) => parseIntFlag(flag, v[flag]);
    const shape = { layers: n('layers'), embd: n('embd'), heads: n('heads'), headsKv: n('heads-kv'), ff: n('ff'), ctx: n('ctx'), seed: n('seed') };
    for (const [k, val] of Object.entries(shape)) if (val !== undefined) Object.assign(opts, { [k]: val });

    const started = Date.now();
    out.log(`writing random-weight demo model to ${opts.out} ...`);
    const r = await writeDemoModel(opts);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const p = r.params;
    out.result(
      { path: r.path, sha256: r.sha256, sizeBytes: r.sizeBytes, vocab: p.vocab, params: p },
      [
        `Wrote ${r.path} (${(r.sizeBytes / 1e6).toFixed(1)} MB, ${secs} s): RANDOM-WEIGHT demo model, not a trained model.`,
        `  architecture ${p.arch}, vocabulary ${p.vocab} (${p.vocabSize} tokens), chat template ${p.chatTemplate ?? 'none'}`,
        `  ${p.layers} layers, ${p.embd} wide, ${p.heads} heads (${p.headsKv} kv), ff ${p.ff}, ctx ${p.ctx}, seed ${p.seed}`,
        `  ${(p.parameterCount / 1e6).toFixed(1)}M parameters, sha256 ${r.sha256}`,
      ].join('\n'),
    );
    return 0;
  },
};
