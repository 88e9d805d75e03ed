import { RequestEnvelope, type ResponseEnvelope } from '../contract/wire.js';

/** The subset of Core the dispatcher needs; tests pass a fake. */
export interface RequestTarget {
  request(method: unknown, params: unknown, id?: string | number | null): Promise<ResponseEnvelope>;
}

/** The parts of Electron's IpcMainInvokeEvent the dispatcher reads. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/**
 * Handles 'fieldtune:request' from the renderer. Only the app's own page may call; the payload is checked
 * against the wire envelope and then the contract, and every failure comes back as a typed error.
 */
export function createIpcDispatcher(
  core: RequestTarget,
  isAppPage: (url: string) => boolean,
  /** Called with each answered request (main keeps a remembered passphrase in step: keychain.ts). */
  after?: (method: unknown, params: unknown, response: ResponseEnvelope) => void,
) {
  return async (event: InvokeEventLike, raw: unknown): Promise<ResponseEnvelope> => {
    const url = event.senderFrame?.url ?? '';
    if (!isAppPage(url)) {
      return {
        id: null,
        ok: false,
        error: { code: 'UNAUTHORIZED', message: `Requests are only accepted from the app's own page, not ${url || 'an unknown frame'}` },
      };
    }
    const envelope = RequestEnvelope.safeParse(raw);
    if (!envelope.success) {
      return { id: null, ok: false, error: { code: 'BAD_REQUEST', message: 'Message must be {id, method, params}' } };
    }
    const response = await core.request(envelope.data.method, envelope.data.params, envelope.data.id);
    after?.(envelope.data.method, envelope.data.params, response);
    return response;
  };
}
