// The places back office through its real route actions: who may change what, validation that
// writes nothing, hours and closures, the CSV import; and paging of a larger directory.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "../../prisma/seed";
import { listAuditEvents } from "~/domain/audit/service.server";
import { isOpenAt } from "~/domain/places/hours";
import type { PlaceSearchResult } from "~/domain/places/views";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { loader as sheltersLoader } from "~/routes/shelters";
import { loader as placesLoader } from "~/routes/places._index";
import { loader as placeLoader } from "~/routes/places.$slug";
import { loader as bookLoader } from "~/routes/book.$serviceSlug._index";
import { loader as staffListLoader } from "~/routes/staff.places._index";
import { action as newPlaceAction } from "~/routes/staff.places.new";
import { action as editAction, loader as editLoader } from "~/routes/staff.places.$placeId._index";
import { action as hoursAction } from "~/routes/staff.places.$placeId.hours";
import { action as closuresAction } from "~/routes/staff.places.$placeId.closures";
import { action as importAction } from "~/routes/staff.places.import";
import {
  action as addServiceAction,
  loader as servicesLoader,
} from "~/routes/staff.places.$placeId.services._index";
import {
  action as editServiceAction,
  loader as serviceLoader,
} from "~/routes/staff.places.$placeId.services.$serviceId";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeAdmin, makeStaff, multipartRequest } from "#tests/factories/places";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
const WEDNESDAY_2AM = new Date("2026-11-24T17:00:00.000Z");

let seocho: { id: string };
let sangam: { id: string };
beforeAll(async () => {
  await seedDirectory(db);
  seocho = await db.place.findUniqueOrThrow({ where: { slug: "seocho-shelter" } });
  sangam = await db.place.findUniqueOrThrow({ where: { slug: "sangam-shelter" } });
});
afterEach(() => setTestNow(null));

const NEW_PLACE = {
  slug: "hongdae-night-shelter",
  kind: "rest_shelter",
  subKind: "designated_driver",
  nameKo: "홍대 심야 쉼터",
  nameEn: "Hongdae Night Shelter",
  addressKo: "서울특별시 마포구 서교동",
  addressEn: "Seogyo-dong, Mapo-gu, Seoul",
  district: "mapo",
  latitude: "37.5563",
  longitude: "126.9236",
  phone: "02-330-1234",
  amenities: "wifi",
  verified: "on",
};

type Reply = { status?: string; error?: Record<string, string[] | null> };
const slugs = (data: unknown) =>
  (data as { result: PlaceSearchResult }).result.items.map((item) => item.slug);

describe("creating a place", () => {
  it("lets an admin create one, searchable in Korean as typed, with an audit entry", async () => {
    const admin = await makeAdmin();
    const response = await call(
      newPlaceAction,
      formRequest("/staff/places/new", NEW_PLACE, { cookie: admin.cookie }),
    );
    expect(response.status).toBe(302);
    const place = await db.place.findUniqueOrThrow({ where: { slug: "hongdae-night-shelter" } });
    expect(response.location).toBe(`/staff/places/${place.id}/hours?created=1`);
    expect(place).toMatchObject({
      latitude: 37.5563,
      amenities: "wifi",
      coordinatesApproximate: false,
    });
    const found = await call(
      placesLoader,
      getRequest(`/places?q=${encodeURIComponent("ㅎㄷㅅㅇ")}`),
    );
    expect(slugs(found.data)).toEqual(["hongdae-night-shelter"]);
    const audit = await listAuditEvents({ subjectId: place.id, action: "place.create" });
    expect(audit).toHaveLength(1);
  });

  it("refuses coordinates outside Seoul, taken slugs and bad values, writing nothing", async () => {
    const admin = await makeAdmin();
    const before = await db.place.count();
    const outside = await call(
      newPlaceAction,
      formRequest(
        "/staff/places/new",
        { ...NEW_PLACE, slug: "gunpo-thing", latitude: "37.3617", longitude: "126.9352" },
        { cookie: admin.cookie },
      ),
    );
    expect(outside.status).toBe(400);
    expect((outside.data as { result: Reply }).result.error?.latitude).toEqual([
      "places:form.errors.notInSeoul",
    ]);
    const notNumbers = await call(
      newPlaceAction,
      formRequest(
        "/staff/places/new",
        { ...NEW_PLACE, slug: "x-thing", latitude: "삼십칠" },
        { cookie: admin.cookie },
      ),
    );
    expect((notNumbers.data as { result: Reply }).result.error?.latitude).toEqual([
      "places:form.errors.coordinate",
    ]);
    const taken = await call(
      newPlaceAction,
      formRequest(
        "/staff/places/new",
        { ...NEW_PLACE, slug: "seocho-shelter" },
        { cookie: admin.cookie },
      ),
    );
    expect(taken.status).toBe(409);
    expect((taken.data as { result: Reply }).result.error?.slug).toEqual([
      "places:form.errors.slugTaken",
    ]);
    expect(await db.place.count()).toBe(before);
  });

  it("is for admins only", async () => {
    const staff = await makeStaff(seocho.id);
    const before = await db.place.count();
    const refused = await call(
      newPlaceAction,
      formRequest(
        "/staff/places/new",
        { ...NEW_PLACE, slug: "staff-made" },
        { cookie: staff.cookie },
      ),
    );
    expect(refused.status).toBe(403);
    const anonymous = await call(newPlaceAction, formRequest("/staff/places/new", NEW_PLACE));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    expect(await db.place.count()).toBe(before);
  });
});

describe("editing a place", () => {
  const edit = (placeId: string, fields: Record<string, string | string[]>, cookie: string) =>
    call(editAction, formRequest(`/staff/places/${placeId}`, fields, { cookie }), { placeId });
  const details = {
    nameKo: "휴서울노동자쉼터 서초쉼터",
    nameEn: "Hyu-Seoul Workers' Shelter Seocho",
    addressKo: "서울특별시 서초구 서초대로 1",
    addressEn: "1 Seocho-daero, Seocho-gu, Seoul",
    district: "seocho",
    latitude: "37.4918",
    longitude: "127.0144",
    phone: "02-555-0101",
    amenities: ["wifi", "lockers"],
    verified: "on",
  };

  it("lets staff edit their own place, but not what it is, and marks it verified now", async () => {
    const staff = await makeStaff(seocho.id);
    setTestNow(new Date("2026-11-26T01:00:00Z"));
    const response = await edit(
      seocho.id,
      { ...details, kind: "memorial", operatorId: "" },
      staff.cookie,
    );
    expect(response.status).toBe(200);
    const place = await db.place.findUniqueOrThrow({ where: { id: seocho.id } });
    expect(place).toMatchObject({
      kind: "rest_shelter",
      addressKo: "서울특별시 서초구 서초대로 1",
      phone: "02-555-0101",
      amenities: "wifi,lockers",
    });
    expect(place.operatorId).not.toBeNull();
    expect(place.searchText).toContain("서초대로");
    // "I checked this today": the form's facts are confirmed by this staff member, now
    const facts = await db.placeFact.findMany({
      where: { placeId: seocho.id, source: "staff" },
      select: { fact: true, verifiedById: true, verifiedAt: true },
    });
    expect(facts.map((f) => f.fact).sort()).toEqual([
      "address",
      "capacity",
      "coordinates",
      "phone",
    ]);
    for (const f of facts)
      expect(f).toMatchObject({
        verifiedById: staff.id,
        verifiedAt: new Date("2026-11-26T01:00:00Z"),
      });
  });

  it("without 'I checked this today', confirms only the facts staff changed", async () => {
    const staff = await makeStaff(sangam.id);
    const current = await db.place.findUniqueOrThrow({ where: { id: sangam.id } });
    const response = await edit(
      sangam.id,
      {
        nameKo: current.nameKo,
        nameEn: current.nameEn,
        addressKo: current.addressKo,
        addressEn: current.addressEn,
        district: current.district,
        latitude: String(current.latitude),
        longitude: String(current.longitude),
        coordinatesApproximate: current.coordinatesApproximate ? "on" : "",
        areaSquareMeters: String(current.areaSquareMeters),
        phone: "02-300-0101",
      },
      staff.cookie,
    );
    expect(response.status).toBe(200);
    const sources = Object.fromEntries(
      (
        await db.placeFact.findMany({
          where: { placeId: sangam.id },
          select: { fact: true, source: true },
        })
      ).map((f) => [f.fact, f.source]),
    );
    expect(sources).toMatchObject({
      phone: "staff",
      address: "assumed",
      coordinates: "assumed",
      capacity: "report",
    });
  });

  it("refuses staff of another place (403) and changes nothing", async () => {
    const other = await makeStaff(sangam.id);
    const before = await db.place.findUniqueOrThrow({ where: { id: seocho.id } });
    const page = await call(
      editLoader,
      getRequest(`/staff/places/${seocho.id}`, { cookie: other.cookie }),
      {
        placeId: seocho.id,
      },
    );
    expect(page.status).toBe(403);
    const response = await edit(seocho.id, { ...details, nameKo: "빼앗긴 쉼터" }, other.cookie);
    expect(response.status).toBe(403);
    expect(await db.place.findUniqueOrThrow({ where: { id: seocho.id } })).toEqual(before);
    // and the same answer whether or not the place exists
    const missing = await call(
      editLoader,
      getRequest("/staff/places/nope", { cookie: other.cookie }),
      {
        placeId: "nope",
      },
    );
    expect(missing.status).toBe(403);
  });

  it("refuses residents, and shows staff only their own place in the list", async () => {
    const resident = await makeResident();
    const cookie = await sessionCookieFor(resident.id);
    expect((await edit(seocho.id, details, cookie)).status).toBe(403);
    const staff = await makeStaff(sangam.id);
    const list = await call(staffListLoader, getRequest("/staff/places", { cookie: staff.cookie }));
    expect((list.data as { places: { id: string }[] }).places.map((p) => p.id)).toEqual([
      sangam.id,
    ]);
  });

  it("lets admins change what a place is; says 404 for a place that does not exist", async () => {
    const admin = await makeAdmin();
    const place = await db.place.findUniqueOrThrow({ where: { slug: "bukchang-shelter" } });
    const response = await edit(
      place.id,
      {
        ...details,
        nameKo: "북창쉼터",
        nameEn: "Bukchang",
        district: "jung",
        latitude: "37.5627",
        longitude: "126.9787",
        kind: "rest_shelter",
        subKind: "mobile",
      },
      admin.cookie,
    );
    expect(response.status).toBe(200);
    expect(await db.place.findUniqueOrThrow({ where: { id: place.id } })).toMatchObject({
      subKind: "mobile",
      operatorId: null,
    });
    expect(
      (await edit("no-such-place", { ...details, kind: "rest_shelter" }, admin.cookie)).status,
    ).toBe(404);
  });

  it("keeps what was typed and writes nothing on bad input", async () => {
    const staff = await makeStaff(seocho.id);
    const before = await db.place.findUniqueOrThrow({ where: { id: seocho.id } });
    const response = await edit(
      seocho.id,
      { ...details, latitude: "127.0144", longitude: "37.4918", website: "ftp://x", email: "nope" },
      staff.cookie,
    );
    expect(response.status).toBe(400);
    const reply = (response.data as { result: Reply & { initialValue?: Record<string, unknown> } })
      .result;
    expect(reply.error?.website).toEqual(["places:form.errors.website"]);
    expect(reply.error?.email).toEqual(["validation:email"]);
    expect(reply.initialValue?.latitude).toBe("127.0144");
    expect(await db.place.findUniqueOrThrow({ where: { id: seocho.id } })).toEqual(before);
  });
});

describe("opening hours and closures", () => {
  const hoursRow = (index: number, weekday: number, opens = "", closes = "") => ({
    [`intervals[${index}].weekday`]: String(weekday),
    [`intervals[${index}].opens`]: opens,
    [`intervals[${index}].closes`]: closes,
  });

  it("replaces the weekly hours, overnight intervals included", async () => {
    const staff = await makeStaff(sangam.id);
    const response = await call(
      hoursAction,
      formRequest(
        `/staff/places/${sangam.id}/hours`,
        {
          closedOnPublicHolidays: "on",
          ...hoursRow(0, 2, "20:00", "04:00"),
          ...hoursRow(1, 2),
          ...hoursRow(2, 3, "09:30", "18:00"),
        },
        { cookie: staff.cookie },
      ),
      { placeId: sangam.id },
    );
    expect(response.status).toBe(200);
    const hours = await db.openingHours.findMany({
      where: { placeId: sangam.id },
      orderBy: { weekday: "asc" },
      select: { weekday: true, opens: true, closes: true },
    });
    expect(hours).toEqual([
      { weekday: 2, opens: "20:00", closes: "04:00" },
      { weekday: 3, opens: "09:30", closes: "18:00" },
    ]);
    // Tuesday's 20:00–04:00 makes Sangam open at 02:00 on Wednesday
    setTestNow(WEDNESDAY_2AM);
    const open = await call(sheltersLoader, getRequest("/shelters?open=now"));
    expect(slugs(open.data)).toContain("sangam-shelter");
  });

  it("refuses malformed and overlapping hours, and refuses other places' staff, changing nothing", async () => {
    const staff = await makeStaff(sangam.id);
    const before = await db.openingHours.findMany({
      where: { placeId: sangam.id },
      orderBy: { id: "asc" },
    });
    const bad = await call(
      hoursAction,
      formRequest(
        `/staff/places/${sangam.id}/hours`,
        {
          ...hoursRow(0, 1, "09:00", "18:00"),
          ...hoursRow(1, 1, "17:00", "19:00"),
          ...hoursRow(2, 2, "25:00", ""),
        },
        { cookie: staff.cookie },
      ),
      { placeId: sangam.id },
    );
    expect(bad.status).toBe(400);
    const other = await makeStaff(seocho.id);
    const refused = await call(
      hoursAction,
      formRequest(`/staff/places/${sangam.id}/hours`, hoursRow(0, 1, "00:00", "00:00"), {
        cookie: other.cookie,
      }),
      { placeId: sangam.id },
    );
    expect(refused.status).toBe(403);
    expect(
      await db.openingHours.findMany({ where: { placeId: sangam.id }, orderBy: { id: "asc" } }),
    ).toEqual(before);
  });

  it("adds a closure that the place page and 'open at' then respect, and deletes it", async () => {
    const staff = await makeStaff(seocho.id);
    const added = await call(
      closuresAction,
      formRequest(
        `/staff/places/${seocho.id}/closures`,
        {
          intent: "add",
          startDate: "2026-11-25",
          endDate: "2026-11-27",
          reasonKo: "시설 점검",
          reasonEn: "Repairs",
        },
        { cookie: staff.cookie },
      ),
      { placeId: seocho.id },
    );
    expect(added.status).toBe(200);
    setTestNow(new Date("2026-11-25T12:00:00Z")); // Wednesday 21:00 in Seoul
    const page = await call(placeLoader, getRequest("/places/seocho-shelter"), {
      slug: "seocho-shelter",
    });
    expect((page.data as { place: { status: unknown } }).place.status).toMatchObject({
      open: false,
      reason: "closure",
      closureEn: "Repairs",
      opensAt: "2026-11-28T09:00:00.000Z",
    });
    const closure = await db.closure.findFirstOrThrow({ where: { placeId: seocho.id } });
    // a closure of this place cannot be deleted through another place's page
    const other = await makeStaff(sangam.id);
    const wrongPlace = await call(
      closuresAction,
      formRequest(
        `/staff/places/${sangam.id}/closures`,
        { intent: "delete", closureId: closure.id },
        { cookie: other.cookie },
      ),
      { placeId: sangam.id },
    );
    expect(wrongPlace.status).toBe(404);
    const deleted = await call(
      closuresAction,
      formRequest(
        `/staff/places/${seocho.id}/closures`,
        { intent: "delete", closureId: closure.id },
        { cookie: staff.cookie },
      ),
      { placeId: seocho.id },
    );
    expect(deleted.status).toBe(200);
    expect(await db.closure.count({ where: { placeId: seocho.id } })).toBe(0);
  });

  it("refuses a closure ending before it starts", async () => {
    const staff = await makeStaff(seocho.id);
    const response = await call(
      closuresAction,
      formRequest(
        `/staff/places/${seocho.id}/closures`,
        { intent: "add", startDate: "2026-12-10", endDate: "2026-12-01" },
        { cookie: staff.cookie },
      ),
      { placeId: seocho.id },
    );
    expect(response.status).toBe(400);
    expect((response.data as { result: Reply }).result.error?.endDate).toEqual([
      "places:closures.errors.endBeforeStart",
    ]);
    expect(await db.closure.count({ where: { placeId: seocho.id } })).toBe(0);
  });
});

describe("importing a facility list", () => {
  const csv = (text: string, name = "shelters.csv") => new File([text], name, { type: "text/csv" });
  const HEADER = "시설명,주소,자치구,위도,경도,전화번호,운영시간";
  const importFile = async (
    file: File,
    intent: "check" | "import",
    cookie: string,
    kind = "rest_shelter",
  ) =>
    call(
      importAction,
      multipartRequest("/staff/places/import", { file, intent, kind }, { cookie }),
    );

  it("checks a file without changing anything, then imports it row by row", async () => {
    const admin = await makeAdmin();
    const file = [
      HEADER,
      "휴서울노동자쉼터 합정쉼터,서울특별시 마포구 합정동 123,마포구,37.5497,126.914,02-333-4444,매일 08:30~06:00",
      "강남 이동노동자 쉼터,서울특별시 강남구 역삼동,강남구,37.5006,127.0364,,평일 19:00~05:00; 토 19:00~02:00",
      "고장난 쉼터,서울특별시 중구,중구,abc,126.98,,",
    ].join("\n");
    const before = await db.place.count();
    const checked = await importFile(csv(file), "check", admin.cookie);
    expect(checked.status).toBe(200);
    const report = (checked.data as { report: { outcome: string; line: number }[] }).report;
    expect(report.map((row) => [row.line, row.outcome])).toEqual([
      [2, "updated"],
      [3, "created"],
      [4, "refused"],
    ]);
    expect(await db.place.count()).toBe(before);

    const imported = await importFile(csv(file), "import", admin.cookie);
    expect(imported.status).toBe(200);
    expect(await db.place.count()).toBe(before + 1);
    const hapjeong = await db.place.findUniqueOrThrow({
      where: { slug: "hapjeong-shelter" },
      include: { openingHours: true },
    });
    expect(hapjeong).toMatchObject({
      addressKo: "서울특별시 마포구 합정동 123",
      phone: "02-333-4444",
    });
    // no English columns: the English name stays
    expect(hapjeong.nameEn).toBe("Hyu-Seoul Workers' Shelter Hapjeong");
    const gangnam = await db.place.findFirstOrThrow({
      where: { nameKo: "강남 이동노동자 쉼터" },
      include: { openingHours: true, closures: true },
    });
    expect(gangnam).toMatchObject({
      kind: "rest_shelter",
      district: "gangnam",
      isSampleData: false,
    });
    expect(gangnam.openingHours).toHaveLength(6);
    // the file's facts come from it ("public", this import); what it does not give is assumed
    const sources = async (placeId: string) =>
      Object.fromEntries(
        (
          await db.placeFact.findMany({
            where: { placeId },
            select: { fact: true, source: true, reference: true },
          })
        ).map((f) => [f.fact, f.reference ? `${f.source}: ${f.reference}` : f.source]),
      );
    expect(await sources(gangnam.id)).toEqual({
      address: expect.stringMatching(/^public: CSV import \d{4}-\d{2}-\d{2}$/),
      coordinates: expect.stringMatching(/^public: CSV import/),
      days: expect.stringMatching(/^public: CSV import/),
      hours: expect.stringMatching(/^public: CSV import/),
      phone: "assumed",
      capacity: "assumed",
    });
    // an existing place keeps the source of what the file does not give
    expect(await sources(hapjeong.id)).toMatchObject({
      phone: expect.stringMatching(/^public: CSV import/),
      capacity: expect.stringMatching(/^report: /),
    });
    // Friday 19:00 → Saturday 05:00, then Saturday's own 19:00 → Sunday 02:00
    const hours = { weekly: gangnam.openingHours, closures: [], closedOnPublicHolidays: true };
    expect(isOpenAt(hours, new Date("2026-11-27T19:30:00Z"))).toBe(true); // Sat 04:30
    expect(isOpenAt(hours, new Date("2026-11-28T16:30:00Z"))).toBe(true); // Sun 01:30
    expect(isOpenAt(hours, new Date("2026-11-28T17:30:00Z"))).toBe(false); // Sun 02:30
    const found = await call(
      placesLoader,
      getRequest(`/places?q=${encodeURIComponent("ㄱㄴ ㅇㄷ")}`),
    );
    expect(slugs(found.data)).toContain(gangnam.slug);
    const audit = await listAuditEvents({ action: "place.import" });
    expect(audit.at(-1)?.metadata).toBe(
      JSON.stringify({
        kind: "rest_shelter",
        created: 1,
        updated: 1,
        refused: 1,
        appliedRows: 2,
        complete: true,
      }),
    );
  });

  it("changes nothing when the file is malformed", async () => {
    const admin = await makeAdmin();
    const before = await db.place.findMany({ orderBy: { id: "asc" } });
    for (const text of [
      `${HEADER}\n"닫히지 않은 따옴표,서울,중구,37.56,126.98,,`,
      "이름,주소\n쉼터,서울",
      `${HEADER}\n쉼터,서울,중구,37.56`,
      "",
    ]) {
      const response = await importFile(csv(text), "import", admin.cookie);
      expect(response.status, text).toBe(400);
    }
    expect(await db.place.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("reads EUC-KR files, as the city's open data often comes", async () => {
    const admin = await makeAdmin();
    const text = `${HEADER}\n관악 쉼터,서울특별시 관악구,관악구,37.4784,126.9516,,`;
    // the same text in EUC-KR (encoded with Python's codec; Node has no EUC-KR encoder)
    const bytes = new Uint8Array(
      Buffer.from(
        "bdc3bcb3b8ed2cc1d6bcd22cc0dac4a1b1b82cc0a7b5b52cb0e6b5b52cc0fcc8adb9f8c8a32cbfeebfb5bdc3b0a30ab0fcbec720bdb0c5cd2cbcadbfefc6afbab0bdc320b0fcbec7b1b82cb0fcbec7b1b82c33372e343738342c3132362e393531362c2c",
        "hex",
      ),
    );
    expect(new TextDecoder("euc-kr").decode(bytes)).toBe(text);
    const response = await importFile(new File([bytes], "euc-kr.csv"), "import", admin.cookie);
    expect(response.status).toBe(200);
    expect(await db.place.count({ where: { nameKo: "관악 쉼터", district: "gwanak" } })).toBe(1);
  });

  it("is for admins only", async () => {
    const staff = await makeStaff(seocho.id);
    const before = await db.place.count();
    const response = await importFile(
      csv(`${HEADER}\n몰래 쉼터,서울 중구,중구,37.56,126.98,,`),
      "import",
      staff.cookie,
    );
    expect(response.status).toBe(403);
    expect(await db.place.count()).toBe(before);
  });
});

describe("paging a larger directory", () => {
  it("applies 'open now' before paging, so every page is full and correct", async () => {
    setTestNow(WEDNESDAY_2AM);
    const admin = await makeAdmin();
    const mapoBefore = await db.place.count({ where: { kind: "rest_shelter", district: "mapo" } });
    // 45 more shelters in Mapo; two in three run overnight (open at 02:00)
    const rows = Array.from({ length: 45 }, (_, i) =>
      [
        `페이지 쉼터 ${String(i).padStart(2, "0")}`,
        "서울특별시 마포구",
        "마포구",
        37.55 + i / 1000,
        126.91,
        "",
        i % 3 === 2 ? "매일 09:00~18:00" : "매일 20:00~04:00",
      ].join(","),
    );
    const file = new File(
      [["시설명,주소,자치구,위도,경도,전화번호,운영시간", ...rows].join("\n")],
      "many.csv",
    );
    const imported = await call(
      importAction,
      multipartRequest(
        "/staff/places/import",
        { file, intent: "import", kind: "rest_shelter", subKind: "mobile" },
        { cookie: admin.cookie },
      ),
    );
    expect(imported.status).toBe(200);

    const openMapo = await db.place.findMany({
      where: { kind: "rest_shelter", district: "mapo" },
      include: { openingHours: true, closures: true },
    });
    const expected = openMapo
      .filter((place) =>
        isOpenAt(
          {
            weekly: place.openingHours,
            closures: place.closures,
            closedOnPublicHolidays: place.closedOnPublicHolidays,
          },
          WEDNESDAY_2AM,
        ),
      )
      .map((place) => place.slug)
      .sort();
    // Hapjeong, the 30 overnight ones (and Sangam, whose hours an earlier test changed)
    expect(expected.length).toBeGreaterThan(30);

    const seen: string[] = [];
    for (const page of [1, 2]) {
      const response = await call(
        sheltersLoader,
        getRequest(`/shelters?open=now&district=mapo&page=${page}`),
      );
      const result = (response.data as { result: PlaceSearchResult }).result;
      expect(result.total).toBe(expected.length);
      expect(result.pageCount).toBe(2);
      expect(result.items).toHaveLength(page === 1 ? 20 : expected.length - 20);
      expect(result.items.every((item) => item.status.open)).toBe(true);
      seen.push(...result.items.map((item) => item.slug));
    }
    expect(seen.sort()).toEqual(expected);

    const all = await call(sheltersLoader, getRequest("/shelters?district=mapo&page=3"));
    const third = (all.data as { result: PlaceSearchResult }).result;
    expect(third.total).toBe(mapoBefore + 45);
    expect(third.items).toHaveLength(mapoBefore + 45 - 40);
    const beyond = await call(sheltersLoader, getRequest("/shelters?district=mapo&page=99"));
    expect((beyond.data as { result: PlaceSearchResult }).result.page).toBe(3);
  });
});

describe("a place's services", () => {
  const COUNSELING = {
    kind: "counseling",
    nameKo: "야간 노동 상담",
    nameEn: "Night labor counseling",
    descriptionKo: "대리운전 노동자를 위한 상담",
    durationMinutes: "30",
    bookable: "on",
    active: "on",
  };
  const inDirectory = async (service: string) =>
    slugs(
      (await call(placesLoader, getRequest(`/places?kind=rest_shelter&service=${service}`))).data,
    );

  it("lets the place's staff add one, which the directory's service filter then finds", async () => {
    const staff = await makeStaff(seocho.id);
    expect(await inDirectory("counseling")).not.toContain("seocho-shelter");
    const added = await call(
      addServiceAction,
      formRequest(`/staff/places/${seocho.id}/services`, COUNSELING, { cookie: staff.cookie }),
      { placeId: seocho.id },
    );
    expect(added.status).toBe(302);
    expect(added.location).toBe(`/staff/places/${seocho.id}/services?added=1`);
    const service = await db.service.findFirstOrThrow({
      where: { placeId: seocho.id, nameEn: "Night labor counseling" },
    });
    expect(service).toMatchObject({ kind: "counseling", bookable: true, durationMinutes: 30 });
    expect(service.slug).toMatch(/^night-labor-counseling-[0-9a-f]{6}$/);
    expect(await inDirectory("counseling")).toContain("seocho-shelter");
    const events = await listAuditEvents({ subjectId: service.id, action: "place.service_add" });
    expect(events).toHaveLength(1);

    // no longer offered: hidden from the filter, history kept
    const edited = await call(
      editServiceAction,
      formRequest(
        `/staff/places/${seocho.id}/services/${service.id}`,
        { ...COUNSELING, active: "" },
        { cookie: staff.cookie },
      ),
      { placeId: seocho.id, serviceId: service.id },
    );
    expect(edited.status).toBe(302);
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).active).toBe(false);
    expect(await inDirectory("counseling")).not.toContain("seocho-shelter");
    const listed = await call(
      servicesLoader,
      getRequest(`/staff/places/${seocho.id}/services`, { cookie: staff.cookie }),
      { placeId: seocho.id },
    );
    expect((listed.data as { services: { id: string }[] }).services.map((s) => s.id)).toContain(
      service.id,
    );
  });

  it("refuses bad input with messages, keeping what was typed, and writes nothing", async () => {
    const staff = await makeStaff(seocho.id);
    const before = await db.service.count({ where: { placeId: seocho.id } });
    const cases: [Record<string, string>, string, string][] = [
      [{ ...COUNSELING, kind: "massage" }, "kind", "validation:invalidChoice"],
      [{ ...COUNSELING, nameKo: " " }, "nameKo", "validation:required"],
      [
        { ...COUNSELING, durationMinutes: "" },
        "durationMinutes",
        "places:serviceForm.errors.durationForBooking",
      ],
      [
        { ...COUNSELING, durationMinutes: "5" },
        "durationMinutes",
        "places:serviceForm.errors.duration",
      ],
      [
        { ...COUNSELING, durationMinutes: "abc" },
        "durationMinutes",
        "places:serviceForm.errors.duration",
      ],
      [{ ...COUNSELING, descriptionKo: "가".repeat(1001) }, "descriptionKo", "validation:tooLong"],
    ];
    for (const [fields, field, message] of cases) {
      const refused = await call(
        addServiceAction,
        formRequest(`/staff/places/${seocho.id}/services`, fields, { cookie: staff.cookie }),
        { placeId: seocho.id },
      );
      expect(refused.status, field).toBe(400);
      const reply = (refused.data as { result: Reply & { initialValue?: Record<string, unknown> } })
        .result;
      expect(reply.error?.[field], field).toEqual([message]);
      expect(reply.initialValue?.nameEn).toBe(fields.nameEn);
    }
    expect(await db.service.count({ where: { placeId: seocho.id } })).toBe(before);
  });

  it("sets a yearly limit per resident that the booking page shows, refuses bad limits, clears it", async () => {
    const staff = await makeStaff(seocho.id);
    const service = await db.service.create({
      data: {
        slug: `fittings-${Date.now()}`,
        placeId: seocho.id,
        kind: "counseling",
        nameKo: "정장 대여",
        nameEn: "Suit fittings",
        bookable: true,
        durationMinutes: 30,
      },
    });
    const path = `/staff/places/${seocho.id}/services/${service.id}`;
    const params = { placeId: seocho.id, serviceId: service.id };
    const save = (fields: Record<string, string>, cookie = staff.cookie) =>
      call(editServiceAction, formRequest(path, { ...COUNSELING, ...fields }, { cookie }), params);
    const limitNow = async () =>
      (await db.service.findUniqueOrThrow({ where: { id: service.id } })).yearlyLimitPerResident;
    const audits = () => listAuditEvents({ subjectId: service.id, action: "place.service_update" });
    const bookingPage = async () =>
      (
        (await call(bookLoader, getRequest(`/book/${service.slug}`), { serviceSlug: service.slug }))
          .data as { service: { yearlyLimitPerResident: number | null } }
      ).service.yearlyLimitPerResident;

    expect(await bookingPage()).toBeNull();
    expect((await save({ yearlyLimitPerResident: "10" })).status).toBe(302);
    expect(await limitNow()).toBe(10);
    expect(await bookingPage()).toBe(10);
    const [audit] = await audits();
    expect(JSON.parse(audit!.metadata)).toMatchObject({
      yearlyLimitBefore: null,
      yearlyLimitPerResident: 10,
    });
    // the edit form shows the limit as saved
    const form = await call(serviceLoader, getRequest(path, { cookie: staff.cookie }), params);
    expect((form.data as { service: { yearlyLimitPerResident: number } }).service).toMatchObject({
      yearlyLimitPerResident: 10,
    });

    for (const bad of ["0", "367", "2.5", "-3", "abc", "1e9"]) {
      const refused = await save({ yearlyLimitPerResident: bad });
      expect(refused.status, bad).toBe(400);
      const reply = (refused.data as { result: Reply & { initialValue?: Record<string, unknown> } })
        .result;
      expect(reply.error?.yearlyLimitPerResident, bad).toEqual([
        "places:serviceForm.errors.yearlyLimit",
      ]);
      expect(reply.initialValue?.yearlyLimitPerResident, bad).toBe(bad);
    }
    expect(await limitNow()).toBe(10);
    expect(await audits()).toHaveLength(1);
    // another place's staff cannot change it
    const other = await makeStaff(sangam.id);
    expect((await save({ yearlyLimitPerResident: "1" }, other.cookie)).status).toBe(403);
    expect(await limitNow()).toBe(10);

    // empty: no limit any more, and the booking page says nothing about one
    expect((await save({ yearlyLimitPerResident: "" })).status).toBe(302);
    expect(await limitNow()).toBeNull();
    expect(await bookingPage()).toBeNull();
    const latest = (await audits()).at(-1)!;
    expect(JSON.parse(latest.metadata)).toMatchObject({
      yearlyLimitBefore: 10,
      yearlyLimitPerResident: null,
    });
  });

  it("keeps staff of another place and residents out, and another place's service unreachable", async () => {
    const otherStaff = await makeStaff(sangam.id);
    const resident = await makeResident();
    const residentCookie = await sessionCookieFor(resident.id);
    const seochoService = await db.service.create({
      data: {
        slug: `svc-${Date.now()}`,
        placeId: seocho.id,
        kind: "counseling",
        nameKo: "상담",
        nameEn: "Counseling",
      },
    });
    for (const cookie of [otherStaff.cookie, residentCookie]) {
      const add = await call(
        addServiceAction,
        formRequest(`/staff/places/${seocho.id}/services`, COUNSELING, { cookie }),
        { placeId: seocho.id },
      );
      expect(add.status).toBe(403);
    }
    // Sangam's staff naming Seocho's service under their own place: not found, unchanged
    const sneaky = await call(
      editServiceAction,
      formRequest(
        `/staff/places/${sangam.id}/services/${seochoService.id}`,
        { ...COUNSELING, nameKo: "바뀜" },
        { cookie: otherStaff.cookie },
      ),
      { placeId: sangam.id, serviceId: seochoService.id },
    );
    expect(sneaky.status).toBe(404);
    const view = await call(
      serviceLoader,
      getRequest(`/staff/places/${sangam.id}/services/${seochoService.id}`, {
        cookie: otherStaff.cookie,
      }),
      { placeId: sangam.id, serviceId: seochoService.id },
    );
    expect(view.status).toBe(404);
    expect((await db.service.findUniqueOrThrow({ where: { id: seochoService.id } })).nameKo).toBe(
      "상담",
    );
  });
});
