// The "Messages" form of the account: where messages go and which optional ones are wanted.
import { z } from "zod";
import { CHANNEL_CHOICES, OPTIONAL_TOPICS } from "./catalog";

export const MessagePreferencesSchema = z.object({
  channels: z.enum(CHANNEL_CHOICES, {
    errorMap: () => ({ message: "account:messages.channelsRequired" }),
  }),
  /** the optional topics the resident wants (a box left unticked turns its topic off) */
  topics: z
    .array(z.enum(OPTIONAL_TOPICS, { errorMap: () => ({ message: "validation:invalid" }) }))
    .max(OPTIONAL_TOPICS.length)
    .default([]),
});
export type MessagePreferencesInput = z.infer<typeof MessagePreferencesSchema>;

/** A desk's decision about a message that could not be delivered (/staff/messages). */
export const SettleFailureSchema = z.object({
  notificationId: z.string({ required_error: "validation:invalid" }).min(1).max(40),
  decision: z.enum(["retry", "handled"], { errorMap: () => ({ message: "validation:invalid" }) }),
});
