// A signed-off review's verdicts as preference data: each pair with a winner becomes an inbox item holding both
// answers and the choice, for the specialist to accept in the Data step like any other suggestion. Only after the
// sign-off, because the items name the sides.
import { FieldtuneError } from '../../../contract/errors.js';
import type { Workspace } from '../../workspace.js';
import { addInboxItem } from '../inbox/inbox.js';
import { requireReview } from './review.js';

export function sendReviewToInbox(ws: Workspace, id: string): { added: number } {
  const s = requireReview(ws, id);
  if (!s.signedOffAt) throw new FieldtuneError('INVALID_INPUT', 'Sign the review off first: its choices go to the inbox only once the sides are revealed.');
  if (s.inboxSentAt) throw new FieldtuneError('CONFLICT', `This review's choices were already sent to the inbox on ${s.inboxSentAt}.`);
  const decided = ws.reviews.items(id).filter((it) => it.verdict === 'A' || it.verdict === 'B');
  ws.db.transaction(() => {
    for (const it of decided) {
      const runId = (it.verdict === 'A' ? s.runA : s.runB) ?? s.runB ?? s.runA;
      addInboxItem(ws, {
        projectId: s.projectId,
        source: 'review',
        ...(runId ? { runId } : {}),
        prompt: [{ role: 'user', content: it.prompt }],
        answers: [
          { label: s.labelA, text: it.answerA },
          { label: s.labelB, text: it.answerB },
        ],
        choice: it.verdict === 'A' ? 0 : 1,
        author: s.reviewer ?? 'user',
      });
    }
    ws.reviews.markInboxSent(id, new Date().toISOString());
  })();
  return { added: decided.length };
}
