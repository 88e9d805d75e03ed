// The Playground through the one door, with the demo model and a seeded run (a random adapter of real shape): a
// reply streams to its end, a reply stops mid-way and keeps its text, base and tuned answer the same prompt, the
// adapter at strength 0 gives the base's greedy answer (so the strength is really applied), a rating and correction
// land in the project's inbox, and bad input (an unknown run, an adapter for another base) is refused before
// anything starts: no event, no inbox row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseModel } from '../../electron/contract/domain.js';
import type { PlaygroundReply } from '../../electron/contract/playgroundRequests.js';
import { Core } from '../../electron/core/core.js';
import { writeDemoModel } from '../../electron/core/demoModel/index.js';
import { sha256OfFile } from '../../electron/core/store/blobStore.js';
import { playgroundIdle } from '../../electron/core/service/playground/playground.js';
import { registerBase, seedRun } from '../unit/adapterRun.js';

let dir: string;
let core: Core;
let base: BaseModel;
let runId: string;
let projectId: string;
const replies = new Map<string, PlaygroundReply[]>();

const messages = [
  { role: 'system' as const, content: 'Answer briefly.' },
  { role: 'user' as const, content: 'What should I bring to my appointment?' },
];
const greedy = { temperature: 0, topP: 1, topK: 40, maxTokens: 12 };

async function ask(target: { kind: 'base'; modelId: string } | { kind: 'run'; runId: string; scale: number }, maxTokens = 12) {
  const { replyId } = await core.call('playground:send', { projectId, target, messages, sampling: { ...greedy, maxTokens } });
  await playgroundIdle(core.ws);
  return { replyId, events: replies.get(replyId) ?? [], last: replies.get(replyId)!.at(-1)! };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldtune-playground-'));
  core = new Core({ workspaceDir: join(dir, 'ws'), mode: 'cli' });
  core.subscribe((e) => {
    if (e.event !== 'playground:reply') return;
    replies.set(e.payload.replyId, [...(replies.get(e.payload.replyId) ?? []), e.payload]);
  });
  const model = await writeDemoModel({ out: join(dir, 'base.gguf'), layers: 1, embd: 64, ff: 64, ctx: 256 });
  base = await registerBase(core.ws, model.path);
  runId = await seedRun(core.ws, base, 'Clinic letters');
  projectId = core.ws.projects.list()[0]!.id;
});

afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('playground', () => {
  it('streams a reply to its end with its speed measured', async () => {
    const { events, last } = await ask({ kind: 'base', modelId: base.id }, 24);
    expect(events.map((e) => e.state)).toContain('writing');
    expect(last.state).toBe('done');
    expect(last.text.length).toBeGreaterThan(0);
    expect(last.stats.tokens).toBeGreaterThan(1);
    expect(last.stats.firstTokenMs).not.toBeNull();
    expect(last.stats.tokensPerSecond).toBeGreaterThan(0);
  });

  it('stops a reply mid-way and keeps what was written', async () => {
    const { replyId } = await core.call('playground:send', {
      projectId,
      target: { kind: 'base', modelId: base.id },
      messages,
      sampling: { ...greedy, maxTokens: 200 },
    });
    await new Promise<void>((resolve) => {
      const off = core.subscribe((e) => {
        if (e.event === 'playground:reply' && e.payload.replyId === replyId && e.payload.stats.tokens >= 3) {
          off();
          resolve();
        }
      });
    });
    expect(await core.call('playground:stop', { replyId })).toEqual({ replyId, stopped: true });
    await playgroundIdle(core.ws);
    const last = replies.get(replyId)!.at(-1)!;
    expect(last.state).toBe('stopped');
    expect(last.stats.tokens).toBeGreaterThanOrEqual(3);
    expect(last.stats.tokens).toBeLessThan(200);
    // stopping a finished reply is a no-op
    expect(await core.call('playground:stop', { replyId })).toEqual({ replyId, stopped: false });
  });

  it('answers the same prompt with base and tuned; strength 0 is the base model', async () => {
    const plain = await ask({ kind: 'base', modelId: base.id });
    const tuned = await ask({ kind: 'run', runId, scale: 1 });
    const off = await ask({ kind: 'run', runId, scale: 0 });
    expect(plain.last.state).toBe('done');
    expect(tuned.last.state).toBe('done');
    expect(off.last.text).toBe(plain.last.text);
    // the random adapter changes the demo model's greedy answer at full strength
    expect(tuned.last.text).not.toBe(plain.last.text);
  });

  it('keeps a rating with a corrected answer in the project inbox', async () => {
    const tuned = await ask({ kind: 'run', runId, scale: 1 });
    const item = await core.call('inbox:add', {
      projectId,
      source: 'playground',
      runId,
      prompt: messages,
      answers: [{ label: 'Tuned model', text: tuned.last.text }],
      rating: 'down',
      correction: 'Your referral letter and a list of your medicines.',
    });
    const pending = await core.call('inbox:list', { projectId, status: 'pending' });
    expect(pending.map((i) => i.id)).toContain(item.id);
    expect(item.answer).toBe('Your referral letter and a list of your medicines.');
  });

  it('refuses an unknown run and an adapter for another base, before anything starts', async () => {
    const before = replies.size;
    const inbox = (await core.call('inbox:list', { projectId })).length;
    await expect(core.call('playground:send', { projectId, target: { kind: 'run', runId: 'no-such-run', scale: 1 }, messages })).rejects.toThrow(
      'There is no such training run in this project.',
    );
    // the base file is replaced under the run (re-registered at the same path): its adapter no longer belongs to it
    const changed = await writeDemoModel({ out: base.path, layers: 1, embd: 128, ff: 64, ctx: 256, seed: 9 });
    core.ws.models.upsert({ ...base, sha256: await sha256OfFile(changed.path) });
    await expect(core.call('playground:send', { projectId, target: { kind: 'run', runId, scale: 1 }, messages })).rejects.toThrow(
      'made for another base model',
    );
    await expect(core.call('playground:send', { projectId, target: { kind: 'base', modelId: 'nope' }, messages })).rejects.toThrow('not registered');
    await expect(
      core.call('playground:send', { projectId, target: { kind: 'base', modelId: base.id }, messages: [{ role: 'assistant', content: 'Hi' }] }),
    ).rejects.toThrow('must end with your message');
    expect(replies.size).toBe(before);
    expect((await core.call('inbox:list', { projectId })).length).toBe(inbox);
  });
});
