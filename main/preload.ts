/**
 * The sandboxed preload: the page's only door to the core. It exposes `window.leasehold`
 * (LeaseholdBridge) with the contract's calls and events only. It never hands the page
 * ipcRenderer or an IpcRendererEvent. Imports: electron and shared/ only (no node:*, the
 * sandbox has none).
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  isApiEventName,
  isApiName,
  type ApiEventName,
  type ApiEvents,
  type ApiName,
  type ApiRequest,
  type ApiResponse,
  type Envelope,
  type LeaseholdBridge,
} from '../shared/api.ts';

/** Kept equal to main/electron/ipc.ts (a test checks it). */
export const INVOKE_CHANNEL = 'leasehold:invoke';
export const EVENT_CHANNEL = 'leasehold:event';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The slice of ipcRenderer the bridge uses, so tests can pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { message?: unknown } };
  return v.ok === true || (v.ok === false && typeof v.error?.message === 'string');
}

export function createBridge(ipc: IpcRendererLike): LeaseholdBridge {
  // One IPC listener fans out to every subscriber (no MaxListeners warnings, one place that
  // strips the IpcRendererEvent); it is removed again when the last subscriber leaves.
  const subscribers = new Map<ApiEventName, Set<(payload: unknown) => void>>();
  const relay: IpcListener = (_ipcEvent, name, payload) => {
    if (!isApiEventName(name)) return;
    for (const listener of subscribers.get(name) ?? []) {
      try {
        listener(payload);
      } catch (err) {
        // One failing listener must not starve the others.
        console.error(err);
      }
    }
  };
  const count = () => [...subscribers.values()].reduce((n, set) => n + set.size, 0);

  return {
    async invoke<K extends ApiName>(name: K, req: ApiRequest<K>): Promise<ApiResponse<K>> {
      if (!isApiName(name)) throw new Error(`Unknown call: ${String(name).slice(0, 80)}`);
      const reply = await ipc.invoke(INVOKE_CHANNEL, name, req ?? {});
      if (!isEnvelope(reply)) throw new Error(`${name}: malformed reply from the core`);
      // Only the message survives contextBridge; the error code does not.
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value as ApiResponse<K>;
    },
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      if (!isApiEventName(event)) throw new Error(`Unknown event: ${String(event).slice(0, 80)}`);
      if (typeof listener !== 'function') throw new TypeError('on(): the listener must be a function');
      const entry = (payload: unknown) => listener(payload as ApiEvents[E]);
      if (count() === 0) ipc.on(EVENT_CHANNEL, relay);
      const set = subscribers.get(event) ?? new Set();
      set.add(entry);
      subscribers.set(event, set);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(entry);
        if (count() === 0) ipc.removeListener(EVENT_CHANNEL, relay);
      };
    },
  };
}

export function exposeBridge(bridge: ContextBridgeLike, ipc: IpcRendererLike): void {
  const api = createBridge(ipc);
  // Only these two functions are exposed; contextBridge copies them into the page's world.
  bridge.exposeInMainWorld('leasehold', { invoke: api.invoke, on: api.on });
}

exposeBridge(contextBridge, ipcRenderer);
