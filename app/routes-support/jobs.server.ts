// Who may use the jobs back office: staff bound to an organisation (they manage its postings and
// rounds) and admins (all). Other staff (e.g. of a place only) and residents get 403.
import { forbidden, requireRole } from "~/domain/residents/auth.server";

export async function requireJobsStaff(request: Request) {
  const user = await requireRole(request, ["staff", "admin"]);
  if (user.role === "staff" && !user.staffOrganizationId) throw forbidden();
  return user;
}
