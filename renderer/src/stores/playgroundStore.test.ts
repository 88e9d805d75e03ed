// Who answers for each choice in the Playground, and what each model reads: its own earlier answers, never the other
// column's, after the instructions.
import { describe, expect, it } from 'vitest';
import type { TrainingRun } from '../../../electron/contract/train.js';
import { columnsOf, conversation, type Turn } from './playgroundStore.js';

const run = { id: 'r1', baseModelId: 'm1' } as TrainingRun;
const models = [{ id: 'm1' }, { id: 'm2' }] as Parameters<typeof columnsOf>[0]['models'];

describe('playground columns', () => {
  it('puts the original beside the tuned model, or either alone', () => {
    const both = columnsOf({ runs: [run], models, runId: 'r1', modelId: 'm2', compare: true, scale: 0.5 });
    expect(both.map((c) => [c.id, c.target])).toEqual([
      ['base', { kind: 'base', modelId: 'm1' }],
      ['tuned', { kind: 'run', runId: 'r1', scale: 0.5 }],
    ]);
    expect(columnsOf({ runs: [run], models, runId: 'r1', modelId: 'm2', compare: false, scale: 1 }).map((c) => c.id)).toEqual(['tuned']);
    expect(columnsOf({ runs: [run], models, runId: null, modelId: 'm2', compare: true, scale: 1 }).map((c) => c.target)).toEqual([
      { kind: 'base', modelId: 'm2' },
    ]);
    expect(columnsOf({ runs: [], models: [], runId: null, modelId: null, compare: true, scale: 1 })).toEqual([]);
  });

  it('gives each model its own history after the instructions', () => {
    const reply = (text: string) => ({ replyId: null, text, state: 'done' as const, stats: null, error: null, scale: null, saved: null, saving: false });
    const turns: Turn[] = [
      { id: 1, user: 'Hello', replies: { base: reply('Hi from base'), tuned: reply('Hi from tuned') } },
      { id: 2, user: 'And then?', replies: { base: reply(''), tuned: reply('') } },
    ];
    expect(conversation('  Be brief. ', turns, 'tuned', 2)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi from tuned' },
      { role: 'user', content: 'And then?' },
    ]);
    expect(conversation('', turns, 'base', 1)).toEqual([{ role: 'user', content: 'Hello' }]);
  });
});
