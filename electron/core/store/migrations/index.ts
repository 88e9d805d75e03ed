import { foundation } from './001-foundation.js';
import { datasets } from './002-datasets.js';
import { redaction } from './003-redaction.js';
import { training } from './004-training.js';
import { jobResume } from './005-job-resume.js';
import { runInputs } from './006-run-inputs.js';
import { projectLocaleMigration } from './007-project-locale.js';
import { evaluationsMigration } from './008-evaluations.js';
import { reviewInbox } from './009-review-inbox.js';
import { adapters } from './010-adapters.js';
import { modelFingerprints } from './011-model-fingerprints.js';
import { auditChain } from './012-audit-chain.js';
import { lineage } from './013-lineage.js';
import { generatedSuggestions } from './014-generated-suggestions.js';
import { jobOwner } from './015-job-owner.js';
import type { Migration } from './types.js';

/**
 * Every migration, in order. Numbers are permanent: 002 datasets (data import), 003 redaction (planned as 004,
 * but it landed before the training-runs migration, which takes the next number). Append only; never edit a
 * released migration. 004 training runs, 005 job resume + typed job errors, 006 training-run inputs, 007 project
 * locale, 008 evaluations, 009 project system prompt + candidate inbox + blinded review, 010 adapters (origins, versions, signing keys), 011 model fingerprint cache, 012 audit hash chain, 013 lineage (erasures, scrubbed versions, runs flagged for retraining), 014 generated suggestions in the inbox (provenance), 015 the process that runs each job.
 */
export const migrations: readonly Migration[] = [
  foundation,
  datasets,
  redaction,
  training,
  jobResume,
  runInputs,
  projectLocaleMigration(() => Intl.DateTimeFormat().resolvedOptions().locale),
  evaluationsMigration,
  reviewInbox,
  adapters,
  modelFingerprints,
  auditChain,
  lineage,
  generatedSuggestions,
  jobOwner,
];
