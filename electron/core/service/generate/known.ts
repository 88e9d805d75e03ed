// The questions a project already has (every chat dataset's latest version, and suggestions waiting or accepted), in
// questionKey form: a generated question or variation that repeats one of them is left out as a copy.
import { questionKey } from '../../data/generate/normalize.js';
import type { Workspace } from '../../workspace.js';
import { latestVersion, toMember } from '../datasets/versions.js';
import { promptOf } from '../inbox/inbox.js';

export function knownQuestions(ws: Workspace, projectId: string): Set<string> {
  const known = new Set<string>();
  for (const d of ws.datasets.listDatasets(projectId)) {
    if (d.kind !== 'chat') continue;
    for (const row of ws.datasets.iterateMembers(latestVersion(ws, d.id).id)) {
      const m = toMember(row);
      if (!('messages' in m.example)) continue;
      const q = m.example.messages.filter((x) => x.role === 'user').at(-1)?.content;
      if (q) known.add(questionKey(q));
    }
  }
  for (const item of ws.inbox.list(projectId)) {
    if (item.status === 'rejected') continue;
    const q = promptOf(item).at(-1)?.content;
    if (q) known.add(questionKey(q));
  }
  return known;
}
