// Public jobs against the production build: the whole journey in Chromium with JavaScript on and
// off (search → open → see why not eligible → fix the profile → apply → my applications → staff
// select → resident sees "selected"), and what the server answers over plain HTTP.
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

const POSTING = "new-deal-city-public-data";
const POSTING_TITLE = "서울시 공공데이터 품질관리 매니저";
const STAFF = { email: "staff.jobs@seoul-portal.test", password: "staff-jobs-2026" };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function useCookie(context: BrowserContext, cookie: string) {
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl() };
    }),
  );
}

async function logInOverHttp(email: string, password: string) {
  const response = await postForm("/login", { email, password });
  if (response.status !== 302) throw new Error(`login failed: ${response.status}`);
  return cookiesOf(response);
}

async function go(page: Page, path: string, javaScriptEnabled: boolean) {
  await page.goto(path);
  if (javaScriptEnabled) await hydrated(page);
}

for (const javaScriptEnabled of [true, false]) {
  describe(`public jobs journey (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    it("searches, sees why not, fixes the profile, applies, and sees the staff's selection", async () => {
      const name = `지원자${Date.now().toString(36)}${javaScriptEnabled ? "j" : "n"}`;
      const resident = await signUpOverHttp(uniqueEmail("jobs-journey"), name);
      // A profile that fails one New Deal condition: employed.
      const saved = await postForm(
        `/residents/${resident.id}`,
        {
          name,
          birthDate: "1997-03-03",
          district: "mapo",
          employmentStatus: "employed",
          registeredJobSeeker: "yes",
          hasRegularIncome: "no",
          preferredLanguage: "ko",
        },
        resident.cookie,
      );
      expect(saved.status).toBe(200);

      const { context, page } = await newPage(browser, { javaScriptEnabled });
      await useCookie(context, resident.cookie);

      // search, with Korean initial consonants and a filter, all in the URL
      await go(page, "/jobs", javaScriptEnabled);
      await page.getByLabel("검색어").fill("ㄱㄱㄷㅇㅌ");
      await page.getByLabel("근무 자치구").selectOption("jung");
      await page.getByRole("button", { name: "검색", exact: true }).click();
      await page.waitForURL(/q=/);
      expect(new URL(page.url()).searchParams.get("district")).toBe("jung");
      await expect.poll(() => page.locator("#results-title").textContent()).toContain("공고 1건");
      await page.getByRole("link", { name: POSTING_TITLE }).click();
      await page.waitForURL(`**/jobs/${POSTING}`);
      if (javaScriptEnabled) await hydrated(page);

      // not eligible, and why, and what to change
      const eligibility = page.getByRole("region", { name: "지원 자격" });
      await expect
        .poll(() => eligibility.textContent())
        .toContain("지금은 이용·지원할 수 없습니다.");
      expect(await eligibility.textContent()).toContain("현재 미취업(실업) 상태여야 합니다.");
      expect(await eligibility.textContent()).toContain("바꿀 것: 고용 상태");
      expect(await page.getByRole("link", { name: "지원하기", exact: true }).count()).toBe(0);

      // fix the profile
      await eligibility.getByRole("link", { name: "프로필 고치기" }).click();
      await page.waitForURL(/\/residents\//);
      if (javaScriptEnabled) await hydrated(page);
      await page.getByLabel("고용 상태").selectOption("unemployed");
      await page.getByRole("button", { name: "저장" }).click();
      await expect
        .poll(() => page.getByRole("status").first().textContent())
        .toContain("프로필을 저장했습니다.");

      // back to the posting: eligible now; apply
      await go(page, `/jobs/${POSTING}`, javaScriptEnabled);
      await expect
        .poll(() => page.getByRole("region", { name: "지원 자격" }).textContent())
        .toContain("이용·지원할 수 있습니다.");
      await page.getByRole("link", { name: "지원하기", exact: true }).click();
      await page.waitForURL(`**/jobs/${POSTING}/apply`);
      if (javaScriptEnabled) await hydrated(page);
      await page.getByLabel("지원 동기").fill("열린데이터광장의 데이터를 정비해 보고 싶습니다.");
      await page.getByLabel(/기관이 내 이메일·전화번호로 연락하는 데 동의합니다/).check();
      await page.getByRole("button", { name: "지원서 제출" }).click();
      await page.waitForURL(/\/applications\/\w+\?submitted=1/);
      const applicationPath = new URL(page.url()).pathname;
      await expect
        .poll(() => page.getByRole("status").first().textContent())
        .toContain("지원서가 접수되었습니다.");

      // my applications
      await go(page, "/applications", javaScriptEnabled);
      const card = page.getByRole("listitem").filter({ hasText: POSTING_TITLE });
      expect(await card.locator(".status-badge").textContent()).toBe("접수");

      // staff select the applicant
      const staff = await newPage(browser, { javaScriptEnabled });
      await useCookie(staff.context, await logInOverHttp(STAFF.email, STAFF.password));
      await go(
        staff.page,
        `/staff/postings?q=${encodeURIComponent("공공데이터")}`,
        javaScriptEnabled,
      );
      await staff.page.getByRole("link", { name: "지원자 검토" }).first().click();
      await staff.page.waitForURL(/\/applicants/);
      if (javaScriptEnabled) await hydrated(staff.page);
      await staff.page.getByLabel("이름 검색").fill(name);
      await staff.page.getByRole("button", { name: "이 조건으로 보기" }).click();
      await staff.page.waitForURL(/q=/);
      const applicant = staff.page.getByRole("listitem").filter({ hasText: name });
      expect(await applicant.textContent()).toContain("만 29세");
      await applicant.getByRole("button", { name: "선정", exact: true }).click();
      // a decision is confirmed first (tests/e2e/staff-decisions.test.ts covers the steps)
      await staff.page.getByRole("button", { name: "네, 선정합니다" }).click();
      await expect
        .poll(() => staff.page.getByRole("status").first().textContent())
        .toContain("선정했습니다.");
      await staff.context.close();

      // the resident sees it
      await go(page, applicationPath, javaScriptEnabled);
      expect(await page.locator(".application-status .status-badge").textContent()).toBe("선정");
      const timeline = await page.getByRole("list", { name: "진행 과정" }).textContent();
      expect(timeline).toContain("접수");
      expect(timeline).toContain("선정");
      await context.close();
    });
  });
}

const ROUND_LABELS = {
  ko: {
    site1: "1지망 사업장",
    site2: "2지망 사업장 (선택)",
    park: "공공근로: 한강공원 환경정비",
    library: "공공근로: 시립도서관 자료 정리",
    motivation: "지원 동기",
    consent: /기관이 내 이메일·전화번호로 연락하는 데 동의합니다/,
    submit: "지원서 제출",
    first: "1지망:",
    confirm: "취소하면 되돌릴 수 없다는 것을 확인했습니다",
    withdraw: "지원 취소하기",
    withdrawn: "지원을 취소했습니다.",
    status: "취소",
    withdrewOn: /에 지원을 취소하셨습니다\. 공고마다 한 번만 지원할 수 있어/,
  },
  en: {
    site1: "First choice",
    site2: "Second choice (optional)",
    park: "Public work: Han River park clean-up",
    library: "Public work: City library archive work",
    motivation: "Why you are applying",
    consent: /organisation may contact me/,
    submit: "Submit application",
    first: "First choice:",
    confirm: "I understand that withdrawing cannot be undone",
    withdraw: "Withdraw my application",
    withdrawn: "Your application has been withdrawn.",
    status: "Withdrawn",
    withdrewOn: /^You withdrew your application on .+\. Only one application per posting/,
  },
};

for (const [javaScriptEnabled, language] of [
  [true, "en"],
  [false, "ko"],
] as const) {
  describe(`public-work round (JavaScript ${javaScriptEnabled ? "on" : "off"}, ${language})`, () => {
    it("applies once with ranked sites, then withdraws while the window is open", async () => {
      const l = ROUND_LABELS[language];
      const resident = await signUpOverHttp(uniqueEmail("jobs-round"), "Round Park");
      await postForm(
        `/residents/${resident.id}`,
        {
          name: "Round Park",
          birthDate: "1970-10-10",
          district: "nowon",
          employmentStatus: "unemployed",
          registeredJobSeeker: "yes",
          hasRegularIncome: "no",
          preferredLanguage: language,
        },
        resident.cookie,
      );
      const { context, page } = await newPage(browser, {
        javaScriptEnabled,
        locale: language === "en" ? "en-US" : "ko-KR",
      });
      await useCookie(context, resident.cookie);
      await go(page, "/rounds/public-work-upcoming", javaScriptEnabled);
      await page.getByLabel(l.site1).selectOption({ label: l.library });
      await page.getByLabel(l.site2).selectOption({ label: l.park });
      await page.getByLabel(l.motivation).fill("Steady work near home.");
      await page.getByLabel(l.consent).check();
      await page.getByRole("button", { name: l.submit }).click();
      await page.waitForURL(/\/applications\/\w+\?submitted=1/);
      const preferences = await page.locator(".preferences").textContent();
      expect(preferences).toContain(`${l.first} ${l.library}`);
      expect(preferences?.indexOf(l.library)).toBeLessThan(preferences?.indexOf(l.park) ?? 0);

      await page.getByLabel(l.confirm).check();
      await page.getByRole("button", { name: l.withdraw }).click();
      await page.waitForURL(/withdrawn=1/);
      await expect.poll(() => page.getByRole("status").first().textContent()).toBe(l.withdrawn);
      expect(await page.locator(".application-status .status-badge").textContent()).toBe(l.status);
      // the round's page says so, not "you have already applied"
      await go(page, "/rounds/public-work-upcoming", javaScriptEnabled);
      expect(await page.getByText(l.withdrewOn).count()).toBe(1);
      await context.close();
    });
  });
}

describe("following a posting", () => {
  it("follows from the posting page and stops from My applications, without JavaScript", async () => {
    const resident = await signUpOverHttp(uniqueEmail("jobs-follow"));
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await useCookie(context, resident.cookie);
    await page.goto(`/jobs/${POSTING}`);
    await page.getByRole("button", { name: "이 공고 알림 받기" }).click();
    await page.waitForURL(/followed=1/);
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("이 공고의 알림을 받습니다.");
    expect(await page.getByRole("button", { name: "알림 그만 받기" }).count()).toBe(1);

    await page.goto("/applications");
    const followed = page.getByRole("region", { name: "알림 받는 공고" });
    expect(await followed.getByRole("link", { name: POSTING_TITLE }).count()).toBe(1);
    await followed.getByRole("button", { name: `${POSTING_TITLE} 알림 그만 받기` }).click();
    await page.waitForURL(/unfollowed=1/);
    expect(await page.getByRole("link", { name: POSTING_TITLE }).count()).toBe(0);
    await context.close();
  });
});

describe("over HTTP", () => {
  it("describes the posting as schema.org JobPosting in a nonce'd script", async () => {
    const response = await fetch(`${baseUrl()}/jobs/${POSTING}`);
    const nonce = /'nonce-([^']+)'/.exec(
      response.headers.get("content-security-policy") ?? "",
    )?.[1];
    const html = await response.text();
    const match = /<script type="application\/ld\+json" nonce="([^"]+)">([^<]*)<\/script>/.exec(
      html,
    );
    expect(match?.[1]).toBe(nonce);
    const ld = JSON.parse(match![2]!);
    expect(ld).toMatchObject({
      "@type": "JobPosting",
      title: POSTING_TITLE,
      hiringOrganization: { name: "서울특별시" },
      baseSalary: { currency: "KRW", value: { value: 12121, unitText: "HOUR" } },
    });
    for (const key of [
      "description",
      "datePosted",
      "validThrough",
      "jobLocation",
      "employmentType",
    ])
      expect(ld).toHaveProperty(key);
  });

  it("serves the open data and refuses strangers in the back office", async () => {
    const api = await fetch(
      `${baseUrl()}/api/postings?kind=new_deal&q=${encodeURIComponent("데이터")}`,
    );
    expect(api.status).toBe(200);
    expect(((await api.json()) as { total: number }).total).toBeGreaterThan(0);
    const feed = await fetch(`${baseUrl()}/feeds/postings.atom`);
    expect(feed.headers.get("content-type")).toContain("atom");
    const resident = await signUpOverHttp(uniqueEmail("jobs-stranger"));
    const staffPage = await fetch(`${baseUrl()}/staff/postings`, {
      redirect: "manual",
      headers: { Cookie: resident.cookie },
    });
    expect(staffPage.status).toBe(403);
  });

  it("selects exactly 5 of 100 applicants when 100 select requests arrive at once", async () => {
    const db = serverDatabase();
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "seoul-city" } });
    const template = await db.posting.findUniqueOrThrow({ where: { slug: POSTING } });
    const stamp = Date.now().toString(36);
    const posting = await db.posting.create({
      data: {
        ...template,
        id: undefined,
        slug: `quota-race-${stamp}`,
        titleKo: `정원 경쟁 시험 ${stamp}`,
        positions: 5,
        selectedCount: 0,
        organizationId: org.id,
        createdAt: undefined,
        updatedAt: undefined,
      },
    });
    const ids: string[] = [];
    await db.resident.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        id: `race-${stamp}-${i}`,
        email: `race-${stamp}-${i}@example.test`,
        name: `경쟁 ${i}`,
      })),
    });
    for (let i = 0; i < 100; i += 1) {
      const application = await db.application.create({
        data: { residentId: `race-${stamp}-${i}`, postingId: posting.id, profileSnapshot: "{}" },
      });
      ids.push(application.id);
    }
    const cookie = await logInOverHttp(STAFF.email, STAFF.password);
    const responses = await Promise.all(
      ids.map((applicationId) =>
        postForm(
          `/staff/postings/${posting.id}/applicants`,
          { intent: "select", applicationId, confirm: "yes" },
          cookie,
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(95);
    expect(
      await db.application.count({ where: { postingId: posting.id, status: "selected" } }),
    ).toBe(5);
    expect((await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).selectedCount).toBe(
      5,
    );
  });
});
