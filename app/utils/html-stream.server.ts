// The page's HTML on its way from React's streaming renderer to the response.
import { Transform } from "node:stream";

/**
 * A stream for React's HTML that:
 *
 * - Sends what React writes in one go as one chunk. React's renderer writes the document in
 *   pieces of its 2 KB buffer, all at once for the shell and again for each Suspense boundary that
 *   resolves later. Every chunk that leaves here is written and flushed separately downstream:
 *   Remix's adapter calls `res.flush()` after each one, so the compression middleware makes a
 *   zlib flush, a thread-pool round trip and a socket write of each: a page of ten chunks paid
 *   for ten. So the pieces are gathered until the renderer's synchronous writing is done (the
 *   next microtask) and sent together. What resolves later is still streamed, in its own chunk.
 * - Drops NUL bytes. React 18 encodes into a reused 2 KB buffer and, when a multi-byte character
 *   (all of Korean) does not fit at its end, flushes the unwritten tail as NUL bytes
 *   (facebook/react#26228, fixed only in React 19). NUL never occurs in valid HTML text.
 */
export function htmlBody(): Transform {
  let pending: Buffer[] = [];
  let scheduled = false;
  const take = () => {
    const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    return withoutNul(chunk);
  };
  const body = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(() => {
          scheduled = false;
          if (pending.length > 0 && !body.destroyed) body.push(take());
        });
      }
      callback();
    },
    flush(callback) {
      callback(null, pending.length > 0 ? take() : undefined);
    },
  });
  return body;
}

function withoutNul(chunk: Buffer): Buffer {
  let nul = chunk.indexOf(0);
  if (nul === -1) return chunk;
  // a few NULs at the end of some 2 KB pieces: copy the runs between them (natively), not bytes
  const kept = Buffer.allocUnsafe(chunk.length);
  let length = 0;
  let from = 0;
  while (nul !== -1) {
    length += chunk.copy(kept, length, from, nul);
    from = nul + 1;
    nul = chunk.indexOf(0, from);
  }
  length += chunk.copy(kept, length, from);
  return kept.subarray(0, length);
}
