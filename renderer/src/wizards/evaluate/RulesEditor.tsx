// The specialist's checks on answers, in plain words: rules (must contain, must not contain, matches a pattern), each
// with a line saying what it does and its problem shown as it is typed; and "answers should be JSON", with an optional
// JSON Schema pasted or loaded from a file and checked by the core. The next evaluation uses them.
import { useEvalRulesStore } from '../../stores/evalRulesStore.js';
import { draftProblem, KIND_WORDS, type RuleDraft, type RuleKind } from '../../stores/ruleDraft.js';
import './rules.css';

function RuleRow({ rule, n }: { rule: RuleDraft; n: number }) {
  const { updateRule, removeRule } = useEvalRulesStore.getState();
  const problem = draftProblem(rule);
  const words = KIND_WORDS[rule.kind];
  const problemId = `rule-${rule.key}-problem`;
  return (
    <li role="group" aria-label={`Rule ${n}`} className="rule-row">
      <label>
        Kind of rule
        <select value={rule.kind} onChange={(e) => updateRule(rule.key, { kind: e.target.value as RuleKind })}>
          {(Object.keys(KIND_WORDS) as RuleKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_WORDS[k].label}
            </option>
          ))}
        </select>
      </label>
      <label className="rule-text">
        {words.field}
        <input
          type="text"
          value={rule.text}
          onChange={(e) => updateRule(rule.key, { text: e.target.value })}
          aria-invalid={problem !== null && rule.text !== ''}
          aria-describedby={problemId}
          spellCheck={rule.kind !== 'regex'}
        />
      </label>
      {rule.kind === 'regex' && (
        <label className="inline">
          <input type="checkbox" checked={rule.ignoreCase} onChange={(e) => updateRule(rule.key, { ignoreCase: e.target.checked })} /> Capital letters do not
          matter
        </label>
      )}
      <button type="button" className="ghost" onClick={() => removeRule(rule.key)}>
        Remove rule {n}
      </button>
      <p className="muted rule-explain">{words.explain}</p>
      <p id={problemId} className="danger-text rule-problem" role={problem && rule.text !== '' ? 'alert' : undefined}>
        {problem}
      </p>
    </li>
  );
}

function JsonChecks() {
  const expectJson = useEvalRulesStore((s) => s.expectJson);
  const schemaText = useEvalRulesStore((s) => s.schemaText);
  const problem = useEvalRulesStore((s) => s.schemaProblem);
  const checking = useEvalRulesStore((s) => s.schemaChecking);
  const { setExpectJson, setSchemaText } = useEvalRulesStore.getState();
  return (
    <div className="json-checks">
      <label className="inline">
        <input type="checkbox" checked={expectJson} onChange={(e) => setExpectJson(e.target.checked)} /> Answers should be JSON (data a program reads, such as{' '}
        <code>{'{"dose": 5}'}</code>)
      </label>
      {expectJson && (
        <>
          <label>
            JSON schema the answers must fit (optional)
            <textarea
              rows={5}
              value={schemaText}
              onChange={(e) => setSchemaText(e.target.value)}
              aria-invalid={problem !== null}
              aria-describedby="schema-problem"
              spellCheck={false}
              placeholder='{"type": "object", "required": ["dose"], "properties": {"dose": {"type": "number"}}}'
            />
          </label>
          <label className="file-load">
            Load a schema from a file
            <input type="file" accept=".json,application/json" onChange={(e) => void e.target.files?.[0]?.text().then(setSchemaText)} />
          </label>
          <p id="schema-problem" className={problem ? 'danger-text' : 'muted'} role={problem ? 'alert' : undefined}>
            {problem ??
              (schemaText.trim() === ''
                ? 'Without a schema, each answer is only checked to be well-formed JSON.'
                : checking
                  ? 'Checking the schema…'
                  : 'The schema reads correctly: each answer is checked to be JSON that fits it.')}
          </p>
        </>
      )}
    </div>
  );
}

export function RulesEditor() {
  const rules = useEvalRulesStore((s) => s.rules);
  const addRule = useEvalRulesStore((s) => s.addRule);
  return (
    <fieldset className="rules-editor">
      <legend>Your rules for the answers</legend>
      <p className="muted">
        Things every good answer does or avoids, checked on each answer of every model. The results show how often each rule was kept, and which answers broke
        it.
      </p>
      {rules.length > 0 && (
        <ol className="rule-list">
          {rules.map((r, i) => (
            <RuleRow key={r.key} rule={r} n={i + 1} />
          ))}
        </ol>
      )}
      <button type="button" className="ghost" onClick={addRule}>
        Add a rule
      </button>
      <JsonChecks />
    </fieldset>
  );
}
