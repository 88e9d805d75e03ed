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

/**
 * Stores a run's suggestions group by group as the model finishes them (each group in one transaction), so the
 * reviewer can start while the rest is written and a stopped or failed run keeps what was finished. `close` writes the
 * run's one audit row.
 */
export function suggestionStore(ws: Workspace, projectId: string, source: Extract<InboxSource, 'documents' | 'augment'>, jobId: string) {
  let stored = 0;
  return {
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
    /** The audit row: always for a finished run, for a stopped or failed one only when it stored something. */
    close(finished: boolean): void {
      if (finished || stored > 0)
        ws.audit.append({ actor: 'user', action: `generate.${source}`, subject: projectId, details: { jobId, suggestions: stored, finished } });
    },
  };
}

/** The job's progress line while writing: how many suggestions already wait for review (the app reloads on change). */
export const writingPhase = (what: string, ready: number) => `${what} (${ready} ready for review)`;
