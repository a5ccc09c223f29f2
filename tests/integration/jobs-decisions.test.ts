// Staff decisions, the waitlist and withdrawing, through the real route actions: only the
// posting's own organisation decides, every decision is audited and announced in the applicant's
// language, a freed place goes to the first on the waitlist, and the quota counter is the guard.
import { beforeEach, describe, expect, it } from "vitest";
import { deleteAccount } from "~/domain/residents/service.server";
import { getDb } from "~/utils/db.server";
import { setTestNow } from "~/utils/clock.server";
import {
  action as applicantsAction,
  loader as applicantsLoader,
} from "~/routes/staff.postings.$postingId.applicants";
import { action as roundApplicantsAction } from "~/routes/staff.rounds.$roundId.applicants";
import {
  action as applicationAction,
  loader as applicationLoader,
} from "~/routes/applications.$applicationId";
import { loader as myApplicationsLoader } from "~/routes/applications._index";
import { call, formRequest, getRequest } from "#tests/factories/http";
import {
  makeApplicants,
  makeOrganization,
  makePosting,
  makeRound,
  makeStaff,
  NOW,
  OPEN_WINDOW,
} from "#tests/factories/jobs";
import { sessionCookieFor, TEST_PASSWORD, makeResident } from "#tests/factories/residents";

const db = getDb();
beforeEach(() => setTestNow(NOW));

async function staffOf(organizationId: string | null, role: "staff" | "admin" = "staff") {
  const staff = await makeStaff(organizationId, role);
  return { ...staff, cookie: await sessionCookieFor(staff.id) };
}

/** A decision as the confirmation step sends it (confirmed). */
function decide(
  postingId: string,
  cookie: string,
  intent: string,
  applicationId: string,
  extra: Record<string, string> = {},
) {
  return call(
    applicantsAction,
    formRequest(
      `/staff/postings/${postingId}/applicants?status=all`,
      { intent, applicationId, confirm: "yes", ...extra },
      { cookie },
    ),
    { postingId },
  );
}

async function residentCookie(applicationId: string) {
  const { residentId } = await db.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { residentId: true },
  });
  return sessionCookieFor(residentId);
}

function withdraw(applicationId: string, cookie: string) {
  return call(
    applicationAction,
    formRequest(
      `/applications/${applicationId}`,
      { intent: "withdraw", confirm: "on" },
      { cookie },
    ),
    { applicationId },
  );
}

async function statusOf(applicationId: string) {
  return db.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { status: true, waitlistRank: true, sitePostingId: true },
  });
}

describe("staff decisions", () => {
  it("selects, audits and tells the applicant in their language, then redirects to the same list", async () => {
    const org = await makeOrganization();
    const staff = await staffOf(org.id);
    const posting = await makePosting(org.id);
    // makeApplicants alternates languages: the second applicant reads English
    const [, english] = await makeApplicants({ postingId: posting.id }, 2);
    const result = await decide(posting.id, staff.cookie, "select", english!);
    expect(result.status).toBe(302);
    expect(result.location).toBe(
      `/staff/postings/${posting.id}/applicants?status=all&decided=selected&application=${english}`,
    );
    expect(await statusOf(english!)).toMatchObject({ status: "selected" });
    expect(await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).toMatchObject({
      selectedCount: 1,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "application.select", subjectId: english },
    });
    expect(audit).toMatchObject({ actorId: staff.id, organizationId: org.id });
    const message = await db.notification.findFirstOrThrow({
      where: {
        template: "application_selected",
        resident: { applications: { some: { id: english } } },
      },
    });
    expect(message.locale).toBe("en");
    expect(message.subject).toMatch(/^You have been selected/);
  });

  it("refuses staff of another organisation, residents and forged ids, writing nothing", async () => {
    const org = await makeOrganization();
    const posting = await makePosting(org.id);
    const [applicationId] = await makeApplicants({ postingId: posting.id }, 1);
    const outsider = await staffOf((await makeOrganization()).id);
    const resident = await makeResident();
    const residentCookieValue = await sessionCookieFor(resident.id);
    const placeStaff = await staffOf(null);

    expect((await decide(posting.id, outsider.cookie, "select", applicationId!)).status).toBe(403);
    expect((await decide(posting.id, residentCookieValue, "select", applicationId!)).status).toBe(
      403,
    );
    expect((await decide(posting.id, placeStaff.cookie, "select", applicationId!)).status).toBe(
      403,
    );
    const list = await call(
      applicantsLoader,
      getRequest(`/staff/postings/${posting.id}/applicants`, { cookie: outsider.cookie }),
      { postingId: posting.id },
    );
    expect(list.status).toBe(403);

    const staff = await staffOf(org.id);
    const otherPosting = await makePosting(org.id);
    // an application of another posting, sent to this posting's list
    const [elsewhere] = await makeApplicants({ postingId: otherPosting.id }, 1);
    expect((await decide(posting.id, staff.cookie, "select", elsewhere!)).status).toBe(404);
    expect((await decide(posting.id, staff.cookie, "select", "forged-id")).status).toBe(404);
    expect((await decide(posting.id, staff.cookie, "promote", applicationId!)).status).toBe(400);
    expect(await statusOf(applicationId!)).toMatchObject({ status: "submitted" });
    expect(
      await db.auditEvent.count({ where: { subjectId: { in: [applicationId!, elsewhere!] } } }),
    ).toBe(0);

    const admin = await staffOf(null, "admin");
    expect((await decide(posting.id, admin.cookie, "review", applicationId!)).status).toBe(302);
  });

  it("follows the status rules: no deciding a rejected or withdrawn application, no undoing a selection", async () => {
    const org = await makeOrganization();
    const staff = await staffOf(org.id);
    const posting = await makePosting(org.id);
    const [a, b] = await makeApplicants({ postingId: posting.id }, 2);
    expect((await decide(posting.id, staff.cookie, "reject", a!)).status).toBe(302);
    const again = await decide(posting.id, staff.cookie, "select", a!);
    expect(again.status).toBe(409);
    expect(again.data).toEqual({
      result: null,
      refusal: { code: "notAllowed", params: {}, reasons: null },
    });
    expect((await decide(posting.id, staff.cookie, "select", b!)).status).toBe(302);
    expect((await decide(posting.id, staff.cookie, "reject", b!)).status).toBe(409);
    expect(await statusOf(b!)).toMatchObject({ status: "selected" });
  });

  it("takes a place only through the quota counter", async () => {
    const org = await makeOrganization();
    const staff = await staffOf(org.id);
    const posting = await makePosting(org.id, { positions: 2 });
    const [a] = await makeApplicants({ postingId: posting.id }, 1);
    // The counter says both places are taken (say, by a concurrent decision): refused.
    await db.posting.update({ where: { id: posting.id }, data: { selectedCount: 2 } });
    const full = await decide(posting.id, staff.cookie, "select", a!);
    expect(full.status).toBe(409);
    expect(full.data).toEqual({
      result: null,
      refusal: { code: "full", params: {}, reasons: null },
    });
    expect(await statusOf(a!)).toMatchObject({ status: "submitted" });
    await db.posting.update({ where: { id: posting.id }, data: { selectedCount: 1 } });
    expect((await decide(posting.id, staff.cookie, "select", a!)).status).toBe(302);
  });

  it("shows the staff the applicants with filters, counts and the facts judged", async () => {
    const org = await makeOrganization();
    const staff = await staffOf(org.id);
    const posting = await makePosting(org.id);
    const ids = await makeApplicants({ postingId: posting.id }, 60, { namePrefix: "필터" });
    await decide(posting.id, staff.cookie, "waitlist", ids[3]!);
    const list = await call(
      applicantsLoader,
      getRequest(`/staff/postings/${posting.id}/applicants?page=3`, { cookie: staff.cookie }),
      { postingId: posting.id },
    );
    const data = list.data as {
      total: number;
      pageCount: number;
      counts: Record<string, number>;
      applicants: { id: string; age: number; district: string }[];
    };
    expect(data).toMatchObject({
      total: 60,
      pageCount: 3,
      counts: { submitted: 59, waitlisted: 1 },
    });
    // 25 a page, oldest first: the third page holds the last 10
    expect(data.applicants.map((a) => a.id)).toEqual(ids.slice(50));
    expect(data.applicants[0]).toMatchObject({ age: 30, district: "mapo" });
    const filtered = await call(
      applicantsLoader,
      getRequest(`/staff/postings/${posting.id}/applicants?status=waitlisted`, {
        cookie: staff.cookie,
      }),
      { postingId: posting.id },
    );
    expect((filtered.data as { applicants: { id: string }[] }).applicants.map((a) => a.id)).toEqual(
      [ids[3]],
    );
    expect((filtered.data as { total: number }).total).toBe(1);
    const byName = await call(
      applicantsLoader,
      getRequest(`/staff/postings/${posting.id}/applicants?q=${encodeURIComponent("필터 12")}`, {
        cookie: staff.cookie,
      }),
      { postingId: posting.id },
    );
    expect((byName.data as { total: number }).total).toBe(1);
    // names in Latin letters are found whatever their case, on either engine
    await makeApplicants({ postingId: posting.id }, 2, { namePrefix: "Jamie" });
    const byLatinName = await call(
      applicantsLoader,
      getRequest(`/staff/postings/${posting.id}/applicants?q=jAMIE`, { cookie: staff.cookie }),
      { postingId: posting.id },
    );
    expect((byLatinName.data as { total: number }).total).toBe(2);
  });
});

describe("withdrawing and the waitlist", () => {
  it("offers a freed place to the first on the waitlist, who is selected and told", async () => {
    const org = await makeOrganization();
    const staff = await staffOf(org.id);
    const posting = await makePosting(org.id, { positions: 1 });
    const [selected, first, second] = await makeApplicants({ postingId: posting.id }, 3);
    await decide(posting.id, staff.cookie, "select", selected!);
    await decide(posting.id, staff.cookie, "waitlist", first!);
    await decide(posting.id, staff.cookie, "waitlist", second!);
    expect(await statusOf(first!)).toMatchObject({ status: "waitlisted", waitlistRank: 1 });
    expect(await statusOf(second!)).toMatchObject({ status: "waitlisted", waitlistRank: 2 });

    const result = await withdraw(selected!, await residentCookie(selected!));
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/applications/${selected}?withdrawn=1`);
    expect(await statusOf(selected!)).toMatchObject({ status: "withdrawn" });
    expect(await statusOf(first!)).toMatchObject({ status: "selected", waitlistRank: null });
    expect(await statusOf(second!)).toMatchObject({ status: "waitlisted", waitlistRank: 2 });
    expect(await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).toMatchObject({
      selectedCount: 1,
    });
    expect(
      await db.notification.count({
        where: {
          template: "application_promoted",
          resident: { applications: { some: { id: first } } },
        },
      }),
    ).toBe(1);

    // The promoted applicant's timeline shows the portal moved them up.
    const page = await call(
      applicationLoader,
      getRequest(`/applications/${first}`, { cookie: await residentCookie(first!) }),
      { applicationId: first! },
    );
    const timeline = (
      page.data as { application: { timeline: { status: string; automatic: boolean }[] } }
    ).application.timeline;
    expect(timeline.map((s) => [s.status, s.automatic])).toEqual([
      ["submitted", false],
      ["waitlisted", false],
      ["selected", true],
    ]);
  });

  it("lets a resident withdraw only their own application, and only when the rules allow", async () => {
    const org = await makeOrganization();
    const staff = await staffOf(org.id);
    const posting = await makePosting(org.id);
    const [mine, selected] = await makeApplicants({ postingId: posting.id }, 2);
    const stranger = await sessionCookieFor((await makeResident()).id);
    expect((await withdraw(mine!, stranger)).status).toBe(404);
    expect(
      (
        await call(applicationLoader, getRequest(`/applications/${mine}`, { cookie: stranger }), {
          applicationId: mine!,
        })
      ).status,
    ).toBe(404);

    const unconfirmed = await call(
      applicationAction,
      formRequest(
        `/applications/${mine}`,
        { intent: "withdraw" },
        { cookie: await residentCookie(mine!) },
      ),
      { applicationId: mine! },
    );
    expect(unconfirmed.status).toBe(400);

    await decide(posting.id, staff.cookie, "select", selected!);
    // After the window: a plain application stays, a selected applicant may still give the place up.
    setTestNow(new Date(OPEN_WINDOW.applicationClosesAt.getTime() + 60_000));
    const late = await withdraw(mine!, await residentCookie(mine!));
    expect(late.status).toBe(409);
    expect(await statusOf(mine!)).toMatchObject({ status: "submitted" });
    expect((await withdraw(selected!, await residentCookie(selected!))).status).toBe(302);
    expect((await withdraw(selected!, await residentCookie(selected!))).status).toBe(409);
  });

  it("withdraws every live application of a deleted account, passing places on", async () => {
    const org = await makeOrganization();
    const staff = await staffOf(org.id);
    const posting = await makePosting(org.id, { positions: 1 });
    const leaving = await makeResident();
    const [waiting] = await makeApplicants({ postingId: posting.id }, 1);
    const application = await db.application.create({
      data: {
        residentId: leaving.id,
        postingId: posting.id,
        motivation: "개인적인 이야기",
        profileSnapshot: '{"facts":{}}',
        contactConsent: true,
      },
    });
    await decide(posting.id, staff.cookie, "select", application.id);
    await decide(posting.id, staff.cookie, "waitlist", waiting!);
    expect(await deleteAccount(leaving.id, TEST_PASSWORD, { ip: null, now: NOW })).toEqual({
      ok: true,
    });
    expect(await db.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject(
      {
        status: "withdrawn",
        motivation: "",
        profileSnapshot: "{}",
      },
    );
    expect(await statusOf(waiting!)).toMatchObject({ status: "selected" });
  });

  it("lists only the resident's own applications", async () => {
    const org = await makeOrganization();
    const posting = await makePosting(org.id);
    const [mine] = await makeApplicants({ postingId: posting.id }, 2);
    const cookie = await residentCookie(mine!);
    const list = await call(myApplicationsLoader, getRequest("/applications", { cookie }));
    const data = list.data as { total: number; applications: { id: string; status: string }[] };
    expect(data.total).toBe(1);
    expect(data.applications.map((a) => a.id)).toEqual([mine]);
  });
});

describe("public-work round decisions", () => {
  function decideRound(roundId: string, cookie: string, fields: Record<string, string>) {
    return call(
      roundApplicantsAction,
      formRequest(`/staff/rounds/${roundId}/applicants`, { confirm: "yes", ...fields }, { cookie }),
      { roundId },
    );
  }

  it("selects for one of the applicant's preferred sites, within that site's places", async () => {
    const org = await makeOrganization();
    const staff = await staffOf(org.id);
    const round = await makeRound(org.id, 3, 1);
    const [siteA, siteB, siteC] = round.sites;
    const [first, second] = await makeApplicants(
      { roundId: round.id, sites: [siteA!.id, siteB!.id] },
      2,
    );

    const noSite = await decideRound(round.id, staff.cookie, {
      intent: "select",
      applicationId: first!,
    });
    expect(noSite.status).toBe(400);
    expect(noSite.data).toEqual({
      result: null,
      refusal: { code: "siteRequired", params: {}, reasons: null },
    });
    const notPreferred = await decideRound(round.id, staff.cookie, {
      intent: "select",
      applicationId: first!,
      sitePostingId: siteC!.id,
    });
    expect(notPreferred.status).toBe(400);

    const ok = await decideRound(round.id, staff.cookie, {
      intent: "select",
      applicationId: first!,
      sitePostingId: siteA!.id,
    });
    expect(ok.status).toBe(302);
    expect(await statusOf(first!)).toMatchObject({ status: "selected", sitePostingId: siteA!.id });
    const full = await decideRound(round.id, staff.cookie, {
      intent: "select",
      applicationId: second!,
      sitePostingId: siteA!.id,
    });
    expect(full.data).toEqual({
      result: null,
      refusal: { code: "full", params: {}, reasons: null },
    });
    expect(
      (
        await decideRound(round.id, staff.cookie, {
          intent: "waitlist",
          applicationId: second!,
          sitePostingId: siteA!.id,
        })
      ).status,
    ).toBe(302);

    // A site's own applicant list is its round's, filtered to the site.
    const siteList = await call(
      applicantsLoader,
      getRequest(`/staff/postings/${siteA!.id}/applicants`, { cookie: staff.cookie }),
      { postingId: siteA!.id },
    );
    expect(siteList.location).toBe(`/staff/rounds/${round.id}/applicants?site=${siteA!.id}`);

    // The selected applicant gives the place up: it goes to the site's waitlist.
    expect((await withdraw(first!, await residentCookie(first!))).status).toBe(302);
    expect(await statusOf(second!)).toMatchObject({ status: "selected", sitePostingId: siteA!.id });
    expect(await db.posting.findUniqueOrThrow({ where: { id: siteA!.id } })).toMatchObject({
      selectedCount: 1,
    });
  });
});
