// The candidate inbox of a project: suggestions come in from Evaluate, the Playground and reviews; a specialist
// accepts (optionally with the answer edited) or rejects each. Committing turns the accepted ones into a new dataset
// version (commit.ts).
import { randomUUID } from 'node:crypto';
import type { InboxItem, InboxStatus } from '../../../contract/inboxRequests.js';
import type { InboxAddInput } from '../../../contract/inboxRequests.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { InboxRecord } from '../../store/repositories/inbox.js';
import type { Workspace } from '../../workspace.js';
import { requireProject } from '../projects/projects.js';
import type { z } from 'zod';

export type NewInboxItem = z.output<typeof InboxAddInput>;

/**
 * The answer an item adds to the data: the specialist's edit, else the suggestion's correction, else the chosen
 * answer, else the only answer when nobody marked it bad. Null: there is nothing to keep until someone types one.
 */
export function answerOf(
  r: Pick<InboxRecord, 'reviewCorrection' | 'correction' | 'choice' | 'rating'> & { answers: ReadonlyArray<{ label: string; text: string }> },
): string | null {
  if (r.reviewCorrection) return r.reviewCorrection;
  if (r.correction) return r.correction;
  if (r.choice !== null) return r.answers[r.choice]?.text ?? null;
  if (r.answers.length === 1 && r.rating !== 'down') return r.answers[0]!.text;
  return null;
}

export const toItem = (r: InboxRecord): InboxItem => ({ ...r, answer: answerOf(r) });

export function requireItem(ws: Workspace, id: string): InboxRecord {
  const item = ws.inbox.get(id);
  if (!item) throw new FieldtuneError('NOT_FOUND', `No suggestion with id ${id}`);
  return item;
}

export function addInboxItem(ws: Workspace, input: NewInboxItem): InboxItem {
  requireProject(ws, input.projectId);
  if (input.runId) {
    const run = ws.trainingRuns.full(input.runId);
    if (!run || run.project_id !== input.projectId) throw new FieldtuneError('NOT_FOUND', `The project has no training run with id ${input.runId}`);
  }
  const record: InboxRecord = {
    id: randomUUID(),
    projectId: input.projectId,
    source: input.source,
    runId: input.runId ?? null,
    prompt: input.prompt,
    answers: input.answers,
    choice: input.choice ?? null,
    correction: input.correction ?? null,
    rating: input.rating ?? null,
    author: input.author ?? 'user',
    status: 'pending',
    reviewCorrection: null,
    decidedBy: null,
    decidedAt: null,
    committedVersionId: null,
    createdAt: new Date().toISOString(),
    provenance: null,
    reviewQuestion: null,
  };
  ws.db.transaction(() => {
    ws.inbox.insert(record);
    ws.audit.append({
      actor: record.author,
      action: 'inbox.add',
      subject: record.id,
      details: { projectId: record.projectId, source: record.source, runId: record.runId },
    });
  })();
  return toItem(record);
}

export function listInbox(ws: Workspace, projectId: string, status?: InboxStatus): InboxItem[] {
  requireProject(ws, projectId);
  return ws.inbox.list(projectId, status).map(toItem);
}

/** The conversation up to the answer an item adds: its prompt, with the question the specialist rewrote if any. */
export function promptOf(r: Pick<InboxRecord, 'prompt' | 'reviewQuestion'>): InboxRecord['prompt'] {
  if (r.reviewQuestion === null) return r.prompt;
  return [...r.prompt.slice(0, -1), { role: 'user', content: r.reviewQuestion }];
}

export function decideInboxItem(ws: Workspace, id: string, decision: 'accepted' | 'rejected', correction?: string, question?: string): InboxItem {
  const item = requireItem(ws, id);
  if (item.status === 'committed') {
    throw new FieldtuneError('CONFLICT', 'This suggestion is already part of a dataset version; edit the example there instead.');
  }
  if (question !== undefined && item.provenance === null) {
    throw new FieldtuneError('INVALID_INPUT', 'Only a generated suggestion can have its question rewritten; a person asked this one.');
  }
  const reviewCorrection = decision === 'accepted' ? (correction ?? null) : null;
  const reviewQuestion = decision === 'accepted' && question !== undefined && question.trim() !== item.prompt.at(-1)?.content.trim() ? question : null;
  if (decision === 'accepted' && answerOf({ ...item, reviewCorrection }) === null) {
    throw new FieldtuneError(
      'INVALID_INPUT',
      'This suggestion has no answer to keep (no correction, and no answer was chosen): type the answer it should give.',
    );
  }
  const at = new Date().toISOString();
  ws.db.transaction(() => {
    ws.inbox.decide(id, decision, reviewCorrection, 'user', at, reviewQuestion);
    ws.audit.append({
      actor: 'user',
      action: `inbox.${decision === 'accepted' ? 'accept' : 'reject'}`,
      subject: id,
      details: { edited: reviewCorrection !== null, questionEdited: reviewQuestion !== null },
    });
  })();
  return toItem(requireItem(ws, id));
}
