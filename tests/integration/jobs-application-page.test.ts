// A resident's application page and the apply form: titles that say which page it is (not the
// posting's own title), and what happens next for each status, in Korean and in English.
import { beforeEach, describe, expect, it } from "vitest";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { loader as applicationLoader } from "~/routes/applications.$applicationId";
import { loader as applyLoader } from "~/routes/jobs.$slug.apply";
import { loader as postingLoader } from "~/routes/jobs.$slug._index";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { call, getRequest } from "#tests/factories/http";
import { eligibleProfile, makeOrganization, makePosting, NOW } from "#tests/factories/jobs";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
beforeEach(() => setTestNow(NOW));

type ApplicationData = {
  pageTitle: string;
  application: { status: string; nextStep: Record<string, unknown> };
};

const ENGLISH = { "Accept-Language": "en" };

async function applicationPage(id: string, cookie: string, headers: Record<string, string> = {}) {
  return call(applicationLoader, getRequest(`/applications/${id}`, { cookie, headers }), {
    applicationId: id,
  });
}

async function setup(status = "submitted", extra: Record<string, unknown> = {}) {
  const org = await makeOrganization();
  const posting = await makePosting(org.id, {
    titleKo: "시험 데이터 매니저",
    titleEn: "Test data manager",
    startDate: "2027-01-04",
  });
  const resident = await makeResident(eligibleProfile());
  const application = await db.application.create({
    data: {
      residentId: resident.id,
      postingId: posting.id,
      status,
      profileSnapshot: "{}",
      ...extra,
    },
    select: { id: true },
  });
  return { posting, resident, application, cookie: await sessionCookieFor(resident.id) };
}

describe("an application's page", () => {
  it("is titled as an application, with its status, in the page's language", async () => {
    const { application, cookie, posting } = await setup();
    const ko = await applicationPage(application.id, cookie);
    expect(ko.status).toBe(200);
    expect((ko.data as ApplicationData).pageTitle).toBe("지원 내역: 시험 데이터 매니저 – 접수");
    const en = await applicationPage(application.id, cookie, ENGLISH);
    expect((en.data as ApplicationData).pageTitle).toBe(
      "Application: Test data manager – Submitted",
    );

    // the apply form and the posting itself are titled otherwise
    const other = await makePosting((await makeOrganization()).id, {
      titleKo: "시험 두번째 공고",
      titleEn: "Second test posting",
    });
    const apply = (headers: Record<string, string> = {}) =>
      call(applyLoader, getRequest(`/jobs/${other.slug}/apply`, { cookie, headers }), {
        slug: other.slug,
      });
    expect(((await apply()).data as { pageTitle: string }).pageTitle).toBe(
      "지원서 작성: 시험 두번째 공고",
    );
    expect(((await apply(ENGLISH)).data as { pageTitle: string }).pageTitle).toBe(
      "Apply: Second test posting",
    );
    const postingPage = await call(postingLoader, getRequest(`/jobs/${posting.slug}`, { cookie }), {
      slug: posting.slug,
    });
    expect(JSON.stringify(postingPage.data)).not.toContain("지원 내역:");
  });

  it("says when the window closes while the application waits, and what follows each decision", async () => {
    const submitted = await setup();
    expect(
      ((await applicationPage(submitted.application.id, submitted.cookie)).data as ApplicationData)
        .application.nextStep,
    ).toEqual({
      code: "submitted",
      windowOpen: true,
      closesAt: seoulInstant("2026-12-04", "18:00").toISOString(),
      workStartDate: "2027-01-04",
    });

    const decidedAt = seoulInstant("2026-12-07", "10:00");
    const selected = await setup("selected", { decidedAt });
    setTestNow(seoulInstant("2026-12-08", "09:00"));
    expect(
      ((await applicationPage(selected.application.id, selected.cookie)).data as ApplicationData)
        .application.nextStep,
    ).toEqual({
      code: "selected",
      decidedAt: decidedAt.toISOString(),
      workStartDate: "2027-01-04",
      started: false,
    });

    const waitlisted = await setup("waitlisted", { decidedAt, waitlistRank: 3 });
    expect(
      (
        (await applicationPage(waitlisted.application.id, waitlisted.cookie))
          .data as ApplicationData
      ).application.nextStep,
    ).toEqual({ code: "waitlisted", rank: 3, workStartDate: "2027-01-04" });
  });

  it("is not found for anyone else, whether or not the application exists", async () => {
    const { application } = await setup();
    const stranger = await sessionCookieFor((await makeResident()).id);
    expect((await applicationPage(application.id, stranger)).status).toBe(404);
    expect((await applicationPage("no-such-application", stranger)).status).toBe(404);
  });
});
