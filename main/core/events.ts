import type { ApiEventName, ApiEvents } from '../../shared/api.ts';
import type { EmitEvent } from './api.ts';

export type EventListener = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

/** Fans push events out to every transport that subscribed (IPC windows, HTTP event streams). */
export interface EventHub {
  emit: EmitEvent;
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      for (const listener of listeners) {
        try {
          listener(event, payload);
        } catch {
          // A broken subscriber (a closed window, a dropped stream) must not stop the scan.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
