// Handlers for the 'files:*' requests (the browser-mode file chooser); inputs arrive validated.
import type { ParsedInput, RequestOutput, Requests } from '../../../contract/requests.js';
import type { HandlerContext } from '../handlers.js';
import { addPlace, listFolder, removePlace } from './files.js';

type FilesMethod = Extract<keyof Requests, `files:${string}`>;
type FilesHandlers = { [M in FilesMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const filesHandlers: FilesHandlers = {
  'files:list': ({ path, showHidden }, { ws }) => listFolder(ws, { path, showHidden }),
  'files:add-place': ({ path }, { ws }) => addPlace(ws, path),
  'files:remove-place': ({ path }, { ws }) => removePlace(ws, path),
};
