// Applying through the real route actions: the server re-checks the window (to the second) and
// eligibility, stores the facts it judged, and refuses twice, late, forged and ineligible
// applications with a clear answer and nothing written.
import { beforeEach, describe, expect, it } from "vitest";
import { siteUrl } from "~/utils/site-url.server";
import { getDb } from "~/utils/db.server";
import { setTestNow } from "~/utils/clock.server";
import { updateProfile } from "~/domain/residents/service.server";
import { action as applyAction, loader as applyLoader } from "~/routes/jobs.$slug.apply";
import { loader as postingLoader } from "~/routes/jobs.$slug._index";
import { action as roundAction, loader as roundLoader } from "~/routes/rounds.$slug";
import { call, formRequest, getRequest } from "#tests/factories/http";
import {
  eligibleProfile,
  makeCriteria,
  makeOrganization,
  makePosting,
  makeRound,
  NOW,
  OPEN_WINDOW,
} from "#tests/factories/jobs";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
beforeEach(() => setTestNow(NOW));

async function applicant(profile: Record<string, unknown> = {}) {
  const resident = await makeResident({ ...eligibleProfile(), ...profile });
  return { ...resident, cookie: await sessionCookieFor(resident.id) };
}

const form = (key: string, extra: Record<string, string> = {}) => ({
  motivation: "공공데이터를 다뤄 본 경험이 있습니다.",
  availability: "1월부터 평일",
  contactConsent: "on",
  idempotencyKey: key,
  ...extra,
});

function apply(slug: string, cookie: string, fields: Record<string, string>) {
  return call(applyAction, formRequest(`/jobs/${slug}/apply`, fields, { cookie }), { slug });
}

async function writes(residentId: string) {
  const [applications, changes, audits, messages] = await Promise.all([
    db.application.count({ where: { residentId } }),
    db.applicationStatusChange.count({ where: { application: { residentId } } }),
    db.auditEvent.count({ where: { actorId: residentId, action: "application.submit" } }),
    db.notification.count({ where: { residentId, template: "application_received" } }),
  ]);
  return { applications, changes, audits, messages };
}

describe("applying for a posting", () => {
  it("submits, stores the facts judged, records the timeline, audits and confirms", async () => {
    const org = await makeOrganization();
    const criteria = await makeCriteria({ minAge: 18, seoulResidentRequired: true });
    const posting = await makePosting(org.id, { eligibilityId: criteria.id });
    const resident = await applicant({ preferredLanguage: "en" });

    const page = await call(applyLoader, getRequest(`/jobs/${posting.slug}/apply`, resident), {
      slug: posting.slug,
    });
    expect(page.status).toBe(200);
    const result = await apply(posting.slug, resident.cookie, form("key-happy-1"));
    expect(result.status).toBe(302);
    const application = await db.application.findFirstOrThrow({
      where: { residentId: resident.id },
      include: { statusChanges: true },
    });
    expect(result.location).toBe(`/applications/${application.id}?submitted=1`);
    expect(application).toMatchObject({ status: "submitted", contactConsent: true });
    expect(JSON.parse(application.profileSnapshot)).toEqual({
      judgedOn: "2026-11-25",
      facts: expect.objectContaining({ birthDate: "1996-05-05", district: "mapo" }),
    });
    expect(application.statusChanges.map((c) => c.status)).toEqual(["submitted"]);
    expect(await writes(resident.id)).toEqual({
      applications: 1,
      changes: 1,
      audits: 1,
      messages: 1,
    });
    const message = await db.notification.findFirstOrThrow({
      where: { residentId: resident.id, template: "application_received" },
    });
    expect(message.locale).toBe("en");
    expect(message.subject).toContain("Application received");
    // the link in the e-mail is absolute, on the site's canonical origin
    expect(message.body).toContain(siteUrl(`/applications/${application.id}`));
    expect(message.body).toMatch(new RegExp(`https?://\\S+/applications/${application.id}`));

    // The snapshot is what was judged then, not what the profile says later.
    await updateProfile(
      resident.id,
      {
        name: "Later",
        preferredLanguage: "en",
        registeredJobSeeker: null,
        hasRegularIncome: null,
        district: "outside",
      },
      { ip: null },
    );
    const again = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(JSON.parse(again.profileSnapshot).facts.district).toBe("mapo");
  });

  it("makes one application of a form sent twice, and refuses a second one", async () => {
    const posting = await makePosting((await makeOrganization()).id);
    const resident = await applicant();
    const [first, resent] = await Promise.all([
      apply(posting.slug, resident.cookie, form("same-key-123")),
      apply(posting.slug, resident.cookie, form("same-key-123")),
    ]);
    expect(first.status).toBe(302);
    expect(resent.status).toBe(302);
    expect(resent.location).toBe(first.location);
    const second = await apply(posting.slug, resident.cookie, form("another-key-456"));
    expect(second.status).toBe(409);
    expect(second.data).toMatchObject({ refusal: { code: "alreadyApplied" } });
    // the page links to the application the resident already has
    expect(
      (second.data as { refusal: { params: { applicationId: string } } }).refusal.params,
    ).toEqual({ applicationId: expect.any(String) });
    expect((await writes(resident.id)).applications).toBe(1);
    // The form page itself sends an applicant to the application they already have.
    const page = await call(applyLoader, getRequest(`/jobs/${posting.slug}/apply`, resident), {
      slug: posting.slug,
    });
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/applications\//);
  });

  it("enforces the window to the second", async () => {
    const posting = await makePosting((await makeOrganization()).id);
    const onTime = await applicant();
    const late = await applicant();
    const early = await applicant();

    setTestNow(new Date(OPEN_WINDOW.applicationClosesAt.getTime() - 1000));
    expect((await apply(posting.slug, onTime.cookie, form("k-on-time-1"))).status).toBe(302);

    setTestNow(OPEN_WINDOW.applicationClosesAt);
    const refused = await apply(posting.slug, late.cookie, form("k-late-0001"));
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ refusal: { code: "closed" } });
    expect(await writes(late.id)).toEqual({ applications: 0, changes: 0, audits: 0, messages: 0 });

    setTestNow(new Date(OPEN_WINDOW.applicationOpensAt.getTime() - 1000));
    const tooEarly = await apply(posting.slug, early.cookie, form("k-early-001"));
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.data).toMatchObject({ refusal: { code: "notOpenYet" } });
    expect((await writes(early.id)).applications).toBe(0);
  });

  it("refuses an ineligible resident who bypasses the page, with every reason", async () => {
    const criteria = await makeCriteria({
      minAge: 18,
      unemployedRequired: true,
      registeredJobSeekerRequired: true,
    });
    const posting = await makePosting((await makeOrganization()).id, {
      eligibilityId: criteria.id,
    });
    const employed = await applicant({ employmentStatus: "employed", registeredJobSeeker: false });
    const result = await apply(posting.slug, employed.cookie, form("k-ineligible"));
    expect(result.status).toBe(403);
    expect(result.data).toMatchObject({
      refusal: {
        code: "ineligible",
        reasons: [{ code: "notUnemployed" }, { code: "notRegisteredJobSeeker" }],
      },
    });
    expect(await writes(employed.id)).toEqual({
      applications: 0,
      changes: 0,
      audits: 0,
      messages: 0,
    });
    // ...and the posting page tells them why, and what to change.
    const page = await call(postingLoader, getRequest(`/jobs/${posting.slug}`, employed), {
      slug: posting.slug,
    });
    const verdict = (page.data as { verdict: { eligible: boolean; reasons: { field: string }[] } })
      .verdict;
    expect(verdict.eligible).toBe(false);
    expect(verdict.reasons.map((r) => r.field)).toEqual([
      "employmentStatus",
      "registeredJobSeeker",
    ]);
  });

  it("answers bad input with field errors and writes nothing", async () => {
    const posting = await makePosting((await makeOrganization()).id);
    const resident = await applicant();
    const result = await apply(posting.slug, resident.cookie, {
      motivation: "  ",
      idempotencyKey: "k-bad-input",
    });
    expect(result.status).toBe(400);
    const reply = result.data as { result: { error: Record<string, string[]> } };
    expect(reply.result.error.motivation).toEqual(["validation:required"]);
    expect(reply.result.error.contactConsent).toEqual(["jobs:errors.contactConsent"]);
    expect((await writes(resident.id)).applications).toBe(0);
  });

  it("answers forged, draft and closed postings without a 500", async () => {
    const org = await makeOrganization();
    const resident = await applicant();
    expect((await apply("no-such-posting", resident.cookie, form("k-forged-1"))).status).toBe(404);
    const draft = await makePosting(org.id, { status: "draft" });
    expect((await apply(draft.slug, resident.cookie, form("k-draft-01"))).status).toBe(404);
    expect(
      (await call(postingLoader, getRequest(`/jobs/${draft.slug}`, resident), { slug: draft.slug }))
        .status,
    ).toBe(404);
    const closed = await makePosting(org.id, { status: "closed" });
    const late = await apply(closed.slug, resident.cookie, form("k-closed-1"));
    expect(late.status).toBe(409);
    expect(late.data).toMatchObject({ refusal: { code: "closed" } });
    expect((await writes(resident.id)).applications).toBe(0);
  });

  it("sends visitors to log in first", async () => {
    const posting = await makePosting((await makeOrganization()).id);
    const page = await call(applyLoader, getRequest(`/jobs/${posting.slug}/apply`), {
      slug: posting.slug,
    });
    expect(page.status).toBe(302);
    expect(page.location).toBe(
      `/login?redirectTo=${encodeURIComponent(`/jobs/${posting.slug}/apply`)}`,
    );
    const post = await call(
      applyAction,
      formRequest(`/jobs/${posting.slug}/apply`, form("k-anon-01")),
      {
        slug: posting.slug,
      },
    );
    expect(post.status).toBe(302);
    expect(await db.application.count({ where: { postingId: posting.id } })).toBe(0);
  });
});

describe("applying for a public-work round", () => {
  function applyRound(slug: string, cookie: string, fields: Record<string, string>) {
    return call(roundAction, formRequest(`/rounds/${slug}`, fields, { cookie }), { slug });
  }

  it("applies once with ranked sites, gaps closed", async () => {
    const org = await makeOrganization();
    const round = await makeRound(org.id, 3);
    const resident = await applicant();
    const [a, b, c] = round.sites;
    const result = await applyRound(
      round.slug,
      resident.cookie,
      form("k-round-01", { site1: c!.id, site3: a!.id }),
    );
    expect(result.status).toBe(302);
    const application = await db.application.findFirstOrThrow({
      where: { residentId: resident.id, roundId: round.id },
      include: { sitePreferences: { orderBy: { rank: "asc" } } },
    });
    expect(application.postingId).toBeNull();
    expect(application.sitePreferences.map((p) => [p.rank, p.postingId])).toEqual([
      [1, c!.id],
      [2, a!.id],
    ]);
    const twice = await applyRound(
      round.slug,
      resident.cookie,
      form("k-round-02", { site1: b!.id }),
    );
    expect(twice.status).toBe(409);
    expect(await db.application.count({ where: { residentId: resident.id } })).toBe(1);

    const page = await call(roundLoader, getRequest(`/rounds/${round.slug}`, resident), {
      slug: round.slug,
    });
    expect((page.data as { application: { id: string } }).application.id).toBe(application.id);
  });

  it("refuses the same site twice, a site of another round, and applying to a site directly", async () => {
    const org = await makeOrganization();
    const round = await makeRound(org.id, 2);
    const other = await makeRound(org.id, 1);
    const resident = await applicant();
    const duplicate = await applyRound(
      round.slug,
      resident.cookie,
      form("k-dup-site", { site1: round.sites[0]!.id, site2: round.sites[0]!.id }),
    );
    expect(duplicate.status).toBe(400);
    expect(
      (duplicate.data as { result: { error: Record<string, string[]> } }).result.error.site2,
    ).toEqual(["jobs:errors.sitesDistinct"]);
    const foreign = await applyRound(
      round.slug,
      resident.cookie,
      form("k-foreign", { site1: other.sites[0]!.id }),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.data).toMatchObject({ refusal: { code: "unknownSite" } });
    const direct = await apply(round.sites[0]!.slug, resident.cookie, form("k-direct-1"));
    expect(direct.status).toBe(409);
    expect(direct.data).toMatchObject({ refusal: { code: "roundSite" } });
    expect(await db.application.count({ where: { residentId: resident.id } })).toBe(0);
  });
});
