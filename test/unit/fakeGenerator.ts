// A deterministic stand-in for a local model in generation tests: each reply follows from the prompt's text alone
// (a question names the passage's first words, an answer is its first sentence, a variation repeats the question), and
// a test may plant a reply. `contextChars` plays the context size for fits().
import type { Message } from '../../electron/contract/domain.js';
import type { GenerateOptions, Generator } from '../../electron/core/eval/generator.js';

/** Answers from the prompt's text alone, so every run gives the same replies; `reply` may plant one. */
export function fakeGenerator(reply?: (prompt: string) => string | undefined, contextChars = 100_000): Generator & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    prompts,
    fits: (p: readonly Message[], maxNewTokens: number) => p.map((m) => m.content).join('\n').length + maxNewTokens <= contextChars,
    async generate(ps: readonly (readonly Message[])[], o: GenerateOptions) {
      const out: string[] = [];
      for (const p of ps) {
        if (o.signal?.aborted) throw new Error('cancelled');
        const text = p.at(-1)!.content;
        prompts.push(text);
        const planted = reply?.(text);
        const passage = /"""\n([\s\S]*?)\n"""/.exec(text)?.[1] ?? '';
        const firstWords = passage.split(/\s+/).slice(0, 4).join(' ');
        const n = (text.match(/different from:/) ? (text.match(/"[^"]+\?"/g) ?? []).length : 0) + 1;
        let answer: string;
        if (planted !== undefined) answer = planted;
        else if (text.startsWith('Passage'))
          answer = text.includes('Question:') ? `Answer: ${passage.split('.')[0]}.` : `Question: What does "${firstWords}" mean, part ${n}?`;
        else answer = `Rewritten: ${/Question: (.*)$/m.exec(text)?.[1] ?? ''} (${text.slice(27, 40)})`;
        // streams word by word, as node-llama-cpp streams tokens
        answer.split(' ').forEach((_, k) => o.onToken?.(out.length, k + 1));
        out.push(answer);
        o.onAnswer?.(out.length, out.length - 1);
      }
      return out;
    },
  };
}
