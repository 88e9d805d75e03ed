// What a run trains on, gathered from the workspace: the chosen dataset versions' training examples (the train split,
// or every example of a version that has no split), weighted into one mix, with an earlier run's examples replayed for
// continual training; validation examples come from the versions' validation splits.
import type { Sample } from '../../../contract/domain.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { DatasetShare } from '../../../contract/train.js';
import { isSample } from '../../data/example.js';
import { mixSamples, type MixResult } from '../../train/mix.js';
import type { Workspace } from '../../workspace.js';
import { loadMembers, requireVersion } from '../datasets/versions.js';

export interface GatheredExamples {
  mix: MixResult;
  val: Sample[];
  hashes: Record<string, string>;
}

function splitOf(ws: Workspace, versionId: string): { train: Sample[]; val: Sample[] } {
  const members = loadMembers(ws, versionId).filter((m) => isSample(m.example));
  const split = members.some((m) => m.split !== null);
  return {
    train: members.filter((m) => !split || m.split === 'train').map((m) => m.example as Sample),
    val: members.filter((m) => m.split === 'validation').map((m) => m.example as Sample),
  };
}

export function gatherExamples(
  ws: Workspace,
  datasets: readonly DatasetShare[],
  seed: number,
  replay?: { datasets: readonly DatasetShare[]; share: number },
): GatheredExamples {
  const hashes: Record<string, string> = {};
  const sources = datasets.map((d) => {
    const version = requireVersion(ws, d.versionId);
    hashes[d.versionId] = version.hash;
    const { train } = splitOf(ws, d.versionId);
    if (train.length === 0) {
      throw new FieldtuneError(
        'INVALID_INPUT',
        `Dataset version ${d.versionId} has no chat examples to train on (documents are not supported for training yet).`,
        {
          details: { versionId: d.versionId },
        },
      );
    }
    return { id: d.versionId, weight: d.weight, samples: train };
  });
  const val = datasets.flatMap((d) => splitOf(ws, d.versionId).val);
  const replayed = replay ? replay.datasets.flatMap((d) => splitOf(ws, d.versionId).train) : [];
  const mix = mixSamples(sources, seed, replay ? { samples: replayed, share: replay.share } : undefined);
  return { mix, val, hashes };
}
