// The trainer's spawn environment: libgomp's spin count at ggml's per-node barriers (see trainerEnvironment).
import { describe, expect, it } from 'vitest';
import { trainerEnvironment } from './supervisor.js';

describe('trainerEnvironment', () => {
  it('caps the OpenMP spin-wait at 10k when the user set no wait policy, and keeps the rest of the environment', () => {
    const env = trainerEnvironment({ PATH: '/usr/bin', HOME: '/home/u' });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/u', GOMP_SPINCOUNT: '10000' });
  });

  it("leaves a user's own GOMP_SPINCOUNT or OMP_WAIT_POLICY alone", () => {
    expect(trainerEnvironment({ GOMP_SPINCOUNT: '300000' })).toEqual({ GOMP_SPINCOUNT: '300000' });
    expect(trainerEnvironment({ OMP_WAIT_POLICY: 'active' })).toEqual({ OMP_WAIT_POLICY: 'active' });
  });

  it('does not change the environment it is given', () => {
    const given = { PATH: '/bin' };
    trainerEnvironment(given);
    expect(given).toEqual({ PATH: '/bin' });
  });
});
