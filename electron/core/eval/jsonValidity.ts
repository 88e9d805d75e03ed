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

/**
 * What is wrong with a JSON Schema as the specialist pasted or loaded it (text), or null when ajv can compile it.
 * The words say which of the two went wrong: the text is not JSON at all, or it is JSON but not a schema.
 */
export function schemaProblem(text: string): string | null {
  if (text.trim() === '') return 'The schema is empty: paste a JSON Schema, or load one from a file.';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `The schema is not JSON: ${(e as Error).message}.`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'The schema must be a JSON object, such as {"type": "object", "required": ["dose"]}.';
  }
  try {
    jsonChecker(value);
    return null;
  } catch (e) {
    return (e as Error).message.endsWith('.') ? (e as Error).message : `${(e as Error).message}.`;
  }
}
