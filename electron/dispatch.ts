/**
 * The one entry point both transports call: look up the method, validate the request against the
 * contract, run the service, and turn every outcome into an envelope. Nothing thrown escapes.
 */
import { api, ApiError, isMethod, issuesOf, type Envelope, type Handlers, type Method } from '../shared/api';
import { MAX_JSON_DEPTH } from '../shared/limits';
import { checkJsonDepth } from '../shared/schema/jsonDepth';

export type Dispatch = (method: string, payload: unknown) => Promise<Envelope>;

export function createDispatch(handlers: Handlers, log: (msg: string) => void = console.error): Dispatch {
  return async (method, payload) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `There is no API method called “${String(method).slice(0, 80)}”.` } };
    }
    // Before zod, which recurses: a payload nested thousands deep would overflow the stack inside it.
    const depth = checkJsonDepth(payload, MAX_JSON_DEPTH);
    if (!depth.ok) return { ok: false, error: { code: 'invalid_request', message: `Invalid ${method} request: it is ${depth.message}.` } };
    const parsed = api[method].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      const first = issues[0];
      const detail = first ? `: ${first.path || 'request'}: ${first.message}` : '';
      // One full stop, whether or not zod's message brings its own.
      return { ok: false, error: { code: 'invalid_request', message: `Invalid ${method} request${detail}`.replace(/\.?$/, '.'), issues } };
    }
    try {
      const handler = handlers[method] as (req: unknown) => Promise<unknown>;
      const value: unknown = await handler(parsed.data);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, error: e.toBody() };
      const name = (e as Error)?.name;
      if (name === 'StoreTooNewError' || name === 'StoreCorruptError') {
        return { ok: false, error: { code: 'store_error', message: (e as Error).message } };
      }
      log(`claimdesk: ${method} failed: ${(e as Error)?.stack ?? String(e)}`);
      return { ok: false, error: { code: 'internal', message: `Something went wrong in ${method}: ${(e as Error)?.message ?? String(e)}. Nothing was changed.` } };
    }
  };
}

export type { Method };
