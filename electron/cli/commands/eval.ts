// `fieldtune eval`: did the tuned model get better? Answer-token perplexity, then greedy answers on the test prompts
// (the model's own chat template) scored against the expected answers, for the original model, the tuned model
// (with an adapter or a run) and the prompting baseline (--baseline: the original model with K worked examples).
// File mode runs the engine directly; workspace mode (--workspace --run) sends eval:start like the app and stores
// the evaluation with the run. With --json the last stdout line is {"base":{...},"tuned":{...},"baseline":{...}}.
import { FieldtuneError } from '../../contract/errors.js';
import type { EvaluationResult } from '../../contract/evaluation.js';
import { evaluateModel, metricsLine } from '../../core/eval/evaluateModel.js';
import { runProbes, sampleText } from '../../core/eval/probes/runProbes.js';
import { readSamplesJsonl } from '../../core/train/samples.js';
import type { CliArgs, CliCommand, CliOutput } from '../command.js';
import { runJob, withCore, workspaceOption } from '../coreSession.js';
import { evalChecksFrom, evalRulesOptions, evalRulesUsageLines, type EvalChecks } from '../evalRulesFlags.js';

const usage = [
  'Usage: fieldtune eval --workspace DIR --run RUN_ID [options]',
  '       fieldtune eval --base MODEL.gguf [--adapter ADAPTER.gguf] --data TEST.jsonl [options]',
  '',
  'Compares the original model, the tuned model and (with --baseline) the original model prompted with worked',
  'examples, on the test examples. With --json the last line is {"base":{...},"tuned":{...},"baseline":{...}}:',
  'exactMatch, tokenF1, rougeL (0-1), bleu and chrF (0-100, as sacrebleu prints them), and perplexity on the answer',
  'tokens for base and tuned (lower is better).',
  '',
  '  --workspace DIR        a workspace; with --run, evaluates that run on the test split of its dataset version',
  '  --run RUN_ID           a finished training run (its base model and adapter)',
  '  --base FILE            base model (GGUF), file mode',
  '  --adapter FILE         LoRA adapter to compare against the base, file mode',
  '  --data FILE            test examples (chat JSONL or prompt/completion pairs), file mode',
  '  --baseline             also answer with the prompting baseline',
  '  --shots K              worked examples in the baseline prompt (default 3; fewer when they do not fit)',
  '  --shots-from FILE      take the worked examples from this file (default: the other test examples)',
  "  --system-prompt TEXT   system prompt for the baseline when an example has none (workspace: the project's)",
  '  --max-new-tokens N     longest answer in tokens (default 256)',
  '  --probes               also run the retention, robustness, bias and leak probes (the leak check needs',
  '                         training records: in file mode, those of --shots-from)',
  '  --threads N            CPU threads (default 2)',
  ...evalRulesUsageLines,
].join('\n');

function positiveInt(v: unknown, flag: string, fallback: number, min = 1): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < min) throw new FieldtuneError('BAD_REQUEST', `${flag} must be a whole number of at least ${min}`);
  return n;
}

function human(r: EvaluationResult): string {
  const lines: string[] = [];
  const fmt = (x: number, pct: boolean) => (pct ? `${(100 * x).toFixed(1)}%` : x.toFixed(2));
  for (const [name, s] of Object.entries(r.systems)) {
    if (!s) continue;
    lines.push(
      `${name.padEnd(9)} exact ${fmt(s.exactMatch, true)}  token F1 ${fmt(s.tokenF1, true)}  ROUGE-L ${fmt(s.rougeL, true)}  BLEU ${fmt(s.bleu, false)}  chrF ${fmt(s.chrF, false)}` +
        (s.perplexity !== null ? `  perplexity ${s.perplexity.toPrecision(5)}` : ''),
    );
  }
  for (const rule of r.rules) {
    const rates = Object.entries(rule.passRate).map(([name, rate]) => `${name} ${fmt(rate, true)}`);
    lines.push(`rule ${rule.words}: passed by ${rates.join(', ')}`);
  }
  for (const c of r.comparisons) lines.push(c.verdict);
  if (r.probes?.leak && !r.probes.leak.passed) lines.push(`Leak check FAILED: ${r.probes.leak.findings.length} finding(s).`);
  return lines.join('\n');
}

async function fileMode(v: CliArgs['values'], out: CliOutput, common: { maxNewTokens: number; threads: number; shots: number; checks: EvalChecks }) {
  if (typeof v['base'] !== 'string') throw new FieldtuneError('BAD_REQUEST', 'Name the model with --base MODEL.gguf (or use --workspace DIR --run RUN_ID)');
  if (typeof v['data'] !== 'string') throw new FieldtuneError('BAD_REQUEST', 'Name the test examples with --data TEST.jsonl');
  const samples = await readSamplesJsonl(v['data']);
  const shotsFrom = typeof v['shots-from'] === 'string' ? await readSamplesJsonl(v['shots-from']) : undefined;
  const adapter = typeof v['adapter'] === 'string' ? v['adapter'] : undefined;
  return evaluateModel({
    base: v['base'],
    ...(adapter ? { adapter } : {}),
    samples,
    ...(v['baseline'] ? { baseline: { shots: common.shots, ...(shotsFrom ? { shotsFrom } : {}) } } : {}),
    systemPrompt: typeof v['system-prompt'] === 'string' ? v['system-prompt'] : null,
    maxNewTokens: common.maxNewTokens,
    threads: common.threads,
    ...common.checks,
    ...(v['probes']
      ? {
          probes: (g, signal) =>
            runProbes(g, {
              samples,
              maxNewTokens: common.maxNewTokens,
              base: v['base'] as string,
              ...(adapter ? { adapter } : {}),
              threads: common.threads,
              // file mode knows training records only when --shots-from names them; the leak check uses those
              ...(shotsFrom ? { training: { records: shotsFrom.map(sampleText), identifiers: [] } } : {}),
              ...(signal ? { signal } : {}),
              onProgress: (phase) => out.log(phase),
            }),
        }
      : {}),
    onProgress: (phase, current, total) => out.log(total ? `${phase}: ${current}/${total}` : phase),
  });
}

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Compare the original model, the tuned model and a prompting baseline on test examples',
  usage,
  options: {
    ...workspaceOption,
    run: { type: 'string' },
    base: { type: 'string' },
    adapter: { type: 'string' },
    data: { type: 'string' },
    baseline: { type: 'boolean' },
    shots: { type: 'string' },
    'shots-from': { type: 'string' },
    'system-prompt': { type: 'string' },
    'max-new-tokens': { type: 'string' },
    probes: { type: 'boolean' },
    threads: { type: 'string' },
    ...evalRulesOptions,
  },
  async run(args, out) {
    const v = args.values;
    const common = {
      maxNewTokens: positiveInt(v['max-new-tokens'], '--max-new-tokens', 256),
      threads: positiveInt(v['threads'], '--threads', 2),
      shots: positiveInt(v['shots'], '--shots', 3, 0),
      checks: evalChecksFrom(v),
    };
    let result: EvaluationResult;
    if (typeof v['run'] === 'string') {
      if (v['base'] !== undefined || v['data'] !== undefined || v['adapter'] !== undefined) {
        throw new FieldtuneError('BAD_REQUEST', '--run takes the base model, adapter and test split from the run: leave out --base, --adapter and --data');
      }
      if (v['shots-from'] !== undefined)
        throw new FieldtuneError('BAD_REQUEST', '--shots-from is for file mode; a run takes its worked examples from its training split');
      const runId = v['run'];
      result = await withCore(args, async (core) => {
        const job = await runJob(
          core,
          out,
          'eval:start',
          {
            runId,
            baseline: !!v['baseline'],
            shots: common.shots,
            maxNewTokens: common.maxNewTokens,
            probes: !!v['probes'],
            threads: common.threads,
            ...common.checks,
            ...(typeof v['system-prompt'] === 'string' ? { systemPrompt: v['system-prompt'] } : {}),
          },
          'eval.run',
        );
        return (await core.call('eval:get', { id: job.evaluationId })).result;
      });
    } else {
      result = await fileMode(v, out, common);
    }
    if (out.json && result.probes) out.result({ probes: result.probes });
    // per-rule results on their own line, before the metrics line that stays last
    if (out.json && result.rules.length > 0) out.result({ rules: result.rules });
    out.result(metricsLine(result), human(result));
    return 0;
  },
};
