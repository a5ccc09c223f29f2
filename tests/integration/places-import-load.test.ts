// A long facility import must not stop the site: it writes in short transactions, so a health
// check (or any request) gets its turn between them.
import { describe, expect, it } from "vitest";
import type { RowCheck } from "~/domain/places/csv-import";
import { importPlaces } from "~/domain/places/import.server";
import { loader as healthz } from "~/routes/healthz";
import { currentEngine, getDb } from "~/utils/db.server";
import { makeResident } from "#tests/factories/residents";

function rows(count: number, prefix: string): RowCheck[] {
  return Array.from({ length: count }, (_, i) => ({
    line: i + 2,
    name: `${prefix} 쉼터 ${i}`,
    ok: true,
    row: {
      nameKo: `${prefix} 쉼터 ${i}`,
      nameEn: null,
      addressKo: `서울특별시 마포구 시험로 ${i}`,
      addressEn: null,
      district: "mapo",
      latitude: 37.55 + (i % 100) / 10_000,
      longitude: 126.9 + Math.floor(i / 100) / 10_000,
      phone: null,
      // open every day, as shelters are: seven rows of hours per place
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        opens: "09:00",
        closes: "18:00",
      })),
    },
  }));
}

/**
 * Imports while asking /healthz every 20 ms; returns the longest wait for an answer, counted from
 * the moment it was due — a process busy with the import cannot even start the check, and a
 * visitor would wait just the same.
 */
async function slowestHealthCheckDuring(
  chunkRows: number | undefined,
  prefix: string,
  count = 5000,
) {
  const admin = await makeResident({});
  let importing = true;
  const importing$ = importPlaces(rows(count, prefix), {
    kind: "rest_shelter",
    apply: true,
    actorId: admin.id,
    ip: null,
    now: new Date(),
    ...(chunkRows ? { chunkRows } : {}),
  }).finally(() => (importing = false));
  let slowest = 0;
  let checks = 0;
  let last = performance.now();
  while (importing) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const due = last + 20;
    const response = (await healthz()) as Response;
    expect(response.status).toBe(200);
    last = performance.now();
    slowest = Math.max(slowest, last - due);
    checks += 1;
  }
  const report = await importing$;
  return { slowest, checks, report };
}

describe("importing 5,000 places", () => {
  it("lets /healthz answer within a second throughout, and imports every row", async () => {
    const { slowest, checks, report } = await slowestHealthCheckDuring(undefined, "부하");
    expect(report.filter((r) => r.outcome === "created")).toHaveLength(5000);
    expect(await getDb().place.count({ where: { nameKo: { startsWith: "부하 쉼터" } } })).toBe(
      5000,
    );
    expect(checks).toBeGreaterThan(5);
    expect(slowest, `slowest wait ${Math.round(slowest)} ms`).toBeLessThan(1000);
  }, 120_000);

  // On SQLite every statement waits its turn behind the chunk's transaction; not on PostgreSQL.
  // Two chunks are enough to show it (the wait is one chunk's, however many follow).
  it.skipIf(currentEngine() !== "sqlite")(
    "(negative control) in chunks of 900 rows, the health check waits for a whole chunk",
    async () => {
      const { slowest } = await slowestHealthCheckDuring(900, "통째", 1800);
      expect(slowest, `slowest wait ${Math.round(slowest)} ms`).toBeGreaterThan(1000);
    },
    120_000,
  );
});
