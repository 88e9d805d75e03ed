// The one render + tokenize + mask module: turns a chat sample into the exact token sequence training sees, with a
// loss mask. Training, data statistics and evaluation all go through it, so they can never disagree on a sample.
//
// - Each conversation is rendered with the base model's own chat template (node-llama-cpp's chat wrapper: the GGUF's
//   Jinja template when it has one).
// - Answer tokens are in the loss; system/user turns and template tokens are not. The end-of-turn token after an
//   answer is in the loss, so the model learns to stop.
// - Answer boundaries come from rendering the prompt alone and the prompt + answer: the answer is what the longer
//   rendering adds. A tokenizer can merge across that boundary (the prompt's tokens are then not a prefix of the
//   full sequence's); in that case the answer is tokenized on its own and appended (piecewise tokenization).
// - Multi-turn: every assistant turn is in the loss. If the template re-renders earlier turns differently once a
//   later turn exists (so the running sequence is not a prefix of the next prompt), each assistant turn becomes its
//   own sample with the earlier turns as unmasked context.
import type { ChatHistoryItem, ChatWrapper, LlamaModel, Token } from 'node-llama-cpp';
import type { Message, Sample } from '../../contract/domain.js';
import type { MaskedSample } from '../train/trainingFile.js';

export interface RenderedSample extends MaskedSample {
  /** True when an answer had to be tokenized separately (the tokenizer merged across the prompt/answer boundary). */
  piecewise: boolean;
}

/** Messages as node-llama-cpp's chat history (the shape its chat wrappers render). */
export function history(messages: readonly Message[]): ChatHistoryItem[] {
  return messages.map((m): ChatHistoryItem => {
    if (m.role === 'system') return { type: 'system', text: m.content };
    if (m.role === 'user') return { type: 'user', text: m.content };
    return { type: 'model', response: [m.content] };
  });
}

function isPrefix(prefix: readonly number[], of: readonly number[]): boolean {
  if (prefix.length > of.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== of[i]) return false;
  return true;
}

export class SampleRenderer {
  /** Tokens that close an answer (in the loss, so the model learns to stop). */
  readonly endOfTurn: readonly number[];

  constructor(
    private readonly model: LlamaModel,
    private readonly wrapper: ChatWrapper,
  ) {
    // The model's end-of-turn token when it has one (e.g. <|end|>, <|im_end|>, <|eot_id|>), else end-of-sequence.
    const eot = model.tokens.eot ?? model.tokens.eos;
    this.endOfTurn = eot === null ? [] : [eot as number];
  }

  private tokens(items: ChatHistoryItem[]): number[] {
    const text = this.wrapper.generateContextState({ chatHistory: items }).contextText;
    return text.tokenize(this.model.tokenizer).map(Number);
  }

  /** The prompt for assistant turn k: every message before it plus an opened, empty model turn. */
  private promptTokens(messages: readonly Message[], k: number): number[] {
    return this.tokens([...history(messages.slice(0, k)), { type: 'model', response: [] }]);
  }

  /** Answer tokens of assistant turn k (without end-of-turn), and whether piecewise tokenization was needed. */
  private answerTokens(messages: readonly Message[], k: number, prompt: number[]): { answer: number[]; piecewise: boolean } {
    const full = this.tokens(history(messages.slice(0, k + 1)));
    if (isPrefix(prompt, full)) return { answer: full.slice(prompt.length), piecewise: false };
    const content = messages[k]?.content ?? '';
    return { answer: this.model.tokenize(content, false).map(Number), piecewise: true };
  }

  /** One chat sample -> one masked token sequence (several only when the template breaks the prefix property). */
  render(sample: Sample): RenderedSample[] {
    const messages = sample.messages;
    const turns = messages.flatMap((m, i) => (m.role === 'assistant' ? [i] : []));
    if (turns.length === 0) throw new Error('a chat sample needs at least one assistant message');
    const out: RenderedSample[] = [];
    let tokens: number[] = [];
    let mask: number[] = [];
    let piecewise = false;
    for (const k of turns) {
      const prompt = this.promptTokens(messages, k);
      if (!isPrefix(tokens, prompt)) {
        // the template rendered earlier turns differently: close this sequence, start again from the new prompt
        out.push({ tokens, mask, piecewise });
        tokens = [];
        mask = [];
        piecewise = false;
      }
      const added = prompt.slice(tokens.length);
      tokens.push(...added);
      mask.push(...added.map(() => 0));
      const a = this.answerTokens(messages, k, prompt);
      piecewise ||= a.piecewise;
      const answer = [...a.answer, ...this.endOfTurn];
      tokens.push(...answer);
      mask.push(...answer.map(() => 1));
    }
    out.push({ tokens, mask, piecewise });
    return out.filter((s) => s.tokens.length > 0);
  }

  /** Raw text for continued pre-training: every token (after the first) in the loss. */
  renderText(text: string): RenderedSample {
    const bos = this.model.tokens.bos;
    const tokens = [...(bos === null ? [] : [bos as number]), ...this.model.tokenize(text, false).map(Number)];
    return { tokens, mask: tokens.map(() => 1), piecewise: false };
  }

  detokenize(tokens: readonly number[]): string {
    return this.model.detokenize(
      tokens.map((t) => t as Token),
      true,
    );
  }
}

/** The chat wrapper node-llama-cpp would use for this model (resolving a Jinja template takes a moment: reuse it). */
export async function createRenderer(model: LlamaModel): Promise<SampleRenderer> {
  const { resolveChatWrapper } = await import('node-llama-cpp');
  return new SampleRenderer(model, resolveChatWrapper(model));
}
