// Public jobs at city scale: 20,000 postings and 200,000 applications, seeded here, then the
// production build under 20 connections: the search with a Korean query and two filters (the
// page, its client-navigation data and the JSON API), and the staff applicant list of a posting
// with 10,000 applicants (25 a page). Run with `npx tsx tests/bench/run.ts jobs` (or `npm run bench`).
import { buildSearchText } from "../../app/domain/shared/korean-search";
import { addDays, seoulDate, seoulInstant } from "../../app/domain/shared/seoul-time";
import { SEOUL_DISTRICTS } from "../../app/domain/residents/districts";
import { seed } from "../../prisma/seed";
import { ELIGIBILITY } from "../../prisma/seed/places";
import { benchDatabase, load, printResults, startServer } from "./support";

const POSTINGS = 20_000;
const RESIDENTS = 20_000;
const APPLICATIONS = 200_000;
const LARGE_POSTING_APPLICANTS = 10_000;

const { url, db, close } = await benchDatabase("jobs");
const started = Date.now();
await seed(db, { demoAccounts: true });
const now = new Date();
const today = seoulDate(now);
const city = await db.organization.findUniqueOrThrow({ where: { slug: "seoul-city" } });
const others = await db.organization.findMany({ where: { slug: { not: "seoul-city" } }, take: 10 });
const organizations = [city.id, ...others.map((o) => o.id)];
const criteria = [
  null,
  ELIGIBILITY.newDeal.id,
  ELIGIBILITY.regionalYouth.id,
  ELIGIBILITY.publicWork.id,
];

const KINDS = ["new_deal", "new_deal", "regional_youth", "other_public"] as const;
const CATEGORIES = [
  "city",
  "district",
  "private_city_department",
  "private_public_specialised",
  "private_company_tailored",
  "private_youth_idea",
];
const DUTIES = [
  ["공공데이터 품질관리", "open-data quality"],
  ["공원 생태 해설", "park ecology guide"],
  ["골목상권 온라인 홍보", "alley-market promotion"],
  ["청년공간 프로그램 운영", "youth-space programmes"],
  ["복지관 디지털 안내", "digital help desk"],
  ["노동권익 상담 보조", "labor-rights counseling assistant"],
  ["웹 서비스 개발", "web development"],
  ["업사이클링 공방 운영", "upcycling workshop"],
  ["도서관 자료 정리", "library archive work"],
  ["어린이 통학로 안전", "school-route safety"],
] as const;

// Deterministic pseudo-random picks, so every combination of district, duty and kind occurs.
let state = 20_261_125;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// ── 20,000 postings ──
const postingIds: string[] = [];
for (let batch = 0; batch < POSTINGS / 1000; batch += 1) {
  const rows = Array.from({ length: 1000 }, (_, j) => {
    const i = batch * 1000 + j;
    const kind = pick(KINDS);
    const district = pick(SEOUL_DISTRICTS);
    const [dutyKo, dutyEn] = pick(DUTIES);
    const opensIn = Math.floor(random() * 40) - 30; // most open now, some upcoming, some closed
    const titleKo = `${district.ko} ${dutyKo} 매니저 ${i}`;
    const titleEn = `${district.code}-gu ${dutyEn} manager ${i}`;
    const descriptionKo = `${dutyKo} 업무. 서울시 생활임금 적용, 직무교육과 취업 지원.`;
    const descriptionEn = `${dutyEn}. Seoul living wage, job training and employment support.`;
    const id = `bench-posting-${i}`;
    postingIds.push(id);
    return {
      id,
      slug: id,
      organizationId: organizations[i % organizations.length]!,
      district: district.code,
      kind,
      newDealCategory: kind === "new_deal" ? pick(CATEGORIES) : null,
      titleKo,
      titleEn,
      descriptionKo,
      descriptionEn,
      positions: 5 + (i % 50),
      hourlyWageKrw: 9220 + (i % 12) * 100,
      hoursPerDay: 8,
      daysPerWeek: 5,
      durationMonths: 12,
      startDate: addDays(today, opensIn + 40),
      endDate: addDays(today, opensIn + 400),
      applicationOpensAt: seoulInstant(addDays(today, opensIn), "09:00"),
      applicationClosesAt: seoulInstant(addDays(today, opensIn + 20), "18:00"),
      eligibilityId: pick(criteria),
      status: "published",
      publishedAt: seoulInstant(addDays(today, opensIn - 3), "10:00"),
      searchText: buildSearchText([
        titleKo,
        titleEn,
        descriptionKo,
        descriptionEn,
        district.ko,
        `${district.code}-gu`,
      ]),
    };
  });
  await db.posting.createMany({ data: rows });
}

// ── 20,000 residents, 200,000 applications; the first posting gets 10,000 of them ──
for (let batch = 0; batch < RESIDENTS / 2000; batch += 1) {
  await db.resident.createMany({
    data: Array.from({ length: 2000 }, (_, j) => {
      const i = batch * 2000 + j;
      return {
        id: `bench-resident-${i}`,
        email: `bench-${i}@example.test`,
        name: `지원자 ${i}`,
        birthDate: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
        district: SEOUL_DISTRICTS[i % SEOUL_DISTRICTS.length]!.code,
        employmentStatus: "unemployed",
        registeredJobSeeker: true,
        hasRegularIncome: false,
      };
    }),
  });
}
const large = postingIds[0]!;
const perResident = APPLICATIONS / RESIDENTS;
const snapshot = JSON.stringify({
  judgedOn: today,
  facts: { birthDate: "1990-01-01", district: "mapo", employmentStatus: "unemployed" },
});
let buffer: {
  residentId: string;
  postingId: string;
  status: string;
  motivation: string;
  profileSnapshot: string;
  contactConsent: boolean;
  submittedAt: Date;
}[] = [];
const STATUSES = ["submitted", "submitted", "under_review", "waitlisted", "rejected"];
for (let r = 0; r < RESIDENTS; r += 1) {
  const targets = new Set<number>();
  if (r < LARGE_POSTING_APPLICANTS) targets.add(0);
  for (let k = 1; targets.size < perResident; k += 1)
    targets.add(1 + ((r * 7 + k * 1931) % (POSTINGS - 1)));
  for (const target of targets) {
    buffer.push({
      residentId: `bench-resident-${r}`,
      postingId: postingIds[target]!,
      status: STATUSES[(r + target) % STATUSES.length]!,
      motivation: "성실하게 일하겠습니다.",
      profileSnapshot: snapshot,
      contactConsent: true,
      submittedAt: new Date(now.getTime() - ((r * 13 + target) % 100_000) * 1000),
    });
  }
  if (buffer.length >= 5000) {
    await db.application.createMany({ data: buffer });
    buffer = [];
  }
}
if (buffer.length) await db.application.createMany({ data: buffer });
const counts = { postings: await db.posting.count(), applications: await db.application.count() };
await close();
console.log(
  `Seeded ${counts.postings} postings and ${counts.applications} applications in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

const server = await startServer(url);
try {
  const login = await fetch(`${server.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({
      email: "staff.jobs@seoul-portal.test",
      password: "staff-jobs-2026",
    }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (login.status !== 302 || !cookie) throw new Error(`staff login failed: ${login.status}`);

  // a Korean query (a partial word) plus two filters
  const search = `q=${encodeURIComponent("데이터")}&kind=new_deal&district=mapo`;
  const titles = {
    home: "GET / (home page, for comparison)",
    page: "GET /jobs?q=데이터&kind=new_deal&district=mapo (SSR, shared)",
    data: "GET /jobs.data?… (client navigation)",
    api: "GET /api/postings?… (JSON)",
    applicants: "GET /staff/postings/:id/applicants (10,000 applicants)",
    applicantsFiltered: "… ?status=waitlisted&page=5",
  };
  const check = await fetch(`${server.url}/api/postings?${search}`);
  console.log(`Search finds ${((await check.json()) as { total: number }).total} postings`);
  const results = [
    // the same machine's baseline at the same moment (other work on it moves every figure)
    await load(titles.home, { url: `${server.url}/` }),
    await load(titles.page, { url: `${server.url}/jobs?${search}` }),
    await load(titles.data, { url: `${server.url}/jobs.data?${search}` }),
    await load(titles.api, { url: `${server.url}/api/postings?${search}` }),
    await load(titles.applicants, {
      url: `${server.url}/staff/postings/${large}/applicants`,
      headers: { cookie },
    }),
    await load(titles.applicantsFiltered, {
      url: `${server.url}/staff/postings/${large}/applicants?status=waitlisted&page=5`,
      headers: { cookie },
    }),
  ];
  printResults(
    "Public jobs on the production build, 20 connections, 10 s each (anonymous pages as deployed: shared for 15 s)",
    results,
    {
      [titles.page]: "p95 < 60 ms",
      [titles.data]: "p95 < 60 ms",
      [titles.api]: "p95 < 60 ms",
      [titles.applicants]: "p95 < 80 ms",
      [titles.applicantsFiltered]: "p95 < 80 ms",
    },
  );
  // A handful of staff members at once is what a posting's applicant list sees in practice.
  printResults("The applicant list with 5 connections", [
    await load(titles.applicants, {
      url: `${server.url}/staff/postings/${large}/applicants`,
      headers: { cookie },
      connections: 5,
    }),
  ]);
} finally {
  await server.stop();
}

// Every search rendered: what a logged-in resident (never shared) or a query nobody asked for in
// the last 15 s costs.
const rendering = await startServer(url, { RESPONSE_CACHE_SECONDS: "0" });
try {
  printResults("The search page with every request rendered (shared cache off), 20 connections", [
    await load("GET /jobs?q=데이터&kind=new_deal&district=mapo (rendered)", {
      url: `${rendering.url}/jobs?q=${encodeURIComponent("데이터")}&kind=new_deal&district=mapo`,
    }),
  ]);
} finally {
  await rendering.stop();
}
