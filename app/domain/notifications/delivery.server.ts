// What became of the messages about one thing (a booking, an application), for its page: "we
// sent you a text at 14:02", "the e-mail is waiting to be retried", "could not be delivered".
import { getDb } from "~/utils/db.server";
import { maskMobile } from "./phone";

type DeliveryState = "sent" | "scheduled" | "retrying" | "failed";

export type Delivery = {
  id: string;
  channel: "email" | "sms";
  /** the address, a phone masked */
  to: string;
  template: string;
  state: DeliveryState;
  /** sent: when; scheduled or retrying: when it will (next) go */
  at: string;
};

/** The resident's own messages about `ref` (booking:<id>, application:<id>), newest first. */
export async function deliveriesAbout(
  residentId: string,
  ref: string,
  now: Date,
  limit = 6,
): Promise<Delivery[]> {
  const rows = await getDb().notification.findMany({
    where: { residentId, subjectRef: ref, status: { not: "cancelled" } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      channel: true,
      toAddress: true,
      template: true,
      status: true,
      attempts: true,
      sendAfter: true,
      sentAt: true,
    },
  });
  return rows.map((row) => {
    const channel = row.channel === "sms" ? "sms" : "email";
    const state: DeliveryState =
      row.status === "sent"
        ? "sent"
        : row.status === "failed" || row.status === "handled"
          ? "failed"
          : row.attempts > 0
            ? "retrying"
            : "scheduled";
    return {
      id: row.id,
      channel,
      to: channel === "sms" ? maskMobile(row.toAddress) : row.toAddress,
      template: row.template,
      state,
      at: (state === "sent" && row.sentAt
        ? row.sentAt
        : row.sendAfter > now
          ? row.sendAfter
          : now
      ).toISOString(),
    };
  });
}
