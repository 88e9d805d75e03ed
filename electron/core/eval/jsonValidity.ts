// JSON answers: does the answer parse as JSON, and (when the specialist gives a JSON Schema) does it fit the schema.
// Models often wrap JSON in a fenced code block; the fence is accepted, nothing else around the value is.
import { Ajv, type ValidateFunction } from 'ajv';
import { FieldtuneError } from '../../contract/errors.js';

const FENCE = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/;

export function parseJsonAnswer(answer: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = answer.trim();
  const body = FENCE.exec(trimmed)?.[1] ?? trimmed;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

/** True when the text is a JSON object or array (a reference answer "looks like JSON", so validity is worth scoring). */
export function looksLikeJson(text: string): boolean {
  const p = parseJsonAnswer(text);
  return p.ok && typeof p.value === 'object' && p.value !== null;
}

export type JsonCheck = (answer: string) => { valid: boolean; fitsSchema: boolean | null };

/** A checker for answers; a schema that is not a valid JSON Schema is refused up front. */
export function jsonChecker(schema?: unknown): JsonCheck {
  let validate: ValidateFunction | null = null;
  if (schema !== undefined) {
    try {
      validate = new Ajv({ allErrors: false, strict: false }).compile(schema as object);
    } catch (e) {
      throw new FieldtuneError('INVALID_INPUT', `The JSON schema is not valid: ${(e as Error).message}`, {
        details: { reason: 'invalidSchema' },
      });
    }
  }
  return (answer) => {
    const p = parseJsonAnswer(answer);
    if (!p.ok) return { valid: false, fitsSchema: validate ? false : null };
    return { valid: true, fitsSchema: validate ? validate(p.value) : null };
  };
}
