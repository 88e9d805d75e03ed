// playground:send and playground:stop. Each reply is checked before its id is returned, then written in turn (one
// reply at a time, so two side-by-side answers do not slow each other down and their speeds are honest), streamed
// as 'playground:reply' events validated against the contract. Stop aborts the reply and keeps what was written.
import { randomUUID } from 'node:crypto';
import { pushEvents } from '../../../contract/events.js';
import type { ParsedInput } from '../../../contract/requests.js';
import type { PlaygroundReply } from '../../../contract/playgroundRequests.js';
import { toErrorPayload } from '../../../contract/wire.js';
import { ChatModels } from '../../llm/chatModels.js';
import type { Workspace } from '../../workspace.js';
import { resolveTarget } from './target.js';

interface Session {
  models: ChatModels;
  queue: Promise<void>;
  running: Map<string, AbortController>;
}

const sessions = new WeakMap<Workspace, Session>();
/** How often a reply's text is sent while it is written: often enough to read as it comes, few enough events. */
const STREAM_INTERVAL_MS = 60;

function sessionOf(ws: Workspace): Session {
  let s = sessions.get(ws);
  if (!s) {
    s = { models: new ChatModels(), queue: Promise.resolve(), running: new Map() };
    sessions.set(ws, s);
  }
  return s;
}

function publish(ws: Workspace, reply: PlaygroundReply): void {
  ws.publish({ event: 'playground:reply', payload: pushEvents['playground:reply'].parse(reply) });
}

export async function sendReply(ws: Workspace, input: ParsedInput<'playground:send'>): Promise<{ replyId: string }> {
  const target = await resolveTarget(ws, input.projectId, input.target);
  const session = sessionOf(ws);
  const replyId = randomUUID();
  const controller = new AbortController();
  session.running.set(replyId, controller);
  const stats = { firstTokenMs: null as number | null, tokens: 0, tokensPerSecond: null as number | null, loadMs: 0 };
  const base = { replyId, projectId: input.projectId, error: null };
  publish(ws, { ...base, text: '', state: 'waiting', stats });

  const work = async () => {
    if (controller.signal.aborted) return publish(ws, { ...base, text: '', state: 'stopped', stats });
    publish(ws, { ...base, text: '', state: 'loading', stats });
    let last = 0;
    try {
      const result = await session.models.reply({
        basePath: target.basePath,
        adapter: target.adapter,
        messages: input.messages,
        sampling: input.sampling,
        signal: controller.signal,
        onReady: (loadMs) => {
          stats.loadMs = loadMs;
          publish(ws, { ...base, text: '', state: 'writing', stats });
        },
        onText: (text, tokens) => {
          stats.tokens = tokens;
          const now = performance.now();
          if (now - last < STREAM_INTERVAL_MS) return;
          last = now;
          publish(ws, { ...base, text, state: 'writing', stats });
        },
      });
      const final = { firstTokenMs: result.firstTokenMs, tokens: result.tokens, tokensPerSecond: result.tokensPerSecond, loadMs: result.loadMs };
      publish(ws, { ...base, text: result.text, state: result.stopped ? 'stopped' : 'done', stats: final });
    } catch (error) {
      publish(ws, { ...base, text: '', state: 'failed', stats, error: toErrorPayload(error) });
    } finally {
      session.running.delete(replyId);
    }
  };
  session.queue = session.queue.then(work, work);
  return { replyId };
}

export function stopReply(ws: Workspace, replyId: string): { replyId: string; stopped: boolean } {
  const controller = sessionOf(ws).running.get(replyId);
  controller?.abort();
  return { replyId, stopped: controller !== undefined };
}

/** Resolves when every reply asked for so far has ended (tests, and closing). */
export function playgroundIdle(ws: Workspace): Promise<void> {
  return sessionOf(ws).queue;
}

/** Stops every reply and frees the loaded model. */
export async function closePlayground(ws: Workspace): Promise<void> {
  const s = sessions.get(ws);
  if (!s) return;
  for (const c of s.running.values()) c.abort();
  await s.queue;
  await s.models.dispose();
  sessions.delete(ws);
}
