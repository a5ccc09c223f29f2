// Places & maps: writing the provenance rows of places' facts (decision 0021), for the modules
// that create and change places. Reading and confirming them is provenance.server.ts.
import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "./common.server";
import { defaultSource, PLACE_FACTS, type FactSource, type PlaceFactKind } from "./provenance";

/** The rows of a new place: every fact from `sources`, the others assumed (or sample). */
export function newFactRows(
  placeId: string,
  isSampleData: boolean,
  sources: Partial<Record<PlaceFactKind, { source: FactSource; reference?: string | null }>> = {},
  verifier?: { id: string; at: Date },
): Prisma.PlaceFactCreateManyInput[] {
  return PLACE_FACTS.map((fact) => {
    const given = sources[fact];
    const source = given?.source ?? defaultSource(isSampleData);
    const staff = source === "staff" && verifier;
    return {
      placeId,
      fact,
      source: staff || source !== "staff" ? source : defaultSource(isSampleData),
      reference: given?.reference ?? null,
      verifiedById: staff ? verifier.id : null,
      verifiedAt: staff ? verifier.at : null,
    };
  });
}

/**
 * Marks facts of a place as confirmed by `actor` now (a staff edit of a fact counts as confirming
 * it). Part of the caller's transaction; the caller audits the edit.
 */
export async function markStaffVerified(
  tx: Prisma.TransactionClient,
  placeId: string,
  facts: readonly PlaceFactKind[],
  actor: Actor,
) {
  const data = {
    source: "staff",
    reference: null,
    verifiedById: actor.actorId,
    verifiedAt: actor.now,
  };
  for (const fact of facts)
    await tx.placeFact.upsert({
      where: { placeId_fact: { placeId, fact } },
      create: { placeId, fact, ...data },
      update: data,
      select: { id: true },
    });
}
