// The browser-mode file chooser through the door: it lists the home folder and added places only, resolves symbolic
// links before deciding, refuses '..', and a bare file name typed into the import field is read from the home folder.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';

const tmp = tempDir('fieldtune-files-');
const home = join(tmp.dir, 'home');
const outside = join(tmp.dir, 'elsewhere');
const savedHome = process.env['HOME'];
let core: Core;

beforeAll(() => {
  mkdirSync(join(home, 'Documents', 'clinic'), { recursive: true });
  mkdirSync(join(home, '.cache'));
  mkdirSync(outside);
  writeFileSync(join(home, 'clinic.csv'), 'question,answer\nWhen do you open?,At eight.\n');
  writeFileSync(join(home, 'Documents', 'notes 10.txt'), 'x');
  writeFileSync(join(home, 'Documents', 'notes 9.txt'), 'x');
  writeFileSync(join(outside, 'secret.csv'), 'q,a\n1,2\n');
  symlinkSync(outside, join(home, 'Documents', 'link-out'));
  symlinkSync(join(home, 'clinic.csv'), join(home, 'Documents', 'link-in.csv'));
  process.env['HOME'] = home; // os.homedir() reads $HOME
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'browser' });
});
afterAll(async () => {
  await core.close();
  process.env['HOME'] = savedHome;
  tmp.cleanup();
});

describe('files:list', () => {
  it('lists the home folder by default: folders first, natural order, hidden entries only when asked', async () => {
    const top = await core.call('files:list', {});
    expect(top.folder).toBe(home);
    expect(top.parent).toBeNull();
    expect(top.places).toEqual([{ label: 'Home folder', path: home, removable: false }]);
    expect(top.entries.map((e) => [e.name, e.kind])).toEqual([
      ['Documents', 'folder'],
      ['clinic.csv', 'file'],
    ]);
    expect(top.entries[1]?.sizeBytes).toBeGreaterThan(0);
    expect((await core.call('files:list', { showHidden: true })).entries.map((e) => e.name)).toContain('.cache');
    const docs = await core.call('files:list', { path: '~/Documents' });
    expect(docs.parent).toBe(home);
    // a link inside home to a file inside home is shown at its real path; a link that leads out is not shown
    expect(docs.entries.map((e) => e.name)).toEqual(['clinic', 'link-in.csv', 'notes 9.txt', 'notes 10.txt']);
    expect(docs.entries.find((e) => e.name === 'link-in.csv')?.path).toBe(join(home, 'clinic.csv'));
  });

  it("refuses folders outside the places, through a symbolic link too, and any path with '..'", async () => {
    await expect(core.call('files:list', { path: outside })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /outside your home folder/ });
    await expect(core.call('files:list', { path: join(home, 'Documents', 'link-out') })).rejects.toMatchObject({ message: /outside your home folder/ });
    await expect(core.call('files:list', { path: `${home}/Documents/../../elsewhere` })).rejects.toMatchObject({ message: /'\.\.'/ });
    await expect(core.call('files:list', { path: join(home, 'clinic.csv') })).rejects.toMatchObject({ message: /is a file, not a folder/ });
    await expect(core.call('files:list', { path: 42 } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('lists an added place until it is removed again; the whole disk cannot be added', async () => {
    const places = await core.call('files:add-place', { path: `"${outside}"` });
    expect(places.map((p) => p.path)).toEqual([home, outside]);
    expect((await core.call('files:list', { path: outside })).entries.map((e) => e.name)).toEqual(['secret.csv']);
    // the link out of home now leads into a place, so it is shown
    expect((await core.call('files:list', { path: '~/Documents' })).entries.map((e) => e.name)).toContain('link-out');
    await expect(core.call('files:add-place', { path: '/' })).rejects.toMatchObject({ message: /not the whole disk/ });
    expect(await core.call('files:remove-place', { path: outside })).toHaveLength(1);
    await expect(core.call('files:list', { path: outside })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('paths typed into the import field', () => {
  it('reads a bare name from the home folder, expands ~ and accepts a quoted path or a file:// URL', async () => {
    for (const typed of ['clinic.csv', '~/clinic.csv', `"${join(home, 'clinic.csv')}"`, `file://${join(home, 'clinic.csv')}`]) {
      const preview = await core.call('datasets:preview', { path: typed });
      expect(preview.path).toBe(join(home, 'clinic.csv'));
      expect(preview.rows).toHaveLength(1);
    }
  });
});
