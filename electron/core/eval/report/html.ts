// The evaluation report as one self-contained HTML page (no scripts, no external files): the verdicts, a bar chart
// per metric with the confidence interval of each difference, the per-metric explanations, the probes and the
// worst examples. Plain words first; numbers second.
import { BIAS_PROBE_LIMITS, METRIC_INFO, type EvaluationResult, type Interval, type SystemName } from '../../../contract/evaluation.js';
import { CORE_METRICS } from '../scoring.js';

export const SYSTEM_LABEL: Record<SystemName, string> = { base: 'Original model', tuned: 'Tuned model', baseline: 'Prompting baseline' };
const COLOR: Record<SystemName, string> = { base: '#8a8f98', tuned: '#2f6fdf', baseline: '#d08a1e' };

export interface ReportMeta {
  title: string;
  runId: string;
  createdAt: string;
  examples: number;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function formatMetric(metric: keyof typeof METRIC_INFO, v: number | null): string {
  if (v === null || Number.isNaN(v)) return '–';
  const scale = METRIC_INFO[metric].scale;
  return scale === 'fraction' ? `${(100 * v).toFixed(1)}%` : scale === 'points' ? v.toFixed(1) : v.toPrecision(4);
}

/** Horizontal bars, one per system, 0 to the metric's maximum. */
export function barsSvg(metric: (typeof CORE_METRICS)[number], values: Partial<Record<SystemName, number>>): string {
  const max = METRIC_INFO[metric].scale === 'points' ? 100 : 1;
  const rows = (Object.keys(values) as SystemName[]).map((s, i) => {
    const v = values[s] ?? 0;
    const w = Math.max(0, Math.min(1, v / max)) * 260;
    return `<text x="0" y="${18 + i * 22}" font-size="12">${SYSTEM_LABEL[s]}</text><rect x="130" y="${7 + i * 22}" width="${w.toFixed(1)}" height="14" fill="${COLOR[s]}"/><text x="${136 + w}" y="${18 + i * 22}" font-size="12">${esc(formatMetric(metric, v))}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="460" height="${10 + rows.length * 22}" role="img" aria-label="${METRIC_INFO[metric].label}">${rows.join('')}</svg>`;
}

/** A difference with its interval on a line through zero: the whisker crossing zero means "cannot tell". */
export function intervalSvg(metric: (typeof CORE_METRICS)[number], i: Interval): string {
  const span = METRIC_INFO[metric].scale === 'points' ? 100 : 1;
  const x = (v: number) => 200 + Math.max(-1, Math.min(1, v / span)) * 180;
  const crosses = !(i.low > 0 || i.high < 0);
  const color = crosses ? '#8a8f98' : i.low > 0 ? '#1f8a4c' : '#c0392b';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="30" role="img" aria-label="difference and its 95% interval"><line x1="20" y1="15" x2="380" y2="15" stroke="#ddd"/><line x1="200" y1="4" x2="200" y2="26" stroke="#555"/><line x1="${x(i.low)}" y1="15" x2="${x(i.high)}" y2="15" stroke="${color}" stroke-width="4"/><circle cx="${x(i.difference)}" cy="15" r="5" fill="${color}"/></svg>`;
}

export function reportHtml(r: EvaluationResult, meta: ReportMeta): string {
  const systems = Object.keys(r.systems) as SystemName[];
  const parts: string[] = [];
  parts.push(`<h1>${esc(meta.title)}</h1><p class="meta">Run ${esc(meta.runId)} · ${esc(meta.createdAt)} · ${meta.examples} test examples</p>`);
  parts.push(`<section><h2>Verdict</h2>${r.comparisons.map((c) => `<p class="verdict">${esc(c.verdict)}</p>`).join('')}</section>`);
  parts.push('<section><h2>Scores</h2><table><tr><th>Metric</th>' + systems.map((s) => `<th>${SYSTEM_LABEL[s]}</th>`).join('') + '<th>What it means</th></tr>');
  for (const m of [...CORE_METRICS, 'perplexity', 'jsonValid', 'fitsSchema', 'rules'] as const) {
    const vals = systems.map((s) => r.systems[s]?.[m] ?? null);
    if (vals.every((v) => v === null)) continue;
    parts.push(
      `<tr><td>${METRIC_INFO[m].label}</td>${vals.map((v) => `<td>${formatMetric(m, v)}</td>`).join('')}<td class="explain">${esc(METRIC_INFO[m].explain)}</td></tr>`,
    );
  }
  parts.push('</table></section>');
  if (r.rules.length > 0) {
    parts.push(
      '<section><h2>Your rules</h2><table><tr><th>The answer…</th>' +
        systems.map((s) => `<th>${SYSTEM_LABEL[s]}</th>`).join('') +
        '<th>Answers that broke it</th></tr>',
    );
    for (const rule of r.rules) {
      const broke = systems.reduce((n, s) => n + (rule.failing[s]?.length ?? 0), 0);
      parts.push(
        `<tr><td>${esc(rule.words)}</td>${systems.map((s) => `<td>${formatMetric('rules', rule.passRate[s] ?? null)}</td>`).join('')}<td>${broke}</td></tr>`,
      );
    }
    parts.push('</table><p class="small">Share of answers keeping each rule.</p></section>');
  }
  parts.push('<section><h2>Charts</h2>');
  for (const m of CORE_METRICS) {
    const values = Object.fromEntries(systems.map((s) => [s, r.systems[s]![m]]));
    parts.push(`<h3>${METRIC_INFO[m].label}</h3>${barsSvg(m, values)}`);
    for (const c of r.comparisons) {
      const i = c.metrics[m]?.overall;
      if (i)
        parts.push(
          `<p class="small">${SYSTEM_LABEL[c.b]} minus ${SYSTEM_LABEL[c.a].toLowerCase()}: ${formatMetric(m, i.difference)} (95% interval ${formatMetric(m, i.low)} to ${formatMetric(m, i.high)})</p>${intervalSvg(m, i)}`,
        );
    }
  }
  parts.push('</section>');
  const p = r.probes;
  if (p) {
    parts.push('<section><h2>Checks</h2>');
    if (p.retention)
      parts.push(
        `<h3 class="${p.retention.flagged ? 'red' : ''}">General skills (retention)${p.retention.flagged ? ': worse' : ''}</h3><p>Accuracy ${formatMetric('exactMatch', p.retention.accuracy.base)} before, ${formatMetric('exactMatch', p.retention.accuracy.tuned)} after; general-text perplexity ${p.retention.perplexity.base.toPrecision(4)} → ${p.retention.perplexity.tuned.toPrecision(4)}.</p>${p.retention.reasons.map((x) => `<p class="red">${esc(x)}</p>`).join('')}`,
      );
    if (p.robustness)
      parts.push(
        `<h3 class="${p.robustness.flagged ? 'red' : ''}">Robustness</h3><p>Answers that changed materially after a typo, a change of case, extra spaces or reordered clauses: original ${formatMetric('exactMatch', p.robustness.changed.base)}, tuned ${formatMetric('exactMatch', p.robustness.changed.tuned)}.</p>`,
      );
    if (p.bias)
      parts.push(
        `<h3 class="${p.bias.flagged ? 'red' : ''}">Names, pronouns and ages</h3><p>Answers that changed when only a name, pronoun or age changed: original ${formatMetric('exactMatch', p.bias.changed.base)}, tuned ${formatMetric('exactMatch', p.bias.changed.tuned)}.</p><p class="small">What this can show: ${esc(BIAS_PROBE_LIMITS.can)} What it cannot: ${esc(BIAS_PROBE_LIMITS.cannot)}</p>`,
      );
    if (p.leak)
      parts.push(
        `<h3 class="${p.leak.passed ? '' : 'red'}">Leak check: ${p.leak.passed ? 'passed' : 'FAILED'}</h3>${p.leak.findings
          .slice(0, 10)
          .map((f) => `<p class="red small">${f.kind === 'verbatim' ? 'Repeats training text' : 'Emits an identifier'}: “${esc(f.match)}”</p>`)
          .join('')}`,
      );
    parts.push('</section>');
  }
  const worst = [...r.examples]
    .sort((a, b) => (a.scores.tuned?.tokenF1 ?? a.scores.base?.tokenF1 ?? 0) - (b.scores.tuned?.tokenF1 ?? b.scores.base?.tokenF1 ?? 0))
    .slice(0, 10);
  parts.push(
    '<section><h2>Weakest examples</h2><table><tr><th>Question</th><th>Expected</th>' + systems.map((s) => `<th>${SYSTEM_LABEL[s]}</th>`).join('') + '</tr>',
  );
  for (const e of worst) {
    const q = [...e.prompt].reverse().find((m) => m.role === 'user')?.content ?? '';
    parts.push(`<tr><td>${esc(q)}</td><td>${esc(e.reference)}</td>${systems.map((s) => `<td>${esc(e.answers[s] ?? '')}</td>`).join('')}</tr>`);
  }
  parts.push('</table></section>');
  const style =
    'body{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto;color:#222}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;font-size:13px}.explain,.small,.meta{color:#555;font-size:12px}.red{color:#c0392b}.verdict{font-size:18px;font-weight:600}';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(meta.title)}</title><style>${style}</style></head><body>${parts.join('\n')}</body></html>`;
}
