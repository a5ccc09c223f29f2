// Public data that many page requests read alike — a directory's page of places, the postings a
// search finds, the open public-work rounds — kept per process for as long as public pages may be
// shared (RESPONSE_CACHE_SECONDS, decision 0008; 15 s in production, off in development and
// tests). A logged-in visitor then pays only for what is theirs (who they are, their bookings),
// not again for the list everyone sees. Never for anything personal, nor for the back office,
// nor where a count must be exact when read (places left to book).
import { getEnv } from "./env.server";

/** Distinct reads kept at once (the oldest goes first): queries are many, popular ones few. */
const MAX_ENTRIES = 500;

const entries = new Map<string, { expires: number; value: Promise<unknown> }>();

/**
 * The result of `read()`, shared with every request asking for the same `key` within the
 * sharing window. The key must name everything the result depends on. Failures are not kept.
 */
export function sharedRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  const seconds = getEnv().sharedForSeconds;
  if (seconds <= 0) return read();
  // real time, not the app's clock: this is about how old the copy is
  const time = Date.now();
  const kept = entries.get(key);
  if (kept && kept.expires > time) return kept.value as Promise<T>;
  const value = read();
  const entry = { expires: time + seconds * 1000, value };
  entries.delete(key);
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}

/** Forgets every shared read (tests, and after this process changes public data). */
export function forgetSharedReads() {
  entries.clear();
}
