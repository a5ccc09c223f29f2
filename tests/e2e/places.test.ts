// Places & maps in a real browser against the production build. The server's clock stands at
// Wednesday 25 November 2026, 02:00 in Seoul (E2E_NOW).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseUrl,
  cookiesOf,
  hydrated,
  launchBrowser,
  newPage,
  postForm,
  serverDatabase,
  signUpOverHttp,
  uniqueEmail,
} from "./support";

let browser: Browser;
// Staff roles cannot be given over HTTP (no such screen): the tests set them in the database.
const db = serverDatabase();
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TILE_SERVER = "https://tile.openstreetmap.org/**";

/** Tiles cannot load on these machines; make that certain (and quick) in every test. */
async function withoutTiles(page: Page) {
  await page.route(TILE_SERVER, (route) => route.abort());
}

async function listedNames(page: Page) {
  return page.locator(".place-list > li h3").allTextContents();
}

async function logInAs(context: BrowserContext, email: string, password: string) {
  const response = await postForm("/login", { email, password });
  if (response.status !== 302) throw new Error(`login failed: ${response.status}`);
  const url = baseUrl();
  await context.addCookies(
    cookiesOf(response)
      .split("; ")
      .map((pair) => ({
        name: pair.slice(0, pair.indexOf("=")),
        value: pair.slice(pair.indexOf("=") + 1),
        url,
      })),
  );
}

async function staffOf(placeSlug: string) {
  const resident = await signUpOverHttp(uniqueEmail("place-staff"), "쉼터 담당자");
  const place = await db.place.findUniqueOrThrow({ where: { slug: placeSlug } });
  await db.resident.update({
    where: { id: resident.id },
    data: { role: "staff", staffPlaceId: place.id },
  });
  return { ...resident, placeId: place.id };
}

for (const javaScriptEnabled of [true, false]) {
  describe(`the shelter list at 02:00 on a Wednesday (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    it("shows exactly the overnight shelters as open now", async () => {
      const { context, page } = await newPage(browser, { javaScriptEnabled });
      await page.goto("/shelters");
      if (javaScriptEnabled) await hydrated(page);
      expect(await listedNames(page)).toHaveLength(4);
      await page.getByLabel("지금 운영 중").check();
      await page.getByRole("button", { name: "검색", exact: true }).click();
      await page.waitForURL(/open=now/);
      await expect
        .poll(() => listedNames(page))
        .toEqual(["휴서울노동자쉼터 서초쉼터", "휴서울노동자쉼터 합정쉼터"].sort());
      expect(await page.locator(".directory__count").textContent()).toContain("2곳");
      const statuses = await page.locator(".place-list .place-status").allTextContents();
      expect(statuses).toEqual(["지금 운영 중 06:00까지", "지금 운영 중 06:00까지"]);
      // without JavaScript the form sends its empty fields too; the filter still holds
      if (!javaScriptEnabled) expect(new URL(page.url()).searchParams.get("open")).toBe("now");
      await context.close();
    });

    it("filters by kind, district and search text, pages, and opens a place", async () => {
      const { context, page } = await newPage(browser, { javaScriptEnabled });
      await page.goto("/places");
      if (javaScriptEnabled) await hydrated(page);
      expect(await page.locator(".directory__count").textContent()).toMatch(/\d+곳/);
      // 69 places, 20 a page
      await page
        .getByRole("navigation", { name: "페이지" })
        .getByRole("link", { name: "다음" })
        .click();
      await page.waitForURL(/page=2/);
      await expect
        .poll(() =>
          page
            .getByRole("navigation", { name: "페이지" })
            .locator('[aria-current="page"]')
            .textContent(),
        )
        .toBe("2쪽 (현재)");
      expect(await listedNames(page)).toHaveLength(20);

      await page.goto("/cafes");
      if (javaScriptEnabled) await hydrated(page);
      await page.getByLabel("세부 종류").selectOption("university");
      await page.getByLabel("자치구").selectOption("seongbuk");
      await page.getByRole("button", { name: "검색", exact: true }).click();
      await page.waitForURL(/district=seongbuk/);
      await expect.poll(() => listedNames(page)).toEqual(["성북 대학가 일자리카페 (예시)"]);

      await page.goto("/shelters");
      if (javaScriptEnabled) await hydrated(page);
      await page.getByLabel("이름·주소 검색").fill("ㅅㅊ");
      await page.getByRole("button", { name: "검색", exact: true }).click();
      await page.waitForURL(/q=/);
      await expect.poll(() => listedNames(page)).toEqual(["휴서울노동자쉼터 서초쉼터"]);
      await page.getByRole("link", { name: "휴서울노동자쉼터 서초쉼터" }).click();
      await page.waitForURL("**/places/seocho-shelter");
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe("휴서울노동자쉼터 서초쉼터");
      expect(await page.locator("div.place-status").textContent()).toBe("지금 운영 중 06:00까지");
      await context.close();
    });
  });
}

describe("keyboard only", () => {
  it("uses the filters from the keyboard, with visible focus, and announces the results", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/shelters");
    await hydrated(page);
    const focused = () => page.evaluate(() => document.activeElement?.id);
    const outline = () =>
      page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    await page.getByLabel("이름·주소 검색").focus();
    expect(await outline()).toBe("solid");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("place-filter-sub");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("place-filter-district");
    expect(await outline()).toBe("solid");
    // "모든 자치구", then the 25 districts in order: Mapo is the 14th
    for (let i = 0; i < 14; i += 1) await page.keyboard.press("ArrowDown");
    expect(await page.getByLabel("자치구").inputValue()).toBe("mapo");
    await page.keyboard.press("Tab"); // the checked radio of "운영 시간"
    expect(await focused()).toBe("place-filter-open-any");
    await page.keyboard.press("ArrowDown");
    expect(await page.getByLabel("지금 운영 중").isChecked()).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/open=now/);
    expect(new URL(page.url()).searchParams.get("district")).toBe("mapo");
    const status = page.locator(".directory__count");
    expect(await status.getAttribute("role")).toBe("status");
    await expect.poll(() => status.textContent()).toBe("1곳");
    expect(await listedNames(page)).toEqual(["휴서울노동자쉼터 합정쉼터"]);
    await context.close();
  });
});

describe("bad filters", () => {
  it("shows a clear message and the unfiltered list, never an error page", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    const response = await page.goto(
      "/shelters?district=gotham&open=at&date=2026-02-30&time=10:00",
    );
    expect(response?.status()).toBe(400);
    const alert = page.getByRole("alert");
    expect(await alert.textContent()).toContain("'gotham'은(는) 서울의 자치구가 아닙니다.");
    expect(await alert.textContent()).toContain("날짜가 올바르지 않습니다");
    expect(await listedNames(page)).toHaveLength(4);
    await context.close();
  });
});

describe("the map", () => {
  it("arrives only when asked for, and shows markers and clusters without tiles", async () => {
    const { context, page } = await newPage(browser);
    await withoutTiles(page);
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    await page.goto("/cafes");
    await hydrated(page);
    expect(scripts.some((url) => /map\.client|leaflet/i.test(url))).toBe(false);
    expect(await page.locator('link[href*="leaflet"]').count()).toBe(0);

    await page.getByRole("button", { name: "지도 보기" }).click();
    await page.waitForSelector(".leaflet-container");
    expect(scripts.some((url) => /map\.client/.test(url))).toBe(true);
    expect(await page.locator('link[href*="leaflet"]').count()).toBe(1);
    // markers (by kind) and clusters, each with an accessible name
    await expect
      .poll(() => page.locator(".place-marker, .place-cluster").count())
      .toBeGreaterThan(3);
    expect(await page.locator(".place-cluster").count()).toBeGreaterThan(0);
    const firstCluster = page.locator(".place-cluster").first();
    expect(await firstCluster.getAttribute("role")).toBe("button");
    expect(await firstCluster.textContent()).toMatch(/장소 \d+곳 모음/);
    expect(await page.locator(".place-marker.kind-job_cafe").count()).toBeGreaterThan(0);
    // the same filtered set: 32 cafés in Seoul's view, no other kind
    await expect
      .poll(() => page.locator(".places-map__status").textContent())
      .toBe("지도 범위 안에 32곳");
    expect(await page.locator(".place-marker:not(.kind-job_cafe)").count()).toBe(0);
    // the map says tiles are unavailable; zoom controls still work
    await expect
      .poll(() => page.locator(".places-map__tiles-notice").textContent())
      .toContain("지도 배경(타일)을 불러올 수 없습니다");
    const markersBefore = await page.locator(".place-marker").count();
    await page.getByRole("button", { name: "확대", exact: true }).click();
    await expect.poll(() => page.locator(".place-marker").count()).toBeGreaterThan(markersBefore);
    await context.close();
  });

  it("keeps the list and the map in step: choosing one highlights the other", async () => {
    const { context, page } = await newPage(browser);
    await withoutTiles(page);
    await page.goto("/shelters");
    await hydrated(page);
    await page.getByRole("button", { name: "지도 보기" }).click();
    await page.waitForSelector(".leaflet-container");
    await expect
      .poll(() => page.locator(".places-map__status").textContent())
      .toBe("지도 범위 안에 4곳");

    // map → list: choosing a marker (here from the keyboard) highlights its list entry
    const seocho = page.locator("#place-seocho-shelter");
    const seochoMarker = page.getByRole("button", { name: /서초쉼터/ });
    await seochoMarker.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => seocho.getAttribute("class")).toContain("is-selected");
    await expect.poll(() => page.locator(".leaflet-popup").textContent()).toContain("서초쉼터");
    // the focus is not dropped to the page: it moves to the popup's link to the place
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest(".leaflet-popup") !== null))
      .toBe(true);
    // the controls speak the page's language, and an open place is told by a shape, not colour
    expect(await page.locator(".leaflet-control-zoom-in").getAttribute("title")).toBe("확대");
    expect(await page.locator(".leaflet-control-zoom-out").getAttribute("title")).toBe("축소");
    const badges = await page
      .locator(".place-marker")
      .evaluateAll((markers) =>
        markers.map((marker) => [
          marker.classList.contains("is-open"),
          getComputedStyle(marker, "::after").content,
        ]),
      );
    for (const [open, badge] of badges) expect(badge).toBe(open ? '"✓"' : "none");

    // list → map: Sangam sits in a cluster with Hapjeong; the map opens it up and singles it out
    const sangam = page.locator("#place-sangam-shelter");
    await sangam.getByRole("button", { name: "지도에서 보기" }).click();
    await expect.poll(() => page.locator(".leaflet-popup").textContent()).toContain("상암쉼터");
    await expect
      .poll(() => page.locator(".place-marker.is-selected").getAttribute("class"))
      .toContain("kind-rest_shelter");
    expect(await sangam.getAttribute("class")).toContain("is-selected");
    expect(await seocho.getAttribute("class")).not.toContain("is-selected");
    await context.close();
  });

  it("shows where a place is on its own page", async () => {
    const { context, page } = await newPage(browser);
    await withoutTiles(page);
    await page.goto("/places/hapjeong-shelter");
    await hydrated(page);
    await page.waitForSelector(".leaflet-container");
    expect(await page.getByRole("region", { name: /합정쉼터의 위치/ }).count()).toBe(1);
    expect(await page.locator(".place-marker").count()).toBe(1);
    await context.close();
  });
});

describe("near me", () => {
  it("sorts by distance from the browser's position when allowed", async () => {
    const context = await browser.newContext({
      baseURL: baseUrl(),
      locale: "ko-KR",
      viewport: { width: 390, height: 844 },
      geolocation: { latitude: 37.5796, longitude: 126.8893 }, // beside the Sangam shelter
      permissions: ["geolocation"],
    });
    const page = await context.newPage();
    await page.goto("/shelters");
    await hydrated(page);
    await page.getByRole("button", { name: "내 주변" }).click();
    await page.waitForURL(/near=/);
    // rounded to about 100 m: a shared link does not give away a doorstep
    expect(new URL(page.url()).searchParams.get("near")).toBe("37.58,126.889");
    // at 2 a.m. the nearest open shelter comes first; the nearest of all (Sangam, closed at
    // night) leads the closed ones
    await expect.poll(async () => (await listedNames(page))[0]).toBe("휴서울노동자쉼터 합정쉼터");
    expect(
      await page
        .locator(".place-list > li")
        .filter({ has: page.locator(".place-status.is-closed") })
        .first()
        .locator("h3")
        .textContent(),
    ).toBe("휴서울노동자쉼터 상암쉼터 (미디어노동자 쉼터)");
    expect(await page.locator(".place-card__distance").last().textContent()).toMatch(
      /^\d+(\.\d)?k?m$/,
    );
    expect(await page.locator(".directory__count").textContent()).toContain("가까운 순");
    await context.close();
  });

  it("falls back to choosing a district when the position is refused", async () => {
    const { context, page } = await newPage(browser); // no geolocation permission
    await page.goto("/shelters");
    await hydrated(page);
    await page.getByRole("button", { name: "내 주변" }).click();
    await expect
      .poll(() => page.locator(".directory__quick [role=status]").textContent())
      .toBe("위치를 확인할 수 없습니다. 대신 자치구를 골라 주세요.");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("place-filter-district");
    await context.close();
  });
});

describe("a place's page", () => {
  it("after midnight marks last night's hours as the ones running, on the row before today's", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto("/places/hapjeong-shelter");
    const rows = page.locator(".week-table tbody tr");
    const running = rows.filter({ has: page.locator(".now-badge") });
    expect(await running.count()).toBe(1);
    // Wednesday 02:00: Tuesday's overnight hours are running; Wednesday is today
    expect(await running.locator("th").textContent()).toContain("화요일");
    expect(
      await rows
        .filter({ has: page.locator(".today-badge") })
        .locator("th")
        .textContent(),
    ).toContain("수요일");
    await context.close();
  });

  it("puts today's status into words and links to booking", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto("/places/sangam-shelter");
    expect(await page.locator("div.place-status").textContent()).toBe(
      "지금은 닫혀 있음 오늘 09:30에 엽니다",
    );
    expect(await page.locator("tr[aria-current=date] th").textContent()).toContain("수요일");
    await page.goto("/places/seodaemun-labor-welfare-center");
    expect(
      await page.getByRole("link", { name: "이 센터에 노동상담 예약하기" }).getAttribute("href"),
    ).toBe("/labor?center=seodaemun-labor-welfare-center");
    await page.goto("/youth-center");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "서울시 청년일자리센터",
    );
    expect(await page.getByRole("link", { name: "모의 면접 예약하기" }).getAttribute("href")).toBe(
      "/book/youth-center-mock-interview",
    );
    expect((await page.goto("/places/no-such-place"))?.status()).toBe(404);
    await context.close();
  });
});

describe("GET /api/places over HTTP", () => {
  it("serves GeoJSON with an ETag, 304 when unchanged, 400 for bad parameters", async () => {
    const first = await fetch(`${baseUrl()}/api/places?kind=rest_shelter&open=now`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/geo+json; charset=utf-8");
    const body = (await first.json()) as { features: { id: string }[] };
    expect(body.features.map((f) => f.id).sort()).toEqual(["hapjeong-shelter", "seocho-shelter"]);
    const again = await fetch(`${baseUrl()}/api/places?kind=rest_shelter&open=now`, {
      headers: { "If-None-Match": first.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
    const bad = await fetch(`${baseUrl()}/api/places?bbox=1,2,3`, {
      headers: { "Accept-Language": "en" },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ problems: [{ param: "bbox" }] });
  });
});

describe("the back office", () => {
  it("lets an admin add a shelter, and its staff set overnight hours without JavaScript", async () => {
    const admin = await newPage(browser);
    await logInAs(admin.context, "admin@seoul-portal.test", "admin-portal-2026");
    await admin.page.goto("/staff/places/new");
    await hydrated(admin.page);
    const slug = `e2e-shelter-${Date.now()}`;
    await admin.page.getByLabel("주소용 이름 (영문)").fill(slug);
    await admin.page.getByLabel("장소 종류").selectOption("rest_shelter");
    await admin.page.getByLabel("세부 종류").selectOption("courier");
    await admin.page.getByLabel("이름 (한국어)").fill("을지로 퀵 쉼터");
    await admin.page.getByLabel("이름 (영어)").fill("Euljiro Courier Shelter");
    await admin.page.getByLabel("주소 (한국어)").fill("서울특별시 중구 을지로 100");
    await admin.page.getByLabel("주소 (영어)").fill("100 Euljiro, Jung-gu, Seoul");
    await admin.page.getByLabel("자치구").selectOption("jung");
    await admin.page.getByLabel("위도").fill("37.3617"); // Gunpo: not in Seoul
    await admin.page.getByLabel("경도").fill("126.9352");
    await admin.page.getByRole("button", { name: "등록하기" }).click();
    await expect
      .poll(() => admin.page.locator("#new-place-latitude-error").textContent())
      .toContain("좌표가 서울 밖입니다");
    expect(await admin.page.getByLabel("이름 (한국어)").inputValue()).toBe("을지로 퀵 쉼터");
    await admin.page.getByLabel("위도").fill("37.5660");
    await admin.page.getByLabel("경도").fill("126.9910");
    await admin.page.getByRole("button", { name: "등록하기" }).click();
    await admin.page.waitForURL(/\/staff\/places\/\w+\/hours\?created=1/);
    await admin.context.close();

    const staff = await staffOf(slug);
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await logInAs(context, staff.email, staff.password);
    await page.goto(`/staff/places/${staff.placeId}/hours`);
    const tuesday = page.getByRole("group", { name: "화요일" });
    await tuesday.getByLabel("여는 시각").first().fill("21:00");
    await tuesday.getByLabel("닫는 시각").first().fill("05:00");
    await page.getByRole("button", { name: "운영 시간 저장" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("운영 시간을 저장했습니다.");
    // Tuesday 21:00 → Wednesday 05:00: open at the server's 02:00 on Wednesday
    await page.goto("/shelters?open=now&district=jung");
    expect(await listedNames(page)).toEqual(["을지로 퀵 쉼터"]);

    // staff of another place are refused
    const other = await staffOf("sangam-shelter");
    const refused = await fetch(`${baseUrl()}/staff/places/${staff.placeId}/hours`, {
      headers: { Cookie: (await loginCookie(other.email, other.password)) ?? "" },
    });
    expect(refused.status).toBe(403);
    await context.close();
  });

  it("imports a facility list and reports each row, in the browser", async () => {
    const { context, page } = await newPage(browser);
    await logInAs(context, "admin@seoul-portal.test", "admin-portal-2026");
    await page.goto("/staff/places/import");
    await hydrated(page);
    const name = `e2e 가져온 쉼터 ${Date.now()}`;
    await page.getByLabel("CSV 파일").setInputFiles({
      name: "shelters.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        [
          "시설명,주소,자치구,위도,경도,전화번호,운영시간",
          `${name},서울특별시 노원구 상계동,노원구,37.6542,127.0568,02-950-0000,평일 09:00~18:00`,
          "좌표 없는 쉼터,서울특별시 노원구,노원구,,,,",
        ].join("\n"),
      ),
    });
    await page.getByLabel("가져올 장소의 종류").selectOption("rest_shelter");
    await page.getByRole("button", { name: "확인만 하기" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "가져오면" }).textContent())
      .toBe("가져오면 새로 등록 1곳, 고침 0곳, 거부 1행입니다.");
    expect(await db.place.count({ where: { nameKo: name } })).toBe(0);
    await page.getByLabel("CSV 파일").setInputFiles({
      name: "shelters.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        `시설명,주소,자치구,위도,경도,전화번호,운영시간\n${name},서울특별시 노원구 상계동,노원구,37.6542,127.0568,02-950-0000,평일 09:00~18:00\n좌표 없는 쉼터,서울특별시 노원구,노원구,,,,`,
      ),
    });
    await page.getByLabel("가져올 장소의 종류").selectOption("rest_shelter");
    await page.getByRole("button", { name: "가져오기", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "새로 등록" }).first().textContent())
      .toBe("새로 등록 1곳, 고침 0곳, 거부 1행.");
    const refusedRow = page.locator("tr.import-refused");
    expect(await refusedRow.textContent()).toContain("좌표가 숫자가 아닙니다");
    expect(await db.place.count({ where: { nameKo: name } })).toBe(1);
    await context.close();
  });

  it("lets a place's staff add a service without JavaScript, with errors in place and input kept", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await logInAs(context, "staff.youth@seoul-portal.test", "staff-youth-2026");
    await page.goto("/staff/places");
    await page.getByRole("link", { name: "서울시 청년일자리센터" }).first().click();
    await page.getByRole("link", { name: "서비스", exact: true }).click();
    const name = `면접 사진 촬영 ${Date.now()}`;
    await page.getByLabel("서비스 종류").selectOption("photo");
    await page.getByLabel("이름(한국어)").fill(name);
    await page.getByLabel("이름(영어)").fill("Interview photos");
    await page.getByLabel("이 사이트에서 예약을 받습니다").check();
    await page.getByRole("button", { name: "서비스 추가", exact: true }).click();
    await expect
      .poll(() => page.locator(".field-errors").first().textContent())
      .toBe("예약을 받는 서비스는 1회 이용 시간이 필요합니다.");
    expect(await page.getByLabel("이름(한국어)").inputValue()).toBe(name);
    await page.getByLabel("1회 이용 시간(분)").fill("20");
    await page.getByRole("button", { name: "서비스 추가", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("서비스를 추가했습니다.");
    // the status comes before the list in the page: wait for the whole page, not just the news
    await page.waitForLoadState("load");
    await expect.poll(() => page.getByRole("link", { name }).count()).toBe(1);
    expect(await db.service.count({ where: { nameKo: name, durationMinutes: 20 } })).toBe(1);

    // edit it, then come back to the list from its page
    await page.getByRole("link", { name }).click();
    await page.getByLabel("1회 이용 시간(분)").fill("25");
    // a yearly limit of 0 is refused in place, what was typed kept
    await page.getByLabel("1인당 연간 예약 한도").fill("0");
    await page.getByRole("button", { name: "서비스 저장" }).click();
    await expect
      .poll(() => page.locator(".field-errors").first().textContent())
      .toBe("연간 예약 한도는 1~366 사이의 정수로 입력하거나, 한도가 없으면 비워 두세요.");
    expect(await page.getByLabel("1인당 연간 예약 한도").inputValue()).toBe("0");
    expect(await db.service.count({ where: { nameKo: name, durationMinutes: 25 } })).toBe(0);
    await page.getByLabel("1인당 연간 예약 한도").fill("12");
    await page.getByRole("button", { name: "서비스 저장" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("서비스를 저장했습니다.");
    expect(
      await db.service.count({
        where: { nameKo: name, durationMinutes: 25, yearlyLimitPerResident: 12 },
      }),
    ).toBe(1);
    await page.getByRole("link", { name }).click();
    await page.getByRole("link", { name: "이 시설의 모든 서비스" }).click();
    await page.waitForURL(/\/services$/);
    await context.close();
  });
});

async function loginCookie(email: string, password: string) {
  const response = await postForm("/login", { email, password });
  return response.status === 302 ? cookiesOf(response) : null;
}

describe("where a place's facts come from (decision 0021)", () => {
  const DAYS_NOTE = "운영 요일은 확인되지 않았습니다 — 방문 전에 전화로 확인하세요.";
  const LAST_VERIFIED = "담당 직원이 마지막으로 확인한 날";

  it("says a shelter's days are not confirmed, and shows 'last checked' only once staff confirm", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto("/places/bukchang-shelter");
    const main = page.locator("main");
    expect(await main.textContent()).toContain(DAYS_NOTE);
    // the hours are the report's, and it says so
    expect(await main.textContent()).toContain("2018 서울시 일자리노동정책 업무보고 기준");
    expect(await main.textContent()).not.toContain(LAST_VERIFIED);
    expect(await main.textContent()).toContain("아직 담당 직원이 확인하지 않았습니다");

    // staff of the shelter confirm the days from their to-do, over HTTP like a form without JS
    const staff = await staffOf("bukchang-shelter");
    const todo = await fetch(`${baseUrl()}/staff/places/facts`, {
      headers: { Cookie: staff.cookie },
    });
    expect(todo.status).toBe(200);
    expect(await todo.text()).toContain("맞음으로 확인");
    const stranger = await staffOf("sangam-shelter");
    const refused = await postForm(
      "/staff/places/facts",
      { placeId: staff.placeId, fact: "days" },
      stranger.cookie,
    );
    expect(refused.status).toBe(403);
    const confirmed = await postForm(
      "/staff/places/facts",
      { placeId: staff.placeId, fact: "days" },
      staff.cookie,
    );
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/staff/places/facts?done=days");

    await page.goto("/places/bukchang-shelter");
    expect(await main.textContent()).not.toContain(DAYS_NOTE);
    expect(await main.textContent()).toContain(LAST_VERIFIED);
    await context.close();
  });
});
