import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ExampleRow } from '../../../../electron/contract/datasets.js';
import { selectedVersion, useDatasetsStore } from '../../stores/datasetsStore.js';

const ROW_HEIGHT = 52;

function cells(row: ExampleRow | undefined): [string, string, string] {
  if (!row) return ['Loading…', '', ''];
  if (row.text !== undefined) return [row.text, '', ''];
  const sys = row.messages?.find((m) => m.role === 'system')?.content;
  const user =
    row.messages
      ?.filter((m) => m.role === 'user')
      .map((m) => m.content)
      .join(' / ') ?? '';
  const answer =
    row.messages
      ?.filter((m) => m.role === 'assistant')
      .map((m) => m.content)
      .join(' / ') ?? '';
  const labels = Object.entries(row.metadata ?? {}).map(([k, v]) => `${k}: ${String(v)}`);
  return [sys ? `[${sys}] ${user}` : user, answer, labels.join(', ')];
}

/**
 * The examples of the selected version. Only the rows in view are in the page (a virtualized list), and they are
 * fetched in pages as you scroll, so a version of a million examples scrolls as smoothly as one of twenty.
 */
export function ExampleTable() {
  const version = useDatasetsStore(selectedVersion);
  const isText = useDatasetsStore((s) => s.datasets.find((d) => d.id === version?.datasetId)?.kind === 'text');
  const rows = useDatasetsStore((s) => s.rows);
  const loadRows = useDatasetsStore((s) => s.loadRows);
  const total = version?.examples ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- useVirtualizer returns functions React Compiler cannot memoize; this component is not compiled
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total) void loadRows(first, last + 1);
  }, [first, last, total, loadRows]);

  if (!version) return null;
  return (
    <section aria-labelledby="examples-title" className="data-section">
      <h3 id="examples-title">Examples in this version ({total.toLocaleString('en-US')})</h3>
      <p className="muted">Each row is one example the model learns from: the question it gets and the answer it should give.</p>
      <div role="table" aria-label="Examples" aria-rowcount={total + 1} className="vtable">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="vrow vhead">
            <span role="columnheader">#</span>
            <span role="columnheader">{isText ? 'Text' : 'Question'}</span>
            <span role="columnheader">{isText ? '' : 'Answer'}</span>
            <span role="columnheader">{isText ? '' : 'Labels'}</span>
            <span role="columnheader">Split</span>
          </div>
        </div>
        <div ref={scroller} className="vscroll" role="rowgroup" tabIndex={0} aria-label="Example rows, scrollable">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index];
              const [q, a, labels] = cells(row);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="vrow"
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                >
                  <span role="cell">{item.index + 1}</span>
                  <span role="cell" title={q}>
                    {q}
                  </span>
                  <span role="cell" title={a}>
                    {a}
                  </span>
                  <span role="cell" className="muted">
                    {labels}
                  </span>
                  <span role="cell">{row?.split ?? '—'}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
