import { PII_TYPE_NAMES } from '../../../../electron/contract/pii.js';
import type { StoredRedactionReport } from '../../../../electron/contract/pii.js';
import { TYPE_LABEL } from './labels.js';

/** The redaction report kept with a version: counts by kind, the policy and the reviewer's decisions. */
export function ReportView({ stored }: { stored: StoredRedactionReport }) {
  const r = stored.report;
  // Span counts that add up (found + added = replaced + kept); reports made before they existed fall back to the
  // reviewer's decision counts.
  const added = (t: (typeof PII_TYPE_NAMES)[number]) => r.added?.[t] ?? r.review.byType[t]?.added ?? 0;
  const kept = (t: (typeof PII_TYPE_NAMES)[number]) => r.kept?.[t] ?? r.review.byType[t]?.rejected ?? 0;
  const types = PII_TYPE_NAMES.filter((t) => r.detected[t] || r.redacted[t] || added(t) || kept(t));
  return (
    <section className="pii-report" aria-label="Redaction report">
      <h4>Redaction report for this version</h4>
      <p>
        Made on {new Date(r.createdAt).toLocaleString()} with <strong>{r.mode === 'mask' ? 'masks' : 'consistent pseudonyms'}</strong>: {r.totalRedacted}{' '}
        identifiers replaced in {r.records} examples. Reviewer decisions: {r.review.accepted} confirmed, {r.review.rejected} kept as they were, {r.review.added}{' '}
        added.
      </p>
      <table className="models">
        <caption>By kind</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Found</th>
            <th scope="col">Added by the reviewer</th>
            <th scope="col">Replaced</th>
            <th scope="col">Kept as written</th>
          </tr>
        </thead>
        <tbody>
          {types.map((t) => (
            <tr key={t}>
              <th scope="row">{TYPE_LABEL[t]}</th>
              <td>{r.detected[t]}</td>
              <td>{added(t)}</td>
              <td>{r.redacted[t]}</td>
              <td>{kept(t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">
        Found plus added equals replaced plus kept: a span is kept as written when the reviewer kept it or the policy does not cover its kind.
      </p>
      <p className="small">Kinds the policy covered: {r.policy.types.map((t) => TYPE_LABEL[t]).join(', ')}.</p>
      {stored.decisions.length > 0 && (
        <details>
          <summary>The reviewer’s decisions ({stored.decisions.length}); this list quotes personal data</summary>
          <ul>
            {stored.decisions.map((d) => (
              <li key={`${d.type}:${d.text}`}>
                {d.decision === 'reject' ? 'Kept' : d.decision === 'accept' ? 'Confirmed' : 'Added'}: “{d.text}” ({TYPE_LABEL[d.type]})
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
