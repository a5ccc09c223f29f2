// Places & maps, back office: staff and admins edit a place's details, hours, closures and
// services. Every change is audited.
import { recordAudit } from "~/domain/audit/service.server";
import type { SessionUser } from "~/domain/residents/types";
import { searchTerms } from "~/domain/shared/korean-search";
import type { Failure, Outcome } from "~/domain/shared/outcome";
import { newSlug } from "~/domain/shared/slug";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import type {
  ClosureInput,
  HoursInput,
  NewPlaceInput,
  PlaceDetailsInput,
  ServiceInput,
} from "./schema";
import { PAGE_SIZE, type PlaceKind } from "./types";
import {
  type Language,
  placeSearchText,
  nameOrder,
  PLACE_DETAILS,
  WEEK_ORDERED_HOURS,
  type Actor,
} from "./common.server";
import { pageCount, paginate } from "~/domain/shared/pagination";

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
      ...paginate(options.page, PAGE_SIZE),
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
    pageCount: pageCount(total, PAGE_SIZE),
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
