// Jobs: "for me" — the openings a resident is eligible for, and the nearest misses.
import { criteriaFromRow, judge, type Reason } from "~/domain/eligibility/judge";
import { criteriaSelect, getProfileFacts } from "~/domain/eligibility/service.server";
import { seoulDate } from "~/domain/shared/seoul-time";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { sharedRead } from "~/utils/public-reads.server";
import {
  APPLICATION_STEP_SELECT,
  describeOpenApplications,
  type OpenApplication,
} from "./open-applications.server";
import { postingCardSelect } from "./postings.server";
import { postingCard, type PostingCardView } from "./present";
import { groupServices, residentOrigin, type ServiceGroup } from "./service-groups";

// ───────────── "for me" ─────────────

export type Opportunity = {
  type: "service" | "posting" | "round";
  slug: string;
  title: { ko: string; en: string };
  organization: { ko: string; en: string };
  /** postings and rounds: when applications close */
  closesAt: Date | null;
  /** services: how many places offer the same service (one entry stands for them all) */
  placeCount: number;
  reasons: Reason[];
};

/** Criteria whose postings are read as misses: the ones with the fewest unmet conditions. */
const NEAREST_MISS_CRITERIA = 12;
/** What the page lists: enough to act on at a glance; the search and directory have the rest. */
const MISSES_SHOWN = 5;
const POSTINGS_SHOWN = 5;
const OPEN_APPLICATIONS_SHOWN = 5;

const openWindow = (now: Date) => ({
  applicationOpensAt: { lte: now },
  applicationClosesAt: { gt: now },
});

/**
 * What "for me" judges that is the same for everyone: every set of eligibility criteria, the
 * bookable services (with where their place is) and the public-work rounds whose window is open.
 * A route may share it between requests for a few seconds (utils/public-reads.server.ts).
 */
export async function opportunityCatalog(now: Date) {
  const db = getDb();
  const [criteriaRows, services, rounds] = await Promise.all([
    db.eligibilityCriteria.findMany({ select: { id: true, ...criteriaSelect } }),
    db.service.findMany({
      where: { bookable: true, active: true },
      orderBy: [{ nameKo: "asc" }, { id: "asc" }],
      select: {
        id: true,
        slug: true,
        kind: true,
        nameKo: true,
        nameEn: true,
        eligibilityId: true,
        place: {
          select: {
            slug: true,
            nameKo: true,
            nameEn: true,
            district: true,
            latitude: true,
            longitude: true,
          },
        },
      },
    }),
    db.publicWorkRound.findMany({
      where: { status: "published", ...openWindow(now) },
      orderBy: [{ applicationClosesAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        slug: true,
        nameKo: true,
        nameEn: true,
        applicationClosesAt: true,
        eligibilityId: true,
        organization: { select: { nameKo: true, nameEn: true } },
      },
    }),
  ]);
  return { criteriaRows, services, rounds };
}
export type OpportunityCatalog = Awaited<ReturnType<typeof opportunityCatalog>>;

/** The catalog's services by id, as a booking names them (a resident's bookings use it). */
export function catalogServiceNames(catalog: OpportunityCatalog) {
  return new Map(
    catalog.services.map((s) => [
      s.id,
      {
        nameKo: s.nameKo,
        nameEn: s.nameEn,
        place: { nameKo: s.place.nameKo, nameEn: s.place.nameEn },
      },
    ]),
  );
}

// A posting as its card shows it; a standalone posting has no round, so none is read.
const { round: _round, ...standaloneCardSelect } = postingCardSelect;
const postingSelect = {
  ...standaloneCardSelect,
  eligibilityId: true,
} as const satisfies Prisma.PostingSelect;

export type ForMe = {
  facts: Awaited<ReturnType<typeof getProfileFacts>>;
  serviceGroups: ServiceGroup[];
  rounds: Opportunity[];
  postings: PostingCardView[];
  postingTotal: number;
  misses: Opportunity[];
  openApplications: OpenApplication[];
  /** the resident has more open applications than are listed */
  moreOpenApplications: boolean;
};

/**
 * Everything the resident can use or apply for now, from the one profile: bookable services
 * (grouped by kind, nearest first from their district), postings and public-work rounds whose
 * window is open, judged by the one eligibility engine; the nearest misses (fewest unmet
 * conditions first) with their reasons; and their own applications still waiting on a decision
 * or a start. `catalog` is opportunityCatalog(now), read here unless the caller has it.
 */
export async function opportunitiesFor(
  residentId: string,
  now: Date,
  catalog?: OpportunityCatalog,
): Promise<ForMe> {
  const db = getDb();
  const today = seoulDate(now);
  const [facts, catalogUsed, applications] = await Promise.all([
    getProfileFacts(residentId),
    catalog ?? opportunityCatalog(now),
    // one row per posting or round applied for (a unique key): few per resident
    db.application.findMany({
      where: { residentId },
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      select: APPLICATION_STEP_SELECT,
    }),
  ]);
  const { criteriaRows, services, rounds } = catalogUsed;
  const reasonsByCriteria = new Map(
    criteriaRows.map((row) => [row.id, judge(criteriaFromRow(row), facts, today).reasons]),
  );
  const reasonsOf = (eligibilityId: string | null) =>
    eligibilityId ? (reasonsByCriteria.get(eligibilityId) ?? []) : [];
  const eligibleIds = [...reasonsByCriteria].filter(([, r]) => r.length === 0).map(([id]) => id);
  const appliedPostings = applications.flatMap((a) => (a.postingId ? [a.postingId] : []));
  const appliedRounds = new Set(applications.flatMap((a) => (a.roundId ? [a.roundId] : [])));

  const postingBase: Prisma.PostingWhereInput = {
    status: "published",
    roundId: null,
    ...openWindow(now),
    id: { notIn: appliedPostings },
  };
  const eligibleWhere: Prisma.PostingWhereInput = {
    ...postingBase,
    OR: [{ eligibilityId: null }, { eligibilityId: { in: eligibleIds } }],
  };
  // Misses come from the criteria with the fewest unmet conditions, nearest first.
  const missCriteria = [...reasonsByCriteria]
    .filter(([, r]) => r.length > 0)
    .sort((a, b) => a[1].length - b[1].length)
    .map(([id]) => id)
    .slice(0, NEAREST_MISS_CRITERIA);
  const readPostings = () =>
    Promise.all([
      db.posting.findMany({
        where: eligibleWhere,
        orderBy: [{ applicationClosesAt: "asc" }, { id: "asc" }],
        take: POSTINGS_SHOWN,
        select: postingSelect,
      }),
      db.posting.count({ where: eligibleWhere }),
      db.posting.findMany({
        where: { ...postingBase, eligibilityId: { in: missCriteria } },
        orderBy: [{ applicationClosesAt: "asc" }, { id: "asc" }],
        take: NEAREST_MISS_CRITERIA * 4,
        select: {
          slug: true,
          titleKo: true,
          titleEn: true,
          applicationClosesAt: true,
          eligibilityId: true,
          organization: { select: { nameKo: true, nameEn: true } },
        },
      }),
    ]);
  const [[eligiblePostings, eligiblePostingCount, missedPostings], open] = await Promise.all([
    // Someone who has applied for no posting sees the postings of everyone who meets the same
    // criteria: the public list, shared like the catalog. Whoever has applied has theirs left out.
    appliedPostings.length === 0
      ? sharedRead(
          `for-me:postings:${eligibleIds.join(",")}:${missCriteria.join(",")}`,
          readPostings,
        )
      : readPostings(),
    describeOpenApplications(applications, now, OPEN_APPLICATIONS_SHOWN),
  ]);

  const eligibleServices = services.filter((s) => reasonsOf(s.eligibilityId).length === 0);
  const allRounds: Opportunity[] = rounds
    .filter((r) => !appliedRounds.has(r.id))
    .map((r) => ({
      type: "round",
      slug: r.slug,
      title: { ko: r.nameKo, en: r.nameEn },
      organization: { ko: r.organization.nameKo, en: r.organization.nameEn },
      closesAt: r.applicationClosesAt,
      placeCount: 1,
      reasons: reasonsOf(r.eligibilityId),
    }));
  const misses = [
    ...serviceMisses(services, reasonsOf),
    ...allRounds.filter((r) => r.reasons.length > 0),
    ...missedPostings.map((p): Opportunity => ({
      type: "posting",
      slug: p.slug,
      title: { ko: p.titleKo, en: p.titleEn },
      organization: { ko: p.organization.nameKo, en: p.organization.nameEn },
      closesAt: p.applicationClosesAt,
      placeCount: 1,
      reasons: reasonsOf(p.eligibilityId),
    })),
  ]
    .sort((a, b) => a.reasons.length - b.reasons.length)
    .slice(0, MISSES_SHOWN);
  return {
    facts,
    serviceGroups: serviceGroupsFor(catalogUsed, eligibleServices, facts.district, eligibleIds),
    rounds: allRounds.filter((r) => r.reasons.length === 0),
    postings: eligiblePostings.map((p) => postingCard({ ...p, round: null }, now)),
    postingTotal: eligiblePostingCount,
    misses,
    openApplications: open.shown,
    moreOpenApplications: open.more,
  };
}

/** Grouped services kept per catalog, by what they depend on: at most this many ways. */
const GROUPINGS_KEPT = 200;
const groupingsByCatalog = new WeakMap<OpportunityCatalog, Map<string, ServiceGroup[]>>();

/**
 * The eligible services grouped (groupServices), kept with the catalog they come from: they
 * depend only on it, the resident's district and which criteria the resident meets, which many
 * residents share. A catalog shared between requests (public-reads.server.ts) thus groups once
 * per district and set of criteria met rather than on every request.
 */
function serviceGroupsFor(
  catalog: OpportunityCatalog,
  eligibleServices: OpportunityCatalog["services"],
  district: string | null,
  eligibleCriteriaIds: string[],
): ServiceGroup[] {
  let kept = groupingsByCatalog.get(catalog);
  if (!kept) groupingsByCatalog.set(catalog, (kept = new Map()));
  const key = `${district ?? ""}\u0000${eligibleCriteriaIds.join(",")}`;
  const found = kept.get(key);
  if (found) return found;
  const groups = groupServices(
    eligibleServices.map((s) => ({
      slug: s.slug,
      kind: s.kind,
      name: { ko: s.nameKo, en: s.nameEn },
      place: {
        slug: s.place.slug,
        name: { ko: s.place.nameKo, en: s.place.nameEn },
        district: s.place.district,
        latitude: s.place.latitude,
        longitude: s.place.longitude,
      },
    })),
    residentOrigin(district),
  );
  if (kept.size < GROUPINGS_KEPT) kept.set(key, groups);
  return groups;
}

/**
 * Services the resident misses, the same service at many places (same name, same reasons) as
 * one: twenty study rooms closed to a 45-year-old are one miss, not twenty.
 */
function serviceMisses(
  services: OpportunityCatalog["services"],
  reasonsOf: (eligibilityId: string | null) => Reason[],
): Opportunity[] {
  const byName = new Map<string, Opportunity>();
  for (const service of services) {
    const reasons = reasonsOf(service.eligibilityId);
    if (reasons.length === 0) continue;
    const key = [service.nameKo, service.nameEn, service.eligibilityId].join("\u0000");
    const seen = byName.get(key);
    if (seen) {
      seen.placeCount += 1;
      continue;
    }
    byName.set(key, {
      type: "service",
      slug: service.slug,
      title: { ko: service.nameKo, en: service.nameEn },
      organization: { ko: service.place.nameKo, en: service.place.nameEn },
      closesAt: null,
      placeCount: 1,
      reasons,
    });
  }
  return [...byName.values()];
}
