// A resident's choices about messages: channels (e-mail, text, both) and the optional topics.
import { recordAudit } from "~/domain/audit/service.server";
import type { Failure, Outcome } from "~/domain/shared/outcome";
import { getDb } from "~/utils/db.server";
import {
  OPTIONAL_TOPICS,
  parseMutedTopics,
  serializeMutedTopics,
  type ChannelChoice,
  type OptionalTopic,
} from "./catalog";
import type { MessagePreferencesInput } from "./schema";

export type MessagePreferences = {
  channels: ChannelChoice;
  wantedTopics: OptionalTopic[];
  email: string | null;
  phone: string | null;
  phoneVerified: boolean;
};

export async function getMessagePreferences(
  residentId: string,
): Promise<MessagePreferences | null> {
  const resident = await getDb().resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: {
      email: true,
      phone: true,
      phoneVerifiedAt: true,
      messageChannels: true,
      mutedTopics: true,
    },
  });
  if (!resident) return null;
  const muted = parseMutedTopics(resident.mutedTopics);
  return {
    channels:
      (["email", "sms", "both"] as const).find((c) => c === resident.messageChannels) ?? "email",
    wantedTopics: OPTIONAL_TOPICS.filter((topic) => !muted.includes(topic)),
    email: resident.email,
    phone: resident.phone,
    phoneVerified: Boolean(resident.phone && resident.phoneVerifiedAt),
  };
}

/** Saves the choices; texts need a verified phone first (nothing is saved without one). */
export async function saveMessagePreferences(
  residentId: string,
  input: MessagePreferencesInput,
  meta: { ip: string | null },
): Promise<Outcome<object, Failure<"phoneRequired" | "notFound">>> {
  const db = getDb();
  const resident = await db.resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: { phone: true, phoneVerifiedAt: true },
  });
  if (!resident) return { ok: false, code: "notFound" };
  if (input.channels !== "email" && !(resident.phone && resident.phoneVerifiedAt)) {
    return { ok: false, code: "phoneRequired" };
  }
  const muted = OPTIONAL_TOPICS.filter((topic) => !input.topics.includes(topic));
  await db.$transaction(async (tx) => {
    await tx.resident.update({
      where: { id: residentId },
      data: { messageChannels: input.channels, mutedTopics: serializeMutedTopics(muted) },
    });
    await recordAudit(
      {
        actorId: residentId,
        action: "resident.message_preferences",
        subjectType: "Resident",
        subjectId: residentId,
        subjectResidentId: residentId,
        metadata: { channels: input.channels, muted: muted.join(",") },
        ip: meta.ip,
      },
      tx,
    );
  });
  return { ok: true };
}
