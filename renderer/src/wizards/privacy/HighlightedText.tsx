import type { MouseEvent } from 'react';
import type { ReviewedSpan } from '../../../../electron/contract/pii.js';
import { usePrivacyStore } from '../../stores/privacyStore.js';
import { STATUS_WORD, TYPE_LABEL } from './labels.js';

/** Characters of `container` before (node, offset), not counting the type tags inside the marks. */
function offsetIn(container: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  const copy = range.cloneContents();
  copy.querySelectorAll('[data-tag]').forEach((n) => n.remove());
  return copy.textContent?.length ?? 0;
}

/** One field of an example with each identifier highlighted; selecting text offers to mark it as a missed one. */
export function HighlightedText({ position, field, text, spans }: { position: number; field: string; text: string; spans: ReviewedSpan[] }) {
  const selected = usePrivacyStore((s) => s.selected);
  const select = usePrivacyStore((s) => s.select);
  const setPendingAdd = usePrivacyStore((s) => s.setPendingAdd);

  function onMouseUp(event: MouseEvent<HTMLParagraphElement>) {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    const box = event.currentTarget;
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
    let start = offsetIn(box, range.startContainer, range.startOffset);
    let end = offsetIn(box, range.endContainer, range.endOffset);
    // People select sloppily: drop spaces and sentence punctuation around the words.
    while (start < end && /[\s"'(“‘]/.test(text[start]!)) start++;
    while (end > start && /[\s.,;:!?)"'”’]/.test(text[end - 1]!)) end--;
    if (end > start) setPendingAdd({ position, field, start, text: text.slice(start, end) });
  }

  const parts: React.ReactNode[] = [];
  let at = 0;
  spans.forEach((s, i) => {
    if (s.start < at) return; // a rejected span under a kept one: the kept one is shown
    if (s.start > at) parts.push(text.slice(at, s.start));
    const isSelected = selected?.type === s.type && selected.text === s.text;
    parts.push(
      <mark key={i} className={`pii pii-${s.status}`} data-type={s.type}>
        <button
          type="button"
          className="pii-span"
          aria-pressed={isSelected}
          title={`${TYPE_LABEL[s.type]}: ${STATUS_WORD[s.status]}`}
          onClick={() => select(isSelected ? null : { type: s.type, text: s.text, status: s.status })}
        >
          {s.text}
          <span className="pii-tag" data-tag="">
            {' '}
            {s.type}
            {s.status === 'detected' ? '' : `, ${STATUS_WORD[s.status]}`}
          </span>
        </button>
      </mark>,
    );
    at = s.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return (
    <p className="pii-text" data-position={position} data-field={field} onMouseUp={onMouseUp}>
      {parts}
    </p>
  );
}
