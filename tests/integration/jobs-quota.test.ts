// Selection never exceeds the positions, whatever the concurrency: 100 simultaneous "select"
// decisions on a posting with 5 positions, through the capability and through the route action.
import { beforeAll, describe, expect, it } from "vitest";
import { decideApplication } from "~/domain/jobs/decisions.server";
import { getDb } from "~/utils/db.server";
import { setTestNow } from "~/utils/clock.server";
import { action as applicantsAction } from "~/routes/staff.postings.$postingId.applicants";
import { call, formRequest } from "#tests/factories/http";
import {
  makeApplicants,
  makeOrganization,
  makePosting,
  makeStaff,
  NOW,
} from "#tests/factories/jobs";
import { sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
beforeAll(() => setTestNow(NOW));

async function placesOf(postingId: string) {
  const [posting, selected, changes] = await Promise.all([
    db.posting.findUniqueOrThrow({ where: { id: postingId }, select: { selectedCount: true } }),
    db.application.count({ where: { postingId, status: "selected" } }),
    db.applicationStatusChange.count({ where: { status: "selected", application: { postingId } } }),
  ]);
  return { counter: posting.selectedCount, selected, changes };
}

describe("selection quota under concurrency", () => {
  it("selects exactly 5 of 100 applicants decided at once (capability)", async () => {
    const org = await makeOrganization();
    const staff = await makeStaff(org.id);
    const posting = await makePosting(org.id, { positions: 5 });
    const applications = await makeApplicants({ postingId: posting.id }, 100);

    const outcomes = await Promise.all(
      applications.map((applicationId) =>
        decideApplication(
          staff.user,
          { postingId: posting.id },
          { applicationId, decision: "select" },
          { now: NOW, ip: null },
        ),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
    expect(outcomes.filter((o) => !o.ok && o.code === "full")).toHaveLength(95);
    expect(await placesOf(posting.id)).toEqual({ counter: 5, selected: 5, changes: 5 });
    // Refused decisions left nothing behind: no audit entry, no message.
    expect(
      await db.auditEvent.count({
        where: { action: "application.select", subjectId: { in: applications } },
      }),
    ).toBe(5);
    expect(
      await db.notification.count({
        where: {
          template: "application_selected",
          resident: { applications: { some: { postingId: posting.id } } },
        },
      }),
    ).toBe(5);
  });

  it("selects exactly 5 of 100 when two staff members post at once (route action)", async () => {
    const org = await makeOrganization();
    const [first, second] = [await makeStaff(org.id), await makeStaff(org.id)];
    const cookies = [await sessionCookieFor(first.id), await sessionCookieFor(second.id)];
    const posting = await makePosting(org.id, { positions: 5 });
    const applications = await makeApplicants({ postingId: posting.id }, 100);

    const results = await Promise.all(
      applications.map((applicationId, i) =>
        call(
          applicantsAction,
          formRequest(
            `/staff/postings/${posting.id}/applicants`,
            { intent: "select", applicationId, confirm: "yes" },
            { cookie: cookies[i % 2] },
          ),
          { postingId: posting.id },
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s < 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(95);
    expect(await placesOf(posting.id)).toEqual({ counter: 5, selected: 5, changes: 5 });
  });
});
