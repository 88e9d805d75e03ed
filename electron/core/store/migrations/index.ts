import { foundation } from './001-foundation.js';
import { datasets } from './002-datasets.js';
import { redaction } from './003-redaction.js';
import { training } from './004-training.js';
import { jobResume } from './005-job-resume.js';
import { runInputs } from './006-run-inputs.js';
import { projectLocaleMigration } from './007-project-locale.js';
import { reviewInbox } from './009-review-inbox.js';
import { auditChain } from './0XX-audit-chain.js';
import type { Migration } from './types.js';

// TEMPORARY on the review branch only: 008 belongs to helper eval (evaluations); this no-op holds its number so the
// list stays 1..n until eval's branch is merged. The lead drops this line and keeps eval's 008 when merging.
const reservedForEval: Migration = { version: 8, name: 'reserved-for-eval', up: () => {} };

/**
 * Every migration, in order. Numbers are permanent: 002 datasets (data import), 003 redaction (planned as 004,
 * but it landed before the training-runs migration, which takes the next number). Append only; never edit a
 * released migration. 004 training runs, 005 job resume + typed job errors, 006 training-run inputs, 007 project
 * locale, 009 project system prompt + candidate inbox + blinded review, then the audit hash chain.
 */
export const migrations: readonly Migration[] = [
  foundation,
  datasets,
  redaction,
  training,
  jobResume,
  runInputs,
  projectLocaleMigration(() => Intl.DateTimeFormat().resolvedOptions().locale),
  reservedForEval,
  reviewInbox,
  auditChain,
];
