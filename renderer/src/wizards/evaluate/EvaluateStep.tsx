// The Evaluate step: choose a finished run (the candidate by default), evaluate it against the original model and a
// prompting baseline on the test examples, then read the verdict, the scores with their uncertainty, the checks,
// the weakest answers, and the report.
import { useEffect } from 'react';
import type { Project } from '../../../../electron/contract/domain.js';
import { JobProgress } from '../../components/JobProgress.js';
import { Messages } from '../../components/Messages.js';
import { checksProblem, useEvalRulesStore } from '../../stores/evalRulesStore.js';
import { useEvalStore } from '../../stores/evalStore.js';
import { FailureBrowser } from './FailureBrowser.js';
import { History } from './History.js';
import { Probes } from './Probes.js';
import { ReportDialog } from './ReportDialog.js';
import { Results } from './Results.js';
import { ReviewPanel } from './ReviewPanel.js';
import { RuleResults } from './RuleResults.js';
import { RulesEditor } from './RulesEditor.js';

function RunPicker() {
  const runs = useEvalStore((s) => s.runs);
  const runId = useEvalStore((s) => s.runId);
  const baseline = useEvalStore((s) => s.baseline);
  const probes = useEvalStore((s) => s.probes);
  const jobId = useEvalStore((s) => s.jobId);
  const maxNewTokens = useEvalStore((s) => s.maxNewTokens);
  const blocked = useEvalRulesStore(checksProblem);
  const { setRun, setBaseline, setProbes, setMaxNewTokens, start } = useEvalStore.getState();
  if (runs.length === 0) return <p className="notice">There is no finished training run to evaluate yet: train one in the Train step first.</p>;
  return (
    <section aria-labelledby="eval-setup-title" className="data-section">
      <h3 id="eval-setup-title">What to evaluate</h3>
      <label>
        Training run
        <select value={runId ?? ''} onChange={(e) => setRun(e.target.value)}>
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.candidate ? '★ ' : ''}
              {new Date(r.createdAt).toLocaleString()} · {r.baseLabel ?? 'base model'} · {r.steps} steps
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={baseline} onChange={(e) => setBaseline(e.target.checked)} /> Also compare with the original model given a few worked
        examples (a prompting baseline)
      </label>
      <label>
        <input type="checkbox" checked={probes} onChange={(e) => setProbes(e.target.checked)} /> Run the checks: general skills, typos, names and ages, leaks
      </label>
      <label>
        Longest answer, in word pieces
        <input
          type="number"
          min={1}
          max={4096}
          value={maxNewTokens}
          onChange={(e) => setMaxNewTokens(Math.max(1, Math.min(4096, Math.round(Number(e.target.value)) || 1)))}
        />
      </label>
      <RulesEditor />
      <button type="button" onClick={() => void start()} disabled={!runId || jobId !== null || blocked !== null} aria-describedby="eval-blocked">
        Evaluate
      </button>
      <p id="eval-blocked" className="danger-text">
        {blocked}
      </p>
    </section>
  );
}

export function EvaluateStep({ project }: { project: Project }) {
  const current = useEvalStore((s) => s.current);
  const open = useEvalStore((s) => s.open);
  const openRules = useEvalRulesStore((s) => s.open);
  const error = useEvalStore((s) => s.error);
  const notice = useEvalStore((s) => s.notice);
  const jobId = useEvalStore((s) => s.jobId);
  useEffect(() => {
    void open(project.id);
    void openRules(project.id);
  }, [open, openRules, project.id]);
  return (
    <div className="evaluate-step">
      <p>
        Did training help? The original model, the tuned model and (if you like) the original model given a few worked examples all answer the test questions it
        never trained on, and their answers are compared with yours.
      </p>
      <Messages error={error} notice={error ? null : notice} />
      <RunPicker />
      {jobId && <JobProgress jobId={jobId} label="Evaluation progress" cancelLabel="Stop the evaluation" />}
      <Results />
      <RuleResults />
      <Probes />
      <FailureBrowser />
      <section aria-labelledby="eval-review-title" className="data-section">
        <h3 id="eval-review-title">Expert review</h3>
        <ReviewPanel projectId={project.id} evaluation={current} />
      </section>
      <History />
      <ReportDialog />
    </div>
  );
}
