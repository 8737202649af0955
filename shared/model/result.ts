/** Results cross process boundaries as envelopes, because error classes don't survive IPC. */
export interface ApiError {
  /** Stable machine code, e.g. "bad-request", "not-found", "aws-credentials". */
  code: string;
  /** One line a user can act on. */
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };
