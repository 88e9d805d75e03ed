// Typed errors that cross a host boundary. Every failure a caller can see has one of these codes.
//
// The core words an error for nobody in particular: its message never names a command-line flag or a button. When a
// setting the caller controls would fix it, the error names that setting in `fix` (a key below, plus a suggested
// value), and each host words the advice for its audience: the CLI names its flag (electron/cli/errorWords.ts), the
// app names its control (renderer/src/errorWords.ts). Nothing rewrites messages with patterns.
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

/** Settings a caller can change to get past an error; each host has its own words for each one. */
export const FixSetting = z.enum(['skipBad', 'encoding', 'format', 'map', 'overwrite', 'passphrase']);
export type FixSetting = z.infer<typeof FixSetting>;

export const ErrorFix = z.object({
  setting: FixSetting,
  /** A value worth trying (an encoding name, a 'column=field' pair); absent when the caller must choose. */
  value: z.string().optional(),
});
export type ErrorFix = z.infer<typeof ErrorFix>;

export const ErrorPayload = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Field-level problems, for BAD_REQUEST. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Facts about the failure a host or a test can use without parsing the message (a line number, a column). */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  /** The setting that would get past this error; the host words it (see the top of this file). */
  fix: ErrorFix.optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

export interface ErrorExtras {
  issues?: ErrorPayload['issues'];
  details?: ErrorPayload['details'];
  fix?: ErrorFix;
}

/** Thrown by core code; hosts turn it into an ErrorPayload unchanged. */
export class FieldtuneError extends Error {
  readonly issues: ErrorPayload['issues'];
  readonly details: ErrorPayload['details'];
  readonly fix: ErrorFix | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    extras: ErrorExtras | ErrorPayload['issues'] = {},
  ) {
    super(message);
    this.name = 'FieldtuneError';
    const e: ErrorExtras = Array.isArray(extras) ? { issues: extras } : (extras ?? {});
    this.issues = e.issues;
    this.details = e.details;
    this.fix = e.fix;
  }

  toPayload(): ErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.details ? { details: this.details } : {}),
      ...(this.fix ? { fix: this.fix } : {}),
    };
  }

  static fromPayload(p: ErrorPayload): FieldtuneError {
    return new FieldtuneError(p.code, p.message, {
      ...(p.issues ? { issues: p.issues } : {}),
      ...(p.details ? { details: p.details } : {}),
      ...(p.fix ? { fix: p.fix } : {}),
    });
  }
}

/** One advice per fix setting, in the words of one host. */
export type FixWords = { [S in FixSetting]: (value: string | undefined) => string };

/** The message with the host's advice joined on: "Line 3: not valid JSON; fix it, or <advice>." */
export function wordError(p: Pick<ErrorPayload, 'message' | 'fix'>, words: FixWords): string {
  if (!p.fix) return p.message;
  const base = p.message.replace(/[.\s]+$/, '');
  return `${base}; ${words[p.fix.setting](p.fix.value)}.`;
}
