// Test examples as prompts: the prompt is every message before the last answer, the reference is that answer. The
// prompting baseline adds a system prompt and K worked examples ("shots") from other examples before the prompt,
// dropping shots from the end until it fits the context.
import type { Message, Sample } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';

export interface TestItem {
  prompt: Message[];
  reference: string;
  category: string | null;
}

export function toTestItem(sample: Sample, index: number): TestItem {
  const last = sample.messages.map((m) => m.role).lastIndexOf('assistant');
  if (last < 1 || !sample.messages.slice(0, last).some((m) => m.role === 'user')) {
    throw new FieldtuneError('INVALID_INPUT', `Test example ${index + 1} has no question and answer to compare against`, {
      details: { reason: 'noAnswer', example: index },
    });
  }
  const meta = sample.metadata ?? {};
  const label = meta['category'] ?? meta['topic'] ?? meta['label'] ?? null;
  return { prompt: sample.messages.slice(0, last), reference: sample.messages[last]!.content, category: label === null ? null : String(label) };
}

export interface BaselineOptions {
  shots: number;
  /** Where shots come from; the test items themselves (leaving out the one being answered) when absent. */
  pool?: readonly TestItem[];
  /** Used when the example has no system message of its own. */
  systemPrompt?: string | null;
}

function shotMessages(item: TestItem): Message[] {
  const users = item.prompt.filter((m) => m.role === 'user');
  return [
    { role: 'user', content: users[users.length - 1]!.content },
    { role: 'assistant', content: item.reference },
  ];
}

/** The baseline prompt for items[index] and how many shots it carries. */
export function baselinePrompt(
  items: readonly TestItem[],
  index: number,
  o: BaselineOptions,
  fits: (prompt: readonly Message[]) => boolean,
): { prompt: Message[]; shots: number } {
  const item = items[index]!;
  const own = item.prompt.find((m) => m.role === 'system')?.content ?? null;
  const system = own ?? o.systemPrompt ?? null;
  const pool = o.pool ? [...o.pool] : items.filter((_, i) => i !== index);
  const rest = item.prompt.filter((m) => m.role !== 'system');
  for (let k = Math.min(o.shots, pool.length); k >= 0; k--) {
    const prompt: Message[] = [...(system ? [{ role: 'system' as const, content: system }] : []), ...pool.slice(0, k).flatMap(shotMessages), ...rest];
    if (k === 0 || fits(prompt)) return { prompt, shots: k };
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}
