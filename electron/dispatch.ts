/**
 * The one entry point both transports call: look up the method, validate the request against the
 * contract, run the service, and turn every outcome into an envelope. Nothing thrown escapes.
 */
import { api, ApiError, isMethod, issuesOf, type Envelope, type Handlers, type Method } from '../shared/api';

export type Dispatch = (method: string, payload: unknown) => Promise<Envelope>;

/**
 * How deep a request's JSON may nest. Validation and the services walk documents recursively, and a
 * thousand levels or so overflow the stack (a RangeError that would escape as a crash, not a typed
 * error); an article's document is a dozen levels deep, so 256 refuses nothing a person makes.
 */
export const MAX_REQUEST_DEPTH = 256;

/**
 * Whether `value` nests deeper than `max` levels, found without recursion so it cannot overflow itself.
 * Only objects and arrays are queued: every save passes through here, and most values are strings.
 */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const isNode = (v: unknown): v is object => typeof v === 'object' && v !== null;
  if (!isNode(value)) return false;
  const pending: { node: object; depth: number }[] = [{ node: value, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.depth > max) return true;
    for (const child of Array.isArray(next.node) ? (next.node as unknown[]) : Object.values(next.node)) {
      if (isNode(child)) pending.push({ node: child, depth: next.depth + 1 });
    }
  }
  return false;
}

export function createDispatch(handlers: Handlers, log: (msg: string) => void = console.error): Dispatch {
  return async (method, payload) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `There is no API method called “${String(method).slice(0, 80)}”.` } };
    }
    if (nestsDeeperThan(payload, MAX_REQUEST_DEPTH)) {
      return { ok: false, error: { code: 'invalid_request', message: `Invalid ${method} request: it nests more than ${MAX_REQUEST_DEPTH} levels deep.` } };
    }
    const parsed = api[method].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      const first = issues[0];
      return {
        ok: false,
        error: { code: 'invalid_request', message: `Invalid ${method} request${first ? `: ${first.path || 'request'}: ${first.message}` : ''}.`, issues },
      };
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
