// Typed errors that cross a host boundary. Every failure a caller can see has one of these codes.
import { z } from 'zod';

export const ErrorCode = z.enum([
  'BAD_REQUEST', // the request did not match the contract
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_INPUT', // well-formed, but the data it names is unusable (a missing file, a non-GGUF model)
  'CANCELLED',
  'UNAUTHORIZED',
  'WORKSPACE_TOO_NEW',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorPayload = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Field-level problems, for BAD_REQUEST. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

/** Thrown by core code; hosts turn it into an ErrorPayload unchanged. */
export class FieldtuneError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorPayload['issues'],
  ) {
    super(message);
    this.name = 'FieldtuneError';
  }

  toPayload(): ErrorPayload {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}
