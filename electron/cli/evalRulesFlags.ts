// `fieldtune eval`'s answer checks, read from files: --rules RULES.json (the same rules the Evaluate step writes, a
// JSON array such as [{"kind":"mustContain","text":"phone"},{"kind":"regex","pattern":"\\d{3}","flags":"i"}]),
// --json-schema SCHEMA.json, and --json-answers. A file that cannot be read or does not fit is refused with a
// message naming the file and what is wrong, before any model loads.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AnswerRule } from '../contract/evalJob.js';
import { FieldtuneError } from '../contract/errors.js';
import { compileRules } from '../core/eval/rules.js';
import { schemaProblem } from '../core/eval/jsonValidity.js';

export const evalRulesUsageLines = [
  '  --rules FILE           rules every answer is checked against, a JSON array of {"kind":"mustContain","text":...},',
  '                         {"kind":"mustNotContain","text":...} or {"kind":"regex","pattern":...,"flags":"i"}',
  '  --json-schema FILE     answers should be JSON fitting this JSON Schema',
  '  --json-answers         answers should be JSON (validity is scored on every example)',
];

export const evalRulesOptions = {
  rules: { type: 'string' },
  'json-schema': { type: 'string' },
  'json-answers': { type: 'boolean' },
} as const;

export interface EvalChecks {
  rules: AnswerRule[];
  jsonSchema?: Record<string, unknown>;
  expectJson: boolean;
}

function readText(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new FieldtuneError('INVALID_INPUT', `${flag} ${file} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function evalChecksFrom(v: Record<string, unknown>): EvalChecks {
  let rules: AnswerRule[] = [];
  if (typeof v['rules'] === 'string') {
    const file = v['rules'];
    let raw: unknown;
    try {
      raw = JSON.parse(readText(file, '--rules'));
    } catch (e) {
      if (e instanceof FieldtuneError) throw e;
      throw new FieldtuneError('INVALID_INPUT', `--rules ${file} is not JSON: ${(e as Error).message}`);
    }
    const parsed = z.array(AnswerRule).max(50).safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new FieldtuneError(
        'INVALID_INPUT',
        `--rules ${file}: rule ${String(issue.path[0] ?? '')} does not fit (${issue.path.join('.')}: ${issue.message})`,
      );
    }
    rules = parsed.data;
    compileRules(rules); // an invalid pattern is named now, with the rule's number
  }
  let jsonSchema: Record<string, unknown> | undefined;
  if (typeof v['json-schema'] === 'string') {
    const text = readText(v['json-schema'], '--json-schema');
    const problem = schemaProblem(text);
    if (problem) throw new FieldtuneError('INVALID_INPUT', `--json-schema ${v['json-schema']}: ${problem}`);
    jsonSchema = JSON.parse(text) as Record<string, unknown>;
  }
  return { rules, ...(jsonSchema ? { jsonSchema } : {}), expectJson: !!v['json-answers'] || jsonSchema !== undefined };
}
