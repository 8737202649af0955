/**
 * The handler table that implements shared/api.ts. Both transports call into this table.
 * Filled in by createHandlers(); see main/core/handlers.ts.
 */
import type { ApiEventName, ApiEvents, ApiName, ApiRequest, ApiResponse } from '../../shared/api.ts';

/** Emits push events to every connected UI. */
export type EmitEvent = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

export type Handlers = {
  [K in ApiName]: (req: ApiRequest<K>) => Promise<ApiResponse<K>>;
};

/** An error with a stable code and a one-line message, turned into an error envelope by the transports. */
export class ApiFailure extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'ApiFailure';
  }
}
