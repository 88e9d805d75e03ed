// Issue 14 item 3: a blinded review. Before the sign-off nothing a request returns says which side wrote which answer;
// verdicts given in shown order are stored by real side; sign-off needs every pair judged, writes the audit row with
// reviewer, time, runs and result, and reveals the sides; the choices can then go to the inbox as preference data.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';

const tmp = tempDir('fieldtune-review-');
let core: Core;
let projectId: string;

const LABEL_A = 'Original model zq';
const LABEL_B = 'Tuned model xk';
// Side B's answers all say "tuned", side A's "base", so the test can tell which side a shown answer came from.
const pairs = Array.from({ length: 12 }, (_, i) => ({
  prompt: `Question ${i}?`,
  answerA: `base answer ${i}`,
  answerB: `tuned answer ${i}`,
  category: i % 2 ? 'billing' : 'visits',
}));

beforeAll(async () => {
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
  projectId = (await core.call('projects:create', { name: 'Desk' })).id;
});
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('a blinded review', () => {
  it('hides the sides until the sign-off, then reveals them with the win rate, and audits the sign-off', async () => {
    const created = await core.call('review:create', { projectId, labelA: LABEL_A, labelB: LABEL_B, items: pairs });
    const { id } = created;
    const blind = await core.call('review:get', { id });
    expect(blind.reveal).toBeNull();
    // No label, run or side anywhere in what the reviewer's screen receives, per item or for the session.
    const text = JSON.stringify(blind);
    expect(text).not.toContain(LABEL_A);
    expect(text).not.toContain(LABEL_B);
    for (const item of blind.items) expect(Object.keys(item).sort()).toEqual(['answers', 'category', 'comment', 'position', 'prompt', 'ratings', 'verdict']);
    expect(JSON.stringify(await core.call('review:list', { projectId }))).not.toContain(LABEL_B);
    // The order is drawn per pair: both sides appear first somewhere (12 pairs: all one way has odds 1 in 2048).
    const firstIsB = blind.items.map((it) => it.answers[0].startsWith('tuned'));
    expect(new Set(firstIsB).size).toBe(2);
    // A reload shows the same order.
    expect((await core.call('review:get', { id })).items.map((it) => it.answers)).toEqual(blind.items.map((it) => it.answers));

    // The reviewer prefers the tuned answer in 10 pairs, the base answer once, and calls one a tie; rates one pair.
    for (const item of blind.items) {
      const tunedShown = item.answers[0].startsWith('tuned') ? 'first' : 'second';
      const baseShown = tunedShown === 'first' ? 'second' : 'first';
      const verdict = item.position === 0 ? baseShown : item.position === 1 ? 'tie' : tunedShown;
      const judged = await core.call('review:judge', {
        id,
        position: item.position,
        verdict,
        ...(item.position === 2 ? { ratings: { [tunedShown]: { accuracy: 5, style: 4 }, [baseShown]: { accuracy: 2 } }, comment: 'Tuned is right.' } : {}),
      });
      expect(judged.verdict).toBe(verdict);
    }

    const signed = await core.call('review:sign-off', { id, reviewer: 'Dr. Ana Weber' });
    expect(signed.reviewer).toBe('Dr. Ana Weber');
    expect(signed.signedOffAt).not.toBeNull();
    const reveal = signed.reveal!;
    expect(reveal).toMatchObject({ labelA: LABEL_A, labelB: LABEL_B });
    expect(reveal.firstShown.map((f) => f.side === 'B')).toEqual(firstIsB);
    expect(reveal.result).toMatchObject({ total: 12, winsA: 1, winsB: 10, ties: 1, winner: 'B' });
    expect(reveal.result.winRateB.rate).toBeCloseTo(10.5 / 12, 10);
    expect(reveal.result.winRateB.low).toBeGreaterThan(0.5);
    expect(reveal.result.meanRatings).toEqual({ A: { accuracy: 2, relevance: null, style: null }, B: { accuracy: 5, relevance: null, style: 4 } });
    expect(reveal.result.byCategory.map((c) => [c.category, c.total])).toEqual([
      ['billing', 6],
      ['visits', 6],
    ]);

    const audit = (await core.call('audit:list', { limit: 10 })).find((a) => a.action === 'review.sign-off');
    expect(audit).toMatchObject({ actor: 'Dr. Ana Weber', subject: id });
    expect(audit!.details).toMatchObject({
      reviewer: 'Dr. Ana Weber',
      labelA: LABEL_A,
      labelB: LABEL_B,
      runA: null,
      runB: null,
      result: { winsB: 10, winner: 'B' },
    });

    // Signed is final.
    await expect(core.call('review:judge', { id, position: 0, verdict: 'tie' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(core.call('review:sign-off', { id, reviewer: 'Someone else' })).rejects.toMatchObject({ code: 'CONFLICT' });

    // The choices (not the tie) go to the inbox once, as preference data naming both answers and the choice.
    expect(await core.call('review:to-inbox', { id })).toEqual({ added: 11 });
    const inbox = await core.call('inbox:list', { projectId });
    expect(inbox).toHaveLength(11);
    const first = inbox.find((i) => i.prompt[0]?.content === 'Question 0?')!;
    expect(first).toMatchObject({ source: 'review', author: 'Dr. Ana Weber', choice: 0, answer: 'base answer 0' });
    expect(first.answers.map((a) => a.label)).toEqual([LABEL_A, LABEL_B]);
    await expect(core.call('review:to-inbox', { id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a sign-off with pairs left, naming them, and bad input with specific messages', async () => {
    const { id } = await core.call('review:create', { projectId, labelA: 'A', labelB: 'B', items: pairs.slice(0, 3) });
    await core.call('review:judge', { id, position: 1, verdict: 'tie' });
    await expect(core.call('review:sign-off', { id, reviewer: 'Kim' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: /2 of 3 pairs have no verdict yet \(#1, #3\)/,
    });
    await expect(core.call('review:to-inbox', { id })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /Sign the review off first/ });
    await expect(core.call('review:judge', { id, position: 7, verdict: 'tie' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: /no pair #8/ });
    await expect(core.call('review:judge', { id, position: 0, verdict: 'first', ratings: { first: { accuracy: 6 } } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(core.call('review:sign-off', { id, reviewer: '  ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(core.call('review:create', { projectId, labelA: 'Same', labelB: 'Same', items: pairs })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(core.call('review:create', { projectId, labelA: 'A', labelB: 'B', items: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(core.call('review:create', { projectId, runB: 'no-run', labelA: 'A', labelB: 'B', items: pairs })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await core.call('review:list', { projectId })).length).toBe(2);
  });
});
