// Resident accounts through the real route actions and a real SQLite database.
import { beforeEach, describe, expect, it } from "vitest";
import { listAuditEvents } from "~/domain/audit/service.server";
import { getSessionUser, LOGIN_ATTEMPT_RETENTION_DAYS } from "~/domain/residents/service.server";
import { messageWithValues } from "~/domain/shared/message-values";
import { runPeriodicTasks } from "~/domain/system/tasks.server";
import { getProfileFacts } from "~/domain/eligibility/service.server";
import { getDb, statementCount } from "~/utils/db.server";
import { inRequestScope } from "~/utils/request-scope.server";
import { setTestNow } from "~/utils/clock.server";
import { action as signupAction } from "~/routes/signup";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as profileAction, loader as profileLoader } from "~/routes/residents.$residentId";
import { action as passwordAction } from "~/routes/account.password";
import { action as deleteAction } from "~/routes/account.delete";
import { loader as rootLoader } from "~/root";
import { call, cookieFrom, formRequest, getRequest } from "#tests/factories/http";
import { makeStaff } from "#tests/factories/jobs";
import { makeResident, sessionCookieFor, TEST_PASSWORD } from "#tests/factories/residents";

const db = getDb();

beforeEach(() => setTestNow(null));

type Reply = {
  status?: string;
  error?: Record<string, string[] | null>;
  initialValue?: Record<string, unknown>;
};

describe("sign up", () => {
  it("creates the resident with hashed password, consents, an audit entry and a session", async () => {
    const result = await call(
      signupAction,
      formRequest("/signup", {
        email: "  New.Person@Example.TEST ",
        name: "새 시민",
        password: "a long passphrase",
        passwordConfirm: "a long passphrase",
        preferredLanguage: "en",
        acceptTerms: "on",
        acceptPrivacy: "on",
      }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe("/account?welcome=1");
    const setCookie = result.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/__session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);

    const resident = await db.resident.findUniqueOrThrow({
      where: { email: "new.person@example.test" },
      include: { consents: true, sessions: true },
    });
    // the cost is the test environment's (app/domain/residents/password.server.test.ts: full cost elsewhere)
    expect(resident.passwordHash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(resident.passwordHash).not.toContain("a long passphrase");
    expect(resident.preferredLanguage).toBe("en");
    expect(resident.consents.map((c) => c.kind).sort()).toEqual(["privacy", "terms"]);
    expect(resident.sessions).toHaveLength(1);
    const audit = await listAuditEvents({ subjectId: resident.id, action: "resident.signup" });
    expect(audit).toHaveLength(1);
  });

  it("leads back to the page that needed an account (a booking), never to another site", async () => {
    const signUp = async (email: string, redirectTo: string) =>
      (
        await call(
          signupAction,
          formRequest("/signup", {
            email,
            name: "예약하려던 시민",
            password: "a long passphrase",
            passwordConfirm: "a long passphrase",
            acceptTerms: "on",
            acceptPrivacy: "on",
            redirectTo,
          }),
        )
      ).location;
    const slot = "/book/youth-center-counseling/slot123?topic=unpaid_wages";
    expect(await signUp("back.to.slot@example.test", slot)).toBe(slot);
    expect(await signUp("not.elsewhere@example.test", "//evil.example/x")).toBe(
      "/account?welcome=1",
    );
  });

  it("refuses bad input with a message per field, keeps what was typed (not passwords) and writes nothing", async () => {
    const before = await db.resident.count();
    const result = await call(
      signupAction,
      formRequest("/signup", {
        email: "not-an-email",
        name: "",
        password: "short",
        passwordConfirm: "different",
        acceptTerms: "on",
      }),
    );
    expect(result.status).toBe(400);
    const reply = (result.data as { result: Reply }).result;
    expect(reply.error?.email).toEqual(["validation:email"]);
    expect(reply.error?.name).toEqual(["validation:required"]);
    expect(reply.error?.password).toEqual(["validation:passwordTooShort"]);
    expect(reply.error?.acceptPrivacy).toEqual(["validation:acceptPrivacy"]);
    expect(reply.initialValue?.email).toBe("not-an-email");
    expect(reply.initialValue?.password).toBeUndefined();
    expect(await db.resident.count()).toBe(before);
  });

  it("refuses an e-mail that is already registered, whatever its case", async () => {
    const existing = await makeResident();
    const before = await db.resident.count();
    const result = await call(
      signupAction,
      formRequest("/signup", {
        email: existing.email.toUpperCase(),
        name: "Copy",
        password: "another passphrase",
        passwordConfirm: "another passphrase",
        acceptTerms: "on",
        acceptPrivacy: "on",
      }),
    );
    expect(result.status).toBe(409);
    expect((result.data as { result: Reply }).result.error?.email).toEqual([
      "auth:signup.emailTaken",
    ]);
    expect(await db.resident.count()).toBe(before);
  });

  it("answers 400, not 500, to a body that is not a form", async () => {
    const request = new Request("http://localhost/signup", {
      method: "POST",
      body: JSON.stringify({ email: "x@example.test" }),
      headers: { "Content-Type": "application/json" },
    });
    const result = await call(signupAction, request);
    expect(result.status).toBe(400);
  });
});

describe("log in and out", () => {
  it("logs in with the right password, sets the language to the resident's preference, and logs out", async () => {
    const resident = await makeResident({ preferredLanguage: "en", name: "Eun" });
    const login = await call(
      loginAction,
      formRequest("/login", {
        email: resident.email,
        password: TEST_PASSWORD,
        redirectTo: "/jobs",
      }),
    );
    expect(login.status).toBe(302);
    expect(login.location).toBe("/jobs");
    const cookie = cookieFrom(login.headers);
    expect(cookie).toMatch(/lng=/);
    const root = await call(rootLoader, getRequest("/", { cookie }));
    expect((root.data as { user: { id: string } | null }).user?.id).toBe(resident.id);
    expect((root.data as { locale: string }).locale).toBe("en");

    const logout = await call(logoutAction, formRequest("/logout", {}, { cookie }));
    expect(logout.status).toBe(302);
    // The session row is gone: even a copy of the old cookie no longer works.
    const after = await call(rootLoader, getRequest("/", { cookie }));
    expect((after.data as { user: unknown }).user).toBeNull();
  });

  it("takes staff and administrators to the back office, unless they were on their way somewhere", async () => {
    const staff = await makeStaff(null, "staff");
    const admin = await makeStaff(null, "admin");
    const resident = await makeResident();
    const login = async (email: string, redirectTo = "") =>
      (
        await call(
          loginAction,
          formRequest("/login", { email, password: TEST_PASSWORD, redirectTo }),
        )
      ).location;
    expect(await login(staff.email)).toBe("/staff");
    expect(await login(admin.email)).toBe("/staff");
    expect(await login(resident.email)).toBe("/account");
    expect(await login(staff.email, "/jobs")).toBe("/jobs");
  });

  it("never redirects to another site after login", async () => {
    const resident = await makeResident();
    const login = await call(
      loginAction,
      formRequest("/login", {
        email: resident.email,
        password: TEST_PASSWORD,
        redirectTo: "//evil.example/x",
      }),
    );
    expect(login.location).toBe("/account");
  });

  it("answers a wrong password with one message that does not say which part was wrong", async () => {
    const resident = await makeResident();
    const wrong = await call(
      loginAction,
      formRequest("/login", { email: resident.email, password: "wrong password!" }),
    );
    const unknown = await call(
      loginAction,
      formRequest("/login", { email: "nobody@example.test", password: "wrong password!" }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = (r: typeof wrong) => (r.data as { result: Reply }).result.error?.[""] ?? [];
    expect(message(wrong)).toEqual(["auth:login.invalid"]);
    expect(message(unknown)).toEqual(message(wrong));
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("stops a guesser after 5 failures from one address, while the resident logs in from their own", async () => {
    const resident = await makeResident();
    const login = (password: string, clientIp: string) =>
      call(
        loginAction,
        formRequest("/login", { email: resident.email, password }),
        {},
        { clientIp },
      );
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect((await login(`nope-${attempt}-xxxx`, "10.0.0.1")).status).toBe(401);
    const stopped = await login(TEST_PASSWORD, "10.0.0.1");
    expect(stopped.status).toBe(429);
    const retryAfter = Number(stopped.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(stopped.data).toMatchObject({
      refusal: { code: "rateLimited", params: { retryAfterSeconds: retryAfter } },
      // the form's own message, which the shared error summary shows: the wait in whole minutes
      result: {
        error: {
          "": [messageWithValues("auth:login.rateLimited", { count: Math.ceil(retryAfter / 60) })],
        },
      },
    });
    // the stranger's failures did not lock the resident out
    expect((await login(TEST_PASSWORD, "10.0.9.9")).status).toBe(302);
    // once the window has passed, the first address may try again
    await db.rateLimit.updateMany({
      where: { key: { startsWith: "login-account-address:10.0.0.1:" } },
      data: { expire: new Date(Date.now() - 1) },
    });
    expect((await login(TEST_PASSWORD, "10.0.0.1")).status).toBe(302);
  });

  it("paces an account guessed from many addresses instead of locking it", async () => {
    const resident = await makeResident();
    const login = (password: string, clientIp: string) =>
      call(
        loginAction,
        formRequest("/login", { email: resident.email, password }),
        {},
        { clientIp },
      );
    // LOGIN_SLOWDOWN_AFTER_FAILURES (10) failures, each from a different address
    for (let attempt = 0; attempt < 10; attempt += 1)
      expect((await login(`nope-${attempt}-xxxx`, `10.1.0.${attempt}`)).status).toBe(401);
    // the 11th is checked (one attempt per 2 s), the next one waits its turn
    expect((await login("nope-again-xxxx", "10.1.1.1")).status).toBe(401);
    const paced = await login(TEST_PASSWORD, "10.1.1.2");
    expect(paced.status).toBe(429);
    expect(Number(paced.headers.get("retry-after"))).toBeLessThanOrEqual(4);
    // a few seconds later (the pace row run out), the resident gets in
    await db.rateLimit.updateMany({
      where: { key: { startsWith: "login-pace:" } },
      data: { expire: new Date(Date.now() - 1) },
    });
    expect((await login(TEST_PASSWORD, "10.1.1.2")).status).toBe(302);
  });

  it("limits one IP trying many accounts", async () => {
    setTestNow(new Date("2026-11-25T03:00:00Z"));
    const ip = "192.0.2.77";
    let status = 0;
    for (let attempt = 0; attempt < 31; attempt += 1) {
      const result = await call(
        loginAction,
        formRequest("/login", {
          email: `spray${attempt}@example.test`,
          password: "guess-guess-guess",
        }),
        {},
        { clientIp: ip },
      );
      status = result.status;
    }
    expect(status).toBe(429);
    const other = await call(
      loginAction,
      formRequest("/login", { email: "spray0@example.test", password: "guess-guess-guess" }),
      {},
      { clientIp: "192.0.2.78" },
    );
    expect(other.status).toBe(401);
  });
});

describe("profile", () => {
  it("saves every profile field of the shared model and shows it again", async () => {
    const resident = await makeResident();
    const cookie = await sessionCookieFor(resident.id);
    const saved = await call(
      profileAction,
      formRequest(
        `/residents/${resident.id}`,
        {
          name: "박민지",
          birthDate: "1999-07-01",
          phone: "010-1234-5678",
          district: "gwanak",
          employmentStatus: "unemployed",
          registeredJobSeeker: "yes",
          hasRegularIncome: "no",
          workerType: "courier",
          preferredLanguage: "en",
        },
        { cookie },
      ),
      { residentId: resident.id },
    );
    expect(saved.status).toBe(200);
    expect(saved.headers.get("set-cookie")).toMatch(/lng=/);
    const view = await call(profileLoader, getRequest(`/residents/${resident.id}`, { cookie }), {
      residentId: resident.id,
    });
    expect((view.data as { values: unknown }).values).toEqual({
      name: "박민지",
      birthDate: "1999-07-01",
      phone: "010-1234-5678",
      district: "gwanak",
      employmentStatus: "unemployed",
      registeredJobSeeker: "yes",
      hasRegularIncome: "no",
      workerType: "courier",
      preferredLanguage: "en",
    });
  });

  it("rejects impossible values with field messages and changes nothing", async () => {
    const resident = await makeResident({ name: "Original", district: "mapo" });
    const cookie = await sessionCookieFor(resident.id);
    const result = await call(
      profileAction,
      formRequest(
        `/residents/${resident.id}`,
        {
          name: "Changed",
          birthDate: "2001-02-30",
          district: "atlantis",
          phone: "12345",
          preferredLanguage: "ko",
        },
        { cookie },
      ),
      { residentId: resident.id },
    );
    expect(result.status).toBe(400);
    const reply = (result.data as { result: Reply }).result;
    expect(reply.error?.birthDate).toEqual(["validation:date"]);
    expect(reply.error?.district).toEqual(["validation:invalidChoice"]);
    expect(reply.error?.phone).toEqual(["validation:phone"]);
    expect(reply.initialValue?.name).toBe("Changed");
    const row = await db.resident.findUniqueOrThrow({ where: { id: resident.id } });
    expect(row.name).toBe("Original");
    expect(row.district).toBe("mapo");
  });

  it("refuses another resident's profile URL, for reading and for writing", async () => {
    const owner = await makeResident({ name: "Owner" });
    const stranger = await makeResident();
    const cookie = await sessionCookieFor(stranger.id);
    const read = await call(profileLoader, getRequest(`/residents/${owner.id}`, { cookie }), {
      residentId: owner.id,
    });
    expect(read.status).toBe(403);
    const write = await call(
      profileAction,
      formRequest(
        `/residents/${owner.id}`,
        { name: "Hacked", preferredLanguage: "ko" },
        { cookie },
      ),
      { residentId: owner.id },
    );
    expect(write.status).toBe(403);
    expect((await db.resident.findUniqueOrThrow({ where: { id: owner.id } })).name).toBe("Owner");
  });

  it("sends visitors who are not logged in to the login page and back", async () => {
    const owner = await makeResident();
    const result = await call(profileLoader, getRequest(`/residents/${owner.id}`), {
      residentId: owner.id,
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(
      `/login?redirectTo=${encodeURIComponent(`/residents/${owner.id}`)}`,
    );
  });
});

describe("password change", () => {
  it("needs the current password, then ends every other session", async () => {
    const resident = await makeResident();
    const phone = await sessionCookieFor(resident.id);
    const laptop = await sessionCookieFor(resident.id);

    const wrong = await call(
      passwordAction,
      formRequest(
        "/account/password",
        {
          currentPassword: "not it at all",
          newPassword: "brand new passphrase",
          newPasswordConfirm: "brand new passphrase",
        },
        { cookie: laptop },
      ),
    );
    expect(wrong.status).toBe(400);
    expect((wrong.data as { result: Reply }).result.error?.currentPassword).toEqual([
      "account:password.wrongCurrent",
    ]);

    const changed = await call(
      passwordAction,
      formRequest(
        "/account/password",
        {
          currentPassword: TEST_PASSWORD,
          newPassword: "brand new passphrase",
          newPasswordConfirm: "brand new passphrase",
        },
        { cookie: laptop },
      ),
    );
    expect(changed.status).toBe(302);
    const laptopAfter = cookieFrom(changed.headers, laptop);
    const phoneRoot = await call(rootLoader, getRequest("/", { cookie: phone }));
    expect((phoneRoot.data as { user: unknown }).user).toBeNull();
    const laptopRoot = await call(rootLoader, getRequest("/", { cookie: laptopAfter }));
    expect((laptopRoot.data as { user: { id: string } }).user.id).toBe(resident.id);

    const oldLogin = await call(
      loginAction,
      formRequest("/login", { email: resident.email, password: TEST_PASSWORD }),
    );
    expect(oldLogin.status).toBe(401);
    const newLogin = await call(
      loginAction,
      formRequest("/login", { email: resident.email, password: "brand new passphrase" }),
    );
    expect(newLogin.status).toBe(302);
  });
});

describe("account deletion", () => {
  it("removes personal data, cancels future bookings (freeing the place), keeps anonymised records", async () => {
    setTestNow(new Date("2026-11-25T00:00:00Z"));
    const resident = await makeResident({
      name: "To Delete",
      birthDate: "1990-01-01",
      district: "guro",
      phone: "010-0000-0000",
    });
    const place = await db.place.create({
      data: {
        slug: "p-del",
        kind: "job_cafe",
        nameKo: "카페",
        nameEn: "Café",
        addressKo: "-",
        addressEn: "-",
        district: "guro",
        latitude: 37.5,
        longitude: 126.9,
      },
    });
    const service = await db.service.create({
      data: {
        slug: "s-del",
        placeId: place.id,
        kind: "counseling",
        nameKo: "상담",
        nameEn: "Counseling",
        bookable: true,
      },
    });
    const future = await db.slot.create({
      data: {
        serviceId: service.id,
        startsAt: new Date("2026-12-01T01:00:00Z"),
        endsAt: new Date("2026-12-01T02:00:00Z"),
        capacity: 1,
        bookedCount: 1,
      },
    });
    const past = await db.slot.create({
      data: {
        serviceId: service.id,
        startsAt: new Date("2026-11-01T01:00:00Z"),
        endsAt: new Date("2026-11-01T02:00:00Z"),
        capacity: 1,
        bookedCount: 1,
      },
    });
    await db.booking.create({
      data: {
        residentId: resident.id,
        slotId: future.id,
        liveKey: `${future.id}:${resident.id}`,
        confidentialDescription: "secret",
      },
    });
    await db.booking.create({
      data: { residentId: resident.id, slotId: past.id, status: "attended" },
    });
    const cookie = await sessionCookieFor(resident.id);
    const stranger = `stranger-${Date.now()}@example.test`;
    await db.loginAttempt.createMany({
      data: [
        { email: resident.email, ip: "203.0.113.1", succeeded: false },
        { email: resident.email, ip: "203.0.113.1", succeeded: true },
        { email: stranger, ip: "203.0.113.2", succeeded: false },
      ],
    });

    const refused = await call(
      deleteAction,
      formRequest("/account/delete", { password: TEST_PASSWORD }, { cookie }),
    );
    expect(refused.status).toBe(400);
    expect(
      (await db.resident.findUniqueOrThrow({ where: { id: resident.id } })).deletedAt,
    ).toBeNull();

    const deleted = await call(
      deleteAction,
      formRequest("/account/delete", { password: TEST_PASSWORD, confirm: "on" }, { cookie }),
    );
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe("/?deleted=1");

    const row = await db.resident.findUniqueOrThrow({
      where: { id: resident.id },
      include: { bookings: true, sessions: true, consents: true },
    });
    expect(row).toMatchObject({
      email: null,
      passwordHash: null,
      name: "",
      birthDate: null,
      district: null,
      phone: null,
    });
    expect(row.deletedAt).not.toBeNull();
    expect(row.sessions).toHaveLength(0);
    expect(row.consents).toHaveLength(0);
    // (matched by slot: the two bookings may share a creation millisecond)
    const statusOf = (slotId: string) => row.bookings.find((b) => b.slotId === slotId)?.status;
    expect([statusOf(future.id), statusOf(past.id)]).toEqual(["cancelled", "attended"]);
    expect(row.bookings.every((b) => b.confidentialDescription === null)).toBe(true);
    expect((await db.slot.findUniqueOrThrow({ where: { id: future.id } })).bookedCount).toBe(0);
    expect((await db.slot.findUniqueOrThrow({ where: { id: past.id } })).bookedCount).toBe(1);
    // the login record carried the e-mail: gone with the account, other people's records kept
    expect(await db.loginAttempt.count({ where: { email: resident.email } })).toBe(0);
    expect(await db.loginAttempt.count({ where: { email: stranger } })).toBe(1);

    const login = await call(
      loginAction,
      formRequest("/login", { email: resident.email, password: TEST_PASSWORD }),
    );
    expect(login.status).toBe(401);
    // The e-mail can be used again for a new account.
    const again = await makeResident({ email: resident.email });
    expect(again.id).not.toBe(resident.id);
  });
});

describe("housekeeping", () => {
  it("deletes expired sessions and login attempts past their retention, and nothing else", async () => {
    const now = new Date("2026-11-25T00:00:00Z");
    const day = 86_400_000;
    const resident = await makeResident();
    const email = `prune-${Date.now()}@example.test`;
    const [expired, live] = await Promise.all([
      db.session.create({
        data: { residentId: resident.id, expiresAt: new Date(now.getTime() - 1000) },
      }),
      db.session.create({
        data: { residentId: resident.id, expiresAt: new Date(now.getTime() + day) },
      }),
    ]);
    const old = new Date(now.getTime() - (LOGIN_ATTEMPT_RETENTION_DAYS + 1) * day);
    const recent = new Date(now.getTime() - (LOGIN_ATTEMPT_RETENTION_DAYS - 1) * day);
    await db.loginAttempt.createMany({
      data: [
        { email, ip: "203.0.113.9", succeeded: false, createdAt: old },
        { email, ip: "203.0.113.9", succeeded: false, createdAt: recent },
      ],
    });

    // through the periodic task runner, as the scheduler and `npm run jobs` run it
    const results = await runPeriodicTasks(now);
    expect(results["residents.prune"]).toMatchObject({ oldLoginAttempts: 1 });
    expect(await db.session.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: live.id } })).not.toBeNull();
    const left = await db.loginAttempt.findMany({ where: { email }, select: { createdAt: true } });
    expect(left.map((row) => row.createdAt)).toEqual([recent]);
  });
});

describe("who is asking (the session look-up every logged-in page makes)", () => {
  it("knows a live session's resident, and nobody for an expired session or a deleted resident", async () => {
    const db = getDb();
    const resident = await makeResident({ name: "세션 주민" });
    const other = await makeResident({ name: "지워질 주민" });
    const [live, expired, ofDeleted] = await Promise.all([
      db.session.create({
        data: { residentId: resident.id, expiresAt: new Date(Date.now() + 3_600_000) },
      }),
      db.session.create({
        data: { residentId: resident.id, expiresAt: new Date(Date.now() - 1_000) },
      }),
      db.session.create({
        data: { residentId: other.id, expiresAt: new Date(Date.now() + 3_600_000) },
      }),
    ]);
    await db.resident.update({ where: { id: other.id }, data: { deletedAt: new Date() } });
    const at = new Date();
    expect(await getSessionUser(live.id, at)).toEqual({
      id: resident.id,
      name: "세션 주민",
      role: "resident",
      staffPlaceId: null,
      staffOrganizationId: null,
      preferredLanguage: "ko",
    });
    // the last millisecond counts, the expiry itself does not (both engines store milliseconds)
    expect((await getSessionUser(live.id, new Date(live.expiresAt.getTime() - 1)))?.id).toBe(
      resident.id,
    );
    expect(await getSessionUser(live.id, live.expiresAt)).toBeNull();
    expect(await getSessionUser(expired.id, at)).toBeNull();
    expect(await getSessionUser(ofDeleted.id, at)).toBeNull();
    expect(await getSessionUser("no-such-session", at)).toBeNull();
  });

  it("brings the resident's profile facts along for the page's eligibility, exactly as a read gives them", async () => {
    const db = getDb();
    // every fact answered; some answered (booleans both ways); nothing answered (every fact null)
    const answered = {
      birthDate: "1999-02-03",
      district: "mapo",
      employmentStatus: "unemployed",
      registeredJobSeeker: true,
      hasRegularIncome: false,
      workerType: "courier",
    } as const;
    const partly = {
      district: "outside",
      registeredJobSeeker: false,
      hasRegularIncome: true,
    } as const;
    const residents = [
      await makeResident(answered),
      await makeResident(partly),
      await makeResident(),
    ];
    const unanswered = {
      birthDate: null,
      district: null,
      employmentStatus: null,
      registeredJobSeeker: null,
      hasRegularIncome: null,
      workerType: null,
    };
    const expected = [answered, { ...unanswered, ...partly }, unanswered];
    const at = new Date();
    for (const [i, resident] of residents.entries()) {
      const session = await db.session.create({
        data: { residentId: resident.id, expiresAt: new Date(Date.now() + 3_600_000) },
      });
      // what a read gives (outside a page request, as in an action)
      expect(await getProfileFacts(resident.id)).toStrictEqual(expected[i]);
      await inRequestScope(async () => {
        const user = await getSessionUser(session.id, at);
        // the facts stay on the server: the user sent with every page carries none of them
        expect(Object.keys(user!).sort()).toEqual(
          ["id", "name", "preferredLanguage", "role", "staffOrganizationId", "staffPlaceId"].sort(),
        );
        const before = statementCount();
        expect(await getProfileFacts(resident.id)).toStrictEqual(expected[i]);
        expect(statementCount() - before).toBe(0);
        // anyone else's facts are read
        const other = residents[(i + 1) % residents.length]!;
        expect(await getProfileFacts(other.id)).toStrictEqual(expected[(i + 1) % residents.length]);
        expect(statementCount() - before).toBe(1);
      });
    }
    // outside a page request (an action) the facts are always read afresh
    const session = await db.session.create({
      data: { residentId: residents[0]!.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await getSessionUser(session.id, at);
    await db.resident.update({ where: { id: residents[0]!.id }, data: { district: "jongno" } });
    expect((await getProfileFacts(residents[0]!.id)).district).toBe("jongno");
  });
});
