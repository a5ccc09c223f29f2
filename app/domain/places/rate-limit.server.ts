// A fixed-window request counter in the database (one row per client key and window, incremented
// by an atomic upsert), so that several servers count the same requests; no process memory.
import { z } from "zod";
import { getDb } from "~/utils/db.server";

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** when the current window ends */
  resetAt: Date;
};

const Limit = z.coerce.number().int().min(0).default(120);

/**
 * Requests per minute and client allowed on GET /api/places: PLACES_API_RATE_LIMIT (default
 * 120; 0 switches the limit off, for a deployment that limits at its proxy instead).
 */
export function placesApiRateLimit(): number {
  const parsed = Limit.safeParse(process.env.PLACES_API_RATE_LIMIT || undefined);
  return parsed.success ? parsed.data : 120;
}

export async function consumeRateLimit(
  key: string,
  options: { now: Date; limit: number; windowSeconds: number },
): Promise<RateLimitDecision> {
  const windowMs = options.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(options.now.getTime() / windowMs) * windowMs);
  const resetAt = new Date(windowStart.getTime() + windowMs);
  if (options.limit === 0) return { allowed: true, limit: 0, remaining: 0, resetAt };
  const db = getDb();
  const { count } = await db.rateLimitWindow.upsert({
    where: { key_windowStart: { key, windowStart } },
    create: { key, windowStart, count: 1 },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  if (count === 1) {
    // The first request of a window sweeps away the ended ones, so the table stays small
    // without a separate job.
    await db.rateLimitWindow.deleteMany({ where: { windowStart: { lt: windowStart } } });
  }
  return {
    allowed: count <= options.limit,
    limit: options.limit,
    remaining: Math.max(0, options.limit - count),
    resetAt,
  };
}
