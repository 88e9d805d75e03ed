import { describe, expect, it } from 'vitest';
import { defaultWorkspaceDir } from './workspace.js';

describe('defaultWorkspaceDir', () => {
  it("uses each OS's per-user data folder", () => {
    expect(defaultWorkspaceDir({}, 'linux', '/home/ana')).toBe('/home/ana/.local/share/fieldtune/workspace');
    expect(defaultWorkspaceDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ana')).toBe('/data/fieldtune/workspace');
    expect(defaultWorkspaceDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Fieldtune/workspace');
    expect(defaultWorkspaceDir({ APPDATA: 'C:/Users/ana/AppData/Roaming' }, 'win32', 'C:/Users/ana')).toMatch(/Roaming.Fieldtune.workspace$/);
  });

  it('FIELDTUNE_WORKSPACE overrides it', () => {
    expect(defaultWorkspaceDir({ FIELDTUNE_WORKSPACE: '/srv/ft' }, 'linux', '/home/ana')).toBe('/srv/ft');
  });
});
