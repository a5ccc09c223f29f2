// Changing a session after people signed up, through the real route actions on a real database
// (SQLite, and PostgreSQL in its lane): the allocation (first come or a lottery with its draw time
// and confirmation hours) validated in plain words and locked once people registered, applied or
// the draw ran (nothing written); added seats offered to the people waiting, in order, through the
// one offer path; and a move (new times, place or link) told to every registrant and applicant in
// their language, their reminder for the old time taken back and scheduled again for the new one,
// and the calendar files' SEQUENCE raised with the same UID. A title edit is not a move.
import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import { applyForSession, drawSession } from "~/domain/events/allocation.server";
import { registerForSession } from "~/domain/events/register.server";
import { eventReminderAt } from "~/domain/events/reminder-time";
import { sendEventReminders } from "~/domain/events/reminders.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { loader as registrationCalendar } from "~/routes/events.$slug_.$sessionId.calendar[.ics]";
import { loader as feedLoader } from "~/routes/events[.]ics";
import { action as editProgramAction } from "~/routes/staff.events.$programId.edit";
import { action as newSessionAction } from "~/routes/staff.events.$programId.sessions.new";
import { action as newProgramAction } from "~/routes/staff.events.new";
import { action as sessionAction } from "~/routes/staff.events.sessions.$sessionId._index";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeLoggedInStaff, makeOrganization } from "#tests/factories/jobs";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
// Wednesday 25 November 2026, 02:00 in Seoul (the e2e server's clock)
const NOW = seoulInstant("2026-11-25", "02:00");
beforeEach(() => setTestNow(NOW));

type Reply = {
  result?: {
    error?: Record<string, string[] | null>;
    initialValue?: Record<string, unknown> | null;
  } | null;
  refusal?: { code: string } | null;
};

const programFields = (overrides: Record<string, string | string[]> = {}) => ({
  intent: "save",
  kind: "mentoring",
  titleKo: "멘토링",
  titleEn: "Mentoring",
  descriptionKo: "이력서 쓰기",
  descriptionEn: "Writing a CV",
  format: "hybrid",
  onlineUrl: "https://meet.example/mentoring",
  venueKo: "청년일자리센터 강의실",
  venueEn: "Youth Job Center lecture room",
  district: "jung",
  languages: ["ko"],
  status: "published",
  ...overrides,
});

const sessionFields = (overrides: Record<string, string> = {}) => ({
  intent: "save",
  startDate: "2026-12-03",
  startTime: "19:00",
  endDate: "2026-12-03",
  endTime: "21:00",
  capacity: "20",
  opensDate: "2026-11-20",
  opensTime: "09:00",
  closesDate: "2026-12-02",
  closesTime: "18:00",
  allocation: "first_come",
  ...overrides,
});

/** A lottery drawn on 2 December at 20:00 Seoul time, winners confirming within 12 hours. */
const lotteryFields = (overrides: Record<string, string> = {}) =>
  sessionFields({
    allocation: "lottery",
    drawDate: "2026-12-02",
    drawTime: "20:00",
    confirmHours: "12",
    ...overrides,
  });

async function host() {
  const org = await makeOrganization();
  const staff = await makeLoggedInStaff(org.id);
  const { cookie } = staff;
  const reply = await call(
    newProgramAction,
    formRequest("/staff/events/new", programFields(), { cookie }),
  );
  expect(reply.status).toBe(302);
  const programId = reply.location!.split("/")[3]!.split("?")[0]!;
  const program = await db.program.findUniqueOrThrow({
    where: { id: programId },
    select: { slug: true },
  });
  return { cookie, programId, slug: program.slug };
}

const newSession = (cookie: string, programId: string, fields: Record<string, string>) =>
  call(
    newSessionAction,
    formRequest(`/staff/events/${programId}/sessions/new`, fields, { cookie }),
    { programId },
  );

async function sessionOf(cookie: string, programId: string, fields = sessionFields()) {
  const reply = await newSession(cookie, programId, fields);
  expect(reply.status).toBe(302);
  return reply.location!.split("/")[4]!.split("?")[0]!;
}

const saveSession = (cookie: string, sessionId: string, fields: Record<string, string>) =>
  call(sessionAction, formRequest(`/staff/events/sessions/${sessionId}`, fields, { cookie }), {
    sessionId,
  });

const actor = (residentId: string, now = NOW) => ({ residentId, now, ip: null });

async function registered(sessionId: string, language: "ko" | "en" = "ko") {
  const resident = await makeResident({ preferredLanguage: language, birthDate: "1999-05-05" });
  expect((await registerForSession(sessionId, actor(resident.id))).ok).toBe(true);
  return resident;
}

async function joined(sessionId: string, language: "ko" | "en" = "ko", now = NOW) {
  const resident = await makeResident({ preferredLanguage: language, birthDate: "1999-05-05" });
  const outcome = await applyForSession(sessionId, actor(resident.id, now));
  expect(outcome).toMatchObject({ ok: true });
  return resident;
}

const sessionRow = (id: string) => db.programSession.findUniqueOrThrow({ where: { id } });
const auditCount = () => db.auditEvent.count({ where: { action: { startsWith: "event." } } });

describe("the allocation in the session form", () => {
  it("refuses a lottery without a sound draw time or confirmation hours, in plain words, keeping what was typed and writing nothing", async () => {
    const { cookie, programId } = await host();
    const before = { sessions: await db.programSession.count(), audits: await auditCount() };
    const cases: [Record<string, string>, string, string][] = [
      [{ drawDate: "" }, "drawDate", "events:staff.errors.drawRequired"],
      [
        { drawDate: "2026-12-02", drawTime: "17:00" },
        "drawDate",
        "events:staff.errors.drawAfterWindow",
      ],
      [
        { drawDate: "2026-12-03", drawTime: "19:00" },
        "drawDate",
        "events:staff.errors.drawBeforeStart",
      ],
      [{ confirmHours: "0" }, "confirmHours", "events:staff.errors.confirmHours"],
      [{ confirmHours: "169" }, "confirmHours", "events:staff.errors.confirmHours"],
      [{ confirmHours: "1.5" }, "confirmHours", "events:staff.errors.confirmHours"],
      [{ confirmHours: "" }, "confirmHours", "events:staff.errors.confirmHours"],
      // 20:00 + 24 hours is past the 19:00 start the next day
      [{ confirmHours: "24" }, "confirmHours", "events:staff.errors.confirmBeforeStart"],
    ];
    for (const [overrides, field, message] of cases) {
      const reply = await newSession(cookie, programId, lotteryFields(overrides));
      expect(reply.status, JSON.stringify(overrides)).toBe(400);
      const result = (reply.data as Reply).result!;
      expect(result.error![field], JSON.stringify(overrides)).toEqual([message]);
      // what was typed comes back
      expect(result.initialValue).toMatchObject({ allocation: "lottery", capacity: "20" });
    }
    // first come needs none of it (the lottery's fields are ignored)
    expect(await db.programSession.count()).toBe(before.sessions);
    expect(await auditCount()).toBe(before.audits);
  });

  it("stores a lottery's draw time (Seoul) and hours, audited; first come stays the default", async () => {
    const { cookie, programId } = await host();
    const lottery = await sessionOf(cookie, programId, lotteryFields());
    expect(await sessionRow(lottery)).toMatchObject({
      allocation: "lottery",
      drawAt: new Date("2026-12-02T11:00:00.000Z"),
      confirmHours: 12,
      sequence: 0,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "event.session_create", subjectId: lottery },
    });
    expect(JSON.parse(audit.metadata)).toMatchObject({ allocation: "lottery" });
    const plain = await sessionOf(
      cookie,
      programId,
      sessionFields({ startDate: "2026-12-04", endDate: "2026-12-04", drawDate: "2026-01-01" }),
    );
    expect(await sessionRow(plain)).toMatchObject({ allocation: "first_come", drawAt: null });
  });

  it("switches while nobody signed up, and refuses to switch once someone registered, applied, or the draw ran, writing nothing", async () => {
    const { cookie, programId } = await host();
    // empty: switching both ways is fine
    const empty = await sessionOf(cookie, programId);
    expect((await saveSession(cookie, empty, lotteryFields())).status).toBe(302);
    expect((await sessionRow(empty)).allocation).toBe("lottery");
    expect((await saveSession(cookie, empty, sessionFields())).status).toBe(302);
    expect(await sessionRow(empty)).toMatchObject({ allocation: "first_come", drawAt: null });

    // first come with a registration
    const firstCome = await sessionOf(
      cookie,
      programId,
      sessionFields({ startDate: "2026-12-04", endDate: "2026-12-04" }),
    );
    await registered(firstCome);
    const audits = await auditCount();
    const refusedSwitch = await saveSession(
      cookie,
      firstCome,
      lotteryFields({ startDate: "2026-12-04", endDate: "2026-12-04", capacity: "30" }),
    );
    expect(refusedSwitch.status).toBe(409);
    const reply = refusedSwitch.data as Reply;
    expect(reply.refusal!.code).toBe("allocationLocked");
    expect(reply.result!.error!.allocation).toEqual(["events:staff.problem.allocationLocked"]);
    expect(reply.result!.initialValue).toMatchObject({ allocation: "lottery", capacity: "30" });
    expect(await sessionRow(firstCome)).toMatchObject({ allocation: "first_come", capacity: 20 });
    expect(await auditCount()).toBe(audits);

    // a lottery with one application: no switch to first come
    const lottery = await sessionOf(
      cookie,
      programId,
      lotteryFields({ startDate: "2026-12-05", endDate: "2026-12-05", drawDate: "2026-12-04" }),
    );
    await joined(lottery);
    const toFirstCome = await saveSession(
      cookie,
      lottery,
      sessionFields({ startDate: "2026-12-05", endDate: "2026-12-05" }),
    );
    expect(toFirstCome.status).toBe(409);
    expect((await sessionRow(lottery)).allocation).toBe("lottery");
    // its draw time may still move before the draw
    const later = lotteryFields({
      startDate: "2026-12-05",
      endDate: "2026-12-05",
      drawDate: "2026-12-04",
      drawTime: "22:00",
    });
    expect((await saveSession(cookie, lottery, later)).status).toBe(302);

    // after the draw its settings hold
    const drawAt = seoulInstant("2026-12-04", "22:00");
    expect((await drawSession(lottery, { now: drawAt, staffId: null, ip: null })).ok).toBe(true);
    setTestNow(new Date(drawAt.getTime() + 60_000));
    const moveDraw = await saveSession(cookie, lottery, { ...later, confirmHours: "6" });
    expect(moveDraw.status).toBe(409);
    expect((moveDraw.data as Reply).refusal!.code).toBe("allocationLocked");
    expect((await sessionRow(lottery)).confirmHours).toBe(12);
    // the same settings with more seats: saved
    expect((await saveSession(cookie, lottery, { ...later, capacity: "25" })).status).toBe(302);
  });
});

describe("adding seats", () => {
  it("offers exactly the new seats to the first people waiting, in order, with their messages; fewer seats than taken stays refused", async () => {
    const { cookie, programId } = await host();
    const sessionId = await sessionOf(cookie, programId, sessionFields({ capacity: "2" }));
    await registered(sessionId);
    await registered(sessionId);
    const waiting = [
      await joined(sessionId, "en"),
      await joined(sessionId),
      await joined(sessionId),
    ];
    await db.notification.deleteMany({ where: { template: "event_seat_offered" } });

    const raised = await saveSession(cookie, sessionId, sessionFields({ capacity: "4" }));
    expect(raised.status).toBe(302);
    const applications = await db.programApplication.findMany({
      where: { sessionId },
      select: { residentId: true, status: true, offerExpiresAt: true },
    });
    const statusOf = (id: string) => applications.find((a) => a.residentId === id)!.status;
    expect(waiting.map((r) => statusOf(r.id))).toEqual(["offered", "offered", "waiting"]);
    expect(await sessionRow(sessionId)).toMatchObject({ capacity: 4, registeredCount: 4 });
    const offers = await db.notification.findMany({
      where: { template: "event_seat_offered", residentId: { in: waiting.map((r) => r.id) } },
      select: { residentId: true, locale: true, subject: true },
    });
    expect(offers.map((o) => o.residentId).sort()).toEqual([waiting[0]!.id, waiting[1]!.id].sort());
    expect(offers.find((o) => o.residentId === waiting[0]!.id)!.locale).toBe("en");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "event.session_update", subjectId: sessionId },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(audit.metadata)).toMatchObject({ capacity: 4, offered: 2 });

    // held seats count: 4 taken, 3 is refused and nothing changes
    const lower = await saveSession(cookie, sessionId, sessionFields({ capacity: "3" }));
    expect(lower.status).toBe(409);
    expect((lower.data as Reply).refusal!.code).toBe("seatsBelowRegistered");
    expect(await sessionRow(sessionId)).toMatchObject({ capacity: 4, registeredCount: 4 });
    expect(statusOf(waiting[2]!.id)).toBe("waiting");
  });

  it("offers a drawn lottery's new seat to the next in drawn order, and before the draw offers nothing", async () => {
    const { cookie, programId } = await host();
    const fields = lotteryFields({ capacity: "1" });
    const sessionId = await sessionOf(cookie, programId, fields);
    for (let i = 0; i < 3; i++) await joined(sessionId);
    // before the draw: nobody waits, the seats are the draw's
    expect((await saveSession(cookie, sessionId, { ...fields, capacity: "1" })).status).toBe(302);
    expect(await db.programApplication.count({ where: { sessionId, status: "applied" } })).toBe(3);

    const drawAt = seoulInstant("2026-12-02", "20:00");
    expect((await drawSession(sessionId, { now: drawAt, staffId: null, ip: null })).ok).toBe(true);
    setTestNow(new Date(drawAt.getTime() + 60_000));
    expect((await saveSession(cookie, sessionId, { ...fields, capacity: "2" })).status).toBe(302);
    const byPosition = await db.programApplication.findMany({
      where: { sessionId },
      orderBy: { drawPosition: "asc" },
      select: { status: true, drawPosition: true },
    });
    expect(byPosition.map((a) => a.status)).toEqual(["won", "offered", "waiting"]);
    expect(await sessionRow(sessionId)).toMatchObject({ capacity: 2, registeredCount: 2 });
  });
});

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, sequence: event.sequence, start: event.startDate.toJSDate() };
  });
}

describe("moving a session", () => {
  it("tells every registrant and applicant in their language, takes back the old reminder, schedules the new one and raises the calendars' SEQUENCE", async () => {
    const { cookie, programId, slug } = await host();
    const sessionId = await sessionOf(cookie, programId, sessionFields({ capacity: "2" }));
    const korean = await registered(sessionId, "ko");
    const english = await registered(sessionId, "en");
    await db.resident.update({
      where: { id: english.id },
      data: { phone: "010-1234-5678", phoneVerifiedAt: NOW, messageChannels: "both" },
    });
    const waiting = await joined(sessionId, "ko");
    // the reminder for 3 December, queued on the 2nd at 10:00 and not yet sent
    const oldStart = seoulInstant("2026-12-03", "19:00");
    const remindersOf = (status?: string) =>
      db.notification.count({
        where: {
          template: "event_reminder",
          channel: "email",
          residentId: { in: [korean.id, english.id] },
          ...(status ? { status } : {}),
        },
      });
    await sendEventReminders(eventReminderAt(oldStart));
    expect(await remindersOf("pending")).toBe(2);
    const calendarOf = async () =>
      parseCalendar(
        (
          await call(
            registrationCalendar,
            getRequest(`/events/${slug}/${sessionId}/calendar.ics`, {
              cookie: await sessionCookieFor(korean.id),
            }),
            { slug, sessionId },
          )
        ).data as string,
      )[0]!;
    const feedOf = async () =>
      parseCalendar(
        (await call(feedLoader, getRequest(`/events.ics?q=${encodeURIComponent("멘토링")}`)))
          .data as string,
      ).find((e) => e.uid === `event-session-${sessionId}@seoul-portal`)!;
    const before = { mine: await calendarOf(), feed: await feedOf() };
    expect(before.mine.sequence).toBe(0);
    expect(before.feed.sequence).toBe(0);

    const moved = sessionFields({
      capacity: "2",
      startDate: "2026-12-10",
      endDate: "2026-12-10",
    });
    const movedReply = await saveSession(cookie, sessionId, moved);
    expect(movedReply.location).toBe(`/staff/events/sessions/${sessionId}?saved=1&moved=3`);
    const newStart = seoulInstant("2026-12-10", "19:00");
    expect((await sessionRow(sessionId)).sequence).toBe(1);

    const notices = await db.notification.findMany({
      where: { template: { in: ["event_rescheduled", "event_rescheduled_applicant"] } },
      select: {
        residentId: true,
        channel: true,
        subject: true,
        body: true,
        topic: true,
        template: true,
      },
    });
    const ours = notices.filter((n) => [korean.id, english.id, waiting.id].includes(n.residentId!));
    expect(ours.map((n) => `${n.residentId}:${n.channel}:${n.template}`).sort()).toEqual(
      [
        `${korean.id}:email:event_rescheduled`,
        `${english.id}:email:event_rescheduled`,
        `${english.id}:sms:event_rescheduled`,
        `${waiting.id}:email:event_rescheduled_applicant`,
      ].sort(),
    );
    // a registrant's calendar link answers them; an applicant has no seat, so no such link
    const calendarLinks = (body: string) => body.match(/https?:\/\/\S+\.ics\b/g) ?? [];
    const koreanMail = ours.find((n) => n.residentId === korean.id)!;
    const [koreanLink] = calendarLinks(koreanMail.body);
    expect(koreanLink).toBeDefined();
    const calendarPath = new URL(koreanLink!).pathname;
    expect(calendarPath).toBe(`/events/${slug}/${sessionId}/calendar.ics`);
    const linkReply = await call(
      registrationCalendar,
      getRequest(calendarPath, { cookie: await sessionCookieFor(korean.id) }),
      { slug, sessionId },
    );
    expect(linkReply.status).toBe(200);
    const waitingMail = ours.find((n) => n.residentId === waiting.id)!;
    expect(waitingMail.subject).toMatch(/^\[일정 변경\] 멘토링/);
    expect(waitingMail.body).toContain("이전 일시:");
    expect(calendarLinks(waitingMail.body)).toEqual([]);
    expect(waitingMail.body).not.toContain("calendar.ics");
    // the link the applicant would have had leads them nowhere
    const applicantReply = await call(
      registrationCalendar,
      getRequest(calendarPath, { cookie: await sessionCookieFor(waiting.id) }),
      { slug, sessionId },
    );
    expect(applicantReply.status).toBe(404);
    const englishMail = ours.find((n) => n.residentId === english.id && n.channel === "email")!;
    expect(englishMail.subject).toMatch(/^\[Moved\] Mentoring · /);
    expect(englishMail.body).toContain("Previous time:");
    expect(englishMail.body).toContain("10");
    expect(ours.find((n) => n.residentId === korean.id)!.subject).toMatch(/^\[일정 변경\] 멘토링/);
    expect(ours.every((n) => n.topic === "required")).toBe(true);

    // the old reminders are withdrawn, none goes out for the old day…
    const reminders = await db.notification.findMany({
      where: { template: "event_reminder", residentId: { in: [korean.id, english.id] } },
      select: { status: true, dedupeKey: true },
    });
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((r) => r.status === "cancelled")).toBe(true);
    await sendEventReminders(eventReminderAt(oldStart));
    expect(await remindersOf("pending")).toBe(0);
    // …and the reminder comes again, once, the day before the new day
    await sendEventReminders(eventReminderAt(newStart));
    await sendEventReminders(eventReminderAt(newStart));
    expect(await remindersOf("pending")).toBe(2);
    expect(await remindersOf()).toBe(4);

    // the calendars: the same UID, a higher SEQUENCE, the new time
    const after = { mine: await calendarOf(), feed: await feedOf() };
    expect(after.mine.uid).toBe(before.mine.uid);
    expect(after.mine.sequence).toBe(1);
    expect(after.mine.start.toISOString()).toBe(newStart.toISOString());
    expect(after.feed.uid).toBe(before.feed.uid);
    expect(after.feed.sequence).toBe(1);

    // saving the same again is not a move: nobody told, no new revision
    const count = await db.notification.count({ where: { template: "event_rescheduled" } });
    expect((await saveSession(cookie, sessionId, moved)).status).toBe(302);
    expect((await sessionRow(sessionId)).sequence).toBe(1);
    expect(await db.notification.count({ where: { template: "event_rescheduled" } })).toBe(count);

    // the program's title and description: not a move
    const edit = (overrides: Record<string, string>) =>
      call(
        editProgramAction,
        formRequest(`/staff/events/${programId}/edit`, programFields(overrides), { cookie }),
        { programId },
      );
    expect((await edit({ titleEn: "Mentoring night", descriptionKo: "새 설명" })).status).toBe(302);
    expect((await sessionRow(sessionId)).sequence).toBe(1);
    expect(await db.notification.count({ where: { template: "event_rescheduled" } })).toBe(count);

    // its online link: a move for every session to come
    expect(
      (await edit({ titleEn: "Mentoring night", onlineUrl: "https://meet.example/other" })).status,
    ).toBe(302);
    expect((await sessionRow(sessionId)).sequence).toBe(2);
    const linkNotices = await db.notification.findMany({
      where: { template: "event_rescheduled", residentId: korean.id },
      orderBy: { createdAt: "asc" },
      select: { body: true },
    });
    expect(linkNotices).toHaveLength(2);
    expect(linkNotices[1]!.body).toContain("https://meet.example/other");
    expect((await calendarOf()).sequence).toBe(2);
    const audits = await db.auditEvent.findMany({
      where: {
        subjectId: sessionId,
        action: { in: ["event.session_update", "event.session_move"] },
      },
      select: { action: true, metadata: true },
    });
    expect(audits.some((a) => a.action === "event.session_move")).toBe(true);
    expect(
      audits.some((a) => a.action === "event.session_update" && JSON.parse(a.metadata).moved),
    ).toBe(true);
  });
});
