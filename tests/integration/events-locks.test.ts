// The events paths that write a session and its entries, run at the same time on a real database
// (SQLite, and PostgreSQL in its lane, where the transactions really overlap; decision 0027,
// addendum of 2026-12-04): confirmations racing withdrawals and the expiry sweep of the same held
// seats never deadlock and leave exact counts, and so does an account deletion racing its own
// confirmations; applications racing a switch of the allocation
// never leave an application on a first-come session (nor a registration on a lottery); and a
// program's move is announced to all its sessions to come or, when one fails, to none, and once
// when two staff save it at once. Each has a
// PostgreSQL negative control: the previous way of doing it, shown to fail.
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  applyForSession,
  confirmSeat,
  drawSession,
  releaseSeat,
  runAllocationTasks,
  withdrawApplication,
} from "~/domain/events/allocation.server";
import { updateProgram, updateSession } from "~/domain/events/manage.server";
import { registerForSession } from "~/domain/events/register.server";
import { announceMove } from "~/domain/events/reschedule.server";
import { deleteAccount } from "~/domain/residents/service.server";
import { ProgramSchema, SessionSchema } from "~/domain/events/staff-schema";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { makeProgram, makeSession } from "#tests/factories/events";
import { makeStaff } from "#tests/factories/jobs";
import { makeResident, makeResidents, TEST_PASSWORD } from "#tests/factories/residents";
import { holdPoint } from "#tests/support/hold-point";

const db = getDb();
const engine = inject("databaseEngine");
const overlapping = engine === "postgresql";
const NOW = seoulInstant("2026-11-25", "02:00");
const DRAW_AT = seoulInstant("2026-11-30", "10:00");
const HOUR = 3_600_000;
const RACE_TX = { maxWait: 20_000, timeout: 20_000 };

beforeAll(() => setTestNow(NOW));

const actor = (residentId: string, now = NOW) => ({ residentId, now, ip: null });

/** Runs `run` after i × `step` ms: spread over each other's transactions, they interleave. */
const staggered = <T>(i: number, step: number, run: () => Promise<T>) =>
  new Promise<T>((resolve, reject) => {
    setTimeout(() => run().then(resolve, reject), i * step);
  });

/** Whether a transaction failed because the database chose it as a deadlock's victim. */
const isDeadlock = (error: unknown) =>
  /deadlock/i.test(String((error as { message?: string })?.message ?? error));

/** PostgreSQL's count of deadlocks: a victim is run again once (db.server.ts), unseen. */
const deadlocksSoFar = async () => {
  const [row] = await db.$queryRawUnsafe<{ deadlocks: bigint | number }[]>(
    "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()",
  );
  return Number(row!.deadlocks);
};

/** Deadlocks PostgreSQL counted since `before` (its statistics reach the view within a second). */
async function deadlocksSince(before: number) {
  let counted = 0;
  for (let wait = 0; wait < 30 && counted === 0; wait += 1) {
    counted = (await deadlocksSoFar()) - before;
    if (counted === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return counted;
}

// ───────────── 1. lock order: confirming, withdrawing, expiring ─────────────

describe("confirmations racing withdrawals and the expiry sweep of the same held seats", () => {
  /** A lottery of `seats` seats and as many applicants, drawn: every one holds a seat to confirm. */
  async function drawnLottery(seats: number) {
    const program = await makeProgram({ kind: "lecture", slugPrefix: "locks" });
    const session = await makeSession(program.id, {
      day: "2026-12-10",
      capacity: seats,
      lottery: true,
      closesAt: seoulInstant("2026-11-29", "18:00"),
      drawAt: DRAW_AT,
      confirmHours: 24,
    });
    const people = await makeResidents(seats, { birthDate: "2000-01-01" });
    for (const p of people) expect((await applyForSession(session.id, actor(p.id))).ok).toBe(true);
    expect(await drawSession(session.id, { now: DRAW_AT, staffId: null, ip: null })).toMatchObject({
      ok: true,
      winners: seats,
    });
    // the holds end at `deadline`: confirming just before it races the sweep just at it
    const deadline = new Date(DRAW_AT.getTime() + 24 * HOUR);
    return { session, people, deadline, before: new Date(deadline.getTime() - 1) };
  }

  it("never deadlocks, and every seat ends confirmed or given back, in 4 rounds of 20", async () => {
    for (let round = 0; round < 4; round += 1) {
      const { session, people, deadline, before } = await drawnLottery(20);
      // everyone confirms; the first half also withdraw at the same moment; the sweep runs too
      const withdrawing = people.slice(0, 10);
      const [, confirmations, withdrawals] = await Promise.all([
        staggered(1, 20, () => runAllocationTasks(deadline)),
        Promise.all(
          people.map((p, i) => staggered(i, 3, () => confirmSeat(session.id, actor(p.id, before)))),
        ),
        Promise.all(
          withdrawing.map((p, i) =>
            staggered(i, 3, () => withdrawApplication(session.id, actor(p.id, before))),
          ),
        ),
      ]);
      const rows = await db.programApplication.findMany({
        where: { sessionId: session.id },
        select: { residentId: true, status: true },
      });
      const statusOf = new Map(rows.map((r) => [r.residentId, r.status]));
      people.forEach((p, i) => {
        const status = statusOf.get(p.id);
        if (confirmations[i]!.ok) expect(status).toBe("confirmed");
        else expect(i < 10 ? ["withdrawn", "expired"] : ["expired"]).toContain(status);
      });
      withdrawals.forEach((w, i) => {
        if (w.ok) expect(statusOf.get(withdrawing[i]!.id)).toBe("withdrawn");
      });
      const confirmed = confirmations.filter((c) => c.ok).length;
      expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(confirmed);
      expect(rows.every((r) => ["confirmed", "withdrawn", "expired"].includes(r.status))).toBe(
        true,
      );
      // nobody waits: every seat not confirmed went back, exactly once
      const after = await db.programSession.findUniqueOrThrow({ where: { id: session.id } });
      expect(after.registeredCount).toBe(confirmed);
      expect(
        await db.programRegistration.count({
          where: { sessionId: session.id, status: "registered" },
        }),
      ).toBe(confirmed);
    }
  }, 180_000);

  it.runIf(overlapping)(
    "negative control: withdrawing and expiring that take the entry before the session deadlock",
    async () => {
      // the previous withdrawal and sweep step: the entry's conditional update, then the seat
      const entryFirst = (sessionId: string, residentId: string, now: Date, status: string) =>
        db.$transaction(async (tx) => {
          const ended = await tx.programApplication.updateMany({
            where: { sessionId, residentId, status: { in: ["won", "offered"] } },
            data: { status, liveKey: null },
          });
          if (ended.count === 1) await releaseSeat(tx, sessionId, now);
        }, RACE_TX);
      // counted by PostgreSQL too: a victim run again successfully (db.server.ts) is still one
      const countedBefore = await deadlocksSoFar();
      let deadlocks = 0;
      for (let round = 0; round < 6 && deadlocks === 0; round += 1) {
        const { session, people, deadline, before } = await drawnLottery(20);
        const settled = await Promise.allSettled([
          ...people.map((p, i) =>
            staggered(i, 3, () => confirmSeat(session.id, actor(p.id, before))),
          ),
          ...people.map((p, i) =>
            staggered(i, 3, () =>
              entryFirst(
                session.id,
                p.id,
                i % 2 ? deadline : before,
                i % 2 ? "expired" : "withdrawn",
              ),
            ),
          ),
        ]);
        deadlocks += settled.filter((s) => s.status === "rejected" && isDeadlock(s.reason)).length;
        deadlocks += await deadlocksSince(countedBefore);
      }
      expect(deadlocks).toBeGreaterThan(0);
    },
    180_000,
  );
});

// ───────────── 1b. an account deleted while its held seats are confirmed ─────────────

describe("an account deletion racing confirmations of held seats", () => {
  /**
   * Three drawn lotteries of 4 seats: the leaving resident won a seat in each, three others won
   * the rest; nobody waits, so a seat given up goes back to everyone.
   */
  async function threeDrawnLotteries() {
    const program = await makeProgram({ kind: "lecture", slugPrefix: "locks-delete" });
    // made one by one: a password to delete the account with
    const leaving = await makeResident({ birthDate: "2000-01-01" });
    const others = await makeResidents(9, { birthDate: "2000-01-01" });
    const sessions = [];
    for (const [n, day] of ["2026-12-10", "2026-12-11", "2026-12-12"].entries()) {
      const session = await makeSession(program.id, {
        day,
        capacity: 4,
        lottery: true,
        closesAt: seoulInstant("2026-11-29", "18:00"),
        drawAt: DRAW_AT,
        confirmHours: 24,
      });
      const entrants = [leaving, ...others.slice(n * 3, n * 3 + 3)];
      for (const p of entrants)
        expect((await applyForSession(session.id, actor(p.id))).ok).toBe(true);
      expect(
        await drawSession(session.id, { now: DRAW_AT, staffId: null, ip: null }),
      ).toMatchObject({ ok: true, winners: 4 });
      sessions.push({ id: session.id, entrants });
    }
    return { leaving, sessions };
  }

  const confirmAt = new Date(DRAW_AT.getTime() + HOUR);

  async function seatsAreExact(sessionIds: string[], leavingId: string) {
    for (const sessionId of sessionIds) {
      const [session, registered] = await Promise.all([
        db.programSession.findUniqueOrThrow({ where: { id: sessionId } }),
        db.programRegistration.count({ where: { sessionId, status: "registered" } }),
      ]);
      expect(session.registeredCount).toBe(registered);
    }
    expect(
      await db.programRegistration.count({
        where: { residentId: leavingId, status: "registered" },
      }),
    ).toBe(0);
    expect(
      await db.programApplication.count({
        where: { residentId: leavingId, status: { in: ["applied", "won", "offered", "waiting"] } },
      }),
    ).toBe(0);
  }

  it("never fails, leaves no live seat to the deleted account and exact counters, in 4 rounds", async () => {
    const deadlocksBefore = overlapping ? await deadlocksSoFar() : 0;
    for (let round = 0; round < 4; round += 1) {
      const { leaving, sessions } = await threeDrawnLotteries();
      const confirmations = sessions.flatMap((s) =>
        s.entrants.map((p) => ({ sessionId: s.id, residentId: p.id })),
      );
      // the password check comes before the deletion's transaction: spread the confirmations
      // over it, more widely each round, so that some land before, during and after
      const step = [2, 10, 25, 50][round]!;
      const [deleted, confirmed] = await Promise.all([
        deleteAccount(leaving.id, TEST_PASSWORD, { ip: null, now: confirmAt }),
        Promise.all(
          confirmations.map((c, i) =>
            staggered(i, step, () => confirmSeat(c.sessionId, actor(c.residentId, confirmAt))),
          ),
        ),
      ]);
      expect(deleted).toEqual({ ok: true });
      confirmed.forEach((outcome, i) => {
        // the others always get their seat; the leaving one's confirmation may lose to the deletion
        if (confirmations[i]!.residentId !== leaving.id) expect(outcome.ok).toBe(true);
        else if (!outcome.ok) expect(["notFound", "offerGone"]).toContain(outcome.code);
      });
      await seatsAreExact(
        sessions.map((s) => s.id),
        leaving.id,
      );
      for (const s of sessions)
        expect(
          await db.programRegistration.count({ where: { sessionId: s.id, status: "registered" } }),
        ).toBe(3);
    }
    if (overlapping) {
      // the statistics reach the view within a second or so
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await deadlocksSoFar()).toBe(deadlocksBefore);
    }
  }, 180_000);

  it.runIf(overlapping)(
    "negative control: a deletion that takes the entries before their sessions deadlocks",
    async () => {
      // the entry-first way: its held seats withdrawn, then their sessions written to free them;
      // the confirmations start once it holds the entries
      const entryFirstDeletion = (residentId: string, holding: () => void) =>
        db.$transaction(async (tx) => {
          const held = await tx.programApplication.findMany({
            where: { residentId, status: { in: ["won", "offered"] } },
            orderBy: { sessionId: "asc" },
            select: { id: true, sessionId: true },
          });
          await tx.programApplication.updateMany({
            where: { id: { in: held.map((h) => h.id) } },
            data: { status: "withdrawn", liveKey: null },
          });
          holding();
          await new Promise((resolve) => setTimeout(resolve, 200));
          for (const h of held) await releaseSeat(tx, h.sessionId, confirmAt);
        }, RACE_TX);
      const before = await deadlocksSoFar();
      let deadlocks = 0;
      for (let round = 0; round < 4 && deadlocks === 0; round += 1) {
        const { leaving, sessions } = await threeDrawnLotteries();
        let holding!: () => void;
        const held = new Promise<void>((resolve) => (holding = resolve));
        await Promise.allSettled([
          entryFirstDeletion(leaving.id, holding),
          ...sessions.map((s) => held.then(() => confirmSeat(s.id, actor(leaving.id, confirmAt)))),
        ]);
        deadlocks = await deadlocksSince(before);
      }
      expect(deadlocks).toBeGreaterThan(0);
    },
    180_000,
  );
});

// ───────────── 2. switching the allocation while people apply ─────────────

describe("applications and registrations racing a switch of the allocation", () => {
  const sessionInput = (allocation: "first_come" | "lottery") =>
    SessionSchema.parse({
      startDate: "2026-12-10",
      startTime: "19:00",
      endDate: "2026-12-10",
      endTime: "21:00",
      capacity: 30,
      opensDate: "2026-11-20",
      opensTime: "09:00",
      closesDate: "2026-11-29",
      closesTime: "18:00",
      allocation,
      ...(allocation === "lottery"
        ? { drawDate: "2026-11-30", drawTime: "10:00", confirmHours: 48 }
        : {}),
    });

  async function lotteryWithStaff(lottery: boolean) {
    const program = await makeProgram({ kind: "forum", slugPrefix: "locks" });
    const session = await makeSession(program.id, {
      day: "2026-12-10",
      capacity: 30,
      lottery,
      closesAt: seoulInstant("2026-11-29", "18:00"),
      drawAt: DRAW_AT,
    });
    const staff = await makeStaff(program.organizationId);
    const people = await makeResidents(20, { birthDate: "2000-01-01" });
    return { session, staff, people };
  }

  it("lottery → first come: the switch or every application is refused, never both let through, in 4 rounds", async () => {
    for (let round = 0; round < 4; round += 1) {
      const { session, staff, people } = await lotteryWithStaff(true);
      const [switched, applied] = await Promise.all([
        staggered(1, 10 + round * 10, () =>
          updateSession(staff.user, session.id, sessionInput("first_come"), { now: NOW, ip: null }),
        ),
        Promise.all(
          people.map((p, i) => staggered(i, 3, () => applyForSession(session.id, actor(p.id)))),
        ),
      ]);
      const row = await db.programSession.findUniqueOrThrow({ where: { id: session.id } });
      const live = await db.programApplication.count({ where: { sessionId: session.id } });
      // refused in the transaction ("closed"), or, when the switch had committed before it read
      // the session, as a first-come session with seats ("notFull": register instead)
      for (const outcome of applied)
        if (!outcome.ok) expect(["closed", "notFull"]).toContain(outcome.code);
      expect(live).toBe(applied.filter((a) => a.ok).length);
      if (switched.ok) {
        expect(row.allocation).toBe("first_come");
        expect(live).toBe(0);
      } else {
        expect(switched.code).toBe("allocationLocked");
        expect(row.allocation).toBe("lottery");
        expect(live).toBeGreaterThan(0);
      }
    }
  }, 180_000);

  it("first come → lottery: the switch or every registration is refused, in 4 rounds", async () => {
    for (let round = 0; round < 4; round += 1) {
      const { session, staff, people } = await lotteryWithStaff(false);
      const [switched, registered] = await Promise.all([
        staggered(1, 10 + round * 10, () =>
          updateSession(staff.user, session.id, sessionInput("lottery"), { now: NOW, ip: null }),
        ),
        Promise.all(
          people.map((p, i) => staggered(i, 3, () => registerForSession(session.id, actor(p.id)))),
        ),
      ]);
      const row = await db.programSession.findUniqueOrThrow({ where: { id: session.id } });
      const live = await db.programRegistration.count({ where: { sessionId: session.id } });
      for (const outcome of registered) if (!outcome.ok) expect(outcome.code).toBe("notAllowed");
      expect(live).toBe(registered.filter((r) => r.ok).length);
      expect(row.registeredCount).toBe(live);
      expect(row.allocation).toBe(switched.ok ? "lottery" : "first_come");
      if (switched.ok) expect(live).toBe(0);
      else expect(live).toBeGreaterThan(0);
    }
  }, 180_000);

  it.runIf(overlapping)(
    "negative control: an application that does not take its turn on the session slips past the switch",
    async () => {
      // The interleaving is forced rather than left to timing, so it cannot miss under load: the
      // previous application step inserts its entry and waits, uncommitted, while the previous
      // switch (one conditional update, its "no applications" seen as it starts) runs.
      const { session, people } = await lotteryWithStaff(true);
      const resident = people[0]!;
      const point = holdPoint();
      const applyUnguarded = db.$transaction(async (tx) => {
        await tx.resident.updateMany({ where: { id: resident.id }, data: { updatedAt: NOW } });
        await tx.programApplication.create({
          data: {
            sessionId: session.id,
            residentId: resident.id,
            status: "applied",
            liveKey: `${session.id}:${resident.id}`,
            createdAt: NOW,
          },
        });
        await point.hold();
        await tx.auditEvent.create({
          data: { action: "event.apply", subjectType: "ProgramApplication", actorId: resident.id },
        });
      }, RACE_TX);
      await point.arrived;
      const switchUnguarded = db.programSession
        .updateMany({
          where: {
            id: session.id,
            registeredCount: 0,
            draw: null,
            applications: { none: { status: { in: ["applied", "waiting", "won", "offered"] } } },
          },
          data: { allocation: "first_come", drawAt: null },
        })
        .then((result) => result);
      // the switch does not wait for the open application: nothing it writes is locked by it
      const switched = await Promise.race([
        switchUnguarded,
        new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 5_000)),
      ]);
      point.release();
      await applyUnguarded;
      await switchUnguarded;
      expect(switched).toEqual({ count: 1 });
      const row = await db.programSession.findUniqueOrThrow({ where: { id: session.id } });
      expect(row.allocation).toBe("first_come");
      const stranded = await db.programApplication.count({ where: { sessionId: session.id } });
      expect(stranded).toBeGreaterThan(0);
    },
    180_000,
  );
});

// ───────────── 3. a program's move: all its sessions or none ─────────────

describe("a program's new place announced to its sessions to come", () => {
  const programInput = (venueKo: string) =>
    ProgramSchema.parse({
      kind: "mentoring",
      titleKo: "멘토링",
      titleEn: "Mentoring",
      descriptionKo: "이력서 쓰기",
      descriptionEn: "Writing a CV",
      format: "in_person",
      venueKo,
      venueEn: "Room",
      district: "mapo",
      languages: ["ko"],
      status: "published",
    });

  /** A program with three sessions to come, two registrants each; the middle one (by id) fails. */
  async function programOfThree() {
    const program = await makeProgram({ slugPrefix: "locks", venueKo: "강의실 A" });
    const sessions = [];
    for (const day of ["2026-12-01", "2026-12-02", "2026-12-03"])
      sessions.push(await makeSession(program.id, { day }));
    const people = await makeResidents(6, { birthDate: "2000-01-01" });
    for (const [i, p] of people.entries())
      expect((await registerForSession(sessions[i % 3]!.id, actor(p.id))).ok).toBe(true);
    const staff = await makeStaff(program.organizationId);
    const ids = sessions.map((s) => s.id).sort();
    return { program, staff, ids, failing: ids[1]!, residentIds: people.map((p) => p.id) };
  }

  // how the injected failure surfaces (SQLite's RAISE reads to Prisma as a constraint failure)
  const INJECTED = /injected failure|programSession\.update\(\)/;

  /** Makes raising this session's revision fail inside the database, as a crash part-way would. */
  async function injectFailure(sessionId: string) {
    const name = `fail_move_${sessionId.replace(/\W/g, "")}`;
    if (engine === "postgresql") {
      await db.$executeRawUnsafe(
        `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`,
      );
      await db.$executeRawUnsafe(
        `CREATE TRIGGER ${name} BEFORE UPDATE ON "ProgramSession" FOR EACH ROW WHEN (NEW.id = '${sessionId}' AND NEW.sequence <> OLD.sequence) EXECUTE FUNCTION ${name}()`,
      );
    } else {
      await db.$executeRawUnsafe(
        `CREATE TRIGGER ${name} BEFORE UPDATE OF sequence ON "ProgramSession" WHEN NEW.id = '${sessionId}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
      );
    }
    return async () => {
      await db.$executeRawUnsafe(
        engine === "postgresql"
          ? `DROP TRIGGER ${name} ON "ProgramSession"`
          : `DROP TRIGGER ${name}`,
      );
      if (engine === "postgresql") await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }

  async function written(programId: string, ids: string[], residentIds: string[]) {
    const [program, sessions, messages, audits] = await Promise.all([
      db.program.findUniqueOrThrow({ where: { id: programId }, select: { venueKo: true } }),
      db.programSession.findMany({
        where: { id: { in: ids } },
        orderBy: { id: "asc" },
        select: { sequence: true },
      }),
      db.notification.count({
        where: { template: "event_rescheduled", residentId: { in: residentIds } },
      }),
      db.auditEvent.count({ where: { action: "event.session_move", subjectId: { in: ids } } }),
    ]);
    return { venue: program.venueKo, sequences: sessions.map((s) => s.sequence), messages, audits };
  }

  it("a failure at the second of three sessions writes nothing; saved again, all three are told", async () => {
    const { program, staff, ids, failing, residentIds } = await programOfThree();
    const drop = await injectFailure(failing);
    try {
      await expect(
        updateProgram(staff.user, program.id, programInput("강의실 B"), { now: NOW, ip: null }),
      ).rejects.toThrow(INJECTED);
    } finally {
      await drop();
    }
    expect(await written(program.id, ids, residentIds)).toEqual({
      venue: "강의실 A",
      sequences: [0, 0, 0],
      messages: 0,
      audits: 0,
    });
    expect(
      await updateProgram(staff.user, program.id, programInput("강의실 B"), { now: NOW, ip: null }),
    ).toEqual({ ok: true, id: program.id });
    const after = await written(program.id, ids, residentIds);
    expect(after).toMatchObject({ venue: "강의실 B", sequences: [1, 1, 1], audits: 3 });
    expect(after.messages).toBeGreaterThanOrEqual(6);
  }, 60_000);

  /** How many move messages each registrant got by e-mail, in the order of `residentIds`. */
  async function movesTold(residentIds: string[]) {
    const rows = await db.notification.findMany({
      where: { template: "event_rescheduled", channel: "email", residentId: { in: residentIds } },
      select: { residentId: true },
    });
    return residentIds.map((id) => rows.filter((r) => r.residentId === id).length);
  }

  it("two staff saving the same move at once: each registrant is told once, in 4 rounds", async () => {
    for (let round = 0; round < 4; round += 1) {
      const { program, staff, ids, residentIds } = await programOfThree();
      const save = () =>
        updateProgram(staff.user, program.id, programInput("강의실 B"), { now: NOW, ip: null });
      const results = await Promise.all([save(), save()]);
      expect(results).toEqual([
        { ok: true, id: program.id },
        { ok: true, id: program.id },
      ]);
      expect(await movesTold(residentIds)).toEqual(residentIds.map(() => 1));
      const after = await written(program.id, ids, residentIds);
      expect(after).toMatchObject({ venue: "강의실 B", sequences: [1, 1, 1], audits: 3 });
    }
  }, 120_000);

  it("negative control: reading the program before the transaction announces the move twice", async () => {
    const { program, ids, residentIds } = await programOfThree();
    // the previous way: what the program was, read before the transaction that saves and tells
    const previousSave = async () => {
      const before = await db.program.findUniqueOrThrow({
        where: { id: program.id },
        select: { venueKo: true },
      });
      await db.$transaction(async (tx) => {
        await tx.program.update({ where: { id: program.id }, data: { venueKo: "강의실 B" } });
        if (before.venueKo === "강의실 B") return;
        for (const id of ids) {
          const s = await tx.programSession.findUniqueOrThrow({ where: { id } });
          await announceMove(tx, id, s.startsAt, NOW);
        }
      }, RACE_TX);
    };
    await Promise.all([previousSave(), previousSave()]);
    expect(await movesTold(residentIds)).toEqual(residentIds.map(() => 2));
    expect((await written(program.id, ids, residentIds)).sequences).toEqual([2, 2, 2]);
  }, 60_000);

  it("negative control: one transaction per session leaves the first session moved and told", async () => {
    const { program, ids, failing, residentIds } = await programOfThree();
    const drop = await injectFailure(failing);
    try {
      await db.program.update({ where: { id: program.id }, data: { venueKo: "강의실 B" } });
      // the previous way: each session announced in its own transaction, in order
      for (const id of ids)
        await db.$transaction(async (tx) => {
          const s = await tx.programSession.findUniqueOrThrow({ where: { id } });
          await announceMove(tx, id, s.startsAt, NOW);
        }, RACE_TX);
      throw new Error("the injected failure did not happen");
    } catch (error) {
      expect(String(error)).toMatch(INJECTED);
    } finally {
      await drop();
    }
    const after = await written(program.id, ids, residentIds);
    expect(after.sequences).toEqual([1, 0, 0]);
    expect(after.messages).toBeGreaterThan(0);
  }, 60_000);
});
