// Postings and rounds as pages and the API show them: plain objects (dates as ISO strings) with
// the application window in words, judged at the server's "now".
import { currentWindow } from "./window";

type PostingRow = {
  slug: string;
  kind: string;
  newDealCategory: string | null;
  titleKo: string;
  titleEn: string;
  district: string | null;
  positions: number;
  hourlyWageKrw: number;
  hoursPerDay: number;
  daysPerWeek: number;
  durationMonths: number | null;
  startDate: string;
  endDate: string;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  status: string;
  outdoor: boolean;
  publishedAt: Date | null;
  isSampleData: boolean;
  organization: { nameKo: string; nameEn: string };
  round: { slug: string } | null;
};

export function postingCard(row: PostingRow, now: Date) {
  const { state, words } = currentWindow(
    row.status,
    { opensAt: row.applicationOpensAt, closesAt: row.applicationClosesAt },
    now,
  );
  return {
    slug: row.slug,
    kind: row.kind,
    newDealCategory: row.newDealCategory,
    title: { ko: row.titleKo, en: row.titleEn },
    organization: { ko: row.organization.nameKo, en: row.organization.nameEn },
    district: row.district,
    positions: row.positions,
    hourlyWageKrw: row.hourlyWageKrw,
    hoursPerDay: row.hoursPerDay,
    daysPerWeek: row.daysPerWeek,
    durationMonths: row.durationMonths,
    startDate: row.startDate,
    endDate: row.endDate,
    applicationOpensAt: row.applicationOpensAt.toISOString(),
    applicationClosesAt: row.applicationClosesAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    outdoor: row.outdoor,
    isSampleData: row.isSampleData,
    roundSlug: row.round?.slug ?? null,
    windowState: state,
    window: words,
  };
}
export type PostingCardView = ReturnType<typeof postingCard>;

type RoundRow = {
  slug: string;
  nameKo: string;
  nameEn: string;
  year: number;
  roundNumber: number;
  workStartDate: string;
  workEndDate: string;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  status: string;
  sites: { id: string }[];
};

export function roundCard(row: RoundRow, now: Date) {
  const { state, words } = currentWindow(
    row.status,
    { opensAt: row.applicationOpensAt, closesAt: row.applicationClosesAt },
    now,
  );
  return {
    slug: row.slug,
    name: { ko: row.nameKo, en: row.nameEn },
    year: row.year,
    roundNumber: row.roundNumber,
    workStartDate: row.workStartDate,
    workEndDate: row.workEndDate,
    siteCount: row.sites.length,
    windowState: state,
    window: words,
  };
}
