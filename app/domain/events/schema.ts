// The register / cancel form of an event page: which session, and what to do with it.
import { z } from "zod";

export const SessionActionSchema = z.object({
  // apply: a lottery or a full session's waitlist; confirm / withdraw: one's held seat or place
  intent: z.enum(["register", "cancel", "apply", "confirm", "withdraw"]),
  sessionId: z.string().trim().min(1).max(64),
});
