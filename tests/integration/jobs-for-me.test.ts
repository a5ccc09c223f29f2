// "For me": one profile, judged by the one eligibility engine against every bookable service and
// every posting and round open now; the nearest misses come with their reasons.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { setTestNow } from "~/utils/clock.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { loader as forMeLoader } from "~/routes/for-me";
import { call, getRequest } from "#tests/factories/http";
import {
  eligibleProfile,
  makeCriteria,
  makeOrganization,
  makePosting,
  makeRound,
  NOW,
} from "#tests/factories/jobs";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
beforeEach(() => setTestNow(NOW));

type Item = { type: string; href: string; reasons: { code: string }[] };
type ForMe = {
  incomplete: boolean;
  rounds: Item[];
  postings: Item[];
  postingTotal: number;
  services: Item[];
  misses: Item[];
};

describe("for me", () => {
  it("lists what the resident can use or apply for now, and the nearest misses with reasons", async () => {
    const org = await makeOrganization();
    const youth = await makeCriteria({ minAge: 15, maxAge: 39 });
    const drivers = await db.eligibilityCriteria.create({
      data: { workerTypes: "designated_driver" },
      select: { id: true },
    });
    const older = await makeCriteria({ minAge: 50, seoulResidentRequired: true });
    const place = await db.place.create({
      data: {
        slug: `for-me-place-${Date.now()}`,
        kind: "youth_center",
        nameKo: "시험 센터",
        nameEn: "Test centre",
        addressKo: "주소",
        addressEn: "Address",
        district: "jung",
        latitude: 37.56,
        longitude: 126.97,
        lastVerifiedAt: NOW,
      },
    });
    const service = (slug: string, eligibilityId: string | null, bookable = true) =>
      db.service.create({
        data: {
          slug,
          placeId: place.id,
          kind: "counseling",
          nameKo: slug,
          nameEn: slug,
          bookable,
          eligibilityId,
        },
      });
    await service("for-me-youth-counseling", youth.id);
    await service("for-me-driver-rest", drivers.id);
    await service("for-me-not-bookable", null, false);

    const open = await makePosting(org.id, { eligibilityId: youth.id });
    const applied = await makePosting(org.id);
    const tooYoung = await makePosting(org.id, { eligibilityId: older.id });
    const later = await makePosting(org.id, {
      applicationOpensAt: seoulInstant("2026-12-01", "09:00"),
      applicationClosesAt: seoulInstant("2026-12-20", "18:00"),
    });
    const round = await makeRound(org.id, 1);

    const resident = await makeResident(eligibleProfile());
    await db.application.create({
      data: { residentId: resident.id, postingId: applied.id, profileSnapshot: "{}" },
    });
    const result = await call(
      forMeLoader,
      getRequest("/for-me", { cookie: await sessionCookieFor(resident.id) }),
    );
    const data = result.data as ForMe;

    const hrefs = (items: Item[]) => items.map((i) => i.href);
    expect(hrefs(data.services)).toContain("/book/for-me-youth-counseling");
    expect(hrefs(data.services)).not.toContain("/book/for-me-driver-rest");
    expect(hrefs(data.services)).not.toContain("/book/for-me-not-bookable");
    expect(hrefs(data.postings)).toContain(`/jobs/${open.slug}`);
    // already applied, not open yet, or not eligible: not in the list
    for (const slug of [applied.slug, later.slug, tooYoung.slug])
      expect(hrefs(data.postings)).not.toContain(`/jobs/${slug}`);
    // public-work sites are reached through their round
    expect(hrefs(data.postings)).not.toContain(`/jobs/${round.sites[0]!.slug}`);
    expect(hrefs(data.rounds)).toContain(`/rounds/${round.slug}`);

    const miss = (href: string) => data.misses.find((m) => m.href === href);
    expect(miss(`/jobs/${tooYoung.slug}`)?.reasons.map((r) => r.code)).toEqual(["tooYoung"]);
    expect(miss("/book/for-me-driver-rest")?.reasons.map((r) => r.code)).toEqual([
      "workerTypeMissing",
    ]);
    const counts = data.misses.map((m) => m.reasons.length);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(data.incomplete).toBe(true);
  });

  it("is only for logged-in residents", async () => {
    const result = await call(forMeLoader, getRequest("/for-me"));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login?redirectTo=%2Ffor-me");
  });
});
