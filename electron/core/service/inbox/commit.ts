// Accepted suggestions become training data: one new version on top of the dataset's latest version, made by the same
// createChildVersion every other dataset change uses (one transaction with its audit row), and the items are marked
// committed in that transaction too, so an item can never land in two versions or be lost between them.
import type { Sample } from '../../../contract/domain.js';
import { LEAKAGE_CHECK } from '../../../contract/inboxRequests.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { DatasetVersionRecord } from '../../store/repositories/datasets.js';
import type { Workspace } from '../../workspace.js';
import { exampleHash } from '../../data/example.js';
import { requireProject } from '../projects/projects.js';
import { createChildVersion, latestVersion, loadMembers, type NewMember } from '../datasets/versions.js';
import { answerOf, promptOf } from './inbox.js';
import { provenanceMetadata } from '../../data/generate/provenance.js';
import { questionKey } from '../../data/generate/normalize.js';
import type { InboxRecord } from '../../store/repositories/inbox.js';
import { planLeakage } from '../../data/splitPlan.js';

/** The example an accepted item adds: a generated one carries its provenance in its metadata. */
function sampleOf(item: InboxRecord): Sample {
  const messages = [...promptOf(item), { role: 'assistant' as const, content: answerOf(item)! }];
  return item.provenance ? { messages, metadata: provenanceMetadata(item.provenance) } : { messages };
}

const lastQuestion = (s: Sample) => questionKey(s.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '');

/**
 * The leakage check on the result: a generated example that copies (exactly or nearly) a validation or test example
 * would put the test into training, so it stays out. Returns the positions (in `members`) to drop.
 */
function leakingGenerated(members: readonly NewMember[], generated: ReadonlySet<number>): Set<number> {
  if (generated.size === 0 || members.some((m) => !m.split)) return new Set();
  const report = planLeakage(members.map((m) => ({ example: m.example, split: m.split!, hash: exampleHash(m.example) })));
  const drop = new Set<number>();
  for (const p of [...report.exact, ...report.near]) {
    if (generated.has(p.a) && p.splitB !== 'train') drop.add(p.a);
    if (generated.has(p.b) && p.splitA !== 'train') drop.add(p.b);
  }
  return drop;
}

function targetDataset(ws: Workspace, projectId: string, datasetId: string | undefined): string {
  const datasets = ws.datasets.listDatasets(projectId);
  if (datasetId) {
    const dataset = datasets.find((d) => d.id === datasetId);
    if (!dataset) throw new FieldtuneError('NOT_FOUND', `The project has no dataset with id ${datasetId}`);
    if (dataset.kind !== 'chat')
      throw new FieldtuneError('INVALID_INPUT', `'${dataset.name}' holds plain text; suggestions are conversations, so choose a chat dataset.`);
    return dataset.id;
  }
  const chats = datasets.filter((d) => d.kind === 'chat');
  if (chats.length === 0) throw new FieldtuneError('INVALID_INPUT', 'The project has no conversation dataset to add suggestions to yet: import one first.');
  if (chats.length > 1) throw new FieldtuneError('INVALID_INPUT', `The project has ${chats.length} datasets: say which one the accepted suggestions join.`);
  return chats[0]!.id;
}

export function commitInbox(ws: Workspace, projectId: string, datasetId?: string): DatasetVersionRecord {
  requireProject(ws, projectId);
  const accepted = ws.inbox.list(projectId, 'accepted').reverse(); // oldest first, as they came in
  if (accepted.length === 0) throw new FieldtuneError('INVALID_INPUT', 'No accepted suggestions to add: accept at least one first.');
  const parent = latestVersion(ws, targetDataset(ws, projectId, datasetId));
  const members: NewMember[] = loadMembers(ws, parent.id);
  const present = new Set(members.map((m) => exampleHash(m.example)));
  // A split version keeps its splits; new examples are for training (a correction is never test data).
  const split = members.some((m) => m.split !== null) ? ('train' as const) : null;
  // A generated question that the data already asks (in other case or punctuation) adds nothing: it is a copy.
  const questions = new Set(members.map((m) => ('messages' in m.example ? lastQuestion(m.example) : '')));
  let alreadyPresent = 0;
  const generated = new Set<number>();
  const itemAt = new Map<number, string>(); // member position -> the accepted item that added it
  for (const item of accepted) {
    const sample = sampleOf(item);
    const hash = exampleHash(sample);
    if (present.has(hash) || (item.provenance && questions.has(lastQuestion(sample)))) {
      alreadyPresent += 1;
      continue;
    }
    present.add(hash);
    questions.add(lastQuestion(sample));
    if (item.provenance) generated.add(members.length);
    itemAt.set(members.length, item.id);
    members.push({ example: sample, split });
  }
  const leaking = leakingGenerated(members, generated);
  const leakedItems = new Set([...leaking].map((i) => itemAt.get(i)!));
  if (leaking.size > 0) {
    const kept = members.filter((_, i) => !leaking.has(i));
    members.length = 0;
    members.push(...kept);
  }
  const synthetic = generated.size - leaking.size;
  const details = {
    source: 'inbox',
    added: accepted.length - alreadyPresent - leaking.size,
    alreadyPresent,
    items: accepted.map((i) => i.id),
    split,
    ...(generated.size > 0 ? { synthetic, leakedLeftOut: leaking.size } : {}),
  };
  const at = new Date().toISOString();
  const settle = (versionId: string) => {
    for (const item of accepted) {
      if (leakedItems.has(item.id)) ws.inbox.decide(item.id, 'rejected', item.reviewCorrection, LEAKAGE_CHECK, at, item.reviewQuestion);
      else ws.inbox.markCommitted(item.id, versionId);
    }
  };
  if (details.added === 0) {
    // Every accepted chat is in the latest version already: no copy of it is made; the items point at that version.
    ws.db.transaction(() => {
      settle(parent.id);
      ws.audit.append({ actor: 'user', action: 'inbox.already-present', subject: parent.id, details: { datasetId: parent.datasetId, items: details.items } });
    })();
    return parent;
  }
  return ws.db.transaction(() => {
    const version = createChildVersion(ws, parent, 'inbox', details, members);
    settle(version.id);
    return version;
  })();
}
