// The link at the foot of an optional message that turns its topic off, without logging in: a
// signed token naming the resident and the topic (HMAC with the session secrets, so rotating them
// keeps older links valid while the old secret is listed).
import crypto from "node:crypto";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { siteUrl } from "~/utils/site-url.server";
import {
  isOptionalTopic,
  parseMutedTopics,
  serializeMutedTopics,
  type OptionalTopic,
} from "./catalog";

const sign = (secret: string, payload: string) =>
  crypto.createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url");

function unsubscribeToken(residentId: string, topic: OptionalTopic): string {
  const payload = `${residentId}.${topic}`;
  return `${payload}.${sign(getEnv().sessionSecrets[0] ?? "", payload)}`;
}

export function unsubscribeUrl(residentId: string, topic: OptionalTopic): string {
  return siteUrl(`/unsubscribe/${unsubscribeToken(residentId, topic)}`);
}

/** The resident and topic a token names, or null when it was not made by this site. */
export function readUnsubscribeToken(
  token: string,
): { residentId: string; topic: OptionalTopic } | null {
  const [residentId, topic, signature] = token.split(".");
  if (!residentId || !topic || !signature || !isOptionalTopic(topic)) return null;
  const given = Buffer.from(signature);
  const valid = getEnv().sessionSecrets.some((secret) => {
    const expected = Buffer.from(sign(secret, `${residentId}.${topic}`));
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  });
  return valid ? { residentId, topic } : null;
}

/** Turns a topic off for a resident; true when the account still exists. */
export async function muteTopic(residentId: string, topic: OptionalTopic): Promise<boolean> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const resident = await tx.resident.findFirst({
      where: { id: residentId, deletedAt: null },
      select: { mutedTopics: true },
    });
    if (!resident) return false;
    const muted = parseMutedTopics(resident.mutedTopics);
    if (!muted.includes(topic)) {
      await tx.resident.update({
        where: { id: residentId },
        data: { mutedTopics: serializeMutedTopics([...muted, topic]) },
      });
    }
    return true;
  });
}
