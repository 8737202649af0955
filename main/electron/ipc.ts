/**
 * The IPC adapter: one invoke channel into dispatch(), one event channel out of the event hub.
 * Every call's sender is checked in one place before it reaches a handler.
 */
import type { Envelope } from '../../shared/api.ts';
import type { Handlers } from '../core/api.ts';
import { dispatch } from '../core/dispatch.ts';
import type { EventHub } from '../core/events.ts';
import { isAppUrl } from './app-origin.ts';

/** Kept equal to the names in main/preload.ts (a test checks it). */
export const INVOKE_CHANNEL = 'leasehold:invoke';
export const EVENT_CHANNEL = 'leasehold:event';

export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** The parts of IpcMainInvokeEvent the check reads. */
export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: SenderFrameLike | null;
}

/**
 * Accept a call only from our main window's own top frame while it shows the app origin. A
 * frame that navigated elsewhere, a sub-frame, or any other WebContents is refused.
 */
export function isTrustedSender(event: InvokeEventLike, trusted: unknown): boolean {
  if (trusted === null || trusted === undefined || event.sender !== trusted) return false;
  let frame: SenderFrameLike | null;
  try {
    // Electron may throw or return null once the frame is gone.
    frame = event.senderFrame;
  } catch {
    return false;
  }
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export const UNTRUSTED_SENDER: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Refused: the call did not come from the Leasehold window.' },
};

export interface InvokeDeps {
  handlers: Handlers;
  /** The main window's WebContents, or null while there is none. */
  trustedContents(): unknown;
  log?(message: string): void;
}

/** The invoke handler: sender check, then the contract's dispatch. Exported for tests. */
export function createInvokeHandler(deps: InvokeDeps) {
  return async (event: InvokeEventLike, name: unknown, req: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event, deps.trustedContents())) {
      (deps.log ?? console.warn)(`Leasehold: refused an IPC call (${String(name).slice(0, 40)}) from an untrusted sender`);
      return UNTRUSTED_SENDER;
    }
    return dispatch(deps.handlers, name, req);
  };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export function registerIpc(ipcMain: IpcMainLike, deps: InvokeDeps): () => void {
  const invoke = createInvokeHandler(deps);
  ipcMain.handle(INVOKE_CHANNEL, (event: InvokeEventLike, name: unknown, req: unknown) => invoke(event, name, req));
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

export interface EventTargetLike {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Pushes every core event to the main window, if it is still open. Returns the unsubscribe. */
export function forwardEvents(hub: Pick<EventHub, 'subscribe'>, target: () => EventTargetLike | null | undefined): () => void {
  return hub.subscribe((event, payload) => {
    const contents = target();
    if (!contents || contents.isDestroyed()) return;
    contents.send(EVENT_CHANNEL, event, payload);
  });
}
