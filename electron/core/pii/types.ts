// Shared types of the PII core. Pure TypeScript: no electron, react or sqlite imports, so every host can use it.
import type { PiiType as ContractPiiType, RedactionPolicy as ContractPolicy, SpanPosition } from '../../contract/pii.js';
import { PII_TYPE_NAMES } from '../../contract/piiTypeNames.js';

/** Closed set of identifier types (HIPAA Safe Harbor's list plus the legal ones): the contract's list, one definition. */
export const PII_TYPES = PII_TYPE_NAMES;
export type PiiType = ContractPiiType;

export function isPiiType(value: string): value is PiiType {
  return (PII_TYPES as readonly string[]).includes(value);
}

/** Which rule produced a span; also used to break ties when candidates overlap. */
export type SpanSource = 'checksum' | 'pattern' | 'context' | 'dictionary' | 'propagation' | 'reviewer';

/**
 * One detected identifier. start/end are UTF-16 code-unit offsets into the decoded input exactly as given
 * (CRLF and astral characters included): `text === input.slice(start, end)` always holds.
 */
export interface PiiSpan extends SpanPosition {
  /** 0..1, how sure the rule is; used to rank overlapping candidates. */
  confidence: number;
  source: SpanSource;
}

export type { RedactionPolicy } from '../../contract/pii.js';

export const DEFAULT_POLICY: ContractPolicy = { types: [...PII_TYPES] };

export type { RedactionMode } from '../../contract/pii.js';
