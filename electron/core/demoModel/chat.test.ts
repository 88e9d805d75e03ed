// The demo model must be usable the way the app uses a real model: node-llama-cpp loads it, picks the chat format from
// the GGUF's own template, and a chat turn ends at the template's end-of-turn token.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  getLlama,
  JinjaTemplateChatWrapper,
  LlamaChatSession,
  LlamaLogLevel,
  resolveChatWrapper,
  TokenBias,
  type Llama,
  type LlamaModel,
  type Token,
} from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoModel, type DemoModelResult } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'fieldtune-demo-chat-'));
let llama: Llama;
let model: LlamaModel;
let demo: DemoModelResult;
// resolveChatWrapper costs ~2 s for a Jinja template (it compares the template with every built-in format), so the
// test resolves once and reuses it where the detection itself is not what is being tested.
let wrapper: ReturnType<typeof resolveChatWrapper>;

beforeAll(async () => {
  demo = await writeDemoModel({ out: join(dir, 'demo.gguf') }); // the default: phi-3 vocabulary, 4 x 256
  // build: 'never' so a missing prebuilt binary fails fast instead of compiling llama.cpp inside a test.
  llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  model = await llama.loadModel({ modelPath: demo.path });
  wrapper = resolveChatWrapper(model);
});

afterAll(async () => {
  await llama?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** A chat session; with `detect`, LlamaChatSession picks the chat format itself, as the app's default path does. */
async function session(detect: boolean) {
  // threads: 1 explicitly; the default thread count is very slow on a loaded 2-core machine (SETUP-FACTS).
  const context = await model.createContext({ contextSize: 256, threads: 1 });
  const systemPrompt = 'You answer briefly.';
  const chat = new LlamaChatSession({ contextSequence: context.getSequence(), systemPrompt, ...(detect ? {} : { chatWrapper: wrapper! }) });
  return { context, chat };
}

describe('demo model in node-llama-cpp', () => {
  it("uses the GGUF's own Phi-3.5 template, not a generic fallback", () => {
    expect(wrapper).toBeInstanceOf(JinjaTemplateChatWrapper);
    const text = wrapper!
      .generateContextState({
        chatHistory: [
          { type: 'system', text: 'Be brief.' },
          { type: 'user', text: 'Hi' },
          { type: 'model', response: ['Hello'] },
          { type: 'user', text: 'Again' },
          { type: 'model', response: [] },
        ],
      })
      .contextText.toString();
    expect(text).toBe('<|system|>\nBe brief.<|end|>\n<|user|>\nHi<|end|>\n<|assistant|>\nHello<|end|>\n<|user|>\nAgain<|end|>\n<|assistant|>\n');
  });

  it('generates a reply through LlamaChatSession with a system prompt', async () => {
    const { context, chat } = await session(true);
    expect(chat.chatWrapper).toBeInstanceOf(JinjaTemplateChatWrapper);
    const reply = await chat.promptWithMeta('Hello, who are you?', { maxTokens: 8, temperature: 0 });
    expect(reply.responseText.length).toBeGreaterThan(0); // random weights: gibberish, but real tokens
    expect(reply.stopReason).toBe('maxTokens');
    expect(chat.getChatHistory().map((h) => h.type)).toEqual(['system', 'user', 'model']);
    await context.dispose();
  });

  it('ends a turn at <|end|>, the end-of-turn token', async () => {
    const [end] = model.tokenize('<|end|>', true);
    expect(end).toBe(32007);
    expect(model.tokens.eot).toBe(end);
    expect(model.isEogToken(end!)).toBe(true);
    // Forbid every token that does not end generation: the first sampled token must end the turn, and the session
    // must stop there (not run to maxTokens) and keep the marker out of the reply.
    const onlyEnd = new TokenBias(model.tokenizer);
    for (let i = 0; i < demo.params.vocabSize; i++) {
      const t = i as Token; // Token is a branded number
      if (!model.isEogToken(t)) onlyEnd.set(t, 'never');
    }
    const { context, chat } = await session(false);
    const first = await chat.promptWithMeta('Hi', { maxTokens: 8, temperature: 0, tokenBias: onlyEnd });
    expect(first.stopReason).toBe('eogToken');
    expect(first.responseText).toBe('');
    // The next turn still works and sees the closed turn in the template's format.
    const second = await chat.promptWithMeta('Again', { maxTokens: 4, temperature: 0 });
    expect(second.responseText.length).toBeGreaterThan(0);
    const rendered = chat.chatWrapper.generateContextState({ chatHistory: chat.getChatHistory() }).contextText.toString();
    expect(rendered).toContain('<|user|>\nHi<|end|>\n<|assistant|>\n<|end|>\n<|user|>\nAgain<|end|>\n<|assistant|>\n');
    await context.dispose();
  });
});
