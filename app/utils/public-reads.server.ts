// Public data that many page requests read alike — a directory's page of places, the postings a
// search finds, the open public-work rounds — kept per process for as long as public pages may be
// shared (RESPONSE_CACHE_SECONDS, decision 0008; 15 s in production, off in development and
// tests). A logged-in visitor then pays only for what is theirs (who they are, their bookings),
// not again for the list everyone sees. Never for anything personal, nor for the back office,
// nor where a count must be exact when read (places left to book).
import { getEnv } from "./env.server";

/** Distinct reads kept at once (the oldest goes first): queries are many, popular ones few. */
const MAX_ENTRIES = 500;
/**
 * What the reads that say their size (`bytes`) may hold together: a directory's page is small,
 * but a map's whole city is not, and five hundred of those must not fill the memory.
 */
const MAX_BYTES = 32 * 1024 * 1024;

type Entry = { expires: number; value: Promise<unknown>; bytes: number };
const entries = new Map<string, Entry>();
let bytesKept = 0;

function forget(key: string) {
  const entry = entries.get(key);
  if (!entry) return;
  entries.delete(key);
  bytesKept -= entry.bytes;
}

/**
 * The result of `read()`, shared with every request asking for the same `key` within the
 * sharing window. The key must name everything the result depends on. Failures are not kept.
 * `bytes` tells how large a result is, for results that may be large (MAX_BYTES).
 */
export function sharedRead<T>(
  key: string,
  read: () => Promise<T>,
  options: { bytes?: (value: T) => number } = {},
): Promise<T> {
  const seconds = getEnv().sharedForSeconds;
  if (seconds <= 0) return read();
  // real time, not the app's clock: this is about how old the copy is
  const time = Date.now();
  const kept = entries.get(key);
  if (kept && kept.expires > time) return kept.value as Promise<T>;
  const value = read();
  const entry: Entry = { expires: time + seconds * 1000, value, bytes: 0 };
  forget(key);
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) forget(entries.keys().next().value!);
  value.then(
    (result) => {
      if (!options.bytes || entries.get(key) !== entry) return;
      entry.bytes = options.bytes(result);
      bytesKept += entry.bytes;
      // the oldest go first, this one last (alone over the budget, it is not kept at all)
      for (const oldest of entries.keys()) {
        if (bytesKept <= MAX_BYTES) break;
        forget(oldest);
      }
    },
    () => {
      if (entries.get(key) === entry) forget(key);
    },
  );
  return value;
}

/** Forgets every shared read (tests, and after this process changes public data). */
export function forgetSharedReads() {
  entries.clear();
  bytesKept = 0;
}
