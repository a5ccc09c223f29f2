// Every form of the site, submitted empty (text fields cleared, nothing chosen) with JavaScript on
// and off: the same messages both ways, and focus on the error summary at the top of the form
// (GOV.UK's pattern, WCAG 3.3.1 and 2.4.3). Nothing is written: the summary only shows for answers
// the server refused.
import crypto from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookOverHttp, eligibleJobSeeker, ownService, useSession } from "./booking-support";
import {
  cookiesOf,
  hydrated,
  launchBrowser,
  logInOverHttp,
  newPage,
  postForm,
  serverDatabase,
} from "./support";

type FormCase = {
  name: string;
  /** who opens the page: nobody, the test's resident, one who applied, or the administrator */
  as: "visitor" | "resident" | "applicant" | "admin";
  path: () => string;
  /** a CSS selector of the form (ids carry versions and slugs, so a prefix) */
  form: string;
  /** for a form whose untouched answer is valid: what to choose so that something is missing */
  choose?: (page: Page) => Promise<void>;
};

let browser: Browser;
let residentCookie = "";
let residentId = "";
let applicantCookie = "";
let adminCookie = "";
let applicationId = "";
let roundId = "";
let postingId = "";
let placeId = "";
let serviceId = "";
let laborPath = "";
let bookingId = "";
/** a reset link of the resident's, made in the database: its raw token is only ever in the mail */
let resetToken = "";

beforeAll(async () => {
  browser = await launchBrowser();
  const resident = await eligibleJobSeeker("forms");
  residentCookie = resident.cookie;
  residentId = resident.id;
  const applicant = await eligibleJobSeeker("forms-applicant");
  const db = serverDatabase();
  const round = await db.publicWorkRound.findUniqueOrThrow({
    where: { slug: "public-work-upcoming" },
    include: { sites: { select: { id: true }, take: 1 } },
  });
  roundId = round.id;
  // an application to withdraw: one to the round, over HTTP as the form sends it
  const applied = await postForm(
    "/rounds/public-work-upcoming",
    {
      site1: round.sites[0]!.id,
      motivation: "집 가까운 곳에서 일하고 싶습니다.",
      contactConsent: "on",
      idempotencyKey: crypto.randomUUID(),
    },
    applicant.cookie,
  );
  applicationId = applied.headers.get("location")?.match(/\/applications\/(\w+)/)?.[1] ?? "";
  if (!applicationId) throw new Error(`round application not made: ${applied.status}`);
  applicantCookie = cookiesOf(applied, applicant.cookie);

  adminCookie = await logInOverHttp("admin@seoul-portal.test", "admin-portal-2026");
  postingId = (await db.posting.findUniqueOrThrow({ where: { slug: "new-deal-city-public-data" } }))
    .id;
  // the back office's place forms act on a copy of a place, never on the seed's
  const service = await ownService(
    "youth-center-resume-clinic",
    // not at the labor consultation's time: one resident, two bookings
    [{ date: "2026-11-28", time: "14:00" }],
    { ownPlace: true },
  );
  placeId = service.placeId;
  serviceId = service.id;
  // a booking of the resident, which staff cancel for them when they phone in
  const booked = await bookOverHttp(
    residentCookie,
    service.slug,
    service.slotId("2026-11-28", "14:00"),
  );
  bookingId = booked.headers.get("location")?.match(/\/bookings\/(\w+)/)?.[1] ?? "";
  if (!bookingId) throw new Error(`booking not made: ${booked.status}`);
  const labor = await ownService("seoul-labor-rights-center-consultation", [
    { date: "2026-11-27", time: "10:00" },
  ]);
  laborPath = `/book/${labor.slug}/${labor.slotId("2026-11-27", "10:00")}`;
  resetToken = crypto.randomBytes(32).toString("base64url");
  await db.accountToken.create({
    data: {
      residentId,
      purpose: "password_reset",
      tokenHash: crypto.createHash("sha256").update(resetToken).digest("hex"),
      email: (await db.resident.findUniqueOrThrow({ where: { id: residentId } })).email!,
      // long after the server's clock (E2E_NOW, which some tests move)
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    },
  });
});

afterAll(async () => {
  await browser?.close();
});

const FORMS: FormCase[] = [
  { name: "sign-up", as: "visitor", path: () => "/signup", form: "#signup" },
  { name: "log-in", as: "visitor", path: () => "/login", form: "#login" },
  {
    name: "forgot password",
    as: "visitor",
    path: () => "/forgot-password",
    form: "#forgot-password",
  },
  {
    name: "a new password through a reset link",
    as: "visitor",
    path: () => `/reset-password/${resetToken}`,
    form: "#reset-password",
  },
  {
    name: "profile",
    as: "resident",
    path: () => `/residents/${residentId}`,
    form: "form[id^=profile-]",
  },
  {
    name: "change password",
    as: "resident",
    path: () => "/account/password",
    form: "#change-password",
  },
  {
    name: "message settings (texts without a verified phone)",
    as: "resident",
    path: () => "/account/messages",
    form: "#message-preferences",
    choose: (page) => page.locator("#message-preferences-channels-sms").check(),
  },
  {
    name: "phone for text messages",
    as: "resident",
    path: () => "/account/phone",
    form: "#phone-number",
  },
  {
    name: "delete the account",
    as: "resident",
    path: () => "/account/delete",
    form: "#delete-account",
  },
  {
    name: "apply to a posting",
    as: "resident",
    path: () => "/jobs/new-deal-city-public-data/apply",
    form: "form[id^=apply-]",
  },
  {
    name: "apply to a public-work round",
    as: "resident",
    path: () => "/rounds/public-work-upcoming",
    form: "form[id^=round-apply-]",
  },
  {
    name: "withdraw an application",
    as: "applicant",
    path: () => `/applications/${applicationId}`,
    form: "form[id^=withdraw-]",
  },
  {
    name: "book a labor consultation",
    as: "resident",
    path: () => laborPath,
    form: "#labor-booking",
  },
  { name: "new place", as: "admin", path: () => "/staff/places/new", form: "#new-place" },
  {
    name: "a place's details",
    as: "admin",
    path: () => `/staff/places/${placeId}`,
    form: "form[id^=place-]",
  },
  {
    name: "a place's closures",
    as: "admin",
    path: () => `/staff/places/${placeId}/closures`,
    form: "#closure",
  },
  {
    name: "a new service",
    as: "admin",
    path: () => `/staff/places/${placeId}/services`,
    form: "main form:has(input[name=nameKo])",
  },
  {
    name: "a service's schedule",
    as: "admin",
    path: () => `/staff/schedules/${serviceId}`,
    form: "#template-new",
  },
  {
    name: "cancel a booking for a resident who phones in",
    as: "admin",
    path: () => `/staff/bookings/${bookingId}/cancel`,
    form: "#staff-cancel",
  },
  {
    name: "import places",
    as: "admin",
    path: () => "/staff/places/import",
    form: "#import-places",
  },
  {
    name: "a person's role",
    as: "admin",
    path: () => `/staff/people/${residentId}`,
    form: "#role-assignment",
    // a resident stays one untouched; staff without a workplace is what is missing
    choose: (page) => page.locator("#role-assignment-role-staff").check(),
  },
  { name: "wage floors", as: "admin", path: () => "/staff/wages", form: "#wage-floor" },
  {
    name: "new posting",
    as: "admin",
    path: () => "/staff/postings/new",
    form: "main form:has([name=titleKo])",
  },
  {
    name: "a posting's details",
    as: "admin",
    path: () => `/staff/postings/${postingId}`,
    form: "main form:has([name=titleKo])",
  },
  {
    name: "new public-work round",
    as: "admin",
    path: () => "/staff/rounds/new",
    form: "main form:has([name=year])",
  },
  {
    name: "a round's new site",
    as: "admin",
    path: () => `/staff/rounds/${roundId}/sites/new`,
    form: "main form:has([name=titleKo])",
  },
];

const TEXT_INPUTS =
  "input:is([type=text],[type=email],[type=password],[type=tel],[type=number],[type=date],[type=time],[type=search],[type=url],:not([type])), textarea";

/** Opens the form's page, clears what it can type into, sends it, and reads what came back. */
async function submitEmpty(page: Page, formCase: FormCase, javaScriptEnabled: boolean) {
  const response = await page.goto(formCase.path());
  expect(response?.status(), `${formCase.name}: ${formCase.path()}`).toBe(200);
  if (javaScriptEnabled) await hydrated(page);
  const form = page.locator(formCase.form).first();
  const inputs = form.locator(TEXT_INPUTS);
  for (let i = 0; i < (await inputs.count()); i += 1) {
    const input = inputs.nth(i);
    if ((await input.isVisible()) && (await input.isEditable())) await input.fill("");
  }
  await formCase.choose?.(page);
  const before = page.url();
  await form.locator("button[type=submit]").first().click();
  await page.locator(".error-summary").waitFor({ state: "visible", timeout: 10_000 });
  // without JavaScript the answer is a page that may still be arriving: the summary comes first
  await page.waitForLoadState("load");
  const messages = await page
    .locator(`${formCase.form} .field-errors li, ${formCase.form} .error-summary__form`)
    .allInnerTexts();
  const focused = await page.evaluate(() => document.activeElement?.className ?? "");
  const summaryLinks = await page.locator(".error-summary__list a").count();
  return {
    messages,
    focused,
    summaryLinks,
    stayed: page.url().split("?")[0] === before.split("?")[0],
  };
}

describe("an empty form says what is missing, the same with JavaScript on and off", () => {
  for (const formCase of FORMS) {
    it(formCase.name, async () => {
      const results = [];
      for (const javaScriptEnabled of [false, true]) {
        const { context, page } = await newPage(browser, { javaScriptEnabled });
        if (formCase.as === "resident") await useSession(context, residentCookie);
        if (formCase.as === "applicant") await useSession(context, applicantCookie);
        if (formCase.as === "admin") await useSession(context, adminCookie);
        results.push(await submitEmpty(page, formCase, javaScriptEnabled));
        await context.close();
      }
      const [withoutScript, withScript] = results;
      expect(withoutScript!.messages.length, "messages without JavaScript").toBeGreaterThan(0);
      expect(withScript!.messages).toEqual(withoutScript!.messages);
      expect(withoutScript!.focused).toBe("error-summary");
      expect(withScript!.focused).toBe("error-summary");
      expect(withScript!.summaryLinks).toBe(withoutScript!.summaryLinks);
      expect(withoutScript!.stayed && withScript!.stayed).toBe(true);
    });
  }
});
