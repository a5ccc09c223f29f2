// The HTTP side of the programs back office: who may use it (staff bound to an organisation, and
// admins; other staff and residents get 403), and the program or session a page is about (404
// when there is none or it is another organisation's), and the forms' answers to a refusal.
import {
  getManagedProgram,
  getManagedSession,
  mayManageEvents,
} from "~/domain/events/manage.server";
import { requireRole } from "~/utils/auth.server";
import type { Submission } from "@conform-to/react";
import type { Failure } from "~/domain/shared/outcome";
import { forbidden, invariantResponse, refusalResponse, refused } from "~/utils/http.server";

export async function requireEventsStaff(request: Request) {
  const user = await requireRole(request, ["staff", "admin"]);
  invariantResponse(mayManageEvents(user), forbidden);
  return user;
}

export async function requireManagedProgram(request: Request, programId: string | undefined) {
  const user = await requireEventsStaff(request);
  const found = await getManagedProgram(user, programId ?? "");
  if (!found.ok) throw refusalResponse(found);
  return { user, program: found.value };
}

export async function requireManagedSession(request: Request, sessionId: string | undefined) {
  const user = await requireEventsStaff(request);
  const found = await getManagedSession(user, sessionId ?? "");
  if (!found.ok) throw refusalResponse(found);
  return { user, session: found.value };
}

// The form again when the domain refuses, with why next to the field it concerns.
const PROGRAM_FIELD: Record<string, string> = {
  organizationRequired: "organizationId",
  unknownOrganization: "organizationId",
  unknownPlace: "placeId",
};

export function programRefusal(failure: Failure, submission: Submission<unknown>) {
  const field = PROGRAM_FIELD[failure.code] ?? "titleKo";
  return refused(failure, {
    submission,
    reply: { fieldErrors: { [field]: [`events:staff.problem.${failure.code}`] } },
  });
}

const SESSION_FIELD: Record<string, string> = {
  overlap: "startDate",
  seatsBelowRegistered: "capacity",
  allocationLocked: "allocation",
};

export function sessionRefusal(failure: Failure, submission: Submission<unknown>) {
  const field = SESSION_FIELD[failure.code] ?? "startDate";
  return refused(failure, {
    submission,
    reply: { fieldErrors: { [field]: [`events:staff.problem.${failure.code}`] } },
  });
}
