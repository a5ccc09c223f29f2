// Places & maps: importing a facility list (CSV) as places, in short chunks so the site keeps
// answering.
import crypto from "node:crypto";
import { recordAudit } from "~/domain/audit/service.server";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import type { ImportRow, Reason, RowCheck } from "./csv-import";
import { type PlaceKind } from "./types";
import { placeSearchText, type Actor } from "./common.server";
import { defaultSource, PLACE_FACTS, type PlaceFactKind } from "./provenance";
import { seoulParts } from "~/domain/shared/seoul-time";

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
    // no English given: left empty, so pages show the Korean marked lang="ko" (decision 0024)
    // rather than Korean stored, and marked, as English
    const nameEn = row.nameEn ?? match?.nameEn ?? "";
    const addressEn = row.addressEn ?? (match ? match.addressEn : "");
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

  const ids = new Map(
    (
      await tx.place.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })
    ).map((place) => [place.slug, place.id]),
  );
  await writeImportedFacts(tx, chunk, ids, new Set(fresh.map((write) => write.slug)), options.now);

  const withHours = chunk.filter((write) => write.row.weekly);
  if (withHours.length === 0) return;
  await tx.openingHours.deleteMany({ where: { placeId: { in: [...ids.values()] } } });
  await tx.openingHours.createMany({
    data: withHours.flatMap(({ slug, row }) =>
      (row.weekly ?? []).map((interval) => ({ placeId: ids.get(slug)!, ...interval })),
    ),
  });
}

/**
 * The facts a file gives come from it (decision 0021): source "public", referenced as this import
 * and its date — not staff-verified, whoever uploaded it. A new place's other facts are assumed.
 */
async function writeImportedFacts(
  tx: Prisma.TransactionClient,
  chunk: PlannedWrite[],
  ids: Map<string, string>,
  fresh: Set<string>,
  now: Date,
) {
  const reference = `CSV import ${seoulParts(now).date}`;
  const given = (row: ImportRow): PlaceFactKind[] => [
    "address",
    "coordinates",
    ...(row.phone ? (["phone"] as const) : []),
    ...(row.weekly ? (["days", "hours"] as const) : []),
  ];
  const rows = chunk.flatMap(({ slug, row }) => {
    const placeId = ids.get(slug)!;
    const imported = given(row);
    return PLACE_FACTS.filter((fact) => imported.includes(fact) || fresh.has(slug)).map((fact) => ({
      placeId,
      fact,
      ...(imported.includes(fact)
        ? { source: "public", reference }
        : { source: defaultSource(false), reference: null }),
    }));
  });
  // what the file says supersedes what was known: one delete per combination of given facts
  // (at most four: with or without phone, with or without hours), then one insert
  const byGiven = new Map<string, { facts: PlaceFactKind[]; placeIds: string[] }>();
  for (const { slug, row } of chunk) {
    const facts = given(row);
    const group = byGiven.get(facts.join()) ?? { facts, placeIds: [] };
    group.placeIds.push(ids.get(slug)!);
    byGiven.set(facts.join(), group);
  }
  for (const { facts, placeIds } of byGiven.values())
    await tx.placeFact.deleteMany({ where: { placeId: { in: placeIds }, fact: { in: facts } } });
  await tx.placeFact.createMany({ data: rows });
}
