// Provenance per fact (decision 0021) through the real routes: who may confirm a fact, what a
// confirmation writes (source, verifier, time, audit), that confirming twice changes nothing, and
// what the place page, the open-data API and the staff's to-do then say.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "../../prisma/seed";
import { listAuditEvents } from "~/domain/audit/service.server";
import type { PlaceFeatureCollection } from "~/domain/places/views";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { loader as apiLoader } from "~/routes/api.places";
import { loader as placeLoader } from "~/routes/places.$slug";
import { action as factsAction, loader as factsLoader } from "~/routes/staff.places.facts";
import { action as hoursAction } from "~/routes/staff.places.$placeId.hours";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeAdmin, makeStaff } from "#tests/factories/places";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
const NOW = new Date("2026-11-30T02:00:00.000Z");

let seocho: { id: string };
let sangam: { id: string };
beforeAll(async () => {
  await seedDirectory(db);
  seocho = await db.place.findUniqueOrThrow({ where: { slug: "seocho-shelter" } });
  sangam = await db.place.findUniqueOrThrow({ where: { slug: "sangam-shelter" } });
  setTestNow(NOW);
});

const fact = (placeId: string, name: string) =>
  db.placeFact.findUniqueOrThrow({ where: { placeId_fact: { placeId, fact: name } } });
const confirm = (cookie: string, placeId: string, name: string) =>
  call(factsAction, formRequest("/staff/places/facts", { placeId, fact: name }, { cookie }));
const audits = () => listAuditEvents({ action: "place.fact_verify" });

type PlacePage = { place: { lastVerifiedAt: string | null; provenance: Record<string, unknown> } };

describe("confirming a fact", () => {
  it("is refused to a resident and to staff of another place, and writes nothing", async () => {
    const resident = await makeResident();
    const stranger = await call(
      factsAction,
      formRequest(
        "/staff/places/facts",
        { placeId: seocho.id, fact: "days" },
        { cookie: await sessionCookieFor(resident.id) },
      ),
    );
    expect(stranger.status).toBe(403);
    const other = await makeStaff(sangam.id);
    const refused = await confirm(other.cookie, seocho.id, "days");
    expect(refused.status).toBe(403);
    expect(await fact(seocho.id, "days")).toMatchObject({
      source: "assumed",
      verifiedById: null,
      verifiedAt: null,
    });
    expect(await audits()).toHaveLength(0);
  });

  it("refuses a fact that does not exist", async () => {
    const staff = await makeStaff(seocho.id);
    const response = await confirm(staff.cookie, seocho.id, "colour");
    expect(response.status).toBe(400);
    expect(await audits()).toHaveLength(0);
  });

  it("by staff of the place: staff-verified by them, now, audited; a second time changes nothing", async () => {
    const before = (await call(placeLoader, getRequest("/places/seocho-shelter"), {
      slug: "seocho-shelter",
    })) as { data: PlacePage };
    expect(before.data.place.lastVerifiedAt).toBeNull();

    const staff = await makeStaff(seocho.id);
    const first = await confirm(staff.cookie, seocho.id, "days");
    expect(first.status).toBe(302);
    expect(first.location).toBe("/staff/places/facts?done=days");
    expect(await fact(seocho.id, "days")).toMatchObject({
      source: "staff",
      reference: null,
      verifiedById: staff.id,
      verifiedAt: NOW,
    });
    const events = await audits();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: staff.id, subjectId: seocho.id });
    expect(JSON.parse(events[0]!.metadata)).toEqual({ fact: "days", previousSource: "assumed" });

    setTestNow(new Date(NOW.getTime() + 60_000));
    const admin = await makeAdmin();
    const again = await confirm(admin.cookie, seocho.id, "days");
    expect(again.location).toBe("/staff/places/facts?done=days&already=1");
    expect(await fact(seocho.id, "days")).toMatchObject({
      verifiedById: staff.id,
      verifiedAt: NOW,
    });
    expect(await audits()).toHaveLength(1);
    setTestNow(NOW);

    const after = (await call(placeLoader, getRequest("/places/seocho-shelter"), {
      slug: "seocho-shelter",
    })) as { data: PlacePage };
    expect(after.data.place.lastVerifiedAt).toBe(NOW.toISOString());
    expect(after.data.place.provenance.days).toEqual({
      source: "staff",
      reference: null,
      verifiedAt: NOW.toISOString(),
    });
  });

  it("counts saving the hours form as confirming the days and hours", async () => {
    const staff = await makeStaff(sangam.id);
    const response = await call(
      hoursAction,
      formRequest(
        `/staff/places/${sangam.id}/hours`,
        {
          "intervals[0].weekday": "1",
          "intervals[0].opens": "09:30",
          "intervals[0].closes": "18:00",
        },
        { cookie: staff.cookie },
      ),
      { placeId: sangam.id },
    );
    expect(response.status).toBe(200);
    for (const name of ["days", "hours"])
      expect(await fact(sangam.id, name)).toMatchObject({
        source: "staff",
        verifiedById: staff.id,
      });
    expect(await fact(sangam.id, "address")).toMatchObject({ source: "assumed" });
  });
});

describe("the staff's to-do", () => {
  it("lists only the unconfirmed facts of the staff's own place; admins see every place's", async () => {
    const staff = await makeStaff(seocho.id);
    const mine = await call(
      factsLoader,
      getRequest("/staff/places/facts", { cookie: staff.cookie }),
    );
    const rows = (mine.data as { facts: { fact: string; place: { id: string } }[] }).facts;
    expect(new Set(rows.map((row) => row.place.id))).toEqual(new Set([seocho.id]));
    // "days" was confirmed above
    expect(rows.map((row) => row.fact).sort()).toEqual(
      ["address", "capacity", "coordinates", "hours", "phone"].sort(),
    );
    const admin = await makeAdmin();
    const all = await call(
      factsLoader,
      getRequest("/staff/places/facts", { cookie: admin.cookie }),
    );
    const page = all.data as { total: number; facts: unknown[]; pageCount: number };
    expect(page.total).toBeGreaterThan(100);
    expect(page.facts).toHaveLength(20);
    expect(page.pageCount).toBeGreaterThan(1);
  });
});

describe("GET /api/places", () => {
  it("gives every fact's source, reference and verification time, never who verified it", async () => {
    const response = await apiLoader({
      request: getRequest("/api/places?kind=rest_shelter"),
      params: {},
      context: { clientIp: "198.51.100.77" },
    } as Parameters<typeof apiLoader>[0]);
    const body = (await response.json()) as PlaceFeatureCollection;
    const seochoFeature = body.features.find((f) => f.id === "seocho-shelter")!;
    expect(seochoFeature.properties.provenance.days).toEqual({
      source: "staff",
      reference: null,
      verifiedAt: NOW.toISOString(),
    });
    expect(seochoFeature.properties.provenance.hours.source).toBe("report");
    expect(seochoFeature.properties.provenance.hours.reference).toContain("쉼터");
    expect(seochoFeature.properties.lastVerifiedAt).toBe(NOW.toISOString());
    expect(JSON.stringify(body)).not.toMatch(/verifiedBy|@/);
    const bukchang = body.features.find((f) => f.id === "bukchang-shelter")!;
    expect(bukchang.properties.lastVerifiedAt).toBeNull();
    expect(bukchang.properties.provenance.days.source).toBe("assumed");
  });
});
