// The Train step: three choices (model and examples, how thoroughly, the estimate), then a live run and the history.
import { useEffect } from 'react';
import type { Project } from '../../../../electron/contract/domain.js';
import { Messages } from '../../components/Messages.js';
import { useTrainStore } from '../../stores/trainStore.js';
import { LiveRun } from './LiveRun.js';
import { Preflight } from './Preflight.js';
import { RunHistory } from './RunHistory.js';
import { RunSetup } from './RunSetup.js';

export function TrainStep({ project }: { project: Project }) {
  const open = useTrainStore((s) => s.open);
  const error = useTrainStore((s) => s.error);
  const notice = useTrainStore((s) => s.notice);
  useEffect(() => {
    void open(project.id);
  }, [open, project.id]);
  return (
    <div className="train-step">
      <p>
        Teach the model your field from your examples. It learns a small add-on (an <em>adapter</em>, technically a LoRA) on this computer; the original model
        stays as it was. Pick a preset, check the estimate, and start.
      </p>
      <Messages error={error} notice={error ? null : notice} />
      <RunSetup />
      <Preflight />
      <LiveRun />
      <RunHistory />
    </div>
  );
}
