// Every capability's part in deleting a resident's account, in the order they run, inside the
// deletion's transaction (residents/service.server.ts deleteAccount). A capability that keeps
// something about a resident adds its hook here; each returns counts for the audit record.
import { releaseBookingsOfDeletedResident } from "~/domain/booking/waitlist.server";
import { releaseEventsOfDeletedResident } from "~/domain/events/register.server";
import { withdrawApplicationsOfDeletedResident } from "~/domain/jobs/apply.server";
import type { Prisma } from "~/generated/prisma/client";

export type ResidentDeletedHook = {
  name: string;
  run: (
    tx: Prisma.TransactionClient,
    residentId: string,
    now: Date,
  ) => Promise<Record<string, number>>;
};

export const RESIDENT_DELETED_HOOKS: readonly ResidentDeletedHook[] = [
  { name: "booking.release", run: releaseBookingsOfDeletedResident },
  { name: "events.release", run: releaseEventsOfDeletedResident },
  {
    name: "jobs.withdraw",
    run: async (tx, residentId, now) => ({
      withdrawnApplications: await withdrawApplicationsOfDeletedResident(tx, residentId, now),
    }),
  },
];
