// Contract-level fuzzing of the core's door and the desktop host's dispatcher: every method (and unknown ones) gets
// random, malformed, oversized and prototype-polluting payloads. Each answer is a typed envelope (never a throw,
// never INTERNAL, which would mean a handler met input the contract let through), no prototype is polluted, and the
// core keeps serving real requests. Seeded: a failure prints the seed and the case to replay.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorPayload } from '../../electron/contract/errors.js';
import { requests } from '../../electron/contract/requests.js';
import { createIpcDispatcher } from '../../electron/main/dispatcher.js';
import { randomJson, seeded, UNKNOWN_METHODS } from './fuzzPayloads.js';
import { tempDir } from './helpers.js';
import { Core } from '../../electron/core/core.js';

const t = tempDir('fieldtune-fuzz-');
const core = new Core({ workspaceDir: join(t.dir, 'ws'), mode: 'cli' });
afterAll(async () => {
  await core.close();
  t.cleanup();
});

const SEED = 20261130;
const PER_METHOD = 30;

/** Half the cases keep the method's own field names (zod object shapes) with hostile values, to get past the first
 * check and into the handlers; the other half are random through and through. */
function paramsFor(method: string, rand: () => number): unknown {
  const input = (requests as Record<string, { input?: unknown }>)[method]?.input as { shape?: Record<string, unknown> } | undefined;
  const keys = input?.shape ? Object.keys(input.shape) : [];
  if (keys.length === 0 || rand() < 0.5) return randomJson(rand);
  const plausible = ['', '00000000-0000-4000-8000-000000000000', 'train', 'csv', 0, 1, true, null, []];
  return Object.fromEntries(keys.map((k) => [k, rand() < 0.5 ? plausible[Math.floor(rand() * plausible.length)] : randomJson(rand, 2)]));
}

function expectTyped(reply: unknown, context: string) {
  const envelope = reply as { ok: boolean; error?: unknown };
  expect(typeof envelope.ok, context).toBe('boolean');
  if (envelope.ok) return;
  const error = ErrorPayload.safeParse(envelope.error);
  expect(error.success, `${context}: untyped error ${JSON.stringify(envelope.error)?.slice(0, 300)}`).toBe(true);
  expect(error.data?.code, `${context}: ${error.data?.message}`).not.toBe('INTERNAL');
}

function expectNoPollution() {
  const probe = {} as Record<string, unknown>;
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(probe['a'] ?? probe['id'] ?? probe['name'] ?? probe['polluted']).toBeUndefined();
}

describe('fuzzing the contract', () => {
  it('answers every method with a typed envelope for random and hostile params', async () => {
    const rand = seeded(SEED);
    const methods = [...Object.keys(requests), ...UNKNOWN_METHODS];
    const stats: Record<string, number> = {};
    for (const method of methods) {
      for (let i = 0; i < PER_METHOD; i++) {
        const params = paramsFor(method, rand);
        const context = `seed ${SEED}, ${method.slice(0, 40)} #${i}: ${JSON.stringify(params)?.slice(0, 200)}`;
        const reply = await core.request(method, params, i);
        const outcome = reply.ok ? 'ok' : reply.error.code;
        stats[outcome] = (stats[outcome] ?? 0) + 1;
        expectTyped(reply, context);
      }
    }
    // the shaped half must get past validation into handlers, or this test fuzzes only the schemas
    expect(stats['NOT_FOUND'] ?? 0, JSON.stringify(stats)).toBeGreaterThan(10);
    expectNoPollution();
    expect(await core.call('projects:list', {})).toBeInstanceOf(Array);
  }, 120_000);

  it('answers random envelopes through the desktop dispatcher, and refuses a foreign page', async () => {
    const rand = seeded(SEED + 1);
    const dispatch = createIpcDispatcher(core, (url) => url === 'app://fieldtune/index.html');
    const page = { senderFrame: { url: 'app://fieldtune/index.html' } };
    const methods = Object.keys(requests);
    for (let i = 0; i < 300; i++) {
      const raw =
        rand() < 0.5
          ? randomJson(rand)
          : { id: randomJson(rand), method: rand() < 0.8 ? methods[Math.floor(rand() * methods.length)] : randomJson(rand), params: randomJson(rand) };
      expectTyped(await dispatch(page, raw), `seed ${SEED + 1} #${i}: ${JSON.stringify(raw)?.slice(0, 200)}`);
    }
    const foreign = await dispatch({ senderFrame: { url: 'https://example.com/' } }, { id: 1, method: 'projects:list', params: {} });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await dispatch(page, { id: 'alive', method: 'projects:list', params: {} })).toMatchObject({ id: 'alive', ok: true });
    expectNoPollution();
  }, 120_000);
});

describe('fuzzing `fieldtune call`', () => {
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');
  const cases: Array<[string, string]> = [
    ['projects:create', '{"__proto__":{"polluted":1},"name":"Clinic"}'],
    ['projects:list', '[1,2,3]'],
    ['datasets:examples', JSON.stringify({ versionId: 'v'.repeat(100_000), offset: -1, limit: 1e308 })],
    ['constructor', '{}'],
    ['projects:list', '{"id": '],
  ];
  it.each(cases)('%s with hostile params exits 1 with a typed error on stdout', (method, params) => {
    const res = spawnSync(process.execPath, [bin, 'call', method, params, '--workspace', join(t.dir, 'cli-ws'), '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status, res.stderr).toBe(1);
    const { error } = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { error: unknown };
    expect(ErrorPayload.parse(error).code).not.toBe('INTERNAL');
  });
});
