// Share bundles through the door: a round trip into a fresh workspace, and every way a bundle is refused (tampered
// manifest, another base, '../' entry, a zip bomb, a symlink, an oversized entry, a wrong passphrase, a revoked
// signer); a refused import writes nothing.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { registerBase, seedRun } from '../../../../test/unit/adapterRun.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';
import { writeDemoModel } from '../../demoModel/index.js';
import { BUNDLE_ENTRIES } from '../../export/bundle.js';
import { readZipEntries } from '../../export/zipSafe.js';
import { importLimits } from './importAdapter.js';

const tmp = tempDir('fieldtune-bundle-');
let sender: Core;
let basePath: string;
let otherBasePath: string;
let runId: string;
let bundle: string;

async function exportBundle(core: Core, out: string, passphrase?: string) {
  const job = await core.call('adapters:export', { runId, format: 'bundle', out, ...(passphrase ? { passphrase } : {}) });
  const done = await core.ws.jobs.wait(job.id);
  if (done.status !== 'succeeded') throw new Error(JSON.stringify(done.error));
  return done;
}

/** A fresh receiving workspace with the same base registered (and the other base, for the wrong-base case). */
async function receiver(name: string): Promise<Core> {
  const core = new Core({ workspaceDir: join(tmp.dir, name), mode: 'cli' });
  await registerBase(core.ws, basePath);
  await registerBase(core.ws, otherBasePath);
  return core;
}

/** What a refused import must leave untouched. */
function snapshot(core: Core) {
  return {
    runs: core.ws.trainingRuns.list().length,
    projects: core.ws.projects.list().length,
    blobs: readdirSync(join(core.ws.dir, 'blobs')).length,
    audit: core.ws.audit.recent(1000).length,
  };
}

async function zipOf(entries: { name: string; data: Buffer; mode?: number; compress?: boolean }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mode: e.mode ?? 0o100644, compress: e.compress ?? true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  basePath = (await writeDemoModel({ out: join(tmp.dir, 'base.gguf'), layers: 1, embd: 64, ff: 64, ctx: 128 })).path;
  otherBasePath = (await writeDemoModel({ out: join(tmp.dir, 'other.gguf'), layers: 1, embd: 64, ff: 64, ctx: 128, seed: 9 })).path;
  sender = new Core({ workspaceDir: join(tmp.dir, 'sender'), mode: 'cli' });
  runId = await seedRun(sender.ws, await registerBase(sender.ws, basePath), 'Clinic answers');
  bundle = join(tmp.dir, 'clinic.ftadapter');
  await exportBundle(sender, bundle);
});
afterAll(async () => {
  await sender.close();
  tmp.cleanup();
});

describe('share bundle', () => {
  it('round-trips into a fresh workspace: signature and hashes verified, signer reported unknown, project created from the manifest', async () => {
    const core = await receiver('fresh');
    try {
      const result = await core.call('adapters:import', { path: bundle });
      expect(result).toMatchObject({ kind: 'bundle', projectName: 'Clinic answers', projectCreated: true, signer: { status: 'unknown' } });
      expect(result.notes.join(' ')).toMatch(/does not know yet/);
      const own = (await sender.call('keys:list')).find((k) => k.status === 'own')!;
      expect(result.signer!.fingerprint).toBe(own.fingerprint);
      // the sender's private key is a file only its owner can read
      expect(statSync(join(sender.ws.dir, 'keys', 'workspace-ed25519.pem')).mode & 0o777).toBe(0o600);
      // the card travels with the bundle and is what an export of the imported run carries
      const sentCard = (await readZipEntries(bundle, new Set(Object.values(BUNDLE_ENTRIES)))).get('MODEL_CARD.md')!.toString();
      expect((await core.call('adapters:card', { runId: result.runId })).markdown).toBe(sentCard);
      // the adapter arrived byte for byte, as a run of the new project
      const run = (await core.call('train:run', { id: result.runId })).run;
      expect(run).toMatchObject({ status: 'succeeded', projectId: result.projectId });
      const sentRun = (await sender.call('train:run', { id: runId })).run;
      expect(await readFile(run.adapterPath!)).toEqual(await readFile(sentRun.adapterPath!));
      expect(run.adapterSha256).toBe(sentRun.adapterSha256);
      // the signer is now known ('seen'): trust it, and the next import reports it as trusted
      expect((await core.call('keys:list')).find((k) => k.fingerprint === own.fingerprint)?.status).toBe('seen');
      await core.call('keys:trust', { fingerprint: own.fingerprint.slice(0, 16), label: 'Dr Rivera' });
      expect((await core.call('adapters:import', { path: bundle, project: 'Second' })).signer?.status).toBe('trusted');
      // revoked: refused, nothing written
      await core.call('keys:revoke', { fingerprint: own.fingerprint });
      const before = snapshot(core);
      await expect(core.call('adapters:import', { path: bundle })).rejects.toThrow(/revoked key/);
      expect(snapshot(core)).toEqual(before);
      expect(core.ws.audit.recent(20).map((a) => a.action)).toEqual(expect.arrayContaining(['keys.trust', 'keys.revoke']));
    } finally {
      await core.close();
    }
  });

  it('refuses a tampered manifest, another base, and a wrong passphrase, writing nothing', async () => {
    const core = await receiver('refusals');
    try {
      const before = snapshot(core);
      // tampered: change a hyperparameter inside the signed manifest (same zip otherwise)
      const entries = await readZipEntries(bundle, new Set(Object.values(BUNDLE_ENTRIES)));
      const manifest = entries.get('manifest.json')!.toString().replace('"epochs": 2', '"epochs": 9');
      const tampered = join(tmp.dir, 'tampered.ftadapter');
      await writeFile(tampered, await zipOf([...entries].map(([name, data]) => ({ name, data: name === 'manifest.json' ? Buffer.from(manifest) : data }))));
      await expect(core.call('adapters:import', { path: tampered })).rejects.toThrow(/signature does not match its manifest/);

      const other = core.ws.models.list().find((m) => m.path === otherBasePath)!;
      await expect(core.call('adapters:import', { path: bundle, base: other.id })).rejects.toThrow(/only works on the exact model it was trained on/);

      const sealed = join(tmp.dir, 'sealed.ftadapter');
      await exportBundle(sender, sealed, 'correct horse');
      await expect(core.call('adapters:import', { path: sealed, passphrase: 'wrong horse' })).rejects.toThrow(/passphrase is wrong/);
      await expect(core.call('adapters:import', { path: sealed })).rejects.toThrow(/encrypted: a passphrase is needed/);
      expect(snapshot(core)).toEqual(before);
      // the right passphrase opens it
      expect((await core.call('adapters:import', { path: sealed, passphrase: 'correct horse' })).kind).toBe('bundle');
    } finally {
      await core.close();
    }
  });

  it("refuses '../' entries, symlinks, oversized entries and a 100:1 zip bomb while inflating", async () => {
    const core = await receiver('hostile');
    const limits = importLimits.zip;
    try {
      const before = snapshot(core);
      const manifest = { name: 'manifest.json', data: Buffer.from('{}') };
      // '../': yazl refuses to write such a name, so write 'xx/evil' and rename it in place (same length)
      const evil = await zipOf([manifest, { name: 'xx/evil', data: Buffer.from('x') }]);
      const traversal = join(tmp.dir, 'traversal.ftadapter');
      await writeFile(traversal, Buffer.from(evil.toString('latin1').replaceAll('xx/evil', '../evil'), 'latin1'));
      await expect(core.call('adapters:import', { path: traversal })).rejects.toThrow(/points outside where it would be unpacked \("\.\.\/evil"\)/);

      const link = join(tmp.dir, 'link.ftadapter');
      await writeFile(link, await zipOf([{ name: 'adapter.gguf', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]));
      await expect(core.call('adapters:import', { path: link })).rejects.toThrow(/symbolic link \("adapter.gguf"\)/);

      importLimits.zip = { ...limits, maxEntryBytes: 1024 * 1024, ratioFloorBytes: 64 * 1024 };
      const big = join(tmp.dir, 'big.ftadapter');
      const noise = Buffer.alloc(2 * 1024 * 1024);
      for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
      await writeFile(big, await zipOf([{ name: 'adapter.gguf', data: noise, compress: false }]));
      await expect(core.call('adapters:import', { path: big })).rejects.toThrow(/would unpack to 2097152 bytes, over the 1048576-byte limit/);

      // a bomb: 4 MiB of zeros compress ~1000:1; its header says so too, so lie about the size in the header
      const bomb = await zipOf([{ name: 'adapter.gguf', data: Buffer.alloc(4 * 1024 * 1024) }]);
      const lying = Buffer.from(bomb);
      // patch every recorded uncompressed size (local header at 22, central directory at 24) down to 1000 bytes
      lying.writeUInt32LE(1000, 22);
      const cd = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      lying.writeUInt32LE(1000, cd + 24);
      const bombPath = join(tmp.dir, 'bomb.ftadapter');
      await writeFile(bombPath, lying);
      await expect(core.call('adapters:import', { path: bombPath })).rejects.toThrow(/unpacks to more bytes than its header declares, as zip bombs do/);
      // an honest header under the size limit, compressed ~1000:1: stopped by the ratio check as it inflates
      const honest = join(tmp.dir, 'honest-bomb.ftadapter');
      await writeFile(honest, await zipOf([{ name: 'adapter.gguf', data: Buffer.alloc(900 * 1024) }]));
      await expect(core.call('adapters:import', { path: honest })).rejects.toThrow(/"adapter.gguf" is compressed more than 20:1, as zip bombs are/);
      expect(snapshot(core)).toEqual(before);
      expect(existsSync(join(core.ws.dir, 'evil'))).toBe(false);
    } finally {
      importLimits.zip = limits;
      await core.close();
    }
  });
});
