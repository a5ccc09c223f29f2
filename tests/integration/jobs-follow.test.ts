// Following a posting: from its page (once however often), listed under My applications, and the
// two messages it brings — "applications are open" and, for those who have not applied, "closes
// soon" — each sent once, in the follower's language.
import { beforeEach, describe, expect, it } from "vitest";
import { sendFollowNotices } from "~/domain/jobs/follows.server";
import { deleteAccount } from "~/domain/residents/service.server";
import { runPeriodicTasks } from "~/domain/system/tasks.server";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { siteUrl } from "~/utils/site-url.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import {
  action as applicationsAction,
  loader as applicationsLoader,
} from "~/routes/applications._index";
import { action as postingAction, loader as postingLoader } from "~/routes/jobs.$slug._index";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeOrganization, makePosting, makeRound, NOW } from "#tests/factories/jobs";
import { makeResident, sessionCookieFor, TEST_PASSWORD } from "#tests/factories/residents";

const db = getDb();
const HOUR = 3_600_000;
beforeEach(() => setTestNow(NOW));

async function follower(language: "ko" | "en" = "ko") {
  const resident = await makeResident({ preferredLanguage: language });
  return { ...resident, cookie: await sessionCookieFor(resident.id) };
}

function post(slug: string, cookie: string | undefined, intent: string) {
  return call(postingAction, formRequest(`/jobs/${slug}`, { intent }, cookie ? { cookie } : {}), {
    slug,
  });
}

const follows = (residentId: string) => db.postingFollow.count({ where: { residentId } });
const messages = (residentId: string, template: string) =>
  db.notification.findMany({ where: { residentId, template }, select: { subject: true } });

describe("following from the posting page", () => {
  it("follows once however often, shows it, and stops following", async () => {
    const org = await makeOrganization();
    const posting = await makePosting(org.id);
    const resident = await follower();

    for (let i = 0; i < 2; i += 1) {
      const followed = await post(posting.slug, resident.cookie, "follow");
      expect(followed.status).toBe(302);
      expect(followed.location).toBe(`/jobs/${posting.slug}?followed=1`);
    }
    expect(await follows(resident.id)).toBe(1);
    // clicks arriving at once from someone new: one follow, no error
    const quick = await follower();
    const together = await Promise.all(
      Array.from({ length: 5 }, () => post(posting.slug, quick.cookie, "follow")),
    );
    expect(together.map((r) => r.status)).toEqual([302, 302, 302, 302, 302]);
    expect(await follows(quick.id)).toBe(1);
    const page = await call(
      postingLoader,
      getRequest(`/jobs/${posting.slug}`, { cookie: resident.cookie }),
      { slug: posting.slug },
    );
    expect(page.data).toMatchObject({ following: true });

    const unfollowed = await post(posting.slug, resident.cookie, "unfollow");
    expect(unfollowed.location).toBe(`/jobs/${posting.slug}?unfollowed=1`);
    expect(await follows(resident.id)).toBe(0);
  });

  it("refuses strangers, drafts, closed postings and unknown intents, writing nothing", async () => {
    const org = await makeOrganization();
    const draft = await makePosting(org.id, { status: "draft" });
    const closed = await makePosting(org.id, {
      applicationOpensAt: new Date(NOW.getTime() - 10 * 24 * HOUR),
      applicationClosesAt: new Date(NOW.getTime() - HOUR),
    });
    const open = await makePosting(org.id);
    const resident = await follower();

    const anonymous = await post(open.slug, undefined, "follow");
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login\?redirectTo=/);
    expect((await post(draft.slug, resident.cookie, "follow")).status).toBe(404);
    expect((await post("no-such-posting", resident.cookie, "follow")).status).toBe(404);
    const late = await post(closed.slug, resident.cookie, "follow");
    expect(late.location).toBe(`/jobs/${closed.slug}`);
    expect((await post(open.slug, resident.cookie, "subscribe")).status).toBe(400);
    expect(await follows(resident.id)).toBe(0);
  });

  it("lists followed postings under My applications, where they can be dropped", async () => {
    const org = await makeOrganization();
    const posting = await makePosting(org.id, { titleKo: "따라가는 공고" });
    const resident = await follower();
    const other = await follower();
    await post(posting.slug, resident.cookie, "follow");

    const mine = await call(
      applicationsLoader,
      getRequest("/applications", { cookie: resident.cookie }),
    );
    expect((mine.data as { followed: { slug: string }[] }).followed).toEqual([
      expect.objectContaining({
        slug: posting.slug,
        title: expect.objectContaining({ ko: "따라가는 공고" }),
      }),
    ]);
    const theirs = await call(
      applicationsLoader,
      getRequest("/applications", { cookie: other.cookie }),
    );
    expect((theirs.data as { followed: unknown[] }).followed).toEqual([]);

    // another resident cannot drop it (the request only ever touches the asker's own follows)
    await call(
      applicationsAction,
      formRequest(
        "/applications",
        { intent: "unfollow", postingId: posting.id },
        { cookie: other.cookie },
      ),
    );
    expect(await follows(resident.id)).toBe(1);
    const dropped = await call(
      applicationsAction,
      formRequest(
        "/applications",
        { intent: "unfollow", postingId: posting.id },
        { cookie: resident.cookie },
      ),
    );
    expect(dropped.location).toBe("/applications?unfollowed=1");
    expect(await follows(resident.id)).toBe(0);

    // strangers are sent to log in; a form without a posting is refused
    const stranger = await call(
      applicationsAction,
      formRequest("/applications", { intent: "unfollow", postingId: posting.id }),
    );
    expect(stranger.location).toMatch(/^\/login\?redirectTo=/);
    const malformed = await call(
      applicationsAction,
      formRequest("/applications", { intent: "unfollow" }, { cookie: resident.cookie }),
    );
    expect(malformed.status).toBe(400);
  });
});

describe("the messages a follow brings", () => {
  it("says applications are open, once, in the follower's language, to those who followed before", async () => {
    const org = await makeOrganization();
    const opensAt = seoulInstant("2026-11-27", "09:00");
    const posting = await makePosting(org.id, {
      titleKo: "데이터 정리 일자리",
      titleEn: "Data clean-up job",
      applicationOpensAt: opensAt,
      applicationClosesAt: seoulInstant("2026-12-11", "18:00"),
    });
    const early = await follower("en");
    await post(posting.slug, early.cookie, "follow");

    expect(await sendFollowNotices(new Date(opensAt.getTime() - 60_000))).toMatchObject({
      openedNotices: 0,
    });
    // someone who follows once it is open already knows
    setTestNow(new Date(opensAt.getTime() + HOUR));
    const late = await follower("ko");
    await post(posting.slug, late.cookie, "follow");

    const results = await runPeriodicTasks(new Date(opensAt.getTime() + 2 * HOUR));
    expect(results["jobs.follow-notices"]).toMatchObject({ openedNotices: 1 });
    expect(await messages(early.id, "posting_opened")).toEqual([
      { subject: "Applications are open: Data clean-up job" },
    ]);
    expect(await messages(late.id, "posting_opened")).toEqual([]);
    const opened = await getDb().notification.findFirstOrThrow({
      where: { residentId: early.id, template: "posting_opened" },
    });
    expect(opened.body).toContain(siteUrl(`/jobs/${posting.slug}`));
    expect(opened.body).toMatch(new RegExp(`https?://\\S+/jobs/${posting.slug}`));

    await sendFollowNotices(new Date(opensAt.getTime() + 3 * HOUR));
    expect(await messages(early.id, "posting_opened")).toHaveLength(1);
  });

  it("reminds followers who have not applied, the day before it closes, once", async () => {
    const org = await makeOrganization();
    const closesAt = seoulInstant("2026-12-01", "18:00");
    const posting = await makePosting(org.id, {
      titleKo: "마감 임박 공고",
      applicationClosesAt: closesAt,
    });
    const waiting = await follower("ko");
    const applied = await follower("ko");
    for (const resident of [waiting, applied]) await post(posting.slug, resident.cookie, "follow");
    await db.application.create({
      data: {
        residentId: applied.id,
        postingId: posting.id,
        motivation: "지원합니다",
        profileSnapshot: "{}",
        contactConsent: true,
      },
    });

    await sendFollowNotices(new Date(closesAt.getTime() - 30 * HOUR));
    expect(await messages(waiting.id, "posting_closing")).toEqual([]);
    const sent = await sendFollowNotices(new Date(closesAt.getTime() - 20 * HOUR));
    expect(sent.closingNotices).toBe(1);
    expect(await messages(waiting.id, "posting_closing")).toEqual([
      { subject: "마감 임박: 마감 임박 공고" },
    ]);
    expect(await messages(applied.id, "posting_closing")).toEqual([]);
    await sendFollowNotices(new Date(closesAt.getTime() - 10 * HOUR));
    expect(await messages(waiting.id, "posting_closing")).toHaveLength(1);
  });

  it("counts an application to a public-work round as applying to each of its sites", async () => {
    const org = await makeOrganization();
    const round = await makeRound(org.id, 2);
    const site = round.sites[0]!;
    const resident = await follower();
    await post(site.slug, resident.cookie, "follow");
    await db.application.create({
      data: {
        residentId: resident.id,
        roundId: round.id,
        motivation: "지원합니다",
        profileSnapshot: "{}",
        contactConsent: true,
      },
    });
    const closesAt = (await db.posting.findUniqueOrThrow({ where: { id: site.id } }))
      .applicationClosesAt;
    await sendFollowNotices(new Date(closesAt.getTime() - 2 * HOUR));
    expect(await messages(resident.id, "posting_closing")).toEqual([]);
  });

  it("goes with the account when it is deleted", async () => {
    const org = await makeOrganization();
    const posting = await makePosting(org.id);
    const resident = await follower();
    await post(posting.slug, resident.cookie, "follow");
    expect(await follows(resident.id)).toBe(1);
    await deleteAccount(resident.id, TEST_PASSWORD, { ip: null, now: NOW });
    expect(await follows(resident.id)).toBe(0);
  });
});
