// Domain starting points (resources/templates/*.json): which identifier types to redact, a suggested system
// prompt and a small sample dataset. Validated with zod so a broken template fails loudly at load time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { resourcePath } from '../appPaths.js';
import { PII_TYPES } from './types.js';
import type { RedactionPolicy } from './types.js';

export const TEMPLATE_DOMAINS = ['medical', 'legal', 'finance', 'education'] as const;
export type TemplateDomain = (typeof TEMPLATE_DOMAINS)[number];

const ChatMessage = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().min(1) }).strict();
export const DomainTemplateFile = z
  .object({
    domain: z.enum(TEMPLATE_DOMAINS),
    title: z.string().min(1),
    description: z.string().min(1),
    identifierTypes: z.array(z.enum(PII_TYPES)).min(1),
    systemPrompt: z.string().min(1),
    samples: z.array(z.object({ messages: z.array(ChatMessage).min(2) }).strict()).min(1),
  })
  .strict();
export type DomainTemplateFile = z.infer<typeof DomainTemplateFile>;

/** resources/templates under the app root (not a fixed depth from this file: the CLI runs it from a bundle). */
export function defaultTemplateDir(): string {
  return resourcePath('templates');
}

export function loadDomainTemplate(domain: TemplateDomain, dir: string = defaultTemplateDir()): DomainTemplateFile {
  const parsed = DomainTemplateFile.parse(JSON.parse(readFileSync(join(dir, `${domain}.json`), 'utf8')));
  if (parsed.domain !== domain) throw new Error(`template ${domain}.json declares domain ${parsed.domain}`);
  return parsed;
}

export function policyFromTemplate(t: DomainTemplateFile): RedactionPolicy {
  return { types: [...t.identifierTypes] };
}
