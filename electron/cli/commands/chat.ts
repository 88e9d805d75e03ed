// `fieldtune chat`: one message to the original model or a run's adapter, through the same door as the Playground
// (playground:send, its 'playground:reply' events). The answer is printed when it ends, with how fast it came;
// Ctrl+C stops it and prints what was written so far.
import { FieldtuneError } from '../../contract/errors.js';
import type { PlaygroundReply } from '../../contract/playgroundRequests.js';
import type { CliCommand } from '../command.js';
import { numberFlag as num, stringFlag as str } from '../flags.js';
import { resolveProject, withCore, workspaceOption } from '../coreSession.js';

function speed(r: PlaygroundReply): string {
  const s = r.stats;
  if (s.firstTokenMs === null) return 'No text was written.';
  const rate = s.tokensPerSecond === null ? '' : ` · ${s.tokensPerSecond.toFixed(1)} tokens a second`;
  return `First words after ${(s.firstTokenMs / 1000).toFixed(2)} s${rate} · ${s.tokens} tokens${s.loadMs ? ` · model loaded in ${(s.loadMs / 1000).toFixed(1)} s` : ''}`;
}

export const chatCommand: CliCommand = {
  name: 'chat',
  summary: 'Ask the original model or a run’s adapter one question (as the Playground does)',
  usage: [
    'Usage: fieldtune chat MESSAGE --workspace DIR --project NAME|ID (--run RUN_ID [--scale S] | --model MODEL_ID)',
    '                      [--system-prompt TEXT] [--temperature T] [--top-p P] [--top-k K] [--max-tokens N] [--seed N] [--json]',
    '  --run            a finished training run: its adapter on the base model it was trained on',
    '  --scale          how strongly the adapter applies: 0 is the original model, 1 as trained (default), up to 2',
    '  --model          a registered model, answering without any adapter (see fieldtune models list)',
    '  --system-prompt  instructions given before the message (default: the project’s system prompt)',
    '  --temperature    0 always gives the same answer; higher is more varied (default 0.7)',
    '  --max-tokens     the longest answer, in tokens (default 256)',
    'With --json the last line is the reply: {"text", "state", "stats": {firstTokenMs, tokens, tokensPerSecond, loadMs}}.',
  ].join('\n'),
  options: {
    ...workspaceOption,
    project: { type: 'string' },
    run: { type: 'string' },
    scale: { type: 'string' },
    model: { type: 'string' },
    'system-prompt': { type: 'string' },
    temperature: { type: 'string' },
    'top-p': { type: 'string' },
    'top-k': { type: 'string' },
    'max-tokens': { type: 'string' },
    seed: { type: 'string' },
  },
  allowPositionals: true,
  async run(args, out) {
    const message = args.positionals.join(' ').trim();
    if (!message) throw new FieldtuneError('BAD_REQUEST', 'Missing the MESSAGE to send');
    const projectRef = str(args, 'project');
    if (!projectRef) throw new FieldtuneError('BAD_REQUEST', 'Missing --project NAME|ID');
    const runId = str(args, 'run');
    const modelId = str(args, 'model');
    if ((runId === undefined) === (modelId === undefined)) throw new FieldtuneError('BAD_REQUEST', 'Give either --run RUN_ID or --model MODEL_ID');
    const scale = num(args, 'scale');

    const reply = await withCore(args, async (core) => {
      const project = await resolveProject(core, projectRef);
      const system = str(args, 'system-prompt') ?? project.systemPrompt ?? '';
      const sampling = Object.fromEntries(
        (
          [
            ['temperature', num(args, 'temperature')],
            ['topP', num(args, 'top-p')],
            ['topK', num(args, 'top-k')],
            ['maxTokens', num(args, 'max-tokens')],
            ['seed', num(args, 'seed')],
          ] as const
        ).filter(([, v]) => v !== undefined),
      );
      // this core answers only this command, so every reply event is this message's
      let resolve: (r: PlaygroundReply) => void = () => {};
      const ended = new Promise<PlaygroundReply>((r) => (resolve = r));
      const off = core.subscribe((e) => {
        if (e.event !== 'playground:reply') return;
        if (e.payload.state === 'loading') out.log('Loading the model…');
        if (['done', 'stopped', 'failed'].includes(e.payload.state)) resolve(e.payload);
      });
      try {
        const { replyId } = await core.call('playground:send', {
          projectId: project.id,
          target: runId ? { kind: 'run', runId, ...(scale === undefined ? {} : { scale }) } : { kind: 'base', modelId: modelId! },
          messages: [...(system.trim() ? [{ role: 'system' as const, content: system }] : []), { role: 'user' as const, content: message }],
          sampling: { temperature: 0.7, topP: 0.9, topK: 40, maxTokens: 256, ...sampling },
        });
        const stop = () => void core.call('playground:stop', { replyId });
        process.once('SIGINT', stop);
        try {
          return await ended;
        } finally {
          process.off('SIGINT', stop);
        }
      } finally {
        off();
      }
    });
    if (reply.state === 'failed') throw FieldtuneError.fromPayload(reply.error ?? { code: 'INTERNAL', message: 'The model could not answer.' });
    out.result({ text: reply.text, state: reply.state, stats: reply.stats }, `${reply.text}\n\n${reply.state === 'stopped' ? 'Stopped. ' : ''}${speed(reply)}`);
    return 0;
  },
};
