// Generated pairs become pending inbox suggestions as each group is finished, with one audit row per run.
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

/** Where a run puts its suggestions as the model finishes them; `stored` counts them so far. */
export interface SuggestionStore {
  readonly stored: number;
  add(items: readonly GeneratedSuggestion[]): void;
}

/**
 * Runs `work` with a store that keeps a run's suggestions group by group as the model finishes them (each group in
 * one transaction), so the reviewer can start while the rest is written and a stopped or failed run keeps what was
 * finished. Then writes the run's one audit row: always for a finished run, for a stopped or failed one only when it
 * stored something.
 */
export async function withSuggestions<T>(
  ws: Workspace,
  projectId: string,
  source: Extract<InboxSource, 'documents' | 'augment'>,
  jobId: string,
  work: (store: SuggestionStore) => Promise<T>,
): Promise<T> {
  let stored = 0;
  let finished = false;
  const store: SuggestionStore = {
    get stored() {
      return stored;
    },
    add(items: readonly GeneratedSuggestion[]): void {
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
      })();
      stored += items.length;
    },
  };
  try {
    const result = await work(store);
    finished = true;
    return result;
  } finally {
    if (finished || stored > 0)
      ws.audit.append({ actor: 'user', action: `generate.${source}`, subject: projectId, details: { jobId, suggestions: stored, finished } });
  }
}
