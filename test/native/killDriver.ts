// One long operation run to its end through the core's door, for the kill loop to SIGKILL at a random moment:
//   node --import tsx test/native/killDriver.ts WORKSPACE import FILE PROJECT
//   ... redact VERSION_ID | export VERSION_ID OUT_FILE | train VERSION_ID MODEL.gguf PROJECT | encrypt PASSPHRASE
// Prints 'started' once the work is under way and 'done' when it finished. A new operation joins the kill loop by adding a case here.
import { Core } from '../../electron/core/core.js';
import { encryptWorkspace, readEncryptionFile } from '../../electron/core/store/workspaceEncryption.js';

const [workspaceDir, op, a, b, c] = process.argv.slice(2);
if (!workspaceDir || !op || !a) throw new Error('usage: killDriver.ts WORKSPACE OP ARGS...');

/** Tells the kill loop the operation is under way, so its random moment falls inside the work, not the start-up. */
const started = () => process.stdout.write('started\n');

// `encrypt PASSPHRASE` works on the closed workspace (no core open); an encryption a kill cut short is continued
if (op === 'encrypt') {
  started();
  if (readEncryptionFile(workspaceDir)?.state !== 'encrypted') encryptWorkspace(workspaceDir, a);
  process.stdout.write('done\n');
  process.exit(0);
}
const core = new Core({ workspaceDir, mode: 'cli' });

async function finish(jobId: string, announce = true) {
  if (announce) started();
  await core.ws.jobs.wait(jobId);
  const job = await core.call('jobs:get', { id: jobId });
  if (job.status !== 'succeeded') throw new Error(`${job.kind} ${job.status}: ${job.error?.message ?? ''}`);
  return job;
}

async function projectId(name: string) {
  const found = (await core.call('projects:list', {})).find((p) => p.name === name);
  return found ? found.id : (await core.call('projects:create', { name })).id;
}

switch (op) {
  case 'import':
    await finish((await core.call('datasets:import', { projectId: await projectId(b!), path: a })).id);
    break;
  case 'redact':
    await finish((await core.call('pii:scan', { versionId: a })).id);
    await finish((await core.call('pii:apply', { versionId: a, mode: 'pseudonym', policy: { types: ['NAME', 'PHONE', 'DATE'] } })).id);
    break;
  case 'export':
    started();
    await core.call('datasets:export', { versionId: a, format: 'csv', outFile: b!, overwrite: true });
    break;
  case 'train': {
    const model = await finish((await core.call('models:register', { path: b! })).id, false);
    const modelId = model.kind === 'model.register' ? model.result!.id : '';
    const datasets = [{ versionId: a, weight: 1 }];
    await finish(
      (
        await core.call('train:start', {
          projectId: await projectId(c!),
          modelId,
          datasets,
          preset: 'quick',
          settings: { threads: 2, epochs: 2, checkpointEvery: 2 },
        })
      ).id,
    );
    break;
  }
  default:
    throw new Error(`unknown operation ${op}`);
}
await core.close();
process.stdout.write('done\n');
