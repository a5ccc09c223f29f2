// Places & maps, back office: staff and admins edit a place's details, hours, closures and
// services. Every change is audited.
import { recordAudit } from "~/domain/audit/service.server";
import { endUndrawnApplications } from "~/domain/booking/lottery.server";
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
  FACT_ROWS,
  WEEK_ORDERED_HOURS,
  type Actor,
} from "./common.server";
import { pageCount, paginate } from "~/domain/shared/pagination";
import { markStaffVerified, newFactRows } from "./facts.server";
import { lastVerified, provenanceOf, unverifiedFacts, type PlaceFactKind } from "./provenance";

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
        isSampleData: true,
        facts: FACT_ROWS,
      },
    }),
  ]);
  return {
    total,
    page: options.page,
    pageCount: pageCount(total, PAGE_SIZE),
    places: rows.map(({ facts, isSampleData, ...row }) => {
      const provenance = provenanceOf(facts, isSampleData);
      return {
        ...row,
        lastVerifiedAt: lastVerified(provenance),
        unverified: unverifiedFacts(provenance).length,
      };
    }),
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
  const { facts, ...details } = place;
  const provenance = provenanceOf(facts, place.isSampleData);
  return {
    ...details,
    amenities: place.amenities.split(",").filter(Boolean),
    provenance,
    lastVerifiedAt: lastVerified(provenance),
    updatedAt: place.updatedAt.toISOString(),
  };
}

function detailsData(input: PlaceDetailsInput) {
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
  };
}

/** The facts the details form sets, and whether a saved form changed each of them. */
const DETAIL_FACTS = {
  address: (a, b) =>
    a.addressKo !== b.addressKo || a.addressEn !== b.addressEn || a.district !== b.district,
  coordinates: (a, b) =>
    a.latitude !== b.latitude ||
    a.longitude !== b.longitude ||
    a.coordinatesApproximate !== b.coordinatesApproximate,
  phone: (a, b) => a.phone !== b.phone,
  capacity: (a, b) => a.areaSquareMeters !== b.areaSquareMeters,
} satisfies Partial<Record<PlaceFactKind, (a: DetailValues, b: DetailValues) => boolean>>;
type DetailValues = {
  addressKo: string;
  addressEn: string;
  district: string;
  latitude: number;
  longitude: number;
  coordinatesApproximate: boolean;
  phone: string | null;
  areaSquareMeters: number | null;
};
const DETAIL_FACT_KINDS = Object.keys(DETAIL_FACTS) as (keyof typeof DETAIL_FACTS)[];

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
        ...detailsData(input),
        slug: input.slug,
        kind: input.kind,
        subKind: input.subKind ?? null,
        operatorId: input.operatorId ?? null,
      },
      select: { id: true },
    });
    // What staff typed in counts as confirmed by them; the hours are not known yet.
    await tx.placeFact.createMany({
      data: newFactRows(
        place.id,
        false,
        Object.fromEntries(DETAIL_FACT_KINDS.map((fact) => [fact, { source: "staff" }])),
        { id: actor.actorId, at: actor.now },
      ),
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
    const data = detailsData(input);
    const before = await tx.place.findUniqueOrThrow({
      where: { id: placeId },
      select: {
        addressKo: true,
        addressEn: true,
        district: true,
        latitude: true,
        longitude: true,
        coordinatesApproximate: true,
        phone: true,
        areaSquareMeters: true,
      },
    });
    // A fact staff changed counts as confirmed by them; "I checked this today" confirms them all.
    const confirmed = DETAIL_FACT_KINDS.filter(
      (fact) => input.verified || DETAIL_FACTS[fact](before, data),
    );
    await markStaffVerified(tx, placeId, confirmed, actor);
    await tx.place.update({
      where: { id: placeId },
      data: {
        ...data,
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
        metadata: { verified: input.verified, confirmedFacts: confirmed.join(",") },
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
      data: { closedOnPublicHolidays: input.closedOnPublicHolidays },
      select: { id: true },
    });
    // staff entered the week themselves: its days and hours are confirmed by them
    await markStaffVerified(tx, placeId, ["days", "hours"], actor);
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
  allocation: true,
  drawLeadHours: true,
  yearlyLimitPerResident: true,
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
    allocation: input.allocation,
    drawLeadHours: input.drawLeadHours,
    yearlyLimitPerResident: input.yearlyLimitPerResident ?? null,
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
        metadata: {
          kind: input.kind,
          bookable: input.bookable,
          yearlyLimitPerResident: input.yearlyLimitPerResident ?? null,
        },
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
    const before = await tx.service.findFirst({
      where: { id: serviceId, placeId },
      select: { yearlyLimitPerResident: true },
    });
    if (!before) return false;
    const { count } = await tx.service.updateMany({
      where: { id: serviceId, placeId },
      data: serviceData(input),
    });
    if (count === 0) return false;
    // Back to first come: applications not yet drawn end, their residents are told (its slots
    // are bookable again at once).
    const ended =
      input.allocation === "first_come"
        ? await endUndrawnApplications(tx, serviceId, actor.now)
        : 0;
    await recordAudit(
      {
        actorId: actor.actorId,
        action: "place.service_update",
        subjectType: "Service",
        subjectId: serviceId,
        placeId,
        ip: actor.ip,
        metadata: {
          kind: input.kind,
          bookable: input.bookable,
          active: input.active,
          allocation: input.allocation,
          drawLeadHours: input.drawLeadHours,
          ...(ended > 0 ? { endedApplications: ended } : {}),
          // the limit residents are held to: what it was and what it is now
          yearlyLimitBefore: before.yearlyLimitPerResident,
          yearlyLimitPerResident: input.yearlyLimitPerResident ?? null,
        },
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
