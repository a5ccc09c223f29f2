// Following a posting: a resident is told by message when its applications open and, if they have
// not applied by then, the day before they close. Each notice is queued once per follow, by a
// conditional update of the follow row in the same transaction as the message.
import { enqueueNotification } from "~/domain/notifications/service.server";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import type { Failure, Outcome } from "~/domain/shared/outcome";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { siteUrl } from "~/utils/site-url.server";
import { localized } from "~/domain/shared/localized";

/** How long before the window closes the "closes soon" reminder goes out. */
const CLOSING_NOTICE_HOURS = 24;
const NOTICE_BATCH = 200;

/** Published postings whose window has not closed can be followed (drafts are not visible). */
export type FollowOutcome = Outcome<object, Failure<"notFound" | "closed">>;

export async function followPosting(
  residentId: string,
  postingId: string,
  now: Date,
): Promise<FollowOutcome> {
  const db = getDb();
  const posting = await db.posting.findFirst({
    where: { id: postingId, status: "published" },
    select: { applicationClosesAt: true },
  });
  if (!posting) return { ok: false, code: "notFound" };
  if (posting.applicationClosesAt <= now) return { ok: false, code: "closed" };
  // following twice is following once (a parallel second request meets the unique key)
  try {
    await db.postingFollow.upsert({
      where: { residentId_postingId: { residentId, postingId } },
      create: { residentId, postingId, createdAt: now },
      update: {},
      select: { id: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return { ok: true };
}

export async function unfollowPosting(residentId: string, postingId: string) {
  await getDb().postingFollow.deleteMany({ where: { residentId, postingId } });
}

export async function isFollowing(residentId: string, postingId: string) {
  const row = await getDb().postingFollow.findUnique({
    where: { residentId_postingId: { residentId, postingId } },
    select: { id: true },
  });
  return row !== null;
}

/** The postings a resident follows, soonest closing first. */
export async function listFollowedPostings(residentId: string) {
  const rows = await getDb().postingFollow.findMany({
    where: { residentId, posting: { status: { not: "draft" } } },
    orderBy: { posting: { applicationClosesAt: "asc" } },
    select: {
      posting: {
        select: {
          id: true,
          slug: true,
          titleKo: true,
          titleEn: true,
          status: true,
          applicationOpensAt: true,
          applicationClosesAt: true,
        },
      },
    },
  });
  return rows.map((row) => row.posting);
}

const noticeSelect = {
  id: true,
  residentId: true,
  createdAt: true,
  resident: { select: { preferredLanguage: true, deletedAt: true } },
  posting: {
    select: {
      id: true,
      roundId: true,
      slug: true,
      titleKo: true,
      titleEn: true,
      applicationOpensAt: true,
      applicationClosesAt: true,
    },
  },
} satisfies Prisma.PostingFollowSelect;
type NoticeRow = Prisma.PostingFollowGetPayload<{ select: typeof noticeSelect }>;

/** Queues one notice for a follow, unless another process has just done so. */
async function queueNotice(
  row: NoticeRow,
  kind: "opened" | "closing",
  now: Date,
): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const field = kind === "opened" ? "openedNoticeAt" : "closingNoticeAt";
    const { count } = await tx.postingFollow.updateMany({
      where: { id: row.id, [field]: null },
      data: { [field]: now },
    });
    if (count === 0 || row.resident.deletedAt) return false;
    const language = row.resident.preferredLanguage;
    await enqueueNotification(
      {
        residentId: row.residentId,
        template: kind === "opened" ? "posting_opened" : "posting_closing",
        params: {
          title: localized(row.posting, language, "title"),
          closes: formatDateTime(row.posting.applicationClosesAt, language),
          slug: row.posting.slug,
          link: siteUrl(`/jobs/${row.posting.slug}`),
        },
        sendAfter: now,
        about: { ref: `posting:${row.posting.slug}` },
      },
      tx,
    );
    return true;
  });
}

/**
 * The periodic task: "applications are open" for follows made before the window opened, and
 * "closes soon" for followers who have not applied, once each.
 */
export async function sendFollowNotices(now: Date) {
  const db = getDb();
  const closingBy = new Date(now.getTime() + CLOSING_NOTICE_HOURS * 3_600_000);
  const [opened, closing] = await Promise.all([
    db.postingFollow.findMany({
      where: {
        openedNoticeAt: null,
        posting: {
          status: "published",
          applicationOpensAt: { lte: now },
          applicationClosesAt: { gt: now },
        },
      },
      take: NOTICE_BATCH,
      select: noticeSelect,
    }),
    db.postingFollow.findMany({
      where: {
        closingNoticeAt: null,
        posting: {
          status: "published",
          applicationOpensAt: { lte: now },
          applicationClosesAt: { gt: now, lte: closingBy },
        },
      },
      take: NOTICE_BATCH,
      select: noticeSelect,
    }),
  ]);
  let openedSent = 0;
  for (const row of opened) {
    // someone who followed an open posting already knows it is open: mark it, say nothing
    if (row.createdAt >= row.posting.applicationOpensAt) {
      await db.postingFollow.updateMany({
        where: { id: row.id, openedNoticeAt: null },
        data: { openedNoticeAt: now },
      });
      continue;
    }
    if (await queueNotice(row, "opened", now)) openedSent += 1;
  }
  const applied = await appliedAlready(closing);
  let closingSent = 0;
  for (const row of closing) {
    if (applied.has(row.id)) {
      await db.postingFollow.updateMany({
        where: { id: row.id, closingNoticeAt: null },
        data: { closingNoticeAt: now },
      });
      continue;
    }
    if (await queueNotice(row, "closing", now)) closingSent += 1;
  }
  return { openedNotices: openedSent, closingNotices: closingSent };
}

/**
 * The follows whose resident has applied already: to the posting itself, or, for a public-work
 * site, to its round (a round is applied to once, naming its sites).
 */
async function appliedAlready(rows: NoticeRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const applications = await getDb().application.findMany({
    where: {
      OR: rows.map((row) =>
        row.posting.roundId
          ? { residentId: row.residentId, roundId: row.posting.roundId }
          : { residentId: row.residentId, postingId: row.posting.id },
      ),
    },
    select: { residentId: true, postingId: true, roundId: true },
  });
  const keys = new Set(
    applications.map((a) => `${a.residentId}:${a.postingId ?? ""}:${a.roundId ?? ""}`),
  );
  return new Set(
    rows
      .filter((row) =>
        keys.has(
          row.posting.roundId
            ? `${row.residentId}::${row.posting.roundId}`
            : `${row.residentId}:${row.posting.id}:`,
        ),
      )
      .map((row) => row.id),
  );
}
