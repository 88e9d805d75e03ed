import type { ExportFormat } from '../../../../electron/contract/adapters.js';

/** Each format in plain words: what it is for, and who can use it. */
export const FORMATS: readonly { id: ExportFormat; label: string; help: string }[] = [
  { id: 'bundle', label: 'Share bundle for colleagues', help: 'One signed file a colleague imports into Fieldtune. Add a passphrase to encrypt it.' },
  { id: 'gguf', label: 'Adapter file (llama.cpp)', help: 'The small add-on file. Tools like llama.cpp and LM Studio load it next to the original model.' },
  {
    id: 'merged',
    label: 'Complete model (merged)',
    help: 'The original model with the adapter built in, compressed to a size you choose. Larger file, works in any GGUF tool.',
  },
  {
    id: 'ollama',
    label: 'Ollama',
    help: 'A folder with a Modelfile: Ollama loads the original model and applies the adapter (its ADAPTER instruction), with the chat format and system prompt.',
  },
  { id: 'peft', label: 'Hugging Face (PEFT)', help: 'The adapter in the format Python training tools use, for engineers.' },
  {
    id: 'job',
    label: 'Training job package',
    help: 'Your (privacy-protected) examples and settings for an engineer to train on a bigger GPU machine. This takes data off this computer.',
  },
];
