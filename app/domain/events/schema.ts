// The register / cancel form of an event page: which session, and what to do with it.
import { z } from "zod";

export const SessionActionSchema = z.object({
  intent: z.enum(["register", "cancel"]),
  sessionId: z.string().trim().min(1).max(64),
});
