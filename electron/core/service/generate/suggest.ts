// Generated pairs become pending inbox suggestions, all in one transaction with one audit row: a run that fails or is
// cancelled before this point has written nothing, and one that gets here writes everything.
import { randomUUID } from 'node:crypto';
import type { Message } from '../../../contract/domain.js';
import type { Provenance } from '../../../contract/generate.js';
import type { InboxSource } from '../../../contract/inboxRequests.js';
import type { Workspace } from '../../workspace.js';

export interface GeneratedSuggestion {
  prompt: Message[];
  answer: string;
  /** Who gave the answer, in words the specialist knows ("Written by <model>", "The answer in your data"). */
  answerLabel: string;
  provenance: Provenance;
}

export function storeSuggestions(
  ws: Workspace,
  projectId: string,
  source: Extract<InboxSource, 'documents' | 'augment'>,
  jobId: string,
  items: readonly GeneratedSuggestion[],
): void {
  const at = new Date().toISOString();
  ws.db.transaction(() => {
    for (const item of items) {
      ws.inbox.insert({
        id: randomUUID(),
        projectId,
        source,
        runId: null,
        prompt: item.prompt,
        answers: [{ label: item.answerLabel, text: item.answer }],
        choice: null,
        correction: null,
        rating: null,
        author: 'generator',
        status: 'pending',
        reviewCorrection: null,
        decidedBy: null,
        decidedAt: null,
        committedVersionId: null,
        createdAt: at,
        provenance: item.provenance,
        reviewQuestion: null,
      });
    }
    ws.audit.append({ actor: 'user', action: `generate.${source}`, subject: projectId, details: { jobId, suggestions: items.length } });
  })();
}
