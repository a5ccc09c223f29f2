// A settling decision (select, waitlist, reject) in two steps and with a way back: the first POST
// only asks to be confirmed (nothing is written), the confirmed decision waits DECISION_UNDO_MINUTES
// before its message goes out, and until then it can be undone — exactly back to what was before,
// audited, with nothing sent. Once the message is out (or due), undoing is refused. Only the
// posting's organisation (or an admin) may do any of it. The quota page says "full" once.
import { beforeEach, describe, expect, it } from "vitest";
import { dispatchDueNotifications } from "~/domain/notifications/service.server";
import type { OutgoingMessage } from "~/domain/notifications/sender.server";
import { DECISION_UNDO_MINUTES } from "~/domain/jobs/types";
import { getDb } from "~/utils/db.server";
import { setTestNow } from "~/utils/clock.server";
import {
  action as applicantsAction,
  loader as applicantsLoader,
} from "~/routes/staff.postings.$postingId.applicants";
import {
  action as roundApplicantsAction,
  loader as roundApplicantsLoader,
} from "~/routes/staff.rounds.$roundId.applicants";
import { action as applicationAction } from "~/routes/applications.$applicationId";
import { call, formRequest, getRequest, type RouteResult } from "#tests/factories/http";
import {
  makeApplicants,
  makeOrganization,
  makePosting,
  makeRound,
  makeLoggedInStaff,
  NOW,
  OPEN_WINDOW,
} from "#tests/factories/jobs";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
const UNDO_MS = DECISION_UNDO_MINUTES * 60_000;
beforeEach(() => setTestNow(NOW));

const listPath = (postingId: string, query = "status=all") =>
  `/staff/postings/${postingId}/applicants?${query}`;

function post(postingId: string, cookie: string, fields: Record<string, string>, query?: string) {
  return call(applicantsAction, formRequest(listPath(postingId, query), fields, { cookie }), {
    postingId,
  });
}

function load(postingId: string, cookie: string, query?: string) {
  return call(applicantsLoader, getRequest(listPath(postingId, query), { cookie }), { postingId });
}

type ListData = {
  full: boolean;
  confirm: null | {
    applicationId: string;
    decision: string;
    name: string | null;
    title: { ko: string; en: string };
    windowOpen: boolean;
    placesLeft: number;
    positions: number;
    waiting: number;
  };
  confirmRefusal: string | null;
  undo: null | { applicationId: string; changeId: string; decision: string; until: string };
  applicants: { id: string; decisions: string[] }[];
};
const listData = (result: RouteResult) => result.data as ListData;

async function stateOf(applicationId: string) {
  return db.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { status: true, waitlistRank: true, sitePostingId: true, decidedAt: true },
  });
}

async function messagesOf(applicationId: string) {
  const { residentId } = await db.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { residentId: true },
  });
  return db.notification.findMany({
    where: { residentId, template: { startsWith: "application_" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { template: true, status: true, sendAfter: true, dedupeKey: true },
  });
}

/** Sends what is due at `at`; returns what went to the applicants of `applicationIds`. */
async function dispatchAt(at: Date, applicationIds: string[]) {
  const sent: OutgoingMessage[] = [];
  await dispatchDueNotifications(at, {
    sender: { name: "test", send: async (message) => void sent.push(message) },
  });
  const residents = await db.resident.findMany({
    where: { applications: { some: { id: { in: applicationIds } } } },
    select: { email: true },
  });
  const to = new Set(residents.map((r) => r.email));
  return sent.filter((message) => to.has(message.to));
}

/** Confirms a decision and returns the undo the list then offers. */
async function decideConfirmed(
  postingId: string,
  cookie: string,
  intent: string,
  applicationId: string,
) {
  const decided = await post(postingId, cookie, { intent, applicationId, confirm: "yes" });
  expect(decided.status).toBe(302);
  const list = await load(
    postingId,
    cookie,
    new URL(decided.location!, "http://x").search.slice(1),
  );
  return listData(list).undo;
}

describe("confirming a decision", () => {
  it("asks first: the first POST writes nothing and the list shows what selecting would do", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const posting = await makePosting(org.id, { positions: 3 });
    const [applicationId] = await makeApplicants({ postingId: posting.id }, 1);

    const asked = await post(posting.id, staff.cookie, {
      intent: "select",
      applicationId: applicationId!,
    });
    expect(asked.status).toBe(302);
    expect(asked.location).toBe(
      `/staff/postings/${posting.id}/applicants?status=all&confirm=${applicationId}&decision=select`,
    );
    expect(await stateOf(applicationId!)).toMatchObject({ status: "submitted", decidedAt: null });
    expect(await db.auditEvent.count({ where: { subjectId: applicationId } })).toBe(0);
    expect(await messagesOf(applicationId!)).toEqual([]);

    const page = listData(
      await load(posting.id, staff.cookie, `status=all&confirm=${applicationId}&decision=select`),
    );
    expect(page.confirm).toMatchObject({
      applicationId,
      decision: "select",
      // the window of the factory's postings is open at NOW: the page must say so
      windowOpen: true,
      placesLeft: 3,
      positions: 3,
    });
    expect(page.confirm!.name).toBeTruthy();

    // after the window, the confirmation no longer warns about people still applying
    setTestNow(new Date(OPEN_WINDOW.applicationClosesAt.getTime() + 60_000));
    const later = listData(
      await load(posting.id, staff.cookie, `status=all&confirm=${applicationId}&decision=reject`),
    );
    expect(later.confirm).toMatchObject({ decision: "reject", windowOpen: false });
  });

  it("refuses the first step for strangers, forged ids and impossible decisions", async () => {
    const org = await makeOrganization();
    const posting = await makePosting(org.id);
    const [applicationId] = await makeApplicants({ postingId: posting.id }, 1);
    const outsider = await makeLoggedInStaff((await makeOrganization()).id);
    const resident = await makeResident();
    const fields = { intent: "select", applicationId: applicationId! };
    expect((await post(posting.id, outsider.cookie, fields)).status).toBe(403);
    expect((await post(posting.id, await sessionCookieFor(resident.id), fields)).status).toBe(403);
    // the confirmation page itself, asked for directly
    expect(
      (await load(posting.id, outsider.cookie, `confirm=${applicationId}&decision=select`)).status,
    ).toBe(403);
    const staff = await makeLoggedInStaff(org.id);
    expect(
      (await post(posting.id, staff.cookie, { ...fields, applicationId: "forged" })).status,
    ).toBe(404);
    await post(posting.id, staff.cookie, {
      intent: "reject",
      applicationId: applicationId!,
      confirm: "yes",
    });
    const again = await post(posting.id, staff.cookie, fields);
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ refusal: { code: "notAllowed" } });
  });

  it("says 'full' once: no Select button, no confirmation, one refusal", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const posting = await makePosting(org.id, { positions: 1 });
    const [first, second] = await makeApplicants({ postingId: posting.id }, 2);
    await decideConfirmed(posting.id, staff.cookie, "select", first!);

    const list = listData(await load(posting.id, staff.cookie));
    expect(list.full).toBe(true);
    expect(list.applicants.find((a) => a.id === second)!.decisions).toEqual([
      "review",
      "waitlist",
      "reject",
    ]);
    // a stale form (or a hand-made one) asking to select: refused at the first step
    const asked = await post(posting.id, staff.cookie, {
      intent: "select",
      applicationId: second!,
    });
    expect(asked.status).toBe(409);
    expect(asked.data).toEqual({
      result: null,
      refusal: { code: "full", params: {}, reasons: null },
    });
    // a confirmation link made before the last place went: no confirmation, the refusal instead
    const stale = listData(
      await load(posting.id, staff.cookie, `confirm=${second}&decision=select`),
    );
    expect(stale.confirm).toBeNull();
    expect(stale.confirmRefusal).toBe("full");
    expect(await stateOf(second!)).toMatchObject({ status: "submitted" });
  });
});

describe("undoing a decision", () => {
  it("holds the message for the undo time, and undoing restores everything, sends nothing and is audited", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const posting = await makePosting(org.id, { positions: 2 });
    const [applicationId] = await makeApplicants({ postingId: posting.id }, 1);

    const undo = await decideConfirmed(posting.id, staff.cookie, "select", applicationId!);
    expect(undo).toMatchObject({ applicationId, decision: "select" });
    expect(new Date(undo!.until).getTime()).toBe(NOW.getTime() + UNDO_MS);
    const [message] = await messagesOf(applicationId!);
    expect(message).toMatchObject({ template: "application_selected", status: "pending" });
    expect(message!.sendAfter.getTime()).toBe(NOW.getTime() + UNDO_MS);
    // nothing is due before the undo time is over
    expect(await dispatchAt(new Date(NOW.getTime() + UNDO_MS - 1000), [applicationId!])).toEqual(
      [],
    );

    setTestNow(new Date(NOW.getTime() + 5 * 60_000));
    const undone = await post(posting.id, staff.cookie, {
      intent: "undo",
      applicationId: applicationId!,
      changeId: undo!.changeId,
    });
    expect(undone.status).toBe(302);
    expect(undone.location).toBe(
      `/staff/postings/${posting.id}/applicants?status=all&undone=submitted&application=${applicationId}`,
    );
    expect(await stateOf(applicationId!)).toMatchObject({
      status: "submitted",
      decidedAt: null,
      waitlistRank: null,
    });
    expect((await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).selectedCount).toBe(
      0,
    );
    expect((await messagesOf(applicationId!)).map((m) => m.status)).toEqual(["cancelled"]);
    expect(
      await db.applicationStatusChange.findMany({
        where: { applicationId },
        select: { status: true },
      }),
    ).toEqual([{ status: "submitted" }]);
    const audit = await db.auditEvent.findMany({
      where: { subjectId: applicationId },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["application.select", "application.undo"]);
    expect(audit.every((a) => a.actorId === staff.id)).toBe(true);
    expect(await dispatchAt(new Date(NOW.getTime() + 2 * UNDO_MS), [applicationId!])).toEqual([]);

    // the same undo twice: nothing left to undo
    const twice = await post(posting.id, staff.cookie, {
      intent: "undo",
      applicationId: applicationId!,
      changeId: undo!.changeId,
    });
    expect(twice.status).toBe(404);
  });

  it("is refused once the message is out, or its time has come", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const posting = await makePosting(org.id);
    const [sent, due] = await makeApplicants({ postingId: posting.id }, 2);
    const sentUndo = await decideConfirmed(posting.id, staff.cookie, "reject", sent!);
    const dueUndo = await decideConfirmed(posting.id, staff.cookie, "waitlist", due!);

    // the outbox ran late, early: a message marked sent cannot be called back
    await db.notification.updateMany({
      where: { dedupeKey: { endsWith: sentUndo!.changeId } },
      data: { status: "sent", sentAt: NOW },
    });
    const late = await post(posting.id, staff.cookie, {
      intent: "undo",
      applicationId: sent!,
      changeId: sentUndo!.changeId,
    });
    expect(late.status).toBe(409);
    expect(late.data).toMatchObject({ refusal: { code: "tooLate" } });
    expect(await stateOf(sent!)).toMatchObject({ status: "rejected" });
    expect(
      listData(await load(posting.id, staff.cookie, `decided=rejected&application=${sent}`)).undo,
    ).toBeNull();

    // the undo time is over (the message is due, whether or not it has gone yet)
    setTestNow(new Date(NOW.getTime() + UNDO_MS));
    expect(
      listData(await load(posting.id, staff.cookie, `decided=waitlisted&application=${due}`)).undo,
    ).toBeNull();
    const over = await post(posting.id, staff.cookie, {
      intent: "undo",
      applicationId: due!,
      changeId: dueUndo!.changeId,
    });
    expect(over.status).toBe(409);
    expect(await stateOf(due!)).toMatchObject({ status: "waitlisted", waitlistRank: 1 });
    const delivered = await dispatchAt(new Date(NOW.getTime() + UNDO_MS), [sent!, due!]);
    expect(delivered.map((m) => m.template)).toEqual(["application_waitlisted"]);
  });

  it("is refused when the resident withdrew meanwhile, whose news is then the only message", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const posting = await makePosting(org.id);
    const [applicationId] = await makeApplicants({ postingId: posting.id }, 1);
    const undo = await decideConfirmed(posting.id, staff.cookie, "select", applicationId!);
    const { residentId } = await db.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: { residentId: true },
    });
    const withdrawn = await call(
      applicationAction,
      formRequest(
        `/applications/${applicationId}`,
        { intent: "withdraw", confirm: "on" },
        { cookie: await sessionCookieFor(residentId) },
      ),
      { applicationId: applicationId! },
    );
    expect(withdrawn.status).toBe(302);
    const refused = await post(posting.id, staff.cookie, {
      intent: "undo",
      applicationId: applicationId!,
      changeId: undo!.changeId,
    });
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ refusal: { code: "changed" } });
    expect(await stateOf(applicationId!)).toMatchObject({ status: "withdrawn" });
    // "selected" never reaches them after "withdrawn"
    expect((await messagesOf(applicationId!)).map((m) => [m.template, m.status])).toEqual([
      ["application_selected", "cancelled"],
      ["application_withdrawn", "pending"],
    ]);
  });

  it("puts a waitlisted applicant back at their number, with their waiting-list message", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const posting = await makePosting(org.id, { positions: 1 });
    const [a, b] = await makeApplicants({ postingId: posting.id }, 2);
    await decideConfirmed(posting.id, staff.cookie, "waitlist", a!);
    const waitlistedAt = await stateOf(a!);
    expect(waitlistedAt).toMatchObject({ status: "waitlisted", waitlistRank: 1 });
    // selected a minute later: "waiting list" is overtaken, only "selected" would go
    setTestNow(new Date(NOW.getTime() + 60_000));
    const undo = await decideConfirmed(posting.id, staff.cookie, "select", a!);
    expect((await messagesOf(a!)).map((m) => [m.template, m.status])).toEqual([
      ["application_waitlisted", "cancelled"],
      ["application_selected", "pending"],
    ]);
    const undone = await post(posting.id, staff.cookie, {
      intent: "undo",
      applicationId: a!,
      changeId: undo!.changeId,
    });
    expect(undone.status).toBe(302);
    expect(await stateOf(a!)).toEqual(waitlistedAt);
    expect((await messagesOf(a!)).map((m) => [m.template, m.status])).toEqual([
      ["application_waitlisted", "pending"],
      ["application_selected", "cancelled"],
    ]);
    expect((await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).selectedCount).toBe(
      0,
    );

    // undoing the last waitlisting hands its number out again
    const bUndo = await decideConfirmed(posting.id, staff.cookie, "waitlist", b!);
    expect(await stateOf(b!)).toMatchObject({ waitlistRank: 2 });
    await post(posting.id, staff.cookie, {
      intent: "undo",
      applicationId: b!,
      changeId: bUndo!.changeId,
    });
    expect(await stateOf(b!)).toMatchObject({ status: "submitted", waitlistRank: null });
    expect(
      (await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).lastWaitlistRank,
    ).toBe(1);
  });

  it("may be done by colleagues and admins, never by other organisations or residents", async () => {
    const org = await makeOrganization();
    const decider = await makeLoggedInStaff(org.id);
    const posting = await makePosting(org.id);
    const [applicationId, other] = await makeApplicants({ postingId: posting.id }, 2);
    const undo = await decideConfirmed(posting.id, decider.cookie, "select", applicationId!);
    const fields = { intent: "undo", applicationId: applicationId!, changeId: undo!.changeId };

    const outsider = await makeLoggedInStaff((await makeOrganization()).id);
    expect((await post(posting.id, outsider.cookie, fields)).status).toBe(403);
    const { residentId } = await db.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: { residentId: true },
    });
    expect((await post(posting.id, await sessionCookieFor(residentId), fields)).status).toBe(403);
    // another application's decision id: not found
    expect(
      (await post(posting.id, decider.cookie, { ...fields, applicationId: other! })).status,
    ).toBe(404);
    expect(await stateOf(applicationId!)).toMatchObject({ status: "selected" });
    // outsiders see no undo either
    expect(
      (await load(posting.id, outsider.cookie, `decided=selected&application=${applicationId}`))
        .status,
    ).toBe(403);

    const admin = await makeLoggedInStaff(null, "admin");
    expect((await post(posting.id, admin.cookie, fields)).status).toBe(302);
    expect(await stateOf(applicationId!)).toMatchObject({ status: "submitted" });
  });

  it("gives a round's site its place back and forgets the site", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const round = await makeRound(org.id, 2, 1);
    const [site] = round.sites;
    const [applicationId] = await makeApplicants({ roundId: round.id, sites: [site!.id] }, 1);
    const path = `/staff/rounds/${round.id}/applicants`;
    const asked = await call(
      roundApplicantsAction,
      formRequest(
        path,
        { intent: "select", applicationId: applicationId!, sitePostingId: site!.id },
        { cookie: staff.cookie },
      ),
      { roundId: round.id },
    );
    expect(asked.location).toBe(
      `${path}?confirm=${applicationId}&decision=select&confirmSite=${site!.id}`,
    );
    const confirm = await call(
      roundApplicantsLoader,
      getRequest(asked.location!, { cookie: staff.cookie }),
      { roundId: round.id },
    );
    expect((confirm.data as ListData).confirm).toMatchObject({ placesLeft: 1, positions: 1 });
    const decided = await call(
      roundApplicantsAction,
      formRequest(
        asked.location!,
        {
          intent: "select",
          applicationId: applicationId!,
          sitePostingId: site!.id,
          confirm: "yes",
        },
        { cookie: staff.cookie },
      ),
      { roundId: round.id },
    );
    expect(decided.location).toBe(`${path}?decided=selected&application=${applicationId}`);
    expect(await stateOf(applicationId!)).toMatchObject({ sitePostingId: site!.id });
    const list = await call(
      roundApplicantsLoader,
      getRequest(decided.location!, { cookie: staff.cookie }),
      { roundId: round.id },
    );
    const { changeId } = (list.data as ListData).undo!;
    const undone = await call(
      roundApplicantsAction,
      formRequest(
        path,
        { intent: "undo", applicationId: applicationId!, changeId },
        { cookie: staff.cookie },
      ),
      { roundId: round.id },
    );
    expect(undone.status).toBe(302);
    expect(await stateOf(applicationId!)).toMatchObject({
      status: "submitted",
      sitePostingId: null,
    });
    expect((await db.posting.findUniqueOrThrow({ where: { id: site!.id } })).selectedCount).toBe(0);
  });
});
