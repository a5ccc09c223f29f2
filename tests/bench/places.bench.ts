// Places & maps under load on the production build, with 2,000 places besides the seed's: the
// server-rendered directory (plain, "open now", search) and the GeoJSON API (a map viewport, and
// everything). Also the JavaScript the list page loads before its map is opened, and what the map
// brings when it is. Run: npx tsx tests/bench/run.ts places (after npm run build).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type autocannon from "autocannon";
import { seed } from "../../prisma/seed";
import { SEOUL_DISTRICTS } from "../../app/domain/residents/districts";
import { buildSearchText } from "../../app/domain/shared/korean-search";
import { ROOT } from "../setup/paths";
import { benchDatabase, initialJavaScriptBytes, load, printResults, startServer } from "./support";

const PLACES = 2000;
const { url, db, close } = await benchDatabase("places");
await seed(db, { demoAccounts: false });

// A deterministic spread of places over Seoul: kinds in the proportions of the real directory,
// each in the district whose office is nearest, with a mix of day, evening and overnight hours.
let state = 20261126;
const random = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
};
const KINDS: Array<[string, string, string[], number]> = [
  ["job_cafe", "일자리카페", ["private", "university", "public"], 0.45],
  ["rest_shelter", "노동자 쉼터", ["designated_driver", "courier", "mobile", "media"], 0.2],
  ["labor_center", "노동상담소", ["district", "ombudsman"], 0.15],
  ["job_center", "일자리센터", [], 0.1],
  ["training_institute", "기술교육원", [], 0.1],
];
const HOURS = [
  { days: [1, 2, 3, 4, 5], opens: "09:00", closes: "18:00" },
  { days: [1, 2, 3, 4, 5, 6], opens: "10:00", closes: "22:00" },
  { days: [1, 2, 3, 4, 5, 6, 7], opens: "18:00", closes: "06:00" },
  { days: [1, 2, 3, 4, 5, 6, 7], opens: "08:30", closes: "06:00" },
  { days: [1, 2, 3, 4, 5], opens: "09:30", closes: "18:00" },
];
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;

const places = [];
const hours = [];
const services = [];
for (let i = 0; i < PLACES; i += 1) {
  let roll = random();
  const [kind, kindKo, subKinds] = KINDS.find(([, , , share]) => (roll -= share) < 0) ?? KINDS[0]!;
  const lat = 37.45 + random() * 0.22;
  const lng = 126.82 + random() * 0.32;
  const district = SEOUL_DISTRICTS.reduce((best, d) =>
    (d.lat - lat) ** 2 + (d.lng - lng) ** 2 < (best.lat - lat) ** 2 + (best.lng - lng) ** 2
      ? d
      : best,
  );
  const id = `bench-place-${i}`;
  const nameKo = `${district.ko} ${kindKo} ${i}`;
  const nameEn = `${district.code} ${kind.replace("_", " ")} ${i}`;
  places.push({
    id,
    slug: `bench-${kind.replace("_", "-")}-${i}`,
    kind,
    subKind: subKinds.length ? pick(subKinds) : null,
    nameKo,
    nameEn,
    addressKo: `서울특별시 ${district.ko} 예시로 ${i}`,
    addressEn: `${i} Example-ro, ${district.code}-gu, Seoul`,
    district: district.code,
    latitude: Math.round(lat * 1e4) / 1e4,
    longitude: Math.round(lng * 1e4) / 1e4,
    isSampleData: true,
    closedOnPublicHolidays: random() < 0.6,
    searchText: buildSearchText([nameKo, nameEn, district.ko, `${district.code}-gu`]),
  });
  const pattern = pick(HOURS);
  for (const weekday of pattern.days) hours.push({ placeId: id, weekday, ...pattern });
  if (kind === "job_cafe") {
    for (const service of ["counseling", "study_room"]) {
      services.push({
        slug: `${id}-${service}`,
        placeId: id,
        kind: service,
        nameKo: service,
        nameEn: service,
        bookable: true,
      });
    }
  }
}
for (let i = 0; i < places.length; i += 500) {
  await db.place.createMany({ data: places.slice(i, i + 500) });
}
await db.openingHours.createMany({
  data: hours.map(({ placeId, weekday, opens, closes }) => ({ placeId, weekday, opens, closes })),
});
await db.service.createMany({ data: services });
const total = await db.place.count();
await close();

// The API is rate-limited per client: the load comes from many clients (as it would in life),
// each through the one trusted proxy hop, so the limiter's database writes are measured too.
const server = await startServer(url, { TRUST_PROXY_HOPS: "1" });
const manyClients = (url: string) => ({
  url,
  requests: [
    {
      setupRequest: (request: autocannon.Request) => ({
        ...request,
        headers: {
          ...request.headers,
          "x-forwarded-for": `10.0.${Math.floor(random() * 250)}.${Math.floor(random() * 250)}`,
        },
      }),
    },
  ],
});
try {
  const ko = { headers: { "accept-language": "ko-KR" } };
  const results = [
    // the same machine's baseline in the same run: the home page renders with no database work
    await load("GET / (home page, reference)", { url: `${server.url}/`, ...ko, duration: 5 }),
    await load("GET /places (list, page 1)", { url: `${server.url}/places`, ...ko }),
    await load("GET /shelters?open=now", { url: `${server.url}/shelters?open=now`, ...ko }),
    await load("GET /places?open=now&page=5", {
      url: `${server.url}/places?open=now&page=5`,
      ...ko,
    }),
    await load("GET /cafes?q=ㅅㅊ&service=counseling", {
      url: `${server.url}/cafes?q=${encodeURIComponent("ㅅㅊ")}&service=counseling`,
      ...ko,
    }),
    await load("GET /api/places?bbox=(central Seoul)", {
      ...manyClients(`${server.url}/api/places?bbox=126.95,37.54,127.02,37.59`),
    }),
    await load("GET /api/places (everything)", {
      ...manyClients(`${server.url}/api/places`),
      duration: 8,
    }),
  ];
  printResults(
    `Places on the production build, ${total} places, 20 connections — as deployed (anonymous visitors share rendered pages for 15 s)`,
    results,
    { "GET /places (list, page 1)": "p95 < 50 ms", "GET /shelters?open=now": "p95 < 50 ms" },
  );

  // The same pages with every request rendered: what a logged-in visitor (never shared) or the
  // first visitor after a page expires costs.
  const rendering = await startServer(url, { RESPONSE_CACHE_SECONDS: "0" });
  try {
    printResults("The same pages, every request rendered (shared cache off), 20 connections", [
      await load("GET /places (list, page 1)", {
        url: `${rendering.url}/places`,
        ...ko,
        duration: 6,
      }),
      await load("GET /shelters?open=now", {
        url: `${rendering.url}/shelters?open=now`,
        ...ko,
        duration: 6,
      }),
      await load("GET /cafes?q=ㅅㅊ&service=counseling", {
        url: `${rendering.url}/cafes?q=${encodeURIComponent("ㅅㅊ")}&service=counseling`,
        ...ko,
        duration: 6,
      }),
    ]);
  } finally {
    await rendering.stop();
  }

  for (const page of ["/shelters", "/places"]) {
    const js = await initialJavaScriptBytes(`${server.url}${page}`);
    console.log(
      `${page}: JavaScript before the map is opened: ${js.files} files, ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped (target ≤ 120 KB)`,
    );
  }
  const assets = path.join(ROOT, "build/client/assets");
  const lazy = fs
    .readdirSync(assets)
    .filter((f) => /^(map|directory-map)\.client-.*\.(js|css)$|^leaflet-.*\.css$/.test(f));
  const lazyBytes = lazy.reduce(
    (sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(assets, f)), { level: 9 }).length,
    0,
  );
  console.log(
    `The map, loaded only when shown (Leaflet, clustering, react-query): ${lazy.length} files, ${(lazyBytes / 1024).toFixed(1)} KB gzipped`,
  );
} finally {
  await server.stop();
}
