// The Playground step: chat with the tuned model and the original side by side, choose how strongly the training
// applies, give the model instructions, tune how it writes, stop an answer, and turn a reply into a suggestion for the
// training data.
import { useEffect, useMemo } from 'react';
import type { Project } from '../../../../electron/contract/domain.js';
import { Messages } from '../../components/Messages.js';
import { columnsOf, isWriting, usePlaygroundStore } from '../../stores/playgroundStore.js';
import { useProjectsStore } from '../../stores/projectsStore.js';
import { AnswerSettings } from './AnswerSettings.js';
import { ReplyView } from './ReplyView.js';

export function PlaygroundStep({ project }: { project: Project }) {
  const s = usePlaygroundStore();
  const setProjectPrompt = useProjectsStore((p) => p.setSystemPrompt);
  useEffect(() => {
    void s.open(project);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [project.id]);
  const columns = useMemo(() => columnsOf(s), [s]);
  const run = s.runs.find((r) => r.id === s.runId);
  const busy = s.turns.at(-1) !== undefined && Object.values(s.turns.at(-1)!.replies).some(isWriting);

  if (s.models.length === 0) {
    return (
      <div className="playground">
        <Messages error={s.error} notice={null} />
        <p>There is no model to chat with yet: add one under Models first.</p>
      </div>
    );
  }
  return (
    <div className="playground">
      <p>
        Ask the models questions from your work and compare their answers. When an answer is wrong, type a better one: it is kept as a suggestion for the
        training data, and you decide in Data → Suggestions whether it joins.
      </p>
      <Messages error={s.error} notice={null} />
      <section className="playground-setup" aria-label="Who answers">
        <label>
          Training run
          <select value={s.runId ?? ''} onChange={(e) => s.chooseRun(e.target.value || null)}>
            {s.runs.map((r) => (
              <option key={r.id} value={r.id}>
                {new Date(r.createdAt).toLocaleString()} · {r.baseLabel ?? 'base model'}
                {r.candidate ? ' (candidate)' : ''}
              </option>
            ))}
            <option value="">None: the original model only</option>
          </select>
        </label>
        {run ? (
          <>
            <label className="choice">
              <input type="checkbox" checked={s.compare} onChange={(e) => s.setCompare(e.target.checked)} />
              Show the original model’s answer beside it
            </label>
            <label>
              Strength of the training: {Math.round(s.scale * 100)}%
              <input
                type="range"
                min={0}
                max={1.5}
                step={0.05}
                value={s.scale}
                aria-valuetext={`${Math.round(s.scale * 100)}%`}
                onChange={(e) => s.setScale(Number(e.target.value))}
              />
              <small>0% answers like the original model, 100% as trained; above 100% exaggerates what it learned.</small>
            </label>
          </>
        ) : (
          <label>
            Model
            <select value={s.modelId ?? ''} onChange={(e) => s.chooseModel(e.target.value)}>
              {s.models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label ?? m.path}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="wide">
          Instructions for the model (system prompt)
          <textarea
            rows={2}
            value={s.systemPrompt}
            placeholder="For example: Answer as a GP would, in plain words."
            onChange={(e) => s.setSystemPrompt(e.target.value)}
          />
          <small>Starts with the project’s instructions; changing them here only affects this conversation.</small>
        </label>
        {s.systemPrompt.trim() !== (project.systemPrompt ?? '').trim() && (
          <div className="wide row">
            <button type="button" className="ghost" onClick={() => void setProjectPrompt(project.id, s.systemPrompt)}>
              Keep these instructions for the whole project
            </button>
            <small>Training, evaluation and export use the project’s instructions.</small>
          </div>
        )}
        <AnswerSettings />
      </section>

      <div className={`playground-columns cols-${columns.length}`}>
        {columns.map((c) => (
          <section key={c.id} className="playground-column" aria-label={c.label}>
            <h3>
              {c.label}
              <small>{c.id === 'tuned' ? ' with your training' : ' without your training'}</small>
            </h3>
            {s.turns.length === 0 && <p className="muted small">No messages yet.</p>}
            {s.turns.map((t, i) => {
              const reply = t.replies[c.id];
              return (
                <div key={t.id} className="turn">
                  <p className="you">
                    <span className="visually-hidden">You: </span>
                    {t.user}
                  </p>
                  {reply && <ReplyView reply={reply} turnId={t.id} column={c.id} label={c.label} number={i + 1} />}
                </div>
              );
            })}
          </section>
        ))}
      </div>

      <form
        className="playground-compose"
        onSubmit={(e) => {
          e.preventDefault();
          void s.send();
        }}
      >
        <label htmlFor="playground-message">Your message</label>
        <textarea
          id="playground-message"
          rows={3}
          value={s.draft}
          onChange={(e) => s.setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter sends, Shift+Enter starts a new line, as in most chat programs
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              if (!busy) void s.send();
            }
          }}
        />
        <div className="row">
          <button type="submit" disabled={busy || !s.draft.trim() || columns.length === 0}>
            Send
          </button>
          <button type="button" className="danger" disabled={!busy} onClick={() => void s.stop()}>
            Stop
          </button>
          <button type="button" className="ghost" disabled={s.turns.length === 0} onClick={() => s.newConversation()}>
            New conversation
          </button>
        </div>
      </form>
    </div>
  );
}
