// Does the base model's vocabulary hold the markers its chat template writes? A template such as ChatML frames every
// turn with <|im_start|> and <|im_end|>; in a vocabulary without those tokens each marker falls apart into several
// plain-text pieces, so the model would learn (and later expect) a conversation format it cannot really read. Such a
// base is refused before a run starts (a GGUF assembled from mismatched parts, or a template copied from another model).
import type { ChatHistoryItem, ChatWrapper, LlamaModel } from 'node-llama-cpp';

// Angle-bracket control markers: <|im_start|>, <start_of_turn>, <|eot_id|>, </s>, <s>. Bracketed markers such as
// Llama 2's [INST] are ordinary text in their own vocabularies, so they are not checked.
const MARKER = /<\|?\/?[A-Za-z_][A-Za-z0-9_.|-]*\|?>/g;

const PROBE: ChatHistoryItem[] = [
  { type: 'system', text: 'x' },
  { type: 'user', text: 'y' },
  { type: 'model', response: ['z'] },
];

/** The template's markers that are not one token of the model's vocabulary (empty when they all are). */
export function missingTemplateMarkers(model: LlamaModel, wrapper: ChatWrapper): string[] {
  const text = wrapper.generateContextState({ chatHistory: PROBE }).contextText;
  const rendered = text.values.map((v) => (typeof v === 'string' ? v : ((v.toJSON() as { value?: unknown }).value ?? ''))).join('');
  const markers = new Set(rendered.match(MARKER) ?? []);
  return [...markers].filter((m) => model.tokenize(m, true).length !== 1);
}
