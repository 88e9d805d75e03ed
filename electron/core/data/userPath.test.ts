import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveUserPath } from './userPath.js';

const HOME = '/home/reception';

describe('resolveUserPath', () => {
  it('reads a bare file name from the home folder, not the install folder, and says so', () => {
    expect(resolveUserPath('clinic.csv', HOME)).toEqual({ path: join(HOME, 'clinic.csv'), base: 'home' });
    expect(resolveUserPath('Documents/front desk.xlsx', HOME).path).toBe(join(HOME, 'Documents', 'front desk.xlsx'));
  });

  it('expands ~ and ~/', () => {
    expect(resolveUserPath('~', HOME)).toEqual({ path: HOME, base: 'absolute' });
    expect(resolveUserPath('~/data/clinic.csv', HOME)).toEqual({ path: join(HOME, 'data', 'clinic.csv'), base: 'absolute' });
  });

  it("accepts a quoted path (Windows' Copy as path) and spaces around it", () => {
    expect(resolveUserPath('  "/srv/shared/front desk.csv" ', HOME).path).toBe('/srv/shared/front desk.csv');
    expect(resolveUserPath("'~/q.csv'", HOME).path).toBe(join(HOME, 'q.csv'));
  });

  it('accepts file:// URLs, with escaped characters', () => {
    const url = pathToFileURL('/srv/shared/front desk.csv').href;
    expect(url).toContain('%20');
    expect(resolveUserPath(url, HOME)).toEqual({ path: '/srv/shared/front desk.csv', base: 'absolute' });
    expect(() => resolveUserPath('file://remote-host/share/q.csv', HOME)).toThrow(/not a file address/);
  });

  it('normalizes absolute paths', () => {
    expect(resolveUserPath('/srv/a/../b/q.csv', HOME).path).toBe('/srv/b/q.csv');
  });
});
