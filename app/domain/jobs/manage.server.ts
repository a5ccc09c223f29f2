// Jobs: the staff back office for postings and rounds (lists, create, update, publish).
import { recordAudit } from "~/domain/audit/service.server";
import { criteriaSelect } from "~/domain/eligibility/service.server";
import type { SessionUser } from "~/domain/residents/types";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import { searchTerms } from "~/domain/shared/korean-search";
import { type Failure, type Outcome, Refused } from "~/domain/shared/outcome";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { newSlug } from "~/domain/shared/slug";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import {
  canManage,
  criteriaIdFor,
  managedOrganizations,
  postingSearchText,
  TX_OPTIONS,
} from "./common.server";
import { postingCardSelect, roundCardSelect } from "./postings.server";
import { LIVE_STATUSES } from "./rules";
import type { PostingInput, RoundInput, SiteInput } from "./schema";
import { SEARCH_PAGE_SIZE } from "./types";
import { pageCount, paginate } from "~/domain/shared/pagination";

// ───────────── staff: postings and rounds ─────────────

export async function listOrganizations() {
  return getDb().organization.findMany({
    orderBy: { nameKo: "asc" },
    select: { id: true, nameKo: true, nameEn: true },
  });
}

export async function listManagedPostings(
  actor: SessionUser,
  filter: { status?: string; q?: string; page: number },
) {
  const db = getDb();
  const where: Prisma.PostingWhereInput = {
    ...managedOrganizations(actor),
    roundId: null,
    ...(filter.status ? { status: filter.status } : {}),
    AND: searchTerms(filter.q).map((term) => ({ searchText: { contains: term } })),
  };
  const [total, rows] = await Promise.all([
    db.posting.count({ where }),
    db.posting.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      ...paginate(filter.page, SEARCH_PAGE_SIZE),
      select: { ...postingCardSelect, selectedCount: true },
    }),
  ]);
  const live = await liveApplicationCounts(
    "postingId",
    rows.map((r) => r.id),
  );
  return {
    total,
    pageCount: pageCount(total, SEARCH_PAGE_SIZE),
    postings: rows.map((row) => ({ ...row, liveApplications: live.get(row.id) ?? 0 })),
  };
}

/**
 * Live applications per posting or round of a page, through the (postingId|roundId, status)
 * indexes; Prisma's relation _count would aggregate every application in the table.
 */
async function liveApplicationCounts(key: "postingId" | "roundId", ids: string[]) {
  const groups = await getDb().application.groupBy({
    by: [key],
    where: { [key]: { in: ids }, status: { in: [...LIVE_STATUSES] } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g[key] ?? "", g._count._all]));
}

export async function listManagedRounds(actor: SessionUser, page: number) {
  const db = getDb();
  const where = managedOrganizations(actor);
  const [total, rows] = await Promise.all([
    db.publicWorkRound.count({ where }),
    db.publicWorkRound.findMany({
      where,
      orderBy: [{ applicationOpensAt: "desc" }, { id: "asc" }],
      ...paginate(page, SEARCH_PAGE_SIZE),
      select: { ...roundCardSelect, sites: { select: { id: true } } },
    }),
  ]);
  const live = await liveApplicationCounts(
    "roundId",
    rows.map((r) => r.id),
  );
  return {
    total,
    pageCount: pageCount(total, SEARCH_PAGE_SIZE),
    rounds: rows.map((row) => ({ ...row, liveApplications: live.get(row.id) ?? 0 })),
  };
}

const managedPostingSelect = {
  ...postingCardSelect,
  organizationId: true,
  updatedAt: true,
  descriptionKo: true,
  descriptionEn: true,
  selectedCount: true,
  roundId: true,
  eligibility: { select: criteriaSelect },
} as const satisfies Prisma.PostingSelect;

export async function getManagedPosting(actor: SessionUser, postingId: string) {
  const posting = await getDb().posting.findUnique({
    where: { id: postingId },
    select: managedPostingSelect,
  });
  if (!posting) return { ok: false as const, code: "notFound" as const };
  if (!canManage(actor, posting.organizationId))
    return { ok: false as const, code: "forbidden" as const };
  return { ok: true as const, value: posting };
}

export async function getManagedRound(actor: SessionUser, roundId: string) {
  const round = await getDb().publicWorkRound.findUnique({
    where: { id: roundId },
    select: {
      ...roundCardSelect,
      organizationId: true,
      descriptionKo: true,
      descriptionEn: true,
      updatedAt: true,
      eligibility: { select: criteriaSelect },
      sites: {
        orderBy: [{ titleKo: "asc" }, { id: "asc" }],
        select: {
          id: true,
          slug: true,
          titleKo: true,
          titleEn: true,
          district: true,
          positions: true,
          selectedCount: true,
          status: true,
          outdoor: true,
          hourlyWageKrw: true,
        },
      },
    },
  });
  if (!round) return { ok: false as const, code: "notFound" as const };
  if (!canManage(actor, round.organizationId))
    return { ok: false as const, code: "forbidden" as const };
  return { ok: true as const, value: round };
}

type SaveOutcome = Outcome<
  { id: string; slug: string },
  Failure<"notFound" | "forbidden" | "positionsBelowSelected" | "organizationRequired">
>;

function postingFields(input: PostingInput) {
  return {
    kind: input.kind,
    newDealCategory: input.kind === "new_deal" ? (input.newDealCategory ?? null) : null,
    titleKo: input.titleKo,
    titleEn: input.titleEn,
    descriptionKo: input.descriptionKo,
    descriptionEn: input.descriptionEn,
    district: input.district ?? null,
    positions: input.positions,
    hourlyWageKrw: input.hourlyWageKrw,
    hoursPerDay: input.hoursPerDay,
    daysPerWeek: input.daysPerWeek,
    durationMonths: input.durationMonths ?? null,
    startDate: input.startDate,
    endDate: input.endDate,
    applicationOpensAt: seoulInstant(input.opensDate, input.opensTime),
    applicationClosesAt: seoulInstant(input.closesDate, input.closesTime),
    outdoor: input.outdoor,
    searchText: postingSearchText({ ...input, district: input.district ?? null }),
  };
}

/** Which organisation a new posting or round belongs to: the staff member's own; admins choose. */
function owningOrganization(actor: SessionUser, chosen: string | undefined): string | null {
  if (actor.role === "admin") return chosen || actor.staffOrganizationId;
  return actor.role === "staff" ? actor.staffOrganizationId : null;
}

export async function createPosting(
  actor: SessionUser,
  input: PostingInput,
  meta: { now: Date; ip: string | null },
): Promise<SaveOutcome> {
  const organizationId = owningOrganization(actor, input.organizationId);
  if (!organizationId) return { ok: false, code: "organizationRequired" };
  const created = await getDb().$transaction(async (tx) => {
    const row = await tx.posting.create({
      data: {
        ...postingFields(input),
        slug: newSlug(input.titleEn, "posting"),
        organizationId,
        eligibilityId: await criteriaIdFor(tx, input),
        status: "draft",
      },
      select: { id: true, slug: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "posting.create",
        subjectType: "Posting",
        subjectId: row.id,
        organizationId,
        ip: meta.ip,
      },
      tx,
    );
    return row;
  }, TX_OPTIONS);
  return { ok: true, ...created };
}

/**
 * Saves a posting's form: a standalone posting's full form, or a public-work site's own fields
 * (the rest follows its round).
 */
export async function updatePosting(
  actor: SessionUser,
  postingId: string,
  change: { posting: PostingInput } | { site: SiteInput },
  meta: { now: Date; ip: string | null },
): Promise<SaveOutcome> {
  const found = await getManagedPosting(actor, postingId);
  if (!found.ok) return found;
  const isSite = found.value.roundId !== null;
  if (isSite !== "site" in change) return { ok: false, code: "notFound" };
  const positions = "site" in change ? change.site.positions : change.posting.positions;
  try {
    return await getDb().$transaction(async (tx) => {
      const data =
        "site" in change
          ? siteFields(change.site)
          : {
              ...postingFields(change.posting),
              eligibilityId: await criteriaIdFor(tx, change.posting),
            };
      // Fewer positions than places already taken would break the quota: refused by the database.
      const changed = await tx.posting.updateMany({
        where: { id: postingId, selectedCount: { lte: positions } },
        data,
      });
      if (changed.count !== 1) throw new Refused("positionsBelowSelected");
      await recordAudit(
        {
          actorId: actor.id,
          action: "posting.update",
          subjectType: "Posting",
          subjectId: postingId,
          organizationId: found.value.organizationId,
          ip: meta.ip,
        },
        tx,
      );
      return { ok: true as const, id: postingId, slug: found.value.slug };
    }, TX_OPTIONS);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: "positionsBelowSelected" };
    throw error;
  }
}

function siteFields(input: SiteInput) {
  return {
    titleKo: input.titleKo,
    titleEn: input.titleEn,
    descriptionKo: input.descriptionKo,
    descriptionEn: input.descriptionEn,
    district: input.district ?? null,
    positions: input.positions,
    hourlyWageKrw: input.hourlyWageKrw,
    hoursPerDay: input.hoursPerDay,
    daysPerWeek: input.daysPerWeek,
    outdoor: input.outdoor,
    searchText: postingSearchText({ ...input, district: input.district ?? null }),
  };
}

/** The fields a site takes from its round: kind, dates, window, criteria and publication. */
function roundDerived(round: {
  workStartDate: string;
  workEndDate: string;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  eligibilityId: string | null;
  status: string;
}) {
  return {
    kind: "public_work",
    newDealCategory: null,
    startDate: round.workStartDate,
    endDate: round.workEndDate,
    durationMonths: null,
    applicationOpensAt: round.applicationOpensAt,
    applicationClosesAt: round.applicationClosesAt,
    eligibilityId: round.eligibilityId,
    status: round.status,
  };
}

export async function addRoundSite(
  actor: SessionUser,
  roundId: string,
  input: SiteInput,
  meta: { now: Date; ip: string | null },
): Promise<SaveOutcome> {
  const db = getDb();
  const round = await db.publicWorkRound.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      organizationId: true,
      workStartDate: true,
      workEndDate: true,
      applicationOpensAt: true,
      applicationClosesAt: true,
      eligibilityId: true,
      status: true,
    },
  });
  if (!round) return { ok: false, code: "notFound" };
  if (!canManage(actor, round.organizationId)) return { ok: false, code: "forbidden" };
  const created = await db.$transaction(async (tx) => {
    const row = await tx.posting.create({
      data: {
        ...siteFields(input),
        ...roundDerived(round),
        slug: newSlug(input.titleEn, "posting"),
        organizationId: round.organizationId,
        roundId: round.id,
        publishedAt: round.status === "draft" ? null : meta.now,
      },
      select: { id: true, slug: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "round.add_site",
        subjectType: "Posting",
        subjectId: row.id,
        organizationId: round.organizationId,
        ip: meta.ip,
        metadata: { roundId },
      },
      tx,
    );
    return row;
  }, TX_OPTIONS);
  return { ok: true, ...created };
}

function roundFields(input: RoundInput) {
  return {
    nameKo: input.nameKo,
    nameEn: input.nameEn,
    descriptionKo: input.descriptionKo,
    descriptionEn: input.descriptionEn,
    year: input.year,
    roundNumber: input.roundNumber,
    workStartDate: input.workStartDate,
    workEndDate: input.workEndDate,
    applicationOpensAt: seoulInstant(input.opensDate, input.opensTime),
    applicationClosesAt: seoulInstant(input.closesDate, input.closesTime),
  };
}

export type RoundSaveOutcome = SaveOutcome | Failure<"duplicateRound">;

export async function createRound(
  actor: SessionUser,
  input: RoundInput,
  meta: { now: Date; ip: string | null },
): Promise<RoundSaveOutcome> {
  const organizationId = owningOrganization(actor, input.organizationId);
  if (!organizationId) return { ok: false, code: "organizationRequired" };
  try {
    const created = await getDb().$transaction(async (tx) => {
      const row = await tx.publicWorkRound.create({
        data: {
          ...roundFields(input),
          slug: newSlug(`public work ${input.year} ${input.roundNumber}`, "posting"),
          organizationId,
          eligibilityId: await criteriaIdFor(tx, input),
          status: "draft",
        },
        select: { id: true, slug: true },
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "round.create",
          subjectType: "PublicWorkRound",
          subjectId: row.id,
          organizationId,
          ip: meta.ip,
        },
        tx,
      );
      return row;
    }, TX_OPTIONS);
    return { ok: true, ...created };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "duplicateRound" };
    throw error;
  }
}

/** Saves a round; its sites follow its dates, window and criteria. */
export async function updateRound(
  actor: SessionUser,
  roundId: string,
  input: RoundInput,
  meta: { now: Date; ip: string | null },
): Promise<RoundSaveOutcome> {
  const found = await getManagedRound(actor, roundId);
  if (!found.ok) return found;
  try {
    await getDb().$transaction(async (tx) => {
      const round = await tx.publicWorkRound.update({
        where: { id: roundId },
        data: { ...roundFields(input), eligibilityId: await criteriaIdFor(tx, input) },
        select: {
          workStartDate: true,
          workEndDate: true,
          applicationOpensAt: true,
          applicationClosesAt: true,
          eligibilityId: true,
          status: true,
        },
      });
      await tx.posting.updateMany({ where: { roundId }, data: roundDerived(round) });
      await recordAudit(
        {
          actorId: actor.id,
          action: "round.update",
          subjectType: "PublicWorkRound",
          subjectId: roundId,
          organizationId: found.value.organizationId,
          ip: meta.ip,
        },
        tx,
      );
    }, TX_OPTIONS);
    return { ok: true, id: roundId, slug: found.value.slug };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "duplicateRound" };
    throw error;
  }
}

export type PublicationOutcome = Outcome<
  { status: "published" | "closed" },
  Failure<"notFound" | "forbidden" | "notAllowed">
>;

const PUBLICATION_FROM = { publish: ["draft", "closed"], close: ["published"] } as const;

/**
 * Publishes (or republishes) or closes a posting or a round; a round's sites follow the round.
 * The feed announces a posting once, when it is first published.
 */
export async function setPublication(
  actor: SessionUser,
  target: { postingId: string } | { roundId: string },
  intent: "publish" | "close",
  meta: { now: Date; ip: string | null },
): Promise<PublicationOutcome> {
  const isPosting = "postingId" in target;
  const found = isPosting
    ? await getManagedPosting(actor, target.postingId)
    : await getManagedRound(actor, target.roundId);
  if (!found.ok) return found;
  // A site is published and closed with its round.
  if ("roundId" in found.value && found.value.roundId) return { ok: false, code: "notAllowed" };
  const status = intent === "publish" ? "published" : "closed";
  const where = { status: { in: [...PUBLICATION_FROM[intent]] } };
  const done = await getDb().$transaction(async (tx) => {
    const changed = isPosting
      ? await tx.posting.updateMany({ where: { id: target.postingId, ...where }, data: { status } })
      : await tx.publicWorkRound.updateMany({
          where: { id: target.roundId, ...where },
          data: { status },
        });
    if (changed.count !== 1) return false;
    const postings = isPosting ? { id: target.postingId } : { roundId: target.roundId };
    if (!isPosting) await tx.posting.updateMany({ where: postings, data: { status } });
    if (intent === "publish")
      await tx.posting.updateMany({
        where: { ...postings, publishedAt: null },
        data: { publishedAt: meta.now },
      });
    await recordAudit(
      {
        actorId: actor.id,
        action: `${isPosting ? "posting" : "round"}.${intent}`,
        subjectType: isPosting ? "Posting" : "PublicWorkRound",
        subjectId: isPosting ? target.postingId : target.roundId,
        organizationId: found.value.organizationId,
        ip: meta.ip,
      },
      tx,
    );
    return true;
  }, TX_OPTIONS);
  return done ? { ok: true, status } : { ok: false, code: "notAllowed" };
}
