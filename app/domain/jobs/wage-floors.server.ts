// The wage-floor table (WageFloor): read by every posting form and page, kept by administrators
// at /staff/wages. Every change is audited in the same transaction.
import { recordAudit } from "~/domain/audit/service.server";
import type { SessionUser } from "~/domain/residents/types";
import type { Outcome } from "~/domain/shared/outcome";
import { getDb } from "~/utils/db.server";
import type { WageFloorInput } from "./schema";
import type { WageFloor } from "./wage-floors";

/** Every recorded floor, by kind and year. */
export async function listWageFloors(): Promise<WageFloor[]> {
  return getDb().wageFloor.findMany({
    orderBy: [{ kind: "asc" }, { year: "asc" }],
    select: { kind: true, year: true, hourlyKrw: true, source: true },
  });
}

/** The table for its administrators' page: who changed each row last, and when. */
export async function listWageFloorsForAdmin() {
  return getDb().wageFloor.findMany({
    orderBy: [{ kind: "asc" }, { year: "desc" }],
    select: {
      id: true,
      kind: true,
      year: true,
      hourlyKrw: true,
      source: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  });
}

/** Records (or corrects) the floor of one kind and year. Administrators only. */
export async function saveWageFloor(
  actor: SessionUser,
  change: WageFloorInput,
  meta: { ip: string | null },
): Promise<Outcome<{ created: boolean }>> {
  if (actor.role !== "admin") return { ok: false, code: "forbidden" };
  return getDb().$transaction(async (tx) => {
    const where = { kind_year: { kind: change.kind, year: change.year } };
    const before = await tx.wageFloor.findUnique({
      where,
      select: { id: true, hourlyKrw: true, source: true },
    });
    const row = await tx.wageFloor.upsert({
      where,
      create: { ...change, updatedById: actor.id },
      update: { hourlyKrw: change.hourlyKrw, source: change.source, updatedById: actor.id },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: before ? "wage_floor.update" : "wage_floor.create",
        subjectType: "WageFloor",
        subjectId: row.id,
        ip: meta.ip,
        metadata: {
          kind: change.kind,
          year: change.year,
          hourlyKrw: change.hourlyKrw,
          source: change.source,
          previousHourlyKrw: before?.hourlyKrw ?? null,
          previousSource: before?.source ?? null,
        },
      },
      tx,
    );
    return { ok: true as const, created: !before };
  });
}
