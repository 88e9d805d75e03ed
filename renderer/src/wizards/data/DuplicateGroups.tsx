import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { CleanReview } from '../../../../electron/contract/datasets.js';
import { useDatasetsStore } from '../../stores/datasetsStore.js';
import { percent } from './labels.js';

type Proposal = CleanReview['proposed'][number];

/** One group: the copies of one kept example, or every example out of range for one reason. */
interface Group {
  key: string;
  title: string;
  /** The kept example's number and text, for groups of copies. */
  head: { position: number; preview: string } | null;
  members: Proposal[];
}

const OUT_OF_RANGE: Record<string, string> = {
  empty: 'Empty (no question or no answer)',
  'too-short': 'Shorter than the minimum',
  'too-long': 'Longer than the maximum',
};

function groupsOf(review: CleanReview): Group[] {
  const heads = new Map(review.kept.map((k) => [k.position, k.preview]));
  const byKey = new Map<string, Group>();
  for (const p of review.proposed) {
    const key = p.of === null ? p.reason : `of-${p.of}`;
    let g = byKey.get(key);
    if (!g) {
      g = {
        key,
        title: p.of === null ? (OUT_OF_RANGE[p.reason] ?? p.reason) : `Copies of #${p.of + 1}`,
        head: p.of === null ? null : { position: p.of, preview: heads.get(p.of) ?? '' },
        members: [],
      };
      byKey.set(key, g);
    }
    g.members.push(p);
  }
  // Largest groups first: they weigh most on training, and a quick look at them settles most of the decisions.
  return [...byKey.values()].sort((a, b) => b.members.length - a.members.length || (a.head?.position ?? -1) - (b.head?.position ?? -1));
}

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

function GroupCard({ group }: { group: Group }) {
  const positions = group.members.map((m) => m.position);
  const chosen = useDatasetsStore((s) => positions.filter((p) => s.remove[p]).length);
  const toggleGroup = useDatasetsStore((s) => s.toggleGroup);
  const [open, setOpen] = useState(false);
  const n = group.members.length;
  const all = chosen === n;
  const label = group.head ? `Remove all ${n} cop${n === 1 ? 'y' : 'ies'} of #${group.head.position + 1}` : `Remove all ${n}: ${group.title.toLowerCase()}`;
  return (
    <div className="dup-group" role="group" aria-label={group.title}>
      <p>
        <strong>{group.title}</strong> <span className="muted">({n} to remove)</span>
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
          {group.members.slice(0, 200).map((p) => (
            <CopyRow key={p.position} p={p} />
          ))}
          {n > 200 && <li className="muted">…and {n - 200} more like these (the group's checkbox covers them all).</li>}
        </ul>
      )}
    </div>
  );
}

/**
 * The proposed removals grouped by what they copy, biggest groups first, in a virtualised list: tens of thousands of
 * near copies draw only the groups on screen, and one tick decides a whole group.
 */
export function DuplicateGroups({ review }: { review: CleanReview }) {
  const groups = useMemo(() => groupsOf(review), [review]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- useVirtualizer returns functions React Compiler cannot memoize; this component is not compiled
  const virtualizer = useVirtualizer({ count: groups.length, getScrollElement: () => scroller.current, estimateSize: () => 96, overscan: 6 });
  if (groups.length === 0) return null;
  return (
    <div className="vtable">
      <p className="dup-caption">
        {groups.length.toLocaleString('en-US')} group{groups.length === 1 ? '' : 's'} of proposed removals (the first example of each group of copies is kept)
      </p>
      <div ref={scroller} className="vscroll" role="list" aria-label="Groups of proposed removals" tabIndex={0}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
            >
              <GroupCard group={groups[item.index]!} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
