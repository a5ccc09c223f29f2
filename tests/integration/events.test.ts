// Programs and events on a real database (SQLite, and PostgreSQL in its lane): registering never
// goes beyond the seats whatever the concurrency (with a negative control that shows the race is
// real on PostgreSQL), registering twice writes nothing, a closed window or a cancelled session
// writes nothing, nobody cancels another's registration, and the open-data API's filters.
import crypto from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { registerForSession } from "~/domain/events/register.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { loader as apiLoader } from "~/routes/api.events";
import { action as eventAction, loader as eventLoader } from "~/routes/events.$slug";
import { loader as agendaLoader } from "~/routes/events._index";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { makeProgram, makeSession } from "#tests/factories/events";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeCriteria } from "#tests/factories/jobs";
import { makeResident, makeResidents, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
const overlapping = inject("databaseEngine") === "postgresql";
// Wednesday 25 November 2026, 02:00 in Seoul (the e2e server's clock)
const NOW = seoulInstant("2026-11-25", "02:00");
const ATTEMPTS = 100;
const RACE_TX = { maxWait: 20_000, timeout: 20_000 };

beforeAll(() => setTestNow(NOW));

type Reply = { refusal: { code: string } | null };

async function resident() {
  const made = await makeResident({ birthDate: "2000-01-01" });
  return { ...made, cookie: await sessionCookieFor(made.id) };
}

function post(who: { cookie: string }, slug: string, fields: Record<string, string>) {
  return call(eventAction, formRequest(`/events/${slug}`, fields, { cookie: who.cookie }), {
    slug,
  });
}

async function writes(sessionId: string) {
  const [session, registrations, audits] = await Promise.all([
    db.programSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { registeredCount: true },
    }),
    db.programRegistration.count({ where: { sessionId } }),
    db.auditEvent.count({
      where: { action: { startsWith: "event." }, metadata: { contains: sessionId } },
    }),
  ]);
  return { counter: session.registeredCount, registrations, audits };
}

/** The registration step with the guard removed: read the counter, then register if it looked free. */
async function registerReadThenWrite(sessionId: string, residentId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const session = await tx.programSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { registeredCount: true, capacity: true },
    });
    if (session.registeredCount >= session.capacity) return false;
    await tx.programRegistration.create({
      data: { sessionId, residentId, liveKey: `${sessionId}:${residentId}` },
    });
    await tx.programSession.update({
      where: { id: sessionId },
      data: { registeredCount: session.registeredCount + 1 },
    });
    return true;
  }, RACE_TX);
}

describe("registering for a session of 10 seats, 100 residents at once", () => {
  it("through the capability: exactly 10 registered, 90 told it is full", async () => {
    const program = await makeProgram();
    const session = await makeSession(program.id, { capacity: 10 });
    const people = await makeResidents(ATTEMPTS, { birthDate: "2000-01-01" });
    const outcomes = await Promise.all(
      people.map((person) =>
        registerForSession(session.id, { residentId: person.id, now: NOW, ip: null }),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(10);
    expect(outcomes.filter((o) => !o.ok && o.code === "full")).toHaveLength(ATTEMPTS - 10);
    expect(await writes(session.id)).toEqual({ counter: 10, registrations: 10, audits: 10 });
  });

  it.runIf(overlapping)("negative control: read-then-write overbooks the same race", async () => {
    const program = await makeProgram();
    const session = await makeSession(program.id, { capacity: 10 });
    const people = await makeResidents(ATTEMPTS, { birthDate: "2000-01-01" });
    const taken = await Promise.all(
      people.map((person) => registerReadThenWrite(session.id, person.id)),
    );
    const registrations = await db.programRegistration.count({ where: { sessionId: session.id } });
    expect(taken.filter(Boolean).length).toBe(registrations);
    expect(registrations).toBeGreaterThan(10);
  });
});

describe("registering and cancelling on the event page", () => {
  it("registers once: a second time is refused as already registered, nothing written", async () => {
    const program = await makeProgram();
    const session = await makeSession(program.id);
    const someone = await resident();
    const first = await post(someone, program.slug, { intent: "register", sessionId: session.id });
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/events/${program.slug}?registered=${session.id}`);
    const second = await post(someone, program.slug, { intent: "register", sessionId: session.id });
    expect(second.status).toBe(409);
    expect((second.data as Reply).refusal?.code).toBe("alreadyBooked");
    expect(await writes(session.id)).toEqual({ counter: 1, registrations: 1, audits: 1 });
    // the same twice at once: one registration
    const other = await resident();
    const both = await Promise.all(
      [1, 2].map(() =>
        registerForSession(session.id, { residentId: other.id, now: NOW, ip: null }),
      ),
    );
    expect(both.filter((o) => o.ok)).toHaveLength(1);
    expect(both.find((o) => !o.ok)).toMatchObject({ code: "alreadyBooked" });
    expect(await writes(session.id)).toEqual({ counter: 2, registrations: 2, audits: 2 });

    const page = await call(
      eventLoader,
      getRequest(`/events/${program.slug}`, { cookie: someone.cookie }),
      {
        slug: program.slug,
      },
    );
    const loaded = page.data as {
      sessions: { registered: boolean; seatsLeft: number }[];
      jsonLd: string;
    };
    expect(loaded.sessions[0]).toMatchObject({ registered: true, seatsLeft: 8 });
    expect(JSON.parse(loaded.jsonLd)).toMatchObject({ "@type": "Event" });
  });

  it("refuses outside the registration window and for a cancelled session, writing nothing", async () => {
    const program = await makeProgram();
    const early = await makeSession(program.id, {
      day: "2026-12-10",
      opensAt: seoulInstant("2026-11-28", "09:00"),
      closesAt: seoulInstant("2026-12-09", "18:00"),
    });
    const late = await makeSession(program.id, {
      day: "2026-11-27",
      closesAt: seoulInstant("2026-11-24", "18:00"),
    });
    const cancelled = await makeSession(program.id, { day: "2026-12-02", status: "cancelled" });
    const someone = await resident();
    for (const [session, code] of [
      [early, "notOpenYet"],
      [late, "closed"],
      [cancelled, "cancelled"],
    ] as const) {
      const reply = await post(someone, program.slug, {
        intent: "register",
        sessionId: session.id,
      });
      expect(reply.status).toBe(409);
      expect((reply.data as Reply).refusal?.code).toBe(code);
      expect(await writes(session.id)).toEqual({ counter: 0, registrations: 0, audits: 0 });
    }
  });

  it("refuses a resident the program's criteria exclude, with the reasons", async () => {
    const criteria = await makeCriteria({ minAge: 15, maxAge: 39 });
    const program = await makeProgram({ eligibilityId: criteria.id });
    const session = await makeSession(program.id);
    const older = await makeResident({ birthDate: "1960-01-01" });
    const reply = await post({ cookie: await sessionCookieFor(older.id) }, program.slug, {
      intent: "register",
      sessionId: session.id,
    });
    expect(reply.status).toBe(403);
    expect((reply.data as Reply).refusal?.code).toBe("ineligible");
    expect(await writes(session.id)).toEqual({ counter: 0, registrations: 0, audits: 0 });
  });

  it("cancels one's own registration and frees the seat; a stranger cannot cancel it", async () => {
    const program = await makeProgram();
    const session = await makeSession(program.id, { capacity: 1 });
    const owner = await resident();
    const stranger = await resident();
    expect(
      (await post(owner, program.slug, { intent: "register", sessionId: session.id })).status,
    ).toBe(302);
    const full = await post(stranger, program.slug, { intent: "register", sessionId: session.id });
    expect((full.data as Reply).refusal?.code).toBe("full");

    const theirs = await post(stranger, program.slug, { intent: "cancel", sessionId: session.id });
    expect(theirs.status).toBe(404);
    expect((theirs.data as Reply).refusal?.code).toBe("notFound");
    expect(await writes(session.id)).toEqual({ counter: 1, registrations: 1, audits: 1 });
    expect(
      await db.programRegistration.count({
        where: { sessionId: session.id, status: "registered" },
      }),
    ).toBe(1);

    const own = await post(owner, program.slug, { intent: "cancel", sessionId: session.id });
    expect(own.status).toBe(302);
    expect(own.location).toBe(`/events/${program.slug}?cancelled=${session.id}`);
    expect(await writes(session.id)).toEqual({ counter: 0, registrations: 1, audits: 2 });
    // the seat is free again, and the owner may register anew
    expect(
      (await post(stranger, program.slug, { intent: "register", sessionId: session.id })).status,
    ).toBe(302);
  });

  it("refuses a session of another program and a logged-out visitor", async () => {
    const program = await makeProgram();
    const elsewhere = await makeSession((await makeProgram()).id);
    const someone = await resident();
    const reply = await post(someone, program.slug, {
      intent: "register",
      sessionId: elsewhere.id,
    });
    expect(reply.status).toBe(404);
    const anonymous = await call(
      eventAction,
      formRequest(`/events/${program.slug}`, { intent: "register", sessionId: elsewhere.id }),
      { slug: program.slug },
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toContain("/login");
    expect(await writes(elsewhere.id)).toEqual({ counter: 0, registrations: 0, audits: 0 });
  });
});

describe("the agenda and GET /api/events", () => {
  type Api = {
    total: number;
    sessions: { id: string; program: { slug: string; kind: string; district: string } }[];
    problems?: { param: string; message: string }[];
  };

  it("filters by kind, district, dates, attendance and a Korean search", async () => {
    const tag = crypto.randomUUID().slice(0, 6);
    const words = ["기업탐방", tag];
    const mapo = await makeProgram({ kind: "company_visit", district: "mapo", searchWords: words });
    const mapoSession = await makeSession(mapo.id, { day: "2026-12-03" });
    await makeSession(mapo.id, { day: "2026-12-20" });
    const online = await makeProgram({
      kind: "company_visit",
      district: null,
      format: "online",
      searchWords: words,
    });
    const onlineSession = await makeSession(online.id, { day: "2026-12-03" });

    const api = async (query: string) => {
      const result = await call(apiLoader, getRequest(`/api/events?${query}`));
      return { status: result.status, data: result.data as Api };
    };
    const byTag = await api(`kind=company_visit&q=${encodeURIComponent(tag)}`);
    expect(byTag.status).toBe(200);
    expect(byTag.data.total).toBe(3);
    const week = await api(
      `kind=company_visit&district=mapo&from=2026-11-30&to=2026-12-06&mode=in_person&q=${encodeURIComponent(tag)}`,
    );
    expect(week.data.sessions.map((s) => s.id)).toEqual([mapoSession.id]);
    const onlineOnly = await api(`mode=online&q=${encodeURIComponent(tag)}`);
    expect(onlineOnly.data.sessions.map((s) => s.id)).toEqual([onlineSession.id]);
    // initial consonants of 기업탐방 find it too
    expect((await api(`q=${encodeURIComponent(`ㄱㅇㅌㅂ ${tag}`)}`)).data.total).toBe(3);
  });

  it("answers bad values with 400 and a message per parameter, the page with the unfiltered list", async () => {
    const bad = await call(
      apiLoader,
      getRequest("/api/events?kind=party&from=2026-13-01&page=-1", {
        headers: { "Accept-Language": "en" },
      }),
    );
    expect(bad.status).toBe(400);
    const problems = (bad.data as Api).problems!;
    expect(problems.map((p) => p.param)).toEqual(["kind", "from", "page"]);
    expect(problems[0]!.message).toBe("'party' is not a kind of program.");

    const page = await call(agendaLoader, getRequest("/events?district=atlantis&mode=x"));
    expect(page.status).toBe(400);
    const loaded = page.data as { problems: { param: string }[]; values: { district: string } };
    expect(loaded.problems.map((p) => p.param)).toEqual(["district", "mode"]);
    expect(loaded.values.district).toBe("");
  });
});
