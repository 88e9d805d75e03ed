// Audit actions in plain words; the stored names stay technical (they are what `audit export` writes).
const LABELS: Record<string, string> = {
  'audit.chain-start': 'Sealing of this log began',
  'demo.seed': 'Demo project set up',
  'project.create': 'Project created',
  'project.rename': 'Project renamed',
  'project.locale': 'Date format changed',
  'project.delete': 'Project deleted',
  'model.register': 'Base model added',
  'model.remove': 'Base model removed',
  'dataset.import': 'Data imported',
  'dataset.delete': 'Data deleted',
  'dataset.export': 'Data saved to a file outside the workspace',
  'dataset.erase': 'Data: new version without an erased example',
  'lineage.erase': 'Example erased everywhere (runs trained on it flagged for retraining)',
  'lineage.erase-files': 'Erased example removed from files (training files, report files, pseudonym key)',
  'workspace.encrypt': 'Workspace encrypted with a passphrase',
  'workspace.change-passphrase': 'Workspace passphrase changed',
  'pii.scan': 'Checked for personal data',
  'pii.review': 'Personal data reviewed',
  'pii.map.delete': 'Pseudonym key deleted',
  'train.start': 'Training started',
  'train.candidate': 'Run chosen as the candidate',
  'network.blocked': 'Network attempt blocked',
};

export function auditLabel(action: string): string {
  if (LABELS[action]) return LABELS[action];
  const [area, verb] = action.split('.', 2);
  if (area === 'dataset' && verb) return `Data: new version (${verb})`;
  return action;
}

/** The kinds of entry a person can filter by: [label, action prefix]. */
export const AUDIT_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['Everything', ''],
  ['Projects', 'project.'],
  ['Data', 'dataset.'],
  ['Personal data', 'pii.'],
  ['Erasures', 'lineage.'],
  ['Base models', 'model.'],
  ['Training', 'train.'],
  ['Network', 'network.'],
  ['Workspace encryption', 'workspace.'],
  ['The log itself', 'audit.'],
];
