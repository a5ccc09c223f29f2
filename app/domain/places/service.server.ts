// Places & maps: every database access of the capability. Pure rules (hours, distances, filters,
// CSV reading) live beside this file; routes call the functions here.
import crypto from "node:crypto";
import { recordAudit } from "~/domain/audit/service.server";
import { findDistrict } from "~/domain/residents/districts";
import type { SessionUser } from "~/domain/residents/types";
import { buildSearchText, searchTerms } from "~/domain/shared/korean-search";
import { isPublicHoliday } from "~/domain/shared/holidays";
import type { Failure, Outcome } from "~/domain/shared/outcome";
import { addDays, seoulInstant, seoulParts } from "~/domain/shared/seoul-time";
import { newSlug } from "~/domain/shared/slug";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import type { ImportRow, Reason, RowCheck } from "./csv-import";
import { sortByDistance, type BBox } from "./distance";
import type { PlaceFilters } from "./filters";
import { statusAt, weekTable, type PlaceHours } from "./hours";
import type {
  ClosureInput,
  HoursInput,
  NewPlaceInput,
  PlaceDetailsInput,
  ServiceInput,
} from "./schema";
import { PAGE_SIZE, type PlaceKind } from "./types";
import {
  statusView,
  weekDayView,
  type PlaceFeature,
  type PlaceFeatureCollection,
  type PlaceListItem,
  type PlaceSearchResult,
} from "./views";

type Language = "ko" | "en";
type HoursRow = {
  closedOnPublicHolidays: boolean;
  openingHours: { weekday: number; opens: string; closes: string }[];
  closures: { startDate: string; endDate: string; reasonKo?: string; reasonEn?: string }[];
};

function hoursOf(row: HoursRow): PlaceHours {
  return {
    weekly: row.openingHours,
    closures: row.closures,
    closedOnPublicHolidays: row.closedOnPublicHolidays,
  };
}

/** Names, address and district in both languages, decomposed for Korean search. */
function placeSearchText(place: {
  nameKo: string;
  nameEn: string;
  addressKo: string;
  addressEn: string;
  district: string;
}): string {
  const district = findDistrict(place.district);
  return buildSearchText([
    place.nameKo,
    place.nameEn,
    place.addressKo,
    place.addressEn,
    ...(district ? [district.ko, `${district.code}-gu`] : []),
  ]);
}

// ───────────── the directory ─────────────

function placeWhere(filters: PlaceFilters, bbox: BBox | null = null): Prisma.PlaceWhereInput {
  const and: Prisma.PlaceWhereInput[] = [];
  if (filters.kind) and.push({ kind: filters.kind });
  if (filters.subKind) and.push({ subKind: filters.subKind });
  if (filters.district) and.push({ district: filters.district });
  if (filters.service) and.push({ services: { some: { kind: filters.service, active: true } } });
  for (const term of searchTerms(filters.q)) and.push({ searchText: { contains: term } });
  if (bbox) {
    const [west, south, east, north] = bbox;
    and.push({ latitude: { gte: south, lte: north }, longitude: { gte: west, lte: east } });
  }
  return { AND: and };
}

/** The instant an "open" filter asks about. */
function openFilterInstant(filters: PlaceFilters, now: Date): Date | null {
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

const nameOrder = (language: Language) => [
  language === "en" ? { nameEn: "asc" as const } : { nameKo: "asc" as const },
  { id: "asc" as const },
];

/**
 * One page of the directory. The database filters (the "open" filter included, so pages are
 * never short), counts and pages; sorted by distance, it returns positions only, sorted here,
 * and the page's places are then loaded. Hours are loaded for the listed page only, for its
 * status in words.
 */
export async function searchPlaces(
  filters: PlaceFilters,
  options: { now: Date; language: Language; pageSize?: number },
): Promise<PlaceSearchResult> {
  const db = getDb();
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const today = seoulParts(options.now).date;
  const openAt = openFilterInstant(filters, options.now);
  const base = placeWhere(filters);
  const where = openAt ? { AND: [base, openAtWhere(openAt)] } : base;
  const select = listSelect(today);

  let total: number;
  let page = filters.page;
  let rows: Array<Prisma.PlaceGetPayload<{ select: typeof select }>>;
  let distances = new Map<string, number>();

  if (!filters.near) {
    const fetchPage = (p: number) =>
      db.place.findMany({
        where,
        orderBy: nameOrder(options.language),
        skip: (p - 1) * pageSize,
        take: pageSize,
        select,
      });
    [total, rows] = await Promise.all([db.place.count({ where }), fetchPage(page)]);
    const last = Math.max(1, Math.ceil(total / pageSize));
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
    const sorted = sortByDistance(
      positions.map((p) => ({ id: p.id, lat: p.latitude, lng: p.longitude })),
      filters.near,
    );
    distances = new Map(sorted.map((p) => [p.id, p.distanceKm]));
    total = sorted.length;
    page = Math.min(page, Math.max(1, Math.ceil(total / pageSize)));
    const ids = sorted.slice((page - 1) * pageSize, page * pageSize).map((p) => p.id);
    const loaded = await db.place.findMany({ where: { id: { in: ids } }, select });
    const byId = new Map(loaded.map((row) => [row.id, row]));
    rows = ids.map((id) => byId.get(id)!).filter(Boolean);
  }

  const english = options.language === "en";
  const items: PlaceListItem[] = rows.map((row) => ({
    slug: row.slug,
    kind: row.kind,
    subKind: row.subKind,
    name: english ? row.nameEn : row.nameKo,
    address: english ? row.addressEn : row.addressKo,
    district: row.district,
    latitude: row.latitude,
    longitude: row.longitude,
    phone: row.phone,
    isSampleData: row.isSampleData,
    status: statusView(statusAt(hoursOf(row), options.now)),
    distanceKm: distances.get(row.id) ?? null,
  }));
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

// ───────────── the open-data API ─────────────

/**
 * Every place matching the filters (and inside `bbox`, when given) as a GeoJSON FeatureCollection
 * (RFC 7946: positions are [longitude, latitude]). Ordered by distance with `near`, else by slug.
 */
export async function placesFeatureCollection(
  filters: PlaceFilters,
  options: { now: Date; bbox: BBox | null },
): Promise<PlaceFeatureCollection> {
  const openAt = openFilterInstant(filters, options.now);
  const base = placeWhere(filters, options.bbox);
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
        lastVerifiedAt: true,
      },
    }),
    // which of them are open now (the filter may have asked about another instant)
    openAt?.getTime() === options.now.getTime()
      ? null
      : db.place
          .findMany({ where: { AND: [where, openAtWhere(options.now)] }, select: { id: true } })
          .then((open) => new Set(open.map((place) => place.id))),
  ]);
  let features = rows.map((row): PlaceFeature => ({
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
      lastVerifiedAt: row.lastVerifiedAt.toISOString(),
    },
  }));
  if (filters.near) {
    const byDistance = sortByDistance(
      features.map((feature) => ({
        feature,
        lat: feature.geometry.coordinates[1],
        lng: feature.geometry.coordinates[0],
      })),
      filters.near,
    );
    features = byDistance.map(({ feature, distanceKm }) => ({
      ...feature,
      properties: { ...feature.properties, distanceKm: Math.round(distanceKm * 1000) / 1000 },
    }));
  }
  return { type: "FeatureCollection", features };
}

// ───────────── a place's page ─────────────

/** The fields a place's page and its edit form both show. */
const PLACE_DETAILS = {
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
  coordinatesApproximate: true,
  phone: true,
  email: true,
  website: true,
  areaSquareMeters: true,
  descriptionKo: true,
  descriptionEn: true,
  amenities: true,
  accessibilityNotesKo: true,
  accessibilityNotesEn: true,
  closedOnPublicHolidays: true,
  lastVerifiedAt: true,
} satisfies Prisma.PlaceSelect;

const WEEK_ORDERED_HOURS = {
  orderBy: [{ weekday: "asc" }, { opens: "asc" }],
  select: { weekday: true, opens: true, closes: true },
} satisfies Prisma.Place$openingHoursArgs;

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
  const { openingHours: _hours, closures, lastVerifiedAt, amenities, ...details } = place;
  return {
    ...details,
    amenities: amenities.split(",").filter(Boolean),
    lastVerifiedAt: lastVerifiedAt.toISOString(),
    status: statusView(statusAt(hours, now)),
    week: weekTable(hours, now).map(weekDayView),
    upcomingClosures: closures.filter((closure) => closure.endDate >= today),
  };
}

// ───────────── back office ─────────────

/** Staff may edit the place they belong to; admins every place. */
export function canEditPlace(user: Pick<SessionUser, "role" | "staffPlaceId">, placeId: string) {
  return user.role === "admin" || (user.role === "staff" && user.staffPlaceId === placeId);
}

export async function listPlacesForStaff(
  user: Pick<SessionUser, "role" | "staffPlaceId">,
  options: { q?: string; page: number; language: Language },
) {
  const db = getDb();
  const where: Prisma.PlaceWhereInput =
    user.role === "admin"
      ? { AND: searchTerms(options.q).map((term) => ({ searchText: { contains: term } })) }
      : { id: user.staffPlaceId ?? "" };
  const [total, rows] = await Promise.all([
    db.place.count({ where }),
    db.place.findMany({
      where,
      orderBy: nameOrder(options.language),
      skip: (options.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        kind: true,
        nameKo: true,
        nameEn: true,
        district: true,
        lastVerifiedAt: true,
      },
    }),
  ]);
  return {
    total,
    page: options.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    places: rows.map((row) => ({ ...row, lastVerifiedAt: row.lastVerifiedAt.toISOString() })),
  };
}

export async function listOrganizations() {
  return getDb().organization.findMany({
    orderBy: { nameKo: "asc" },
    select: { id: true, nameKo: true, nameEn: true },
  });
}

export async function getPlaceForEdit(placeId: string) {
  const place = await getDb().place.findUnique({
    where: { id: placeId },
    select: {
      ...PLACE_DETAILS,
      operatorId: true,
      updatedAt: true,
      openingHours: WEEK_ORDERED_HOURS,
      closures: {
        orderBy: { startDate: "desc" },
        take: 50,
        select: { id: true, startDate: true, endDate: true, reasonKo: true, reasonEn: true },
      },
    },
  });
  if (!place) return null;
  return {
    ...place,
    amenities: place.amenities.split(",").filter(Boolean),
    lastVerifiedAt: place.lastVerifiedAt.toISOString(),
    updatedAt: place.updatedAt.toISOString(),
  };
}

type Actor = { actorId: string; ip: string | null; now: Date };

function detailsData(input: PlaceDetailsInput, now: Date) {
  return {
    nameKo: input.nameKo,
    nameEn: input.nameEn,
    addressKo: input.addressKo,
    addressEn: input.addressEn,
    district: input.district,
    latitude: input.latitude,
    longitude: input.longitude,
    coordinatesApproximate: input.coordinatesApproximate,
    phone: input.phone ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    areaSquareMeters: input.areaSquareMeters ?? null,
    descriptionKo: input.descriptionKo ?? "",
    descriptionEn: input.descriptionEn ?? "",
    accessibilityNotesKo: input.accessibilityNotesKo ?? "",
    accessibilityNotesEn: input.accessibilityNotesEn ?? "",
    amenities: [...new Set(input.amenities)].join(","),
    searchText: placeSearchText(input),
    ...(input.verified ? { lastVerifiedAt: now } : {}),
  };
}

async function operatorExists(tx: Prisma.TransactionClient, operatorId: string | undefined) {
  if (!operatorId) return true;
  return (await tx.organization.count({ where: { id: operatorId } })) === 1;
}

export type SaveResult = Outcome<{ id: string }, Failure<"unknownOrganization" | "slugTaken">>;

export async function createPlace(input: NewPlaceInput, actor: Actor): Promise<SaveResult> {
  return getDb().$transaction(async (tx) => {
    if (!(await operatorExists(tx, input.operatorId))) {
      return { ok: false, code: "unknownOrganization" };
    }
    if ((await tx.place.count({ where: { slug: input.slug } })) > 0) {
      return { ok: false, code: "slugTaken" };
    }
    const place = await tx.place.create({
      data: {
        ...detailsData(input, actor.now),
        slug: input.slug,
        kind: input.kind,
        subKind: input.subKind ?? null,
        operatorId: input.operatorId ?? null,
        lastVerifiedAt: actor.now,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.actorId,
        action: "place.create",
        subjectType: "Place",
        subjectId: place.id,
        placeId: place.id,
        ip: actor.ip,
        metadata: { slug: input.slug },
      },
      tx,
    );
    return { ok: true, id: place.id };
  });
}

/** Saves a place's details; `identity` (kind, sub-kind, operator) only from admins. */
export async function updatePlace(
  placeId: string,
  input: PlaceDetailsInput,
  identity: { kind: PlaceKind; subKind?: string; operatorId?: string } | null,
  actor: Actor,
): Promise<SaveResult> {
  return getDb().$transaction(async (tx) => {
    if (identity && !(await operatorExists(tx, identity.operatorId))) {
      return { ok: false, code: "unknownOrganization" };
    }
    await tx.place.update({
      where: { id: placeId },
      data: {
        ...detailsData(input, actor.now),
        ...(identity
          ? {
              kind: identity.kind,
              subKind: identity.subKind ?? null,
              operatorId: identity.operatorId ?? null,
            }
          : {}),
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.actorId,
        action: "place.update",
        subjectType: "Place",
        subjectId: placeId,
        placeId,
        ip: actor.ip,
        metadata: { verified: input.verified },
      },
      tx,
    );
    return { ok: true, id: placeId };
  });
}

/** Replaces a place's weekly hours (and its public-holiday rule) as one change. */
export async function replaceHours(placeId: string, input: HoursInput, actor: Actor) {
  await getDb().$transaction(async (tx) => {
    await tx.openingHours.deleteMany({ where: { placeId } });
    await tx.openingHours.createMany({
      data: input.weekly.map((interval) => ({ placeId, ...interval })),
    });
    await tx.place.update({
      where: { id: placeId },
      data: { closedOnPublicHolidays: input.closedOnPublicHolidays, lastVerifiedAt: actor.now },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.actorId,
        action: "place.hours_update",
        subjectType: "Place",
        subjectId: placeId,
        placeId,
        ip: actor.ip,
        metadata: { intervals: input.weekly.length },
      },
      tx,
    );
  });
}

export async function addClosure(placeId: string, input: ClosureInput, actor: Actor) {
  await getDb().$transaction(async (tx) => {
    const closure = await tx.closure.create({
      data: {
        placeId,
        startDate: input.startDate,
        endDate: input.endDate,
        reasonKo: input.reasonKo ?? "",
        reasonEn: input.reasonEn ?? "",
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.actorId,
        action: "place.closure_add",
        subjectType: "Closure",
        subjectId: closure.id,
        placeId,
        ip: actor.ip,
        metadata: { startDate: input.startDate, endDate: input.endDate },
      },
      tx,
    );
  });
}

// ───────────── a place's services ─────────────

const serviceFields = {
  id: true,
  slug: true,
  kind: true,
  nameKo: true,
  nameEn: true,
  descriptionKo: true,
  descriptionEn: true,
  durationMinutes: true,
  bookable: true,
  active: true,
} satisfies Prisma.ServiceSelect;

/** Every service of a place, the ones no longer offered last. */
export async function listServicesForEdit(placeId: string) {
  return getDb().service.findMany({
    where: { placeId },
    orderBy: [{ active: "desc" }, { nameKo: "asc" }],
    select: serviceFields,
  });
}

export async function getServiceForEdit(placeId: string, serviceId: string) {
  return getDb().service.findFirst({ where: { id: serviceId, placeId }, select: serviceFields });
}

function serviceData(input: ServiceInput) {
  return {
    kind: input.kind,
    nameKo: input.nameKo,
    nameEn: input.nameEn,
    descriptionKo: input.descriptionKo ?? "",
    descriptionEn: input.descriptionEn ?? "",
    durationMinutes: input.durationMinutes ?? null,
    bookable: input.bookable,
    active: input.active,
  };
}

/** Adds a service to a place; its booking address (/book/<slug>) is made from the English name. */
export async function createService(placeId: string, input: ServiceInput, actor: Actor) {
  return getDb().$transaction(async (tx) => {
    const service = await tx.service.create({
      data: { ...serviceData(input), placeId, slug: newSlug(input.nameEn, "service") },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.actorId,
        action: "place.service_add",
        subjectType: "Service",
        subjectId: service.id,
        placeId,
        ip: actor.ip,
        metadata: { kind: input.kind, bookable: input.bookable },
      },
      tx,
    );
    return service.id;
  });
}

/**
 * Saves a service of this place; false when there is no such service here. Existing bookings are
 * kept when a service stops being offered or bookable (new ones are refused).
 */
export async function updateService(
  placeId: string,
  serviceId: string,
  input: ServiceInput,
  actor: Actor,
) {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.service.updateMany({
      where: { id: serviceId, placeId },
      data: serviceData(input),
    });
    if (count === 0) return false;
    await recordAudit(
      {
        actorId: actor.actorId,
        action: "place.service_update",
        subjectType: "Service",
        subjectId: serviceId,
        placeId,
        ip: actor.ip,
        metadata: { kind: input.kind, bookable: input.bookable, active: input.active },
      },
      tx,
    );
    return true;
  });
}

/** Removes a closure of this place; false when there is no such closure here. */
export async function deleteClosure(placeId: string, closureId: string, actor: Actor) {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.closure.deleteMany({ where: { id: closureId, placeId } });
    if (count === 0) return false;
    await recordAudit(
      {
        actorId: actor.actorId,
        action: "place.closure_delete",
        subjectType: "Closure",
        subjectId: closureId,
        placeId,
        ip: actor.ip,
      },
      tx,
    );
    return true;
  });
}

// ───────────── CSV import ─────────────

export type ImportOutcome =
  | { line: number; name: string; outcome: "created" | "updated"; slug: string }
  | { line: number; name: string; outcome: "refused"; reasons: Reason[] };

function importSlug(kind: string, district: string, name: string) {
  const hash = crypto.createHash("sha256").update(`${district}\u0000${name}`).digest("hex");
  return `${kind.replace(/_/g, "-")}-${district}-${hash.slice(0, 8)}`;
}

/** Rows written per transaction: each chunk is short, so the site keeps answering during an import. */
const IMPORT_CHUNK_ROWS = 25;

/**
 * On SQLite the statements complete synchronously, one promise after another: without a pause a
 * long import would keep the event loop to itself and no other request could even start.
 */
const yieldToRequests = () => new Promise((resolve) => setImmediate(resolve));

type PlannedWrite = { slug: string; create: boolean; row: ImportRow };

/**
 * Imports the accepted rows of a facility list as places of `kind`: a row whose name already
 * exists in its district updates that place, any other creates one (a name repeated in the file
 * updates what its first row created). With `apply: false` nothing is written and the report says
 * what would happen. The writes go in chunks of IMPORT_CHUNK_ROWS rows, one transaction each, so
 * that other requests get their turn between them (on SQLite every statement takes turns). Each
 * write is keyed by the place's slug, so importing the same file again — after a chunk failed, say —
 * updates what the first run made and creates nothing twice.
 */
export async function importPlaces(
  rows: RowCheck[],
  options: { kind: PlaceKind; subKind?: string; apply: boolean; chunkRows?: number } & Actor,
): Promise<ImportOutcome[]> {
  const db = getDb();
  const chunkRows = options.chunkRows ?? IMPORT_CHUNK_ROWS;
  // Looked up fifty names at a time: one query naming 5,000 would itself stall the process.
  const names = [...new Set(rows.filter((r) => r.ok).map((r) => r.name))];
  const existing = [];
  for (let start = 0; start < names.length; start += 50) {
    existing.push(
      ...(await db.place.findMany({
        where: { nameKo: { in: names.slice(start, start + 50) } },
        select: {
          slug: true,
          kind: true,
          nameKo: true,
          district: true,
          nameEn: true,
          addressEn: true,
        },
      })),
    );
    await yieldToRequests();
  }
  type Known = Pick<(typeof existing)[number], "slug" | "kind" | "nameEn" | "addressEn">;
  const byKey = new Map<string, Known>(
    existing.map((place) => [`${place.district}\u0000${place.nameKo}`, place]),
  );
  const report: ImportOutcome[] = [];
  const writes: PlannedWrite[] = [];
  for (const check of rows) {
    if (!check.ok) {
      report.push({
        line: check.line,
        name: check.name,
        outcome: "refused",
        reasons: check.reasons,
      });
      continue;
    }
    const row = check.row;
    const key = `${row.district}\u0000${row.nameKo}`;
    const match = byKey.get(key);
    if (match && match.kind !== options.kind) {
      report.push({
        line: check.line,
        name: check.name,
        outcome: "refused",
        reasons: [{ key: "places:import.reasons.otherKind", params: { slug: match.slug } }],
      });
      continue;
    }
    const slug = match?.slug ?? importSlug(options.kind, row.district, row.nameKo);
    const nameEn = row.nameEn ?? match?.nameEn ?? row.nameKo;
    const addressEn = row.addressEn ?? (match ? match.addressEn : row.addressKo);
    writes.push({ slug, create: !match, row: { ...row, nameEn, addressEn } });
    if (!match) byKey.set(key, { slug, kind: options.kind, nameEn, addressEn });
    report.push({
      line: check.line,
      name: check.name,
      outcome: match ? "updated" : "created",
      slug,
    });
  }
  if (!options.apply) return report;

  let applied = 0;
  let failure: unknown = null;
  try {
    for (let start = 0; start < writes.length; start += chunkRows) {
      const chunk = writes.slice(start, start + chunkRows);
      await db.$transaction(async (tx) => {
        await writeImportedChunk(tx, chunk, options);
      });
      applied += chunk.length;
      await yieldToRequests();
    }
  } catch (error) {
    failure = error;
  }
  // One entry for the whole import, saying how far it got when a chunk failed.
  const created = writes.filter((w) => w.create).length;
  await recordAudit(
    {
      actorId: options.actorId,
      action: "place.import",
      subjectType: "Place",
      ip: options.ip,
      metadata: {
        kind: options.kind,
        created,
        updated: writes.length - created,
        refused: report.length - writes.length,
        appliedRows: applied,
        complete: failure === null,
      },
    },
    db,
  );
  if (failure) throw failure;
  return report;
}

/** One chunk in a handful of statements (each statement costs a query compilation). */
async function writeImportedChunk(
  tx: Prisma.TransactionClient,
  chunk: PlannedWrite[],
  options: { kind: PlaceKind; subKind?: string; now: Date },
) {
  const dataOf = (row: ImportRow) => {
    const names = {
      nameKo: row.nameKo,
      nameEn: row.nameEn ?? row.nameKo,
      addressKo: row.addressKo,
      addressEn: row.addressEn ?? row.addressKo,
      district: row.district,
    };
    return {
      ...names,
      latitude: row.latitude,
      longitude: row.longitude,
      coordinatesApproximate: false,
      searchText: placeSearchText(names),
      lastVerifiedAt: options.now,
      ...(row.phone ? { phone: row.phone } : {}),
      ...(options.subKind ? { subKind: options.subKind } : {}),
    };
  };
  const slugs = chunk.map((write) => write.slug);
  // What exists now (an earlier run of the same file may have made some): update those.
  const present = new Set(
    (await tx.place.findMany({ where: { slug: { in: slugs } }, select: { slug: true } })).map(
      (place) => place.slug,
    ),
  );
  const fresh = chunk.filter((write) => !present.has(write.slug));
  if (fresh.length > 0)
    await tx.place.createMany({
      data: fresh.map(({ slug, row }) => ({
        ...dataOf(row),
        slug,
        kind: options.kind,
        isSampleData: false,
      })),
    });
  for (const { slug, row } of chunk.filter((write) => present.has(write.slug)))
    await tx.place.update({ where: { slug }, data: dataOf(row), select: { id: true } });

  const withHours = chunk.filter((write) => write.row.weekly);
  if (withHours.length === 0) return;
  const ids = new Map(
    (
      await tx.place.findMany({
        where: { slug: { in: withHours.map((write) => write.slug) } },
        select: { id: true, slug: true },
      })
    ).map((place) => [place.slug, place.id]),
  );
  await tx.openingHours.deleteMany({ where: { placeId: { in: [...ids.values()] } } });
  await tx.openingHours.createMany({
    data: withHours.flatMap(({ slug, row }) =>
      (row.weekly ?? []).map((interval) => ({ placeId: ids.get(slug)!, ...interval })),
    ),
  });
}
