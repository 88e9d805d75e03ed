import { FIELD_KINDS, PII_TYPE_NAMES, type PiiType } from '../../../../electron/contract/pii.js';
import type { DomainTemplate } from '../../../../electron/contract/domain.js';

/**
 * The kinds offered for a project's field (a clinic sees no docket or bar numbers), or every kind once the person
 * asks; a kind already chosen or found stays listed either way, so nothing in use is hidden.
 */
export function kindsFor(domain: DomainTemplate | null, showAll: boolean, inUse: readonly PiiType[] = []): PiiType[] {
  if (showAll || !domain) return [...PII_TYPE_NAMES];
  const fit = new Set<PiiType>([...FIELD_KINDS[domain], ...inUse]);
  return PII_TYPE_NAMES.filter((t) => fit.has(t));
}

export const hiddenKinds = (domain: DomainTemplate | null): number => (domain ? PII_TYPE_NAMES.length - FIELD_KINDS[domain].length : 0);
