// Booking: the messages sent to residents (confirmations, reminders, waitlist offers).
import { messageT } from "~/domain/notifications/render.server";
import type { Topic } from "~/domain/notifications/catalog";
import { enqueueNotification } from "~/domain/notifications/service.server";
import type { Prisma } from "~/generated/prisma/client";
import { formatDateTime } from "~/utils/format";
import { siteUrl } from "~/utils/site-url.server";
import type { Tx } from "./capacity.server";
import { reminderAt } from "./rules";
import { localized } from "~/domain/shared/localized";

// ───────────── messages ─────────────

type MessageFacts = {
  startsAt: Date;
  service: { nameKo: string; nameEn: string };
  place: { id?: string; nameKo: string; nameEn: string; phone: string | null };
};

/** Who a message goes to; pass the language when already known (saves a query). */
type Recipient = { id: string; language?: string };

/** Writes a booking message to the outbox, with names and times in the resident's language. */
export async function notify(
  tx: Tx,
  recipient: Recipient,
  template: string,
  facts: MessageFacts,
  extra: {
    path: string;
    /** what the message is about, for its delivery status on that page: booking:<id> … */
    ref?: string;
    previous?: Date;
    until?: Date;
    reason?: string | null;
    /** a lottery's waitlist place (booking_lottery_waitlisted) */
    position?: number;
  },
  options: { sendAfter: Date; dedupeKey?: string; topic?: Topic },
) {
  const language =
    recipient.language ??
    (
      await tx.resident.findFirst({
        where: { id: recipient.id, deletedAt: null },
        select: { preferredLanguage: true },
      })
    )?.preferredLanguage;
  if (!language) return;
  const t = (await messageT(language)) as unknown as (key: string) => string;
  const params: Record<string, string> = {
    service: localized(facts.service, language, "name"),
    place: localized(facts.place, language, "name"),
    when: formatDateTime(facts.startsAt, language),
    phone: facts.place.phone ?? t("booking:manage.phoneUnknown"),
    link: siteUrl(extra.path),
  };
  if (extra.previous) params.previous = formatDateTime(extra.previous, language);
  if (extra.until) params.until = formatDateTime(extra.until, language);
  if (extra.position !== undefined) params.position = String(extra.position);
  if (template === "slot_blocked" || template === "booking_lottery_slot_cancelled")
    params.reason = extra.reason || t("booking:staff.defaultReason");
  await enqueueNotification(
    {
      residentId: recipient.id,
      template,
      params,
      ...options,
      about: { ref: extra.ref, placeId: facts.place.id ?? null },
      // A held place is pointless once the hold ends: such a text is not kept for the morning.
      expiresAt: extra.until,
    },
    tx,
  );
}

export const reminderKey = (bookingId: string) => `booking-reminder:${bookingId}`;

export async function scheduleReminder(
  tx: Tx,
  recipient: Recipient,
  bookingId: string,
  facts: MessageFacts,
  now: Date,
) {
  const at = reminderAt(facts.startsAt, now);
  if (!at) return;
  await notify(
    tx,
    recipient,
    "booking_reminder",
    facts,
    { path: `/bookings/${bookingId}`, ref: `booking:${bookingId}` },
    { sendAfter: at, dedupeKey: reminderKey(bookingId) },
  );
}

export const messageSlotSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  blocked: true,
  service: {
    select: {
      slug: true,
      nameKo: true,
      nameEn: true,
      place: { select: { id: true, nameKo: true, nameEn: true, phone: true } },
    },
  },
} as const;

export function messageFacts(slot: Prisma.SlotGetPayload<{ select: typeof messageSlotSelect }>) {
  return { startsAt: slot.startsAt, service: slot.service, place: slot.service.place };
}
