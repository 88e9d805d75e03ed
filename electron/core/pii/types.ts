// Shared types of the PII core. Pure TypeScript: no electron, react or sqlite imports, so every host can use it.

/** Closed set of identifier types: HIPAA Safe Harbor's list plus the legal ones. */
export const PII_TYPES = [
  'NAME', 'LOCATION', 'ZIP', 'DATE', 'AGE', 'PHONE', 'FAX', 'EMAIL', 'SSN', 'MRN', 'HEALTH_PLAN', 'ACCOUNT',
  'LICENSE', 'VEHICLE', 'DEVICE', 'URL', 'IP', 'ID', 'CASE_NUMBER', 'BAR_NUMBER',
] as const;
export type PiiType = (typeof PII_TYPES)[number];

export function isPiiType(value: string): value is PiiType {
  return (PII_TYPES as readonly string[]).includes(value);
}

/** Which rule produced a span; also used to break ties when candidates overlap. */
export type SpanSource = 'checksum' | 'pattern' | 'context' | 'dictionary' | 'propagation' | 'reviewer';

/**
 * One detected identifier. start/end are UTF-16 code-unit offsets into the decoded input exactly as given
 * (CRLF and astral characters included): `text === input.slice(start, end)` always holds.
 */
export interface PiiSpan {
  start: number;
  end: number;
  type: PiiType;
  text: string;
  /** 0..1, how sure the rule is; used to rank overlapping candidates. */
  confidence: number;
  source: SpanSource;
}

/** Which identifier types a redaction acts on. */
export interface RedactionPolicy {
  types: PiiType[];
}

export const DEFAULT_POLICY: RedactionPolicy = { types: [...PII_TYPES] };

export type RedactionMode = 'mask' | 'pseudonym';
