import { Core } from '../core/core.js';
import { defaultWorkspaceDir } from '../core/workspace.js';
import type { CliArgs } from './command.js';

export const workspaceOption = { workspace: { type: 'string' } } as const;

export function workspaceDirFrom(args: CliArgs): string {
  const flag = args.values['workspace'];
  return typeof flag === 'string' && flag.length > 0 ? flag : defaultWorkspaceDir();
}

/** Opens the workspace for one command and always closes it, so no job or file handle outlives the command. */
export async function withCore<T>(args: CliArgs, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = new Core({ workspaceDir: workspaceDirFrom(args), mode: 'cli' });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}
