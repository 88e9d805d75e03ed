// Training and validation loss as a real chart (uPlot, canvas). Canvas is invisible to screen readers, so the figure
// carries a text summary as its accessible name and a caption with the latest values.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Point } from './hints.js';

interface Series {
  label: string;
  points: readonly Point[];
  color: string;
  dash?: number[];
}

function aligned(series: readonly Series[]): uPlot.AlignedData {
  const steps = [...new Set(series.flatMap((s) => s.points.map((p) => p.step)))].sort((a, b) => a - b);
  return [
    steps,
    ...series.map((s) => {
      const at = new Map(s.points.map((p) => [p.step, p.loss]));
      return steps.map((x) => at.get(x) ?? null);
    }),
  ] as uPlot.AlignedData;
}

export function LossChart({ title, series }: { title: string; series: readonly Series[] }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = series.map((s) => s.label).join('|');

  useEffect(() => {
    if (!box.current) return;
    plot.current = new uPlot(
      {
        width: Math.max(320, box.current.clientWidth || 560),
        height: 220,
        legend: { show: true },
        scales: { x: { time: false } },
        axes: [{ label: 'step' }, { label: 'loss' }],
        series: [{ label: 'step' }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: true, ...(s.dash ? { dash: s.dash } : {}) }))],
      },
      aligned(series),
      box.current,
    );
    return () => plot.current?.destroy();
    // the plot is rebuilt only when the set of series changes; new points go through setData below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape]);

  useEffect(() => {
    plot.current?.setData(aligned(series));
  }, [series]);

  const points = series.reduce((n, s) => n + s.points.length, 0);
  const latest = series.map((s) => `${s.label} ${s.points.at(-1)?.loss.toFixed(3) ?? '–'}`).join(', ');
  return (
    <figure className="loss-chart" role="img" aria-label={`${title}: ${points} points plotted; latest ${latest}`}>
      <div ref={box} />
      <figcaption className="muted">
        {points === 0
          ? 'The curve appears after the first training step.'
          : `Latest: ${latest}. Lower is better; validation is measured on examples the model does not train on.`}
      </figcaption>
    </figure>
  );
}
