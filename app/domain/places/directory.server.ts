// Places & maps, public reads: the directory (list and filters), the open-data map API and a
// place's page. Pure rules (hours, distances, filters) live beside this file.
import { searchTerms } from "~/domain/shared/korean-search";
import { isPublicHoliday } from "~/domain/shared/holidays";
import { addDays, seoulInstant, seoulParts } from "~/domain/shared/seoul-time";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { sortByDistance } from "./distance";
import type { PlaceFilters } from "./filters";
import { contactNow } from "./contact-now";
import { statusAt, weekTable, type PlaceStatus } from "./hours";
import { lastVerified, provenanceOf } from "./provenance";
import { PAGE_SIZE } from "./types";
import {
  statusView,
  weekDayView,
  type ContactNowView,
  type ContactPlace,
  type PlaceFeature,
  type NextOpening,
  type PlaceListItem,
  type PlaceSearchResult,
} from "./views";
import {
  type Language,
  hoursOf,
  nameOrder,
  FACT_ROWS,
  PLACE_DETAILS,
  WEEK_ORDERED_HOURS,
} from "./common.server";
import { pageCount, paginate } from "~/domain/shared/pagination";
import { byDisplayedName, localizedText } from "~/domain/shared/localized";

// ───────────── the directory ─────────────

function placeWhere(filters: Omit<PlaceFilters, "near">): Prisma.PlaceWhereInput {
  const and: Prisma.PlaceWhereInput[] = [];
  if (filters.kind) and.push({ kind: filters.kind });
  if (filters.subKind) and.push({ subKind: filters.subKind });
  if (filters.district) and.push({ district: filters.district });
  if (filters.service) and.push({ services: { some: { kind: filters.service, active: true } } });
  for (const term of searchTerms(filters.q)) and.push({ searchText: { contains: term } });
  return { AND: and };
}

/** The instant an "open" filter asks about. */
function openFilterInstant(filters: Pick<PlaceFilters, "open">, now: Date): Date | null {
  if (!filters.open) return null;
  if (filters.open.mode === "now") return now;
  return seoulInstant(filters.open.date, filters.open.time);
}

const previousWeekday = (weekday: number) => (weekday === 1 ? 7 : weekday - 1);

/** The intervals that open on `date` take place: no closure then, and no holiday it closes for. */
function dayNotCancelled(date: string): Prisma.PlaceWhereInput {
  return {
    closures: { none: { startDate: { lte: date }, endDate: { gte: date } } },
    ...(isPublicHoliday(date) ? { closedOnPublicHolidays: false } : {}),
  };
}

/**
 * Open at `at`, exactly as `isOpenAt` (hours.ts) decides, in portable SQL: an interval of today
 * covering the clock time, or yesterday's running past midnight until after it, on a day that is
 * not cancelled. Whether a day is a public holiday depends only on the date, so it is worked out
 * here and only `closedOnPublicHolidays` is asked of the database. "HH:MM" strings compare in
 * time order; an interval whose `closes` is not after its `opens` passes midnight (a field
 * reference). The database can then filter, count and page;
 * tests/integration/places-open-filter.test.ts checks it against isOpenAt over a week with a
 * holiday and closures.
 */
function openAtWhere(at: Date): Prisma.PlaceWhereInput {
  const { date, weekday, time } = seoulParts(at);
  const opens = getDb().openingHours.fields.opens;
  return {
    OR: [
      {
        ...dayNotCancelled(date),
        openingHours: {
          some: {
            weekday,
            opens: { lte: time },
            OR: [{ closes: { gt: time } }, { closes: { lte: opens } }],
          },
        },
      },
      {
        ...dayNotCancelled(addDays(date, -1)),
        openingHours: {
          some: { weekday: previousWeekday(weekday), closes: { gt: time, lte: opens } },
        },
      },
    ],
  };
}

function listSelect(today: string) {
  return {
    id: true,
    slug: true,
    kind: true,
    subKind: true,
    nameKo: true,
    nameEn: true,
    addressKo: true,
    addressEn: true,
    district: true,
    latitude: true,
    longitude: true,
    phone: true,
    isSampleData: true,
    closedOnPublicHolidays: true,
    openingHours: { select: { weekday: true, opens: true, closes: true } },
    closures: {
      where: { endDate: { gte: addDays(today, -1) } },
      select: { startDate: true, endDate: true, reasonKo: true, reasonEn: true },
    },
  } satisfies Prisma.PlaceSelect;
}

/**
 * One page of the directory. The database filters (the "open" filter included, so pages are
 * never short), counts and pages; sorted by distance, it returns positions only, sorted here,
 * and the page's places are then loaded. Hours are loaded for the listed page only, for its
 * status in words. With `openFirst` (and no "open" filter), the places open now come first, each
 * part in the usual order: the database splits them with the same rule as the filter.
 */
export async function searchPlaces(
  filters: PlaceFilters,
  options: { now: Date; language: Language; pageSize?: number; openFirst?: boolean },
): Promise<PlaceSearchResult> {
  const db = getDb();
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const today = seoulParts(options.now).date;
  const openAt = openFilterInstant(filters, options.now);
  const base = placeWhere(filters);
  const where = openAt ? { AND: [base, openAtWhere(openAt)] } : base;
  const select = listSelect(today);
  const openNow = options.openFirst && !openAt ? openAtWhere(options.now) : null;

  let total: number;
  let page = filters.page;
  let rows: Array<Prisma.PlaceGetPayload<{ select: typeof select }>>;
  let distances = new Map<string, number>();
  let openCount: number | null = null;

  if (!filters.near && openNow) {
    const openWhere = { AND: [where, openNow] };
    const closedWhere = { AND: [where, { NOT: openNow }] };
    [total, openCount] = await Promise.all([
      db.place.count({ where }),
      db.place.count({ where: openWhere }),
    ]);
    page = Math.min(page, pageCount(total, pageSize));
    const { skip, take } = paginate(page, pageSize);
    const fromOpen = Math.max(0, Math.min(take, openCount - skip));
    const [open, closed] = await Promise.all([
      fromOpen > 0
        ? db.place.findMany({
            where: openWhere,
            orderBy: nameOrder(options.language),
            skip,
            take: fromOpen,
            select,
          })
        : [],
      take - fromOpen > 0
        ? db.place.findMany({
            where: closedWhere,
            orderBy: nameOrder(options.language),
            skip: Math.max(0, skip - openCount),
            take: take - fromOpen,
            select,
          })
        : [],
    ]);
    rows = [...open, ...closed];
  } else if (!filters.near) {
    const fetchPage = (p: number) =>
      db.place.findMany({
        where,
        orderBy: nameOrder(options.language),
        ...paginate(p, pageSize),
        select,
      });
    [total, rows] = await Promise.all([db.place.count({ where }), fetchPage(page)]);
    const last = pageCount(total, pageSize);
    if (page > last) {
      page = last;
      rows = await fetchPage(page);
    }
  } else {
    // Sorting by distance: every match's position (two numbers each), then the page's places.
    const positions = await db.place.findMany({
      where,
      orderBy: nameOrder(options.language),
      select: { id: true, latitude: true, longitude: true },
    });
    const byDistance = sortByDistance(
      positions.map((p) => ({ id: p.id, lat: p.latitude, lng: p.longitude })),
      filters.near,
    );
    distances = new Map(byDistance.map((p) => [p.id, p.distanceKm]));
    // open first: the nearest open places, then the nearest closed ones
    const openIds = openNow
      ? new Set(
          (await db.place.findMany({ where: { AND: [where, openNow] }, select: { id: true } })).map(
            (p) => p.id,
          ),
        )
      : null;
    if (openIds) openCount = openIds.size;
    const sorted = openIds
      ? [
          ...byDistance.filter((p) => openIds.has(p.id)),
          ...byDistance.filter((p) => !openIds.has(p.id)),
        ]
      : byDistance;
    total = sorted.length;
    page = Math.min(page, pageCount(total, pageSize));
    const { skip, take } = paginate(page, pageSize);
    const ids = sorted.slice(skip, skip + take).map((p) => p.id);
    const loaded = await db.place.findMany({ where: { id: { in: ids } }, select });
    const byId = new Map(loaded.map((row) => [row.id, row]));
    rows = ids.map((id) => byId.get(id)!).filter(Boolean);
  }

  const items: PlaceListItem[] = rows.map((row) => ({
    slug: row.slug,
    kind: row.kind,
    subKind: row.subKind,
    name: localizedText(row, options.language, "name"),
    address: localizedText(row, options.language, "address"),
    district: row.district,
    latitude: row.latitude,
    longitude: row.longitude,
    phone: row.phone,
    isSampleData: row.isSampleData,
    // what the place does at the time asked about: "open at Monday 10:30" shows Monday 10:30
    status: statusView(statusAt(hoursOf(row), openAt ?? options.now)),
    distanceKm: distances.get(row.id) ?? null,
  }));
  return {
    items,
    total,
    page,
    pageCount: pageCount(total, pageSize),
    statusAt: filters.open?.mode === "at" && openAt ? openAt.toISOString() : null,
    openFirst: openCount,
  };
}

/**
 * For an "open" search that found nothing: the places matching the other filters that open
 * soonest after the time asked about (at most `limit`), so that the page can say "opens at 09:00"
 * instead of a dead end.
 */
export async function nextOpenings(
  filters: PlaceFilters,
  options: { now: Date; language: Language; limit?: number },
): Promise<NextOpening[]> {
  const at = openFilterInstant(filters, options.now) ?? options.now;
  const today = seoulParts(at).date;
  const rows = await getDb().place.findMany({
    where: placeWhere({ ...filters, open: undefined }),
    orderBy: nameOrder(options.language),
    select: listSelect(today),
  });
  const opening: { row: (typeof rows)[number]; opensAt: Date }[] = [];
  for (const row of rows) {
    const status = statusAt(hoursOf(row), at);
    if (!status.open && status.opensAt) opening.push({ row, opensAt: status.opensAt });
  }
  return opening
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())
    .slice(0, options.limit ?? 3)
    .map(({ row, opensAt }) => ({
      slug: row.slug,
      name: localizedText(row, options.language, "name"),
      opensAt: opensAt.toISOString(),
    }));
}

/**
 * The labor-rights centers open at `now` (and until when), or the first to open next: for
 * /labor's "contact now". Every center's hours are read (there are a few dozen).
 */
export async function laborCentersNow(options: {
  now: Date;
  /** the page language: centers that open or close together are named in its order */
  locale: string;
}): Promise<ContactNowView> {
  const rows = await getDb().place.findMany({
    where: { kind: "labor_center" },
    orderBy: { id: "asc" },
    select: listSelect(seoulParts(options.now).date),
  });
  rows.sort(byDisplayedName(options.locale));
  const answer = contactNow(
    rows.map((row) => ({
      place: { slug: row.slug, nameKo: row.nameKo, nameEn: row.nameEn, phone: row.phone },
      hours: hoursOf(row),
    })),
    options.now,
  );
  const view = (entry: { place: Omit<ContactPlace, "status">; status: PlaceStatus }) => ({
    ...entry.place,
    status: statusView(entry.status),
  });
  return answer.open
    ? { open: true, places: answer.places.map(view) }
    : { open: false, next: answer.next ? view(answer.next) : null };
}

// ───────────── the open-data API ─────────────

/**
 * Every place matching the filters as GeoJSON features (RFC 7946: positions are [longitude,
 * latitude]), ordered by slug, wherever they are: the map's viewport and `near` are applied by
 * featureCollection (views.ts), so that one read serves every viewport.
 */
export async function placeFeatures(
  filters: Omit<PlaceFilters, "near">,
  options: { now: Date },
): Promise<PlaceFeature[]> {
  const openAt = openFilterInstant(filters, options.now);
  const base = placeWhere(filters);
  const where = openAt ? { AND: [base, openAtWhere(openAt)] } : base;
  const db = getDb();
  const [rows, openNow] = await Promise.all([
    db.place.findMany({
      where,
      orderBy: { slug: "asc" },
      select: {
        id: true,
        slug: true,
        kind: true,
        subKind: true,
        nameKo: true,
        nameEn: true,
        addressKo: true,
        addressEn: true,
        district: true,
        latitude: true,
        longitude: true,
        phone: true,
        coordinatesApproximate: true,
        isSampleData: true,
        facts: FACT_ROWS,
      },
    }),
    // which of them are open now (the filter may have asked about another instant)
    openAt?.getTime() === options.now.getTime()
      ? null
      : db.place
          .findMany({ where: { AND: [where, openAtWhere(options.now)] }, select: { id: true } })
          .then((open) => new Set(open.map((place) => place.id))),
  ]);
  return rows.map((row): PlaceFeature => {
    const provenance = provenanceOf(row.facts, row.isSampleData);
    return {
      type: "Feature",
      id: row.slug,
      geometry: { type: "Point", coordinates: [row.longitude, row.latitude] },
      properties: {
        slug: row.slug,
        url: `/places/${row.slug}`,
        kind: row.kind,
        subKind: row.subKind,
        nameKo: row.nameKo,
        nameEn: row.nameEn,
        addressKo: row.addressKo,
        addressEn: row.addressEn,
        district: row.district,
        phone: row.phone,
        // with "open now" as the filter, every feature is open now
        openNow: openNow ? openNow.has(row.id) : true,
        coordinatesApproximate: row.coordinatesApproximate,
        isSampleData: row.isSampleData,
        // where each fact comes from; who verified it stays in the back office
        provenance,
        lastVerifiedAt: lastVerified(provenance),
      },
    };
  });
}

// ───────────── a place's page ─────────────

export async function getPlacePage(slug: string, now: Date) {
  const { date: today, weekday } = seoulParts(now);
  const monday = addDays(today, 1 - weekday);
  const place = await getDb().place.findUnique({
    where: { slug },
    select: {
      ...PLACE_DETAILS,
      isSampleData: true,
      operator: { select: { nameKo: true, nameEn: true, website: true, phone: true } },
      services: {
        where: { active: true },
        orderBy: [{ bookable: "desc" }, { nameKo: "asc" }],
        select: {
          slug: true,
          kind: true,
          nameKo: true,
          nameEn: true,
          descriptionKo: true,
          descriptionEn: true,
          bookable: true,
          durationMinutes: true,
        },
      },
      openingHours: WEEK_ORDERED_HOURS,
      closures: {
        // this week's (for the table), and what is coming
        where: { endDate: { gte: addDays(monday, -1) } },
        orderBy: { startDate: "asc" },
        take: 30,
        select: { startDate: true, endDate: true, reasonKo: true, reasonEn: true },
      },
    },
  });
  if (!place) return null;
  const hours = hoursOf(place);
  const { openingHours: _hours, closures, facts, amenities, ...details } = place;
  const provenance = provenanceOf(facts, place.isSampleData);
  return {
    ...details,
    amenities: amenities.split(",").filter(Boolean),
    provenance,
    lastVerifiedAt: lastVerified(provenance),
    status: statusView(statusAt(hours, now)),
    week: weekTable(hours, now).map(weekDayView),
    upcomingClosures: closures.filter((closure) => closure.endDate >= today),
  };
}
