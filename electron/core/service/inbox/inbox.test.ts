// Issue 14 item 13: the candidate inbox. Items keep their source, prompt, answers, choice or correction and author;
// a specialist accepts (optionally editing) or rejects; committing makes one new version of the accepted chats on
// top of the dataset's latest version, with an audit row, and never adds an item twice.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, Job } from '../../../contract/jobs.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';
import { answerOf } from './inbox.js';

const tmp = tempDir('fieldtune-inbox-');
let core: Core;
let projectId: string;
let datasetId: string;
let splitVersionId: string;

async function imported(pid: string, name: string, lines: object[]): Promise<ImportResult> {
  const path = join(tmp.dir, `${name}.jsonl`);
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n'));
  let job: Job = await core.call('datasets:import', { projectId: pid, path });
  while (job.status === 'running' || job.status === 'queued') {
    await new Promise((r) => setTimeout(r, 20));
    job = await core.call('jobs:get', { id: job.id });
  }
  return job.result as ImportResult;
}
const qa = (q: string, a: string) => ({
  messages: [
    { role: 'user', content: q },
    { role: 'assistant', content: a },
  ],
});
const ask = (q: string) => [
  { role: 'system' as const, content: 'You are the front desk.' },
  { role: 'user' as const, content: q },
];

beforeAll(async () => {
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
  projectId = (await core.call('projects:create', { name: 'Desk' })).id;
  const result = await imported(
    projectId,
    'desk',
    Array.from({ length: 10 }, (_, i) => qa(`Question ${i}?`, `Answer ${i}.`)),
  );
  datasetId = result.dataset.id;
  splitVersionId = (await core.call('datasets:split', { versionId: result.version.id, seed: 1, shares: { train: 0.8, validation: 0, test: 0.2 } })).version.id;
});
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('the answer an item contributes', () => {
  const base = { reviewCorrection: null, correction: null, choice: null, rating: null, answers: [{ label: 'Tuned', text: 'T' }] } as const;
  it('prefers the edit, then the correction, then the choice, then a lone answer nobody marked bad', () => {
    expect(answerOf({ ...base, reviewCorrection: 'E', correction: 'C', choice: 0 })).toBe('E');
    expect(answerOf({ ...base, correction: 'C', choice: 0 })).toBe('C');
    expect(
      answerOf({
        ...base,
        answers: [
          { label: 'A', text: 'a' },
          { label: 'B', text: 'b' },
        ],
        choice: 1,
      }),
    ).toBe('b');
    expect(answerOf(base)).toBe('T');
    expect(answerOf({ ...base, rating: 'down' })).toBeNull();
    expect(
      answerOf({
        ...base,
        answers: [
          { label: 'A', text: 'a' },
          { label: 'B', text: 'b' },
        ],
      }),
    ).toBeNull();
  });
});

describe('the inbox', () => {
  it('keeps what each source sent and who sent it, newest first, filtered by status', async () => {
    const fromEval = await core.call('inbox:add', {
      projectId,
      source: 'evaluate',
      prompt: ask('Where do I park?'),
      answers: [{ label: 'Tuned model', text: 'On the roof.' }],
      correction: 'Behind the building.',
      author: 'Dr. Weber',
    });
    expect(fromEval).toMatchObject({
      source: 'evaluate',
      status: 'pending',
      author: 'Dr. Weber',
      correction: 'Behind the building.',
      answer: 'Behind the building.',
    });
    const fromPlay = await core.call('inbox:add', {
      projectId,
      source: 'playground',
      prompt: ask('Are you open on Sunday?'),
      answers: [{ label: 'Tuned model', text: 'No, Monday to Friday only.' }],
      rating: 'up',
    });
    expect(fromPlay).toMatchObject({ author: 'user', rating: 'up', answer: 'No, Monday to Friday only.' });
    const list = await core.call('inbox:list', { projectId });
    expect(list.map((i) => i.id)).toEqual([fromPlay.id, fromEval.id]);
    expect(await core.call('inbox:list', { projectId, status: 'accepted' })).toEqual([]);
  });

  it('refuses bad input with a specific message and stores nothing', async () => {
    const before = (await core.call('inbox:list', { projectId })).length;
    const bad = [
      { projectId, source: 'evaluate', prompt: [], answers: [{ label: 'x', text: 'y' }] },
      { projectId, source: 'evaluate', prompt: [{ role: 'assistant', content: 'hi' }], answers: [{ label: 'x', text: 'y' }] },
      { projectId, source: 'review', prompt: ask('q'), answers: [{ label: 'a', text: 'A' }], choice: 1 },
      { projectId, source: 'chat', prompt: ask('q'), answers: [{ label: 'a', text: 'A' }] },
    ];
    for (const input of bad) await expect(core.call('inbox:add', input)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      core.call('inbox:add', { projectId, source: 'evaluate', runId: 'no-such-run', prompt: ask('q'), answers: [{ label: 'a', text: 'A' }] }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      core.call('inbox:add', { projectId: 'nope', source: 'evaluate', prompt: ask('q'), answers: [{ label: 'a', text: 'A' }] }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await core.call('inbox:list', { projectId })).length).toBe(before);
  });

  it('accepts with an edit, rejects, refuses to accept an item with no answer, and commits accepted items as a new version once', async () => {
    const [play, evaluate] = await core.call('inbox:list', { projectId, status: 'pending' });
    const preference = await core.call('inbox:add', {
      projectId,
      source: 'review',
      prompt: ask('Can I bring my dog?'),
      answers: [
        { label: 'Original model', text: 'Dogs are cats.' },
        { label: 'Tuned model', text: 'Only assistance dogs, please.' },
      ],
      choice: 1,
      author: 'Nurse Kim',
    });
    const thumbsDown = await core.call('inbox:add', {
      projectId,
      source: 'playground',
      prompt: ask('Fax number?'),
      answers: [{ label: 'Tuned', text: '42' }],
      rating: 'down',
    });
    await expect(core.call('inbox:decide', { id: thumbsDown.id, decision: 'accepted' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: /type the answer/,
    });
    expect((await core.call('inbox:decide', { id: thumbsDown.id, decision: 'rejected' })).status).toBe('rejected');

    const edited = await core.call('inbox:decide', { id: evaluate!.id, decision: 'accepted', correction: 'In the car park behind the building.' });
    expect(edited).toMatchObject({
      status: 'accepted',
      reviewCorrection: 'In the car park behind the building.',
      decidedBy: 'user',
      answer: 'In the car park behind the building.',
    });
    await core.call('inbox:decide', { id: preference.id, decision: 'accepted' });
    expect((await core.call('inbox:list', { projectId, status: 'pending' })).map((i) => i.id)).toEqual([play!.id]);

    const version = await core.call('inbox:commit', { projectId });
    expect(version).toMatchObject({ datasetId, parentId: splitVersionId, operation: 'inbox', examples: 12 });
    expect(version.details).toMatchObject({ added: 2, alreadyPresent: 0, split: 'train' });

    const page = await core.call('datasets:examples', { versionId: version.id, offset: 10, limit: 5 });
    const chats = page.rows.map((r) => r.messages);
    expect(chats).toEqual([
      [...ask('Where do I park?'), { role: 'assistant', content: 'In the car park behind the building.' }],
      [...ask('Can I bring my dog?'), { role: 'assistant', content: 'Only assistance dogs, please.' }],
    ]);
    expect(page.rows.map((r) => r.split)).toEqual(['train', 'train']);

    const committed = await core.call('inbox:list', { projectId, status: 'committed' });
    expect(committed.map((i) => i.committedVersionId)).toEqual([version.id, version.id]);
    const audit = (await core.call('audit:list', { limit: 20 })).find((a) => a.action === 'dataset.inbox');
    expect(audit).toMatchObject({ subject: version.id, details: expect.objectContaining({ datasetId, added: 2 }) });

    // Nothing accepted is left: a second commit is refused, and a committed item can no longer be decided.
    await expect(core.call('inbox:commit', { projectId })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /No accepted suggestions/ });
    await expect(core.call('inbox:decide', { id: preference.id, decision: 'rejected' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('names the dataset when there are several or the one named is not a chat dataset, and changes nothing on refusal', async () => {
    const other = await imported(projectId, 'notes', [{ text: 'Opening hours are eight to six.' }, { text: 'Parking is behind the building.' }]);
    // With one chat dataset (and a text one) that one is meant; with a second chat dataset the caller must say.
    await imported(projectId, 'desk-two', [qa('Fax?', 'We have none.')]);
    const item = await core.call('inbox:add', { projectId, source: 'playground', prompt: ask('Sunday?'), answers: [{ label: 'Tuned', text: 'Closed.' }] });
    await core.call('inbox:decide', { id: item.id, decision: 'accepted' });
    const versionsBefore = (await core.call('datasets:list', { projectId })).map((d) => d.versions.length);
    await expect(core.call('inbox:commit', { projectId })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /say which one/ });
    await expect(core.call('inbox:commit', { projectId, datasetId: other.dataset.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: /choose a chat dataset/,
    });
    expect((await core.call('datasets:list', { projectId })).map((d) => d.versions.length)).toEqual(versionsBefore);
    expect((await core.call('inbox:list', { projectId, status: 'accepted' })).map((i) => i.id)).toEqual([item.id]);
    const added = await core.call('inbox:commit', { projectId, datasetId });
    expect(added.details).toMatchObject({ added: 1 });

    // The same chat suggested again is already in the data: no new version, the item points at the latest one.
    const again = await core.call('inbox:add', { projectId, source: 'playground', prompt: ask('Sunday?'), answers: [{ label: 'Tuned', text: 'Closed.' }] });
    await core.call('inbox:decide', { id: again.id, decision: 'accepted' });
    expect((await core.call('inbox:commit', { projectId, datasetId })).id).toBe(added.id);
    expect((await core.call('inbox:list', { projectId, status: 'committed' })).find((i) => i.id === again.id)?.committedVersionId).toBe(added.id);
  });
});
