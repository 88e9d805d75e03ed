// Does a LoRA adapter belong to this base model? llama.cpp pairs each `<name>.lora_a/.lora_b` with the base tensor
// `<name>` and checks shapes (src/llama-adapter.cpp); an adapter made for another base fails there with a message a
// specialist cannot act on, or worse, loads onto a base of the same shape. Checked here up front from both headers:
// same architecture, every target tensor present, shapes that fit.
import { FieldtuneError } from '../../contract/errors.js';
import { keyValueMap, readGgufHeader } from '../gguf/index.js';

export async function checkAdapterFitsBase(adapterPath: string, basePath: string): Promise<void> {
  const [adapter, base] = await Promise.all([readGgufHeader(adapterPath), readGgufHeader(basePath)]);
  const arch = (h: typeof adapter) => {
    const v = keyValueMap(h).get('general.architecture');
    return v && typeof v.value === 'string' ? v.value : null;
  };
  const refuse = (why: string) =>
    new FieldtuneError('INVALID_INPUT', `This adapter was made for another base model: ${why}.`, { details: { reason: 'adapterForAnotherBase' } });
  const a = arch(adapter);
  const b = arch(base);
  if (a && b && a !== b) throw refuse(`it is for a ${a} model, the base is ${b}`);
  const baseTensors = new Map(base.tensors.map((t) => [t.name, t.dims]));
  const loraTensors = adapter.tensors.filter((t) => t.name.endsWith('.lora_a') || t.name.endsWith('.lora_b'));
  if (loraTensors.length === 0) throw new FieldtuneError('INVALID_INPUT', 'The adapter file holds no LoRA tensors.', { details: { reason: 'notAnAdapter' } });
  for (const t of loraTensors) {
    const target = t.name.slice(0, -'.lora_a'.length);
    const w = baseTensors.get(target);
    if (!w) throw refuse(`the base has no tensor ${target}`);
    const fits = t.name.endsWith('.lora_a') ? t.dims[0] === w[0] : t.dims[1] === w[1];
    if (!fits) throw refuse(`${t.name} has shape [${t.dims.join(', ')}], the base's ${target} is [${w.join(', ')}]`);
  }
}
