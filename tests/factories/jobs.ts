// Organisations, staff, postings and public-work rounds for the jobs tests, written straight to
// the test database (the staff forms have their own tests).
import { postingSearchText } from "~/domain/jobs/common.server";
import type { SessionUser } from "~/domain/residents/types";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { getDb } from "~/utils/db.server";
import { makeResident, sessionCookieFor } from "./residents";

let counter = 0;
const next = () => `${Date.now().toString(36)}-${(counter += 1)}`;

/** Instants around the integration tests' reference "now" (Wed 25 Nov 2026, 11:00 in Seoul). */
export const NOW = seoulInstant("2026-11-25", "11:00");
export const OPEN_WINDOW = {
  applicationOpensAt: seoulInstant("2026-11-20", "09:00"),
  applicationClosesAt: seoulInstant("2026-12-04", "18:00"),
};

export async function makeOrganization(name = "테스트 기관") {
  const slug = `org-${next()}`;
  return getDb().organization.create({
    data: { slug, kind: "city", nameKo: name, nameEn: `Test organisation ${slug}` },
    select: { id: true, slug: true },
  });
}

/** A staff member of an organisation, as the session would describe them. */
export async function makeStaff(organizationId: string | null, role: "staff" | "admin" = "staff") {
  const resident = await makeResident({ name: `Staff ${next()}` });
  await getDb().resident.update({
    where: { id: resident.id },
    data: { role, staffOrganizationId: organizationId },
  });
  const user: SessionUser = {
    id: resident.id,
    name: "Staff",
    role,
    staffPlaceId: null,
    staffOrganizationId: organizationId,
    preferredLanguage: "ko",
  };
  return { ...resident, user };
}

/** A staff member of an organisation, logged in (a signed session cookie), for the staff pages. */
export async function makeLoggedInStaff(
  organizationId: string | null,
  role: "staff" | "admin" = "staff",
) {
  const staff = await makeStaff(organizationId, role);
  return { ...staff, cookie: await sessionCookieFor(staff.id) };
}

export async function makeCriteria(data: {
  minAge?: number;
  maxAge?: number;
  ageReferenceDate?: string;
  seoulResidentRequired?: boolean;
  unemployedRequired?: boolean;
  noRegularIncomeRequired?: boolean;
  registeredJobSeekerRequired?: boolean;
}) {
  return getDb().eligibilityCriteria.create({ data, select: { id: true } });
}

type PostingOverrides = Partial<{
  slug: string;
  kind: string;
  newDealCategory: string | null;
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  district: string | null;
  positions: number;
  hourlyWageKrw: number;
  status: string;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  publishedAt: Date;
  eligibilityId: string | null;
  roundId: string | null;
  startDate: string;
  endDate: string;
  outdoor: boolean;
}>;

export async function makePosting(organizationId: string, overrides: PostingOverrides = {}) {
  const id = next();
  const texts = {
    titleKo: overrides.titleKo ?? `테스트 공고 ${id}`,
    titleEn: overrides.titleEn ?? `Test posting ${id}`,
    descriptionKo: overrides.descriptionKo ?? "업무 설명",
    descriptionEn: overrides.descriptionEn ?? "Duties",
    district: overrides.district === undefined ? "mapo" : overrides.district,
  };
  return getDb().posting.create({
    data: {
      slug: `posting-${id}`,
      organizationId,
      kind: "new_deal",
      newDealCategory: "city",
      positions: 5,
      hourlyWageKrw: 12121,
      hoursPerDay: 8,
      daysPerWeek: 5,
      durationMonths: 12,
      startDate: "2027-01-04",
      endDate: "2027-12-31",
      ...OPEN_WINDOW,
      status: "published",
      publishedAt: seoulInstant("2026-11-19", "10:00"),
      ...overrides,
      ...texts,
      searchText: postingSearchText(texts),
    },
    select: { id: true, slug: true, positions: true },
  });
}

export async function makeRound(organizationId: string, sites = 3, positions = 2) {
  const id = next();
  const round = await getDb().publicWorkRound.create({
    data: {
      slug: `round-${id}`,
      organizationId,
      year: 2027,
      roundNumber: (counter % 4) + 1,
      nameKo: `공공근로 ${id}`,
      nameEn: `Public work ${id}`,
      workStartDate: "2027-01-10",
      workEndDate: "2027-06-30",
      ...OPEN_WINDOW,
      status: "published",
    },
    select: { id: true, slug: true },
  });
  const siteRows = [];
  for (let i = 0; i < sites; i += 1) {
    siteRows.push(
      await makePosting(organizationId, {
        kind: "public_work",
        newDealCategory: null,
        roundId: round.id,
        positions,
        startDate: "2027-01-10",
        titleKo: `사업장 ${i + 1} ${id}`,
        titleEn: `Site ${i + 1} ${id}`,
      }),
    );
  }
  return { ...round, sites: siteRows };
}

/** An unemployed Seoul resident of 30 registered as a job seeker: eligible for everything seeded. */
export function eligibleProfile(overrides: Record<string, unknown> = {}) {
  return {
    birthDate: "1996-05-05",
    district: "mapo" as const,
    employmentStatus: "unemployed" as const,
    registeredJobSeeker: true,
    hasRegularIncome: false,
    ...overrides,
  };
}

/**
 * `count` residents who have applied to a posting or round (written directly: no password
 * hashing, so a test can have hundreds). Returns the application ids in submission order.
 */
export async function makeApplicants(
  target: { postingId: string } | { roundId: string; sites: string[] },
  count: number,
  options: { namePrefix?: string; status?: string } = {},
): Promise<string[]> {
  const db = getDb();
  const batch = next();
  const residents = Array.from({ length: count }, (_, i) => ({
    id: `r-${batch}-${i}`,
    email: `applicant-${batch}-${i}@example.test`,
    name: `${options.namePrefix ?? "지원자"} ${i + 1}`,
    preferredLanguage: i % 2 === 0 ? "ko" : "en",
    ...eligibleProfile(),
  }));
  await db.resident.createMany({ data: residents });
  const ids: string[] = [];
  for (const [i, resident] of residents.entries()) {
    const submittedAt = new Date(NOW.getTime() - (count - i) * 60_000);
    const application = await db.application.create({
      data: {
        residentId: resident.id,
        ...("postingId" in target ? { postingId: target.postingId } : { roundId: target.roundId }),
        status: options.status ?? "submitted",
        motivation: `동기 ${i + 1}`,
        contactConsent: true,
        profileSnapshot: JSON.stringify({ judgedOn: "2026-11-25", facts: eligibleProfile() }),
        submittedAt,
        sitePreferences:
          "sites" in target
            ? { create: target.sites.map((postingId, rank) => ({ postingId, rank: rank + 1 })) }
            : undefined,
        statusChanges: { create: { status: "submitted", byId: resident.id, at: submittedAt } },
      },
      select: { id: true },
    });
    ids.push(application.id);
  }
  return ids;
}
