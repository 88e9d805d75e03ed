// The specialist's checks on answers for the next evaluation of a project: rules (must contain, must not contain,
// matches a pattern) and "answers should be JSON" with an optional JSON Schema. They travel in the eval:start request
// (the contract puts them there) and are stored with each evaluation's settings, so the editor starts from the
// project's latest evaluation and keeps the draft while the specialist moves between steps. Patterns are checked as
// typed (the same check the core refuses with); a schema is checked by the core (ajv), since the window's strict
// content policy forbids the code generation ajv needs.
import { create } from 'zustand';
import type { AnswerRule } from '../../../electron/contract/evalJob.js';
import { api } from '../transport/api.js';
import { draftProblem, fromRule, toRule, type RuleDraft, type RuleKind } from './ruleDraft.js';
import { errorText } from './errorWords.js';

export interface EvalChecksRequest {
  rules: AnswerRule[];
  expectJson: boolean;
  jsonSchema?: Record<string, unknown>;
}

interface EvalRulesState {
  projectId: string | null;
  rules: RuleDraft[];
  expectJson: boolean;
  schemaText: string;
  /** The core's words about the schema; null when it reads (or is empty). */
  schemaProblem: string | null;
  schemaChecking: boolean;
  open(projectId: string): Promise<void>;
  addRule(): void;
  removeRule(key: number): void;
  updateRule(key: number, change: Partial<Omit<RuleDraft, 'key'>>): void;
  setExpectJson(on: boolean): void;
  setSchemaText(text: string): void;
}

let nextKey = 1;
let schemaSeq = 0;
let schemaTimer: ReturnType<typeof setTimeout> | null = null;

/** Whether the checks can go with an evaluation: every rule reads and the schema (if any) reads. */
export function checksProblem(s: Pick<EvalRulesState, 'rules' | 'expectJson' | 'schemaText' | 'schemaProblem' | 'schemaChecking'>): string | null {
  const bad = s.rules.findIndex((r) => draftProblem(r) !== null);
  if (bad >= 0) return `Rule ${bad + 1} needs fixing before the evaluation can use it.`;
  if (s.expectJson && s.schemaText.trim() !== '' && (s.schemaProblem !== null || s.schemaChecking))
    return 'The JSON schema needs fixing before the evaluation can use it.';
  return null;
}

/** The request's fields, or null while something needs fixing. */
export function checksRequest(s: Pick<EvalRulesState, 'rules' | 'expectJson' | 'schemaText' | 'schemaProblem' | 'schemaChecking'>): EvalChecksRequest | null {
  if (checksProblem(s) !== null) return null;
  const schema = s.expectJson && s.schemaText.trim() !== '' ? (JSON.parse(s.schemaText) as Record<string, unknown>) : undefined;
  return { rules: s.rules.map(toRule), expectJson: s.expectJson, ...(schema ? { jsonSchema: schema } : {}) };
}

export const useEvalRulesStore = create<EvalRulesState>((set, get) => {
  const checkSchema = (text: string) => {
    const seq = ++schemaSeq;
    if (schemaTimer) clearTimeout(schemaTimer);
    if (text.trim() === '') {
      set({ schemaProblem: null, schemaChecking: false });
      return;
    }
    set({ schemaChecking: true });
    // a short pause so a paste or fast typing asks the core once
    schemaTimer = setTimeout(() => {
      api.call('eval:check-schema', { text }).then(
        ({ problem }) => seq === schemaSeq && set({ schemaProblem: problem, schemaChecking: false }),
        (e: unknown) => seq === schemaSeq && set({ schemaProblem: errorText(e), schemaChecking: false }),
      );
    }, 200);
  };
  return {
    projectId: null,
    rules: [],
    expectJson: false,
    schemaText: '',
    schemaProblem: null,
    schemaChecking: false,

    async open(projectId) {
      if (get().projectId === projectId) return; // keep the draft when coming back to the step
      set({ projectId, rules: [], expectJson: false, schemaText: '', schemaProblem: null, schemaChecking: false });
      try {
        const [latest] = await api.call('eval:list', { projectId });
        if (!latest || get().projectId !== projectId) return;
        const { settings } = (await api.call('eval:get', { id: latest.id })).result;
        if (get().projectId !== projectId || get().rules.length > 0 || get().expectJson) return; // the specialist started writing
        const schemaText = settings.jsonSchema ? JSON.stringify(settings.jsonSchema, null, 2) : '';
        set({ rules: settings.rules.map((r) => fromRule(r, nextKey++)), expectJson: settings.expectJson || schemaText !== '', schemaText });
        checkSchema(schemaText);
      } catch {
        // an unreadable earlier evaluation only means the editor starts empty; the Evaluate step reports its own errors
      }
    },
    addRule: () => set({ rules: [...get().rules, { key: nextKey++, kind: 'mustContain' as RuleKind, text: '', ignoreCase: false }] }),
    removeRule: (key) => set({ rules: get().rules.filter((r) => r.key !== key) }),
    updateRule: (key, change) => set({ rules: get().rules.map((r) => (r.key === key ? { ...r, ...change } : r)) }),
    setExpectJson: (expectJson) => set({ expectJson }),
    setSchemaText(schemaText) {
      set({ schemaText });
      checkSchema(schemaText);
    },
  };
});
