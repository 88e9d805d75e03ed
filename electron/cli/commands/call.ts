import { FieldtuneError } from '../../contract/errors.js';
import { requests } from '../../contract/requests.js';
import type { CliCommand } from '../command.js';
import { withCore, workspaceOption } from '../coreSession.js';

/** Sends one raw contract request: the same validation path the desktop app and browser mode use. */
export const callCommand: CliCommand = {
  name: 'call',
  summary: 'Send one contract request, e.g. fieldtune call projects:create \'{"name":"Notes"}\'',
  usage: [
    'Usage: fieldtune call METHOD [PARAMS_JSON] [--workspace DIR] [--json]',
    '',
    'Sends one request of the typed contract to the workspace and prints its result.',
    `Methods: ${Object.keys(requests).join(', ')}`,
  ].join('\n'),
  options: workspaceOption,
  allowPositionals: true,
  async run(args, out) {
    const [method, rawParams] = args.positionals;
    if (!method) throw new FieldtuneError('BAD_REQUEST', 'Name a method, e.g. fieldtune call projects:list');
    let params: unknown = {};
    if (rawParams !== undefined) {
      try {
        params = JSON.parse(rawParams);
      } catch (error) {
        throw new FieldtuneError('BAD_REQUEST', `PARAMS_JSON is not valid JSON: ${(error as Error).message}`);
      }
    }
    const response = await withCore(args, (core) => core.request(method, params));
    if (!response.ok) throw new FieldtuneError(response.error.code, response.error.message, response.error.issues);
    out.result(response.result);
    return 0;
  },
};
