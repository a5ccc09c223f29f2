// Places & maps: the stored provenance of places' facts (decision 0021) — reading it, the staff's
// to-do of facts nobody confirmed, and confirming one (one click, audited).
import { recordAudit } from "~/domain/audit/service.server";
import type { SessionUser } from "~/domain/residents/types";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import type { Outcome } from "~/domain/shared/outcome";
import { pageCount, paginate } from "~/domain/shared/pagination";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { canEditPlace } from "./manage.server";
import { isPlaceFact } from "./provenance";
import { PAGE_SIZE } from "./types";

// ───────────── the staff's to-do ─────────────

function todoWhere(user: Pick<SessionUser, "role" | "staffPlaceId">): Prisma.PlaceFactWhereInput {
  const unverified = { source: { not: "staff" } };
  if (user.role === "admin") return unverified;
  return { ...unverified, placeId: user.role === "staff" ? (user.staffPlaceId ?? "") : "" };
}

/** How many facts of the places `user` manages nobody confirmed (admins: of every place). */
export function countUnverifiedFacts(user: Pick<SessionUser, "role" | "staffPlaceId">) {
  return getDb().placeFact.count({ where: todoWhere(user) });
}

/** One page of those facts, place by place. */
export async function listUnverifiedFacts(
  user: Pick<SessionUser, "role" | "staffPlaceId">,
  page: number,
) {
  const db = getDb();
  const where = todoWhere(user);
  const [total, rows] = await Promise.all([
    db.placeFact.count({ where }),
    db.placeFact.findMany({
      where,
      orderBy: [{ place: { nameKo: "asc" } }, { placeId: "asc" }, { fact: "asc" }],
      ...paginate(page, PAGE_SIZE),
      select: {
        fact: true,
        source: true,
        reference: true,
        place: { select: { id: true, slug: true, nameKo: true, nameEn: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: pageCount(total, PAGE_SIZE),
    facts: rows.filter((row) => isPlaceFact(row.fact)),
  };
}

// ───────────── confirming a fact ─────────────

/**
 * Staff of the place (or an admin) confirm that a fact is right as shown: it becomes
 * staff-verified by them, now, and the audit log says so. Confirming a fact already confirmed by
 * staff changes nothing (`changed: false`, no audit entry); to confirm it again, save the form.
 */
export async function verifyPlaceFact(
  user: Pick<SessionUser, "id" | "role" | "staffPlaceId">,
  placeId: string,
  fact: string,
  meta: { ip: string | null; now: Date },
): Promise<Outcome<{ changed: boolean }>> {
  if (!canEditPlace(user, placeId)) return { ok: false, code: "forbidden" };
  if (!isPlaceFact(fact)) return { ok: false, code: "notFound" };
  const data = { source: "staff", reference: null, verifiedById: user.id, verifiedAt: meta.now };
  try {
    return await getDb().$transaction(async (tx) => {
      const place = await tx.place.findUnique({ where: { id: placeId }, select: { id: true } });
      if (!place) return { ok: false as const, code: "notFound" as const };
      const before = await tx.placeFact.findUnique({
        where: { placeId_fact: { placeId, fact } },
        select: { source: true },
      });
      // one conditional write: a fact that is already staff-verified is left as it is
      const { count } = before
        ? await tx.placeFact.updateMany({
            where: { placeId, fact, source: { not: "staff" } },
            data,
          })
        : await tx.placeFact.createMany({ data: [{ placeId, fact, ...data }] });
      if (count === 0) return { ok: true as const, changed: false };
      await recordAudit(
        {
          actorId: user.id,
          action: "place.fact_verify",
          subjectType: "Place",
          subjectId: placeId,
          placeId,
          ip: meta.ip,
          metadata: { fact, previousSource: before?.source ?? null },
        },
        tx,
      );
      return { ok: true as const, changed: true };
    });
  } catch (error) {
    // someone confirmed the same fact of a place without rows at the same moment
    if (isUniqueViolation(error)) return { ok: true, changed: false };
    throw error;
  }
}
