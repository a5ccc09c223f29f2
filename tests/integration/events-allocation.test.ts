// Fair allocation of event seats on a real database (SQLite, and PostgreSQL in its lane),
// decision 0027: a lottery draws exactly the seats and can be re-run from its record; a recent
// no-show is drawn after everyone else; the monthly cap per kind; refusals write nothing; a held
// seat cannot be confirmed after its deadline; unconfirmed seats pass to the waitlist in drawn
// order; and seats are never exceeded whatever runs at once (with a negative control).
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  applyForSession,
  confirmSeat,
  drawSession,
  runAllocationTasks,
  withdrawApplication,
} from "~/domain/events/allocation.server";
import { runDrawFromSeed, type DrawApplicant } from "~/domain/shared/draw";
import { cancelSession } from "~/domain/events/manage.server";
import { cancelRegistration, registerForSession } from "~/domain/events/register.server";
import { sendEventReminders } from "~/domain/events/reminders.server";
import { deleteAccount } from "~/domain/residents/service.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { action as eventAction, loader as eventLoader } from "~/routes/events.$slug";
import {
  action as drawAction,
  loader as drawLoader,
} from "~/routes/staff.events.sessions.$sessionId.draw";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import {
  makeProgram as makeEventProgram,
  makeSession as makeEventSession,
  type SessionOverrides,
} from "#tests/factories/events";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeOrganization, makeStaff } from "#tests/factories/jobs";
import {
  makeResident,
  makeResidents,
  sessionCookieFor,
  TEST_PASSWORD,
} from "#tests/factories/residents";
import { holdPoint } from "#tests/support/hold-point";

const db = getDb();
const overlapping = inject("databaseEngine") === "postgresql";
const NOW = seoulInstant("2026-11-25", "02:00");
const DRAW_AT = seoulInstant("2026-11-30", "10:00");
const RACE_TX = { maxWait: 20_000, timeout: 20_000 };
const HOUR = 3_600_000;

beforeAll(() => setTestNow(NOW));

type Reply = { refusal: { code: string } | null };

/** A program of `kind` (of a new organisation unless given). */
const makeProgram = (kind = "mentoring", organizationId?: string) =>
  makeEventProgram({ kind, organizationId, slugPrefix: "fair" });

/** A lottery of 30 seats on 10 December drawn at DRAW_AT, applications until 29 November. */
const makeSession = (programId: string, overrides: SessionOverrides = {}) =>
  makeEventSession(programId, {
    day: "2026-12-10",
    capacity: 30,
    lottery: true,
    closesAt: seoulInstant("2026-11-29", "18:00"),
    drawAt: DRAW_AT,
    ...overrides,
  });

const actor = (residentId: string, now = NOW) => ({ residentId, now, ip: null });

/** Everyone applies, 25 at a time (parallel enough to race, not enough to exhaust the pool). */
async function applyAll(sessionId: string, ids: string[], now = NOW) {
  const outcomes = [];
  for (let i = 0; i < ids.length; i += 25)
    outcomes.push(
      ...(await Promise.all(
        ids.slice(i, i + 25).map((id) => applyForSession(sessionId, actor(id, now))),
      )),
    );
  return outcomes;
}

async function counts(sessionId: string) {
  const [session, registrations, held, audits] = await Promise.all([
    db.programSession.findUniqueOrThrow({ where: { id: sessionId } }),
    db.programRegistration.count({ where: { sessionId, status: "registered" } }),
    db.programApplication.count({ where: { sessionId, status: { in: ["won", "offered"] } } }),
    db.auditEvent.count({ where: { metadata: { contains: sessionId } } }),
  ]);
  return { counter: session.registeredCount, registrations, held, audits };
}

describe("a lottery of 30 seats with 200 applicants", () => {
  it("draws exactly 30 winners, once, recorded so that re-running it gives the same winners", async () => {
    const program = await makeProgram();
    const session = await makeSession(program.id, { capacity: 30 });
    const people = await makeResidents(200, { birthDate: "2000-01-01" });
    // 200 applications, no seat taken before the draw
    const applied = await applyAll(
      session.id,
      people.map((p) => p.id),
    );
    expect(applied.filter((o) => o.ok)).toHaveLength(200);
    expect((await counts(session.id)).counter).toBe(0);

    // before its time the draw refuses, writing nothing
    const early = await drawSession(session.id, { now: NOW, staffId: null, ip: null });
    expect(early).toMatchObject({ ok: false, code: "notStarted" });
    expect(await db.programDraw.count({ where: { sessionId: session.id } })).toBe(0);

    // the task and staff at once: one draw
    const at = new Date(DRAW_AT.getTime() + 1000);
    const [task, staff] = await Promise.all([
      runAllocationTasks(at),
      drawSession(session.id, { now: at, staffId: null, ip: null }),
    ]);
    expect(task.drawn + (staff.ok ? 1 : 0)).toBe(1);
    expect(await db.programDraw.count({ where: { sessionId: session.id } })).toBe(1);

    const winners = await db.programApplication.findMany({
      where: { sessionId: session.id, status: "won" },
      select: { id: true, offerExpiresAt: true },
    });
    expect(winners).toHaveLength(30);
    expect(winners.every((w) => w.offerExpiresAt!.getTime() === at.getTime() + 48 * HOUR)).toBe(
      true,
    );
    expect(
      await db.programApplication.count({ where: { sessionId: session.id, status: "waiting" } }),
    ).toBe(170);
    expect((await counts(session.id)).counter).toBe(30);

    // re-run from the record: same order, same winners
    const record = await db.programDraw.findUniqueOrThrow({ where: { sessionId: session.id } });
    expect(record.seed).toMatch(/^[0-9a-f]{32}$/);
    const input = JSON.parse(record.applicants) as DrawApplicant[];
    expect(input).toHaveLength(200);
    const rerun = runDrawFromSeed(record.seed, input, record.seats);
    expect(rerun.order).toEqual(JSON.parse(record.drawnOrder));
    expect(new Set(rerun.winners)).toEqual(new Set(winners.map((w) => w.id)));
    // the draw is audited; winners and the waitlisted are told
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "event.draw", subjectId: record.id },
    });
    expect(JSON.parse(audit.metadata)).toMatchObject({ seed: record.seed, winners: 30 });
    const messages = await db.notification.groupBy({
      by: ["template"],
      where: { subjectRef: { in: input.map((a) => `event-application:${a.id}`) } },
      _count: true,
    });
    expect(Object.fromEntries(messages.map((m) => [m.template, m._count]))).toEqual({
      event_lottery_won: 30,
      event_lottery_waitlisted: 170,
    });
  }, 120_000);
});

describe("no-show priority", () => {
  it("draws a resident with a recent no-show after everyone without one", async () => {
    const program = await makeProgram("lecture");
    const past = await makeSession(program.id, { day: "2026-10-15", lottery: false });
    const session = await makeSession(program.id, { capacity: 5 });
    const people = await makeResidents(20, { birthDate: "2000-01-01" });
    const [absent, oldAbsent] = people;
    await db.programRegistration.create({
      data: { sessionId: past.id, residentId: absent!.id, attendance: "no_show" },
    });
    // a no-show eight months ago no longer counts (EVENTS_NO_SHOW_MONTHS = 6)
    const old = await makeSession(program.id, { day: "2026-03-10", lottery: false });
    await db.programRegistration.create({
      data: { sessionId: old.id, residentId: oldAbsent!.id, attendance: "no_show" },
    });
    await applyAll(
      session.id,
      people.map((p) => p.id),
    );
    // several seeds: the no-show is always last
    const outcome = await drawSession(session.id, { now: DRAW_AT, staffId: null, ip: null });
    expect(outcome.ok).toBe(true);
    const mine = await db.programApplication.findFirstOrThrow({
      where: { sessionId: session.id, residentId: absent!.id },
    });
    expect(mine).toMatchObject({ tier: 1, drawPosition: 20, status: "waiting" });
    const others = await db.programApplication.findMany({
      where: { sessionId: session.id, residentId: { not: absent!.id } },
    });
    expect(others.every((o) => o.tier === 0 && o.drawPosition! < 20)).toBe(true);
  });
});

describe("the monthly cap per kind", () => {
  it("refuses the fifth place of one kind in one Seoul month, writing nothing; another kind or month is fine", async () => {
    const program = await makeProgram("company_visit");
    const someone = await makeResident({ birthDate: "2000-01-01" });
    const days = ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05"];
    const sessions = [];
    for (const [i, day] of days.entries())
      sessions.push(await makeSession(program.id, { day, lottery: i % 2 === 0 }));
    for (const [i, session] of sessions.slice(0, 4).entries()) {
      const outcome =
        i % 2 === 0
          ? await applyForSession(session.id, actor(someone.id))
          : await registerForSession(session.id, actor(someone.id));
      expect(outcome.ok).toBe(true);
    }
    const fifth = await applyForSession(sessions[4]!.id, actor(someone.id));
    expect(fifth).toMatchObject({ ok: false, code: "limit" });
    expect(await counts(sessions[4]!.id)).toEqual({
      counter: 0,
      registrations: 0,
      held: 0,
      audits: 0,
    });
    expect(await db.programApplication.count({ where: { sessionId: sessions[4]!.id } })).toBe(0);
    // a first-come registration counts against the same cap
    const sixth = await makeSession(program.id, { day: "2026-12-06", lottery: false });
    expect(await registerForSession(sixth.id, actor(someone.id))).toMatchObject({
      code: "limit",
    });
    // another kind, or January, is not affected
    const lecture = await makeProgram("lecture");
    const other = await makeSession(lecture.id, { day: "2026-12-05", lottery: false });
    expect((await registerForSession(other.id, actor(someone.id))).ok).toBe(true);
    const january = await makeSession(program.id, { day: "2027-01-04", lottery: false });
    expect((await registerForSession(january.id, actor(someone.id))).ok).toBe(true);
    // withdrawing one makes room again
    expect((await withdrawApplication(sessions[0]!.id, actor(someone.id))).ok).toBe(true);
    expect((await applyForSession(sessions[4]!.id, actor(someone.id))).ok).toBe(true);
  });
});

describe("applying on the event page", () => {
  async function resident() {
    const made = await makeResident({ birthDate: "2000-01-01" });
    return { ...made, cookie: await sessionCookieFor(made.id) };
  }
  const post = (who: { cookie: string }, slug: string, fields: Record<string, string>) =>
    call(eventAction, formRequest(`/events/${slug}`, fields, { cookie: who.cookie }), { slug });

  it("applies once; twice, outside the window, to a cancelled session or by registering: a message and nothing written", async () => {
    const program = await makeProgram();
    const session = await makeSession(program.id);
    const someone = await resident();
    const first = await post(someone, program.slug, { intent: "apply", sessionId: session.id });
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/events/${program.slug}?apply=${session.id}`);
    const twice = await post(someone, program.slug, { intent: "apply", sessionId: session.id });
    expect((twice.data as Reply).refusal?.code).toBe("alreadyApplied");
    const direct = await post(someone, program.slug, { intent: "register", sessionId: session.id });
    expect((direct.data as Reply).refusal?.code).toBe("notAllowed");
    expect(await db.programApplication.count({ where: { sessionId: session.id } })).toBe(1);
    expect(await counts(session.id)).toMatchObject({ counter: 0, registrations: 0, audits: 1 });

    const notYet = await makeSession(program.id, {
      day: "2026-12-20",
      opensAt: seoulInstant("2026-12-01", "09:00"),
      closesAt: seoulInstant("2026-12-10", "18:00"),
    });
    const closed = await makeSession(program.id, {
      day: "2026-12-21",
      closesAt: seoulInstant("2026-11-24", "18:00"),
    });
    const cancelled = await makeSession(program.id, { day: "2026-12-22", status: "cancelled" });
    for (const [target, code] of [
      [notYet, "notOpenYet"],
      [closed, "closed"],
      [cancelled, "cancelled"],
    ] as const) {
      const reply = await post(someone, program.slug, { intent: "apply", sessionId: target.id });
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect((reply.data as Reply).refusal?.code).toBe(code);
      expect(await db.programApplication.count({ where: { sessionId: target.id } })).toBe(0);
    }

    // the page shows the application; withdrawing removes it
    const page = await call(
      eventLoader,
      getRequest(`/events/${program.slug}`, { cookie: someone.cookie }),
      { slug: program.slug },
    );
    const loaded = page.data as { sessions: { id: string; standing: { kind: string } | null }[] };
    expect(loaded.sessions.find((s) => s.id === session.id)?.standing).toEqual({ kind: "applied" });
    const withdrawn = await post(someone, program.slug, {
      intent: "withdraw",
      sessionId: session.id,
    });
    expect(withdrawn.status).toBe(302);
    expect(
      await db.programApplication.count({
        where: { sessionId: session.id, liveKey: { not: null } },
      }),
    ).toBe(0);
  });

  it("confirms a won seat before its deadline, refuses after it", async () => {
    const program = await makeProgram();
    const session = await makeSession(program.id, { capacity: 2, confirmHours: 24 });
    const people = await makeResidents(2, { birthDate: "2000-01-01" });
    await applyAll(
      session.id,
      people.map((p) => p.id),
    );
    await drawSession(session.id, { now: DRAW_AT, staffId: null, ip: null });
    const [early, late] = people;
    const inTime = await confirmSeat(
      session.id,
      actor(early!.id, new Date(DRAW_AT.getTime() + HOUR)),
    );
    expect(inTime.ok).toBe(true);
    const deadline = new Date(DRAW_AT.getTime() + 24 * HOUR);
    const tooLate = await confirmSeat(session.id, actor(late!.id, deadline));
    expect(tooLate).toMatchObject({ ok: false, code: "offerGone" });
    expect(await counts(session.id)).toMatchObject({ counter: 2, registrations: 1, held: 1 });
    // confirming twice is refused too
    expect(
      await confirmSeat(session.id, actor(early!.id, new Date(DRAW_AT.getTime() + HOUR))),
    ).toMatchObject({ ok: false, code: "notFound" });
  });
});

describe("a cancelled lottery session", () => {
  it("tells every entrant once — winners, confirmed or not, and those waiting — and closes their entries", async () => {
    const program = await makeProgram();
    const session = await makeSession(program.id, { capacity: 2 });
    const people = await makeResidents(4, { birthDate: "2000-01-01" });
    await applyAll(
      session.id,
      people.map((p) => p.id),
    );
    await drawSession(session.id, { now: DRAW_AT, staffId: null, ip: null });
    const won = await db.programApplication.findMany({
      where: { sessionId: session.id, status: "won" },
      select: { residentId: true },
    });
    const later = new Date(DRAW_AT.getTime() + HOUR);
    expect((await confirmSeat(session.id, actor(won[0]!.residentId, later))).ok).toBe(true);

    const staff = await makeStaff(program.organizationId);
    const meta = { now: later, ip: null };
    expect(await cancelSession(staff.user, session.id, meta)).toMatchObject({ ok: true, told: 4 });
    // nobody holds a place any more, so nothing counts against the monthly cap
    expect(
      await db.programApplication.count({
        where: { sessionId: session.id, status: { in: ["applied", "waiting", "won", "offered"] } },
      }),
    ).toBe(0);
    const told = await db.notification.findMany({
      where: { template: "event_cancelled", residentId: { in: people.map((p) => p.id) } },
      select: { residentId: true, channel: true },
    });
    expect(new Set(told.filter((n) => n.channel === "email").map((n) => n.residentId)).size).toBe(
      4,
    );
    // the task later sends no "your offer expired" for a called-off session
    await runAllocationTasks(new Date(DRAW_AT.getTime() + 72 * HOUR));
    expect(
      await db.notification.count({
        where: { template: "event_offer_expired", residentId: { in: people.map((p) => p.id) } },
      }),
    ).toBe(0);
    // a second cancel tells nobody
    expect(await cancelSession(staff.user, session.id, meta)).toMatchObject({ told: 0 });
  });
});

describe("confirming while staff cancel the session", () => {
  /** Winners of a drawn lottery of `seats`, one hour after the draw. */
  async function drawnLottery(seats: number) {
    const program = await makeProgram("lecture");
    const session = await makeSession(program.id, { capacity: seats });
    const people = await makeResidents(seats, { birthDate: "2000-01-01" });
    await applyAll(
      session.id,
      people.map((p) => p.id),
    );
    await drawSession(session.id, { now: DRAW_AT, staffId: null, ip: null });
    const staff = await makeStaff(program.organizationId);
    return { session, people, staff, later: new Date(DRAW_AT.getTime() + HOUR) };
  }

  /**
   * The i-th confirmation starts i × 15 ms after the cancellation: spread over the time the
   * cancellation's transaction takes, some land before it, some during, some after.
   */
  const staggered = <T>(i: number, run: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      setTimeout(() => run().then(resolve, reject), i * 15);
    });

  /** Whether a transaction of this database waits for a row another one holds (PostgreSQL). */
  const waitingForALock = async () => {
    const [row] = await db.$queryRawUnsafe<{ waiting: bigint | number }[]>(
      "SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    return Number(row!.waiting) > 0;
  };

  /** Registrations still live on the cancelled session, and those nobody told. */
  async function leftBehind(sessionId: string) {
    const registrations = await db.programRegistration.findMany({
      where: { sessionId },
      select: { id: true, status: true },
    });
    const told = new Set(
      (
        await db.notification.findMany({
          where: { dedupeKey: { in: registrations.map((r) => `event-cancelled:${r.id}`) } },
          select: { dedupeKey: true },
        })
      ).map((n) => n.dedupeKey),
    );
    return {
      registrations: registrations.length,
      live: registrations.filter((r) => r.status === "registered").length,
      untold: registrations.filter((r) => !told.has(`event-cancelled:${r.id}`)).length,
    };
  }

  it("every confirmation is either refused as cancelled or cancelled and told, in 3 rounds of 20", async () => {
    for (let round = 0; round < 3; round += 1) {
      const { session, people, staff, later } = await drawnLottery(20);
      const [cancelled, ...confirmations] = await Promise.all([
        cancelSession(staff.user, session.id, { now: later, ip: null }),
        ...people.map((p, i) => staggered(i, () => confirmSeat(session.id, actor(p.id, later)))),
      ]);
      expect(cancelled.ok).toBe(true);
      for (const outcome of confirmations)
        if (!outcome.ok) expect(["cancelled", "offerGone", "notFound"]).toContain(outcome.code);
      const after = await leftBehind(session.id);
      expect(after.registrations).toBe(confirmations.filter((c) => c.ok).length);
      expect(after).toMatchObject({ live: 0, untold: 0 });
      const row = await db.programSession.findUniqueOrThrow({ where: { id: session.id } });
      expect(row).toMatchObject({ status: "cancelled", registeredCount: 0 });
      expect(
        await db.programApplication.count({
          where: {
            sessionId: session.id,
            status: { in: ["applied", "waiting", "won", "offered"] },
          },
        }),
      ).toBe(0);
    }
  }, 120_000);

  it("the same for waitlist offers: accepted and refused as cancelled, never left live", async () => {
    const program = await makeProgram("forum");
    const session = await makeSession(program.id, { capacity: 15, lottery: false });
    const holders = await makeResidents(15, { birthDate: "2000-01-01" });
    const waiting = await makeResidents(15, { birthDate: "2000-01-01" });
    for (const h of holders)
      expect((await registerForSession(session.id, actor(h.id))).ok).toBe(true);
    for (const w of waiting) expect((await applyForSession(session.id, actor(w.id))).ok).toBe(true);
    // every holder gives up: each seat is offered to one waiting
    for (const h of holders)
      expect((await cancelRegistration(session.id, actor(h.id))).ok).toBe(true);
    expect(await counts(session.id)).toMatchObject({ counter: 15, registrations: 0, held: 15 });
    const staff = await makeStaff(program.organizationId);
    const [cancelled, ...confirmations] = await Promise.all([
      cancelSession(staff.user, session.id, { now: NOW, ip: null }),
      ...waiting.map((w, i) => staggered(i, () => confirmSeat(session.id, actor(w.id)))),
    ]);
    expect(cancelled.ok).toBe(true);
    for (const outcome of confirmations)
      if (!outcome.ok) expect(["cancelled", "offerGone", "notFound"]).toContain(outcome.code);
    const after = await leftBehind(session.id);
    // the holders' own cancelled registrations, and the accepted offers, all cancelled and told
    expect(after.registrations).toBe(15 + confirmations.filter((c) => c.ok).length);
    expect(after.live).toBe(0);
    expect(
      await db.notification.count({
        where: {
          template: "event_cancelled",
          channel: "email",
          residentId: { in: waiting.map((w) => w.id) },
        },
      }),
    ).toBe(15);
  }, 60_000);

  it.runIf(overlapping)(
    "negative control: a confirmation that does not take its turn on the session is left registered, untold",
    async () => {
      // confirmSeat without the conditional write on the session's row. The interleaving is forced
      // rather than left to timing, so that it cannot miss under load: the confirmation writes its
      // registration and takes the offer, then waits, uncommitted, until the cancellation has
      // listed the session's registrations (without the new one) and waits for the offer's row.
      const { session, people, staff, later } = await drawnLottery(2);
      const resident = people[0]!;
      const point = holdPoint();
      const confirmUnguarded = db.$transaction(async (tx) => {
        const key = `${session.id}:${resident.id}`;
        const application = await tx.programApplication.findUniqueOrThrow({
          where: { liveKey: key },
        });
        const registration = await tx.programRegistration.create({
          data: { sessionId: session.id, residentId: resident.id, liveKey: key, createdAt: later },
        });
        const done = await tx.programApplication.updateMany({
          where: { id: application.id, status: "won" },
          data: { status: "confirmed", liveKey: null, registrationId: registration.id },
        });
        if (done.count !== 1) throw new Error("offer gone");
        await point.hold();
      }, RACE_TX);
      await point.arrived;
      let cancelDone = false;
      const cancelling = cancelSession(staff.user, session.id, { now: later, ip: null }).finally(
        () => (cancelDone = true),
      );
      for (let wait = 0; wait < 100 && !cancelDone && !(await waitingForALock()); wait += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
      point.release();
      await confirmUnguarded;
      expect(await cancelling).toMatchObject({ ok: true, alreadyCancelled: false });
      const stranded = (await leftBehind(session.id)).live;
      expect(stranded).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe("waitlists", () => {
  it("passes unconfirmed lottery seats to the waitlist in drawn order, each offer held for a fixed time", async () => {
    const program = await makeProgram();
    const session = await makeSession(program.id, { capacity: 2, confirmHours: 24 });
    const people = await makeResidents(6, { birthDate: "2000-01-01" });
    await applyAll(
      session.id,
      people.map((p) => p.id),
    );
    await drawSession(session.id, { now: DRAW_AT, staffId: null, ip: null });
    const order = async () =>
      db.programApplication.findMany({
        where: { sessionId: session.id },
        orderBy: { drawPosition: "asc" },
        select: { id: true, residentId: true, status: true, offerExpiresAt: true },
      });
    const drawn = await order();
    expect(drawn.map((a) => a.status)).toEqual([
      "won",
      "won",
      "waiting",
      "waiting",
      "waiting",
      "waiting",
    ]);
    // the first winner confirms; the second lets the deadline pass
    await confirmSeat(session.id, actor(drawn[0]!.residentId, new Date(DRAW_AT.getTime() + HOUR)));
    const after = new Date(DRAW_AT.getTime() + 25 * HOUR);
    // (the task works on every session of the database: its counts include other tests')
    expect(await runAllocationTasks(after)).toMatchObject({
      expired: expect.any(Number),
      passedOn: expect.any(Number),
    });
    let now = await order();
    expect(now.map((a) => a.status)).toEqual([
      "confirmed",
      "expired",
      "offered",
      "waiting",
      "waiting",
      "waiting",
    ]);
    expect(now[2]!.offerExpiresAt).toEqual(new Date(after.getTime() + 24 * HOUR));
    // the third declines: the fourth gets the offer; the fourth's offer expires: the fifth
    await withdrawApplication(session.id, actor(now[2]!.residentId, after));
    now = await order();
    expect(now[3]!.status).toBe("offered");
    await runAllocationTasks(new Date(after.getTime() + 25 * HOUR));
    now = await order();
    expect(now.map((a) => a.status)).toEqual([
      "confirmed",
      "expired",
      "withdrawn",
      "expired",
      "offered",
      "waiting",
    ]);
    expect(await counts(session.id)).toMatchObject({ counter: 2, registrations: 1, held: 1 });
    const templates = await db.notification.findMany({
      where: { residentId: now[4]!.residentId },
      orderBy: { createdAt: "asc" },
      select: { template: true },
    });
    expect(templates.map((t) => t.template)).toEqual([
      "event_lottery_waitlisted",
      "event_seat_offered",
    ]);
  });

  it("offers a cancelled first-come seat to the first waiting, in the resident's language", async () => {
    const program = await makeProgram("study_group_mentoring");
    const session = await makeSession(program.id, { capacity: 1, lottery: false });
    const holder = await makeResident({ birthDate: "2000-01-01" });
    const english = await makeResident({ birthDate: "2000-01-01", preferredLanguage: "en" });
    const second = await makeResident({ birthDate: "2000-01-01" });
    // not full: join is refused; register instead
    expect(await applyForSession(session.id, actor(english.id))).toMatchObject({ code: "notFull" });
    expect((await registerForSession(session.id, actor(holder.id))).ok).toBe(true);
    expect((await applyForSession(session.id, actor(english.id))).ok).toBe(true);
    expect((await applyForSession(session.id, actor(second.id))).ok).toBe(true);
    expect(await applyForSession(session.id, actor(second.id))).toMatchObject({
      code: "alreadyWaiting",
    });
    expect((await cancelRegistration(session.id, actor(holder.id))).ok).toBe(true);
    const offered = await db.programApplication.findFirstOrThrow({
      where: { sessionId: session.id, residentId: english.id },
    });
    expect(offered.status).toBe("offered");
    expect(offered.offerExpiresAt).toEqual(new Date(NOW.getTime() + 24 * HOUR));
    const message = await db.notification.findFirstOrThrow({
      where: { residentId: english.id, template: "event_seat_offered" },
    });
    expect(message.locale).toBe("en");
    expect(message.subject).toContain("A seat for you");
    expect(await counts(session.id)).toMatchObject({ counter: 1, registrations: 0, held: 1 });
    // nobody registers into the held seat
    expect(await registerForSession(session.id, actor(second.id))).toMatchObject({ code: "full" });
  });
});

describe("deleting an account", () => {
  const remindersAt = seoulInstant("2026-11-25", "10:05");
  const deletedAt = seoulInstant("2026-11-25", "10:30");

  it("gives its seat to the one waiting, withdraws its entries and reminders, keeps past attendance anonymous", async () => {
    const program = await makeProgram("mentoring");
    // tomorrow evening: its reminder is queued at 10:00 today
    const full = await makeSession(program.id, {
      day: "2026-11-26",
      capacity: 2,
      lottery: false,
      closesAt: seoulInstant("2026-11-26", "12:00"),
    });
    const leaving = await makeResident({ birthDate: "2000-01-01" });
    const staying = await makeResident({ birthDate: "2000-01-01" });
    const waiter = await makeResident({ birthDate: "2000-01-01" });
    for (const who of [leaving, staying])
      expect((await registerForSession(full.id, actor(who.id))).ok).toBe(true);
    expect(await applyForSession(full.id, actor(waiter.id))).toMatchObject({ ok: true });
    // a lottery it applied to, and a session it attended last week
    const lottery = await makeSession((await makeProgram("lecture")).id, { capacity: 5 });
    expect((await applyForSession(lottery.id, actor(leaving.id))).ok).toBe(true);
    const past = await makeSession(program.id, {
      day: "2026-11-18",
      lottery: false,
      opensAt: seoulInstant("2026-11-10", "09:00"),
      closesAt: seoulInstant("2026-11-17", "18:00"),
    });
    const attended = await db.programRegistration.create({
      data: {
        sessionId: past.id,
        residentId: leaving.id,
        liveKey: `${past.id}:${leaving.id}`,
        attendance: "attended",
      },
    });
    await sendEventReminders(remindersAt);
    const reminder = await db.notification.findFirstOrThrow({
      where: { residentId: leaving.id, template: "event_reminder", channel: "email" },
    });
    expect(reminder.status).toBe("pending");

    expect(await deleteAccount(leaving.id, TEST_PASSWORD, { ip: null, now: deletedAt })).toEqual({
      ok: true,
    });

    // the one waiting holds the freed seat and is told; the counter still counts two seats
    const offered = await db.programApplication.findFirstOrThrow({
      where: { sessionId: full.id, residentId: waiter.id },
    });
    expect(offered.status).toBe("offered");
    expect(
      await db.notification.count({
        where: { residentId: waiter.id, template: "event_seat_offered" },
      }),
    ).toBeGreaterThan(0);
    expect(await counts(full.id)).toMatchObject({ counter: 2, registrations: 1, held: 1 });
    expect(
      await db.programRegistration.findFirstOrThrow({
        where: { sessionId: full.id, residentId: leaving.id },
      }),
    ).toMatchObject({ status: "cancelled", liveKey: null });
    expect(
      await db.programApplication.findFirstOrThrow({
        where: { sessionId: lottery.id, residentId: leaving.id },
      }),
    ).toMatchObject({ status: "withdrawn", liveKey: null });
    expect((await db.notification.findUniqueOrThrow({ where: { id: reminder.id } })).status).toBe(
      "cancelled",
    );
    // the past registration stays, with its attendance, tied only to the anonymised account
    expect(
      await db.programRegistration.findUniqueOrThrow({ where: { id: attended.id } }),
    ).toMatchObject({ status: "registered", attendance: "attended" });
    expect(await db.resident.findUniqueOrThrow({ where: { id: leaving.id } })).toMatchObject({
      email: null,
      name: "",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "resident.delete", subjectId: leaving.id },
    });
    expect(JSON.parse(audit.metadata!)).toMatchObject({
      cancelledEventRegistrations: 1,
      withdrawnEventApplications: 1,
    });
  });

  it("a deletion and a cancellation at once: both seats pass on, the counter stays exact", async () => {
    for (let round = 0; round < 3; round += 1) {
      const program = await makeProgram("forum");
      const session = await makeSession(program.id, { capacity: 2, lottery: false });
      const [leaving, cancelling, firstWaiter, secondWaiter] = await Promise.all(
        [0, 1, 2, 3].map(() => makeResident({ birthDate: "2000-01-01" })),
      );
      for (const who of [leaving!, cancelling!])
        expect((await registerForSession(session.id, actor(who.id))).ok).toBe(true);
      for (const who of [firstWaiter!, secondWaiter!])
        expect((await applyForSession(session.id, actor(who.id))).ok).toBe(true);
      const [deleted, cancelled] = await Promise.all([
        deleteAccount(leaving!.id, TEST_PASSWORD, { ip: null, now: NOW }),
        cancelRegistration(session.id, actor(cancelling!.id)),
      ]);
      expect(deleted.ok && cancelled.ok).toBe(true);
      expect(await counts(session.id)).toMatchObject({ counter: 2, registrations: 0, held: 2 });
    }
  }, 60_000);
});

describe("never beyond the seats, whatever runs at once", () => {
  it("cancellations, confirmations and registrations of 60 residents in parallel", async () => {
    const program = await makeProgram("forum");
    const session = await makeSession(program.id, { capacity: 10, lottery: false });
    const holders = await makeResidents(10, { birthDate: "2000-01-01" });
    const waiting = await makeResidents(20, { birthDate: "2000-01-01" });
    const newcomers = await makeResidents(30, { birthDate: "2000-01-01" });
    for (const h of holders)
      expect((await registerForSession(session.id, actor(h.id))).ok).toBe(true);
    for (const w of waiting) expect((await applyForSession(session.id, actor(w.id))).ok).toBe(true);
    // half the holders cancel while newcomers try to register and those offered confirm
    await Promise.all([
      ...holders.slice(0, 5).map((h) => cancelRegistration(session.id, actor(h.id))),
      ...newcomers.map((n) => registerForSession(session.id, actor(n.id))),
      ...waiting.map((w) => confirmSeat(session.id, actor(w.id))),
    ]);
    await Promise.all(waiting.map((w) => confirmSeat(session.id, actor(w.id))));
    const after = await counts(session.id);
    expect(after.registrations + after.held).toBe(after.counter);
    expect(after.counter).toBeLessThanOrEqual(10);
    expect(after.registrations).toBe(10);
    // the freed seats went to the first five waiting, not to newcomers
    const newcomerSeats = await db.programRegistration.count({
      where: { sessionId: session.id, residentId: { in: newcomers.map((n) => n.id) } },
    });
    expect(newcomerSeats).toBe(0);
  }, 60_000);

  it("a lottery's 40 winners confirming at once while staff re-run the draw: 40 registrations", async () => {
    const program = await makeProgram("hackathon");
    const session = await makeSession(program.id, { capacity: 40 });
    const people = await makeResidents(40, { birthDate: "2000-01-01" });
    await applyAll(
      session.id,
      people.map((p) => p.id),
    );
    await drawSession(session.id, { now: DRAW_AT, staffId: null, ip: null });
    const later = new Date(DRAW_AT.getTime() + HOUR);
    const [confirmations, again] = await Promise.all([
      Promise.all(people.map((p) => confirmSeat(session.id, actor(p.id, later)))),
      Promise.all(
        [1, 2, 3].map(() => drawSession(session.id, { now: later, staffId: null, ip: null })),
      ),
    ]);
    expect(confirmations.filter((c) => c.ok)).toHaveLength(40);
    expect(again.every((d) => !d.ok)).toBe(true);
    expect(await counts(session.id)).toMatchObject({ counter: 40, registrations: 40, held: 0 });
  }, 60_000);

  it.runIf(overlapping)(
    "negative control: confirming by reading the free seats instead of holding one overbooks",
    async () => {
      const program = await makeProgram();
      const session = await makeSession(program.id, { capacity: 5, lottery: false });
      // fewer seats than the pool has connections: the first wave all read "free"
      const people = await makeResidents(100, { birthDate: "2000-01-01" });
      const confirmReadThenWrite = (residentId: string) =>
        db.$transaction(async (tx) => {
          const [s, taken] = await Promise.all([
            tx.programSession.findUniqueOrThrow({ where: { id: session.id } }),
            tx.programRegistration.count({ where: { sessionId: session.id } }),
          ]);
          if (taken >= s.capacity) return false;
          await tx.programRegistration.create({
            data: { sessionId: session.id, residentId, liveKey: `${session.id}:${residentId}` },
          });
          return true;
        }, RACE_TX);
      await Promise.all(people.map((p) => confirmReadThenWrite(p.id)));
      expect(
        await db.programRegistration.count({ where: { sessionId: session.id } }),
      ).toBeGreaterThan(5);
    },
  );
});

describe("the staff draw page", () => {
  it("shows the draw to the host organisation's staff and admins, runs it after drawAt, and is not found to others", async () => {
    const org = await makeOrganization();
    const program = await makeProgram("mentoring", org.id);
    const session = await makeSession(program.id, { capacity: 3 });
    const people = await makeResidents(8, { birthDate: "2000-01-01" });
    await applyAll(
      session.id,
      people.map((p) => p.id),
    );
    const own = await makeStaff(org.id);
    const other = await makeStaff((await makeOrganization()).id);
    const admin = await makeStaff(null, "admin");
    const resident = await makeResident();
    const path = `/staff/events/sessions/${session.id}/draw`;
    const as = async (id: string) => ({ cookie: await sessionCookieFor(id) });
    const params = { sessionId: session.id };

    expect((await call(drawLoader, getRequest(path, await as(other.id)), params)).status).toBe(404);
    expect((await call(drawLoader, getRequest(path, await as(resident.id)), params)).status).toBe(
      403,
    );
    expect((await call(drawLoader, getRequest(path, await as(admin.id)), params)).status).toBe(200);
    // before drawAt: refused, nothing written
    const early = await call(drawAction, formRequest(path, {}, await as(own.id)), params);
    expect((early.data as Reply).refusal?.code).toBe("notStarted");
    expect(await db.programDraw.count({ where: { sessionId: session.id } })).toBe(0);
    // another organisation's staff cannot run it
    setTestNow(new Date(DRAW_AT.getTime() + 60_000));
    try {
      expect(
        (await call(drawAction, formRequest(path, {}, await as(other.id)), params)).status,
      ).toBe(404);
      const ran = await call(drawAction, formRequest(path, {}, await as(own.id)), params);
      expect(ran.status).toBe(302);
      const page = await call(drawLoader, getRequest(path, await as(own.id)), params);
      const data = page.data as {
        draw: { seed: string; seats: number; drawnByName: string };
        drawn: { won: boolean; position: number }[];
      };
      expect(data.draw.seats).toBe(3);
      expect(data.drawn).toHaveLength(8);
      expect(data.drawn.filter((d) => d.won)).toHaveLength(3);
      expect(data.draw.drawnByName).toBeTruthy();
      const audit = await db.auditEvent.findFirstOrThrow({
        where: { action: "event.draw", actorId: own.id },
      });
      expect(audit.organizationId).toBe(org.id);
    } finally {
      setTestNow(NOW);
    }
  });
});
