/**
 * The UI's one way to the core. Inside Electron the preload script exposes `window.leasehold`;
 * in a browser opened by `leasehold serve` the same contract travels over HTTP: calls as
 * `POST /api/<name>` returning envelopes, events on one shared EventSource.
 */
import {
  API_EVENT_NAMES,
  type ApiEventName,
  type ApiEvents,
  type ApiName,
  type ApiRequest,
  type ApiResponse,
  type Envelope,
  type LeaseholdBridge,
} from '../shared/api.ts';

declare global {
  interface Window {
    leasehold?: LeaseholdBridge;
  }
}

/** A failed call, with the core's stable code kept for callers that branch on it. */
export class CallError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'CallError';
  }
}

export function getBridge(): LeaseholdBridge {
  return window.leasehold ?? createHttpBridge();
}

type AnyListener = (payload: unknown) => void;

export function createHttpBridge(baseUrl = ''): LeaseholdBridge {
  const listeners = new Map<ApiEventName, Set<AnyListener>>();
  let source: EventSource | null = null;

  function openSource(): void {
    if (source) return;
    source = new EventSource(`${baseUrl}/api/events`);
    for (const name of API_EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  }

  function closeSourceIfIdle(): void {
    const anyLeft = [...listeners.values()].some((set) => set.size > 0);
    if (!anyLeft && source) {
      source.close();
      source = null;
    }
  }

  return {
    async invoke<K extends ApiName>(name: K, req: ApiRequest<K>): Promise<ApiResponse<K>> {
      let res: Response;
      try {
        res = await fetch(`${baseUrl}/api/${name}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(req ?? {}),
        });
      } catch {
        throw new CallError('unreachable', 'Leasehold is not reachable. Is `leasehold serve` still running?');
      }
      let envelope: Envelope<ApiResponse<K>>;
      try {
        envelope = (await res.json()) as Envelope<ApiResponse<K>>;
      } catch {
        throw new CallError('bad-response', `${name}: unexpected response (HTTP ${res.status})`);
      }
      if (!envelope.ok) throw new CallError(envelope.error.code, envelope.error.message);
      return envelope.value;
    },

    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const entry = listener as AnyListener;
      set.add(entry);
      openSource();
      return () => {
        set.delete(entry);
        closeSourceIfIdle();
      };
    },
  };
}

/** The message of anything thrown by a call, as one line for the UI. */
export function errorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n', 1)[0] ?? '';
}
