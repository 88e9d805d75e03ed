// The envelope used by every transport (Electron IPC, WebSocket, CLI 'call'), and the one validation path.
import { z } from 'zod';
import { ErrorPayload, FieldtuneError } from './errors.js';
import { isMethod, requests, type Method, type ParsedInput } from './requests.js';
import type { EventName, EventPayload } from './events.js';

export const RequestEnvelope = z.object({
  id: z.union([z.string().max(64), z.number().int()]),
  method: z.string().max(64),
  params: z.unknown().optional(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelope>;

export type ResponseEnvelope = { id: string | number | null; ok: true; result: unknown } | { id: string | number | null; ok: false; error: ErrorPayload };

/** A pushed event; a union over every event name, so `event` narrows `payload`. */
export type EventEnvelope = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

/** Flattens zod issues into 'path: message' pairs a person can read. */
export function describeIssues(error: z.ZodError): NonNullable<ErrorPayload['issues']> {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));
}

/** Validates a method name and its params against the contract. Throws FieldtuneError on any mismatch. */
export function parseRequest<M extends Method>(method: unknown, params: unknown): { method: M; input: ParsedInput<M> } {
  if (!isMethod(method)) {
    throw new FieldtuneError('UNKNOWN_METHOD', `Unknown request '${String(method).slice(0, 64)}'`);
  }
  const parsed = requests[method].input.safeParse(params ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    const first = issues[0];
    throw new FieldtuneError('BAD_REQUEST', `Invalid request '${method}': ${first ? `${first.path}: ${first.message}` : 'bad input'}`, { issues });
  }
  return { method: method as M, input: parsed.data as ParsedInput<M> };
}

/** Turns anything thrown into an ErrorPayload; unexpected errors keep their message but are marked INTERNAL. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof FieldtuneError) return error.toPayload();
  // a disk that filled up during the work (the free-space checks up front estimate, they cannot foresee everything)
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return {
      code: 'INVALID_INPUT',
      message: 'The disk is full, so this stopped before it finished. Free some space and try again.',
      details: { reason: 'disk-full' },
    };
  }
  if (error instanceof Error) return { code: 'INTERNAL', message: error.message };
  return { code: 'INTERNAL', message: String(error) };
}
