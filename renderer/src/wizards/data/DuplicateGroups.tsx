import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { CleanReviewSummary, ReviewGroup } from '../../../../electron/contract/datasets.js';
import { useDatasetsStore } from '../../stores/datasetsStore.js';
import { percent } from './labels.js';

type Proposal = ReviewGroup['sample'][number];

const OUT_OF_RANGE: Record<string, string> = {
  empty: 'Empty (no question or no answer)',
  'too-short': 'Shorter than the minimum',
  'too-long': 'Longer than the maximum',
};

const titleOf = (g: ReviewGroup) => (g.head ? `Copies of #${g.head.position + 1}` : (OUT_OF_RANGE[g.reason] ?? g.reason));

function CopyRow({ p }: { p: Proposal }) {
  const checked = useDatasetsStore((s) => s.remove[p.position] ?? false);
  const toggle = useDatasetsStore((s) => s.toggleRemove);
  const how = p.reason === 'exact-duplicate' ? 'identical' : p.reason === 'near-duplicate' ? `almost the same (${percent(p.similarity ?? 0)} alike)` : '';
  return (
    <li>
      <label className="row nowrap">
        <input type="checkbox" checked={checked} onChange={(e) => toggle(p.position, e.target.checked)} /> Remove #{p.position + 1}
      </label>{' '}
      {how && <span className="muted">{how}: </span>}
      {p.preview}
    </li>
  );
}

function GroupCard({ group }: { group: ReviewGroup }) {
  const positions = group.positions;
  const title = titleOf(group);
  const chosen = useDatasetsStore((s) => positions.filter((p) => s.remove[p]).length);
  const toggleGroup = useDatasetsStore((s) => s.toggleGroup);
  const [open, setOpen] = useState(false);
  const n = positions.length;
  const all = chosen === n;
  const label = group.head ? `Remove all ${n} cop${n === 1 ? 'y' : 'ies'} of #${group.head.position + 1}` : `Remove all ${n}: ${title.toLowerCase()}`;
  return (
    <div className="dup-group" role="group" aria-label={title}>
      <p>
        <strong>{title}</strong> <span className="muted">({n} to remove)</span>
        {group.head && <span className="dup-kept"> Kept: {group.head.preview}</span>}
      </p>
      <div className="row wrap">
        <label className="row nowrap">
          <input
            type="checkbox"
            checked={all}
            ref={(el) => {
              if (el) el.indeterminate = chosen > 0 && !all;
            }}
            onChange={(e) => toggleGroup(positions, e.target.checked)}
          />{' '}
          {label}
        </label>
        <button type="button" className="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide the examples' : `Show the ${n === 1 ? 'example' : `${n} examples`}`}
        </button>
      </div>
      {open && (
        <ul className="dup-members">
          {group.sample.map((p) => (
            <CopyRow key={p.position} p={p} />
          ))}
          {n > group.sample.length && <li className="muted">…and {n - group.sample.length} more like these (the group's checkbox covers them all).</li>}
        </ul>
      )}
    </div>
  );
}

/**
 * The proposed removals grouped by what they copy, biggest groups first, in a virtualised list: tens of thousands of
 * near copies draw only the groups on screen, and one tick decides a whole group. Groups are read from the core a
 * page at a time as the list scrolls.
 */
export function DuplicateGroups({ review }: { review: CleanReviewSummary }) {
  const groups = useDatasetsStore((s) => s.reviewGroups);
  const loadGroups = useDatasetsStore((s) => s.loadReviewGroups);
  const count = review.counts.groups;
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- useVirtualizer returns functions React Compiler cannot memoize; this component is not compiled
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => 96, overscan: 6 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (count > 0) void loadGroups(first, last + 1);
  }, [count, first, last, loadGroups]);
  if (count === 0) return null;
  return (
    <div className="vtable">
      <p className="dup-caption">
        {count.toLocaleString('en-US')} group{count === 1 ? '' : 's'} of proposed removals (the first example of each group of copies is kept)
      </p>
      <div ref={scroller} className="vscroll" role="list" aria-label="Groups of proposed removals" tabIndex={0}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const group = groups[item.index];
            return (
              <div
                key={item.key}
                role="listitem"
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                {group ? <GroupCard group={group} /> : <p className="muted">Loading…</p>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
