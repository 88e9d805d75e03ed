import type { Migration } from './types.js';

// What a training run was made from, so it can be listed, compared and reproduced: the registered base model, the
// dataset versions and their weights, the preset, the run it continued from and the replay share, the planned step
// count, the provenance (seed, app and trainer builds, dataset hashes, the mix) and the project's candidate flag.
export const runInputs: Migration = {
  version: 6,
  name: 'run-inputs',
  up(db) {
    db.exec(`
      ALTER TABLE training_runs ADD COLUMN base_model_id TEXT REFERENCES base_models(id) ON DELETE SET NULL;
      ALTER TABLE training_runs ADD COLUMN datasets TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE training_runs ADD COLUMN preset TEXT;
      ALTER TABLE training_runs ADD COLUMN continue_from TEXT REFERENCES training_runs(id) ON DELETE SET NULL;
      ALTER TABLE training_runs ADD COLUMN replay REAL;
      ALTER TABLE training_runs ADD COLUMN total_steps INTEGER;
      ALTER TABLE training_runs ADD COLUMN provenance TEXT;
      ALTER TABLE training_runs ADD COLUMN candidate INTEGER NOT NULL DEFAULT 0 CHECK (candidate IN (0, 1));
      CREATE UNIQUE INDEX training_runs_one_candidate ON training_runs(project_id) WHERE candidate = 1;
    `);
  },
};
