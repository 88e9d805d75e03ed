import { useState } from 'react';
import { usePrivacyStore } from '../../stores/privacyStore.js';

/** The dataset's pseudonym map: kept apart from the data, deletable (with a confirmation: it cannot be undone). */
export function MapPanel() {
  const status = usePrivacyStore((s) => s.status);
  const deleteMap = usePrivacyStore((s) => s.deleteMap);
  const [confirming, setConfirming] = useState(false);
  if (!status?.map.exists) return null;
  return (
    <div className="pii-map" role="region" aria-label="Pseudonym map">
      <p>
        <strong>Pseudonym map</strong>: {status.map.identifiers} entries linking invented values to the real ones, stored apart from the data in your
        workspace’s <code>private</code> folder. It lets later versions reuse the same invented names. Delete it once you no longer need to trace a pseudonym
        back to a person; new pseudonyms will then differ from earlier ones.
      </p>
      {confirming ? (
        <div className="row">
          <span>Delete the map for good?</span>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              void deleteMap();
            }}
          >
            Delete it
          </button>
          <button type="button" className="ghost" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" className="ghost" onClick={() => setConfirming(true)}>
          Delete the pseudonym map
        </button>
      )}
    </div>
  );
}
