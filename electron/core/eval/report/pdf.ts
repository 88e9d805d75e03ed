// The evaluation report as a PDF (pdfkit): the same content as the HTML page, drawn with pdfkit's vector
// primitives: verdicts, the score table with explanations, a bar chart per metric with the difference's interval,
// the checks and the weakest examples.
import { BIAS_PROBE_LIMITS, METRIC_INFO, type EvaluationResult, type SystemName } from '../../../contract/evaluation.js';
import { CORE_METRICS } from '../scoring.js';
import { formatMetric, SYSTEM_LABEL, type ReportMeta } from './html.js';

const COLOR: Record<SystemName, string> = { base: '#8a8f98', tuned: '#2f6fdf', baseline: '#d08a1e' };

export async function reportPdf(r: EvaluationResult, meta: ReportMeta): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit'); // on first use: the CLI's start-up need not load it
  // a fixed creation date keeps the same evaluation's PDF byte-identical
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: meta.title, CreationDate: new Date(meta.createdAt) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const systems = Object.keys(r.systems) as SystemName[];

  doc.fontSize(18).text(meta.title);
  doc.fontSize(9).fillColor('#555').text(`Run ${meta.runId} · ${meta.createdAt} · ${meta.examples} test examples`);
  doc.moveDown().fillColor('#222').fontSize(13).text('Verdict');
  for (const c of r.comparisons) doc.fontSize(11).text(c.verdict);

  doc.moveDown().fontSize(13).text('Scores');
  for (const m of [...CORE_METRICS, 'perplexity', 'jsonValid', 'fitsSchema', 'rules'] as const) {
    const vals = systems.map((s) => r.systems[s]?.[m] ?? null);
    if (vals.every((v) => v === null)) continue;
    doc
      .fontSize(10)
      .fillColor('#222')
      .text(`${METRIC_INFO[m].label}: ${systems.map((s, i) => `${SYSTEM_LABEL[s]} ${formatMetric(m, vals[i]!)}`).join(' · ')}`);
    doc.fontSize(8).fillColor('#555').text(METRIC_INFO[m].explain);
  }

  if (r.rules.length > 0) {
    doc.moveDown().fillColor('#222').fontSize(13).text('Your rules (share of answers keeping each)');
    for (const rule of r.rules) {
      doc
        .fontSize(10)
        .fillColor('#222')
        .text(`The answer ${rule.words}: ${systems.map((s) => `${SYSTEM_LABEL[s]} ${formatMetric('rules', rule.passRate[s] ?? null)}`).join(' · ')}`);
    }
  }

  doc.addPage().fillColor('#222').fontSize(13).text('Charts');
  for (const m of CORE_METRICS) {
    if (doc.y > 700) doc.addPage();
    doc.moveDown(0.5).fontSize(11).fillColor('#222').text(METRIC_INFO[m].label);
    const max = METRIC_INFO[m].scale === 'points' ? 100 : 1;
    for (const s of systems) {
      const v = r.systems[s]![m];
      const y = doc.y + 2;
      doc.fontSize(9).fillColor('#222').text(SYSTEM_LABEL[s], 48, y, { width: 110 });
      const w = Math.max(1, Math.min(1, v / max) * 260);
      doc.rect(160, y, w, 10).fill(COLOR[s]);
      doc.fillColor('#222').text(formatMetric(m, v), 166 + w, y);
      doc.x = 48;
    }
    for (const c of r.comparisons) {
      const i = c.metrics[m]?.overall;
      if (!i) continue;
      const y = doc.y + 4;
      const x = (v: number) => 300 + Math.max(-1, Math.min(1, v / max)) * 150;
      const crosses = !(i.low > 0 || i.high < 0);
      doc.fontSize(8).fillColor('#555').text(`${SYSTEM_LABEL[c.b]} − ${SYSTEM_LABEL[c.a].toLowerCase()}`, 48, y, { width: 140 });
      doc
        .moveTo(150, y + 5)
        .lineTo(450, y + 5)
        .strokeColor('#ddd')
        .stroke();
      doc
        .moveTo(300, y)
        .lineTo(300, y + 10)
        .strokeColor('#555')
        .stroke();
      doc
        .moveTo(x(i.low), y + 5)
        .lineTo(x(i.high), y + 5)
        .lineWidth(3)
        .strokeColor(crosses ? '#8a8f98' : i.low > 0 ? '#1f8a4c' : '#c0392b')
        .stroke()
        .lineWidth(1);
      doc.x = 48;
      doc.y = y + 14;
    }
  }

  if (r.probes) {
    doc.addPage().fillColor('#222').fontSize(13).text('Checks');
    const p = r.probes;
    const red = (flag: boolean) => doc.fillColor(flag ? '#c0392b' : '#222');
    if (p.retention) {
      red(p.retention.flagged)
        .fontSize(11)
        .text(`General skills: accuracy ${formatMetric('exactMatch', p.retention.accuracy.base)} → ${formatMetric('exactMatch', p.retention.accuracy.tuned)}`);
      for (const why of p.retention.reasons) doc.fontSize(9).text(why);
    }
    if (p.robustness)
      red(p.robustness.flagged)
        .fontSize(11)
        .text(
          `Robustness: answers changed ${formatMetric('exactMatch', p.robustness.changed.base)} (original) vs ${formatMetric('exactMatch', p.robustness.changed.tuned)} (tuned)`,
        );
    if (p.bias) {
      red(p.bias.flagged)
        .fontSize(11)
        .text(
          `Names, pronouns, ages: answers changed ${formatMetric('exactMatch', p.bias.changed.base)} (original) vs ${formatMetric('exactMatch', p.bias.changed.tuned)} (tuned)`,
        );
      doc.fillColor('#555').fontSize(8).text(`Can show: ${BIAS_PROBE_LIMITS.can} Cannot show: ${BIAS_PROBE_LIMITS.cannot}`);
    }
    if (p.leak)
      red(!p.leak.passed)
        .fontSize(11)
        .text(`Leak check: ${p.leak.passed ? 'passed' : `FAILED (${p.leak.findings.length} findings)`}`);
  }
  doc.end();
  return done;
}
