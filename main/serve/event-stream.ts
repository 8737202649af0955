/**
 * GET /api/events: every EventHub event as a Server-Sent Event. A comment line every few
 * seconds keeps proxies and the browser from timing the stream out and reveals dead sockets;
 * the subscription ends with the connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventHub } from '../core/events.ts';

export interface EventStreams {
  open(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every open stream (server shutdown). */
  closeAll(): void;
}

export function createEventStreams(events: EventHub, heartbeatMs: number): EventStreams {
  const open = new Set<() => void>();
  return {
    open(req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        Connection: 'keep-alive',
      });
      // Reconnect quickly after a restart of the stream; the first comment flushes the headers.
      res.write('retry: 2000\n: connected\n\n');
      const unsubscribe = events.subscribe((event, payload) => {
        res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
      heartbeat.unref();
      const cleanup = (): void => {
        if (!open.delete(cleanup)) return;
        clearInterval(heartbeat);
        unsubscribe();
        res.end();
      };
      open.add(cleanup);
      req.on('close', cleanup);
      res.on('close', cleanup);
      res.on('error', cleanup);
    },
    closeAll() {
      for (const cleanup of [...open]) cleanup();
    },
  };
}
