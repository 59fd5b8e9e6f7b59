import net from 'node:net';
import type { ChildProcess } from 'node:child_process';

/** The libuv handle under a net.Socket (internal to Node, stable since v0.x: node's own net.js uses it). */
type Handle = { readStop?: () => number; readStart?: () => number; reading?: boolean };

/**
 * Makes `child.send(message, socket)` stop the parent reading the socket before handing it over.
 *
 * Why: when Node sends a socket to another process, it only silences the parent's copy
 * (`handle.onread = nop`) and closes it once the child's NODE_HANDLE_ACK comes back; until then the
 * parent still reads that socket. Sticky sessions hand a WebSocket over right after its upgrade
 * request: the worker answers 101, the client at once sends Socket.IO's CONNECT frame, and if the
 * primary reads that frame before it gets the ACK (a busy machine: ~1 connection in 1 000 in the
 * bench), the frame is thrown away and the connection never completes (nodejs/node#8353). With the
 * parent's reading stopped, whatever arrives waits in the kernel for the worker.
 */
export function stopReadingHandedSockets(child: Pick<ChildProcess, 'send'>): void {
  const send = child.send.bind(child) as (...args: unknown[]) => boolean;
  child.send = ((...args: unknown[]) => {
    const handle = args[1];
    if (handle instanceof net.Socket) {
      const h = (handle as unknown as { _handle?: Handle | null })._handle;
      if (h?.readStop) {
        h.reading = false;
        h.readStop();
        // And never again: while an earlier hand-over waits for its ACK, Node queues this one and the socket
        // keeps its handle; sticky sends from inside the 'data' listener, so the flowing stream calls _read()
        // right after, which restarts reading (reading is false), and the primary would again swallow what
        // the client sends once the worker has answered (1–5 connections in 5 000 lost in the fan-out bench).
        h.readStart = () => 0;
      }
    }
    return send(...args);
  }) as ChildProcess['send'];
}
