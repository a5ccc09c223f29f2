// The programs back office through the real route actions on a real database (SQLite, and
// PostgreSQL in its lane): creating and editing programs and sessions with validation (bad input
// → a message and nothing written), only for the staff member's own organisation (another's is
// 404, residents 403), cancelling a session or a program (every live registrant told exactly once,
// over real SMTP, in their language; a second cancel tells nobody), the attendance sheet, and the
// registrants CSV (BOM, header in the staff member's language, formula cells neutralised).
import Papa from "papaparse";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cancelRegistration, registerForSession } from "~/domain/events/register.server";
import { dispatchDueNotifications } from "~/domain/notifications/service.server";
import { setSender } from "~/domain/notifications/sender.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import {
  action as programAction,
  loader as programLoader,
} from "~/routes/staff.events.$programId._index";
import {
  action as editProgramAction,
  loader as editProgramLoader,
} from "~/routes/staff.events.$programId.edit";
import { action as newSessionAction } from "~/routes/staff.events.$programId.sessions.new";
import { loader as listLoader } from "~/routes/staff.events._index";
import { action as newProgramAction } from "~/routes/staff.events.new";
import { loader as reportLoader } from "~/routes/staff.events.report";
import {
  action as sessionAction,
  loader as sessionLoader,
} from "~/routes/staff.events.sessions.$sessionId._index";
import {
  action as attendanceAction,
  loader as attendanceLoader,
} from "~/routes/staff.events.sessions.$sessionId.attendance";
import { loader as csvLoader } from "~/routes/staff.events.sessions.$sessionId.registrants[.]csv";
import { action as eventAction } from "~/routes/events.$slug";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeLoggedInStaff, makeOrganization } from "#tests/factories/jobs";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";
import { startTestSmtpServer, type TestSmtpServer } from "#tests/support/smtp-server";

const db = getDb();
// Wednesday 25 November 2026, 02:00 in Seoul (the e2e server's clock)
const NOW = seoulInstant("2026-11-25", "02:00");
beforeEach(() => setTestNow(NOW));

type Reply = {
  result?: { error?: Record<string, string[] | null> } | null;
  refusal?: { code: string } | null;
};

const programFields = (overrides: Record<string, string | string[]> = {}) => ({
  intent: "save",
  kind: "lecture",
  titleKo: "취업 특강",
  titleEn: "Job lecture",
  descriptionKo: "이력서 쓰기",
  descriptionEn: "Writing a CV",
  format: "hybrid",
  onlineUrl: "https://meet.example/lecture",
  venueKo: "청년일자리센터 강의실",
  venueEn: "Youth Job Center lecture room",
  district: "jung",
  languages: ["ko", "en"],
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
  ...overrides,
});

/** What the back office wrote: programs, sessions and their audit entries. */
async function written() {
  const [programs, sessions, audits] = await Promise.all([
    db.program.count(),
    db.programSession.count(),
    db.auditEvent.count({ where: { action: { startsWith: "event." } } }),
  ]);
  return { programs, sessions, audits };
}

async function createProgram(cookie: string, overrides: Record<string, string | string[]> = {}) {
  const reply = await call(
    newProgramAction,
    formRequest("/staff/events/new", programFields(overrides), { cookie }),
  );
  expect(reply.status).toBe(302);
  return reply.location!.split("/")[3]!.split("?")[0]!;
}

async function createSession(
  cookie: string,
  programId: string,
  overrides: Record<string, string> = {},
) {
  const reply = await call(
    newSessionAction,
    formRequest(`/staff/events/${programId}/sessions/new`, sessionFields(overrides), { cookie }),
    { programId },
  );
  expect(reply.status).toBe(302);
  return reply.location!.split("/")[4]!.split("?")[0]!;
}

/** A host, its staff member, a published program with one session (registration open). */
async function hostWithSession(capacity = "20") {
  const org = await makeOrganization();
  const staff = await makeLoggedInStaff(org.id);
  const programId = await createProgram(staff.cookie);
  const sessionId = await createSession(staff.cookie, programId, { capacity });
  return { org, staff, programId, sessionId };
}

async function registered(sessionId: string, language: "ko" | "en" = "ko") {
  const resident = await makeResident({ preferredLanguage: language, birthDate: "1999-05-05" });
  const outcome = await registerForSession(sessionId, {
    residentId: resident.id,
    now: NOW,
    ip: null,
  });
  expect(outcome.ok).toBe(true);
  return resident;
}

describe("creating and editing programs", () => {
  it("refuses bad input field by field, keeping what was typed, writing nothing", async () => {
    const staff = await makeLoggedInStaff((await makeOrganization()).id);
    const before = await written();
    const reply = await call(
      newProgramAction,
      formRequest(
        "/staff/events/new",
        programFields({
          titleEn: "",
          onlineUrl: "http://meet.example/insecure",
          languages: [],
        }),
        { cookie: staff.cookie },
      ),
    );
    expect(reply.status).toBe(400);
    const error = (reply.data as Reply).result!.error!;
    expect(error.titleEn).toEqual(["validation:required"]);
    expect(error.onlineUrl).toEqual(["events:staff.errors.httpsOnly"]);
    expect(error.languages).toEqual(["events:staff.errors.languages"]);
    expect(
      (reply.data as { result: { initialValue: Record<string, unknown> } }).result.initialValue
        .titleKo,
    ).toBe("취업 특강");
    expect(await written()).toEqual(before);

    // the checks across fields, once every field is well formed
    const across = await call(
      newProgramAction,
      formRequest("/staff/events/new", programFields({ venueKo: "", minAge: "40", maxAge: "20" }), {
        cookie: staff.cookie,
      }),
    );
    expect((across.data as Reply).result!.error).toEqual({
      venueKo: ["events:staff.errors.venue"],
      maxAge: ["jobs:errors.ageOrder"],
    });
    const online = await call(
      newProgramAction,
      formRequest("/staff/events/new", programFields({ format: "online", onlineUrl: "" }), {
        cookie: staff.cookie,
      }),
    );
    expect((online.data as Reply).result!.error!.onlineUrl).toEqual([
      "events:staff.errors.onlineUrlRequired",
    ]);
    const script = await call(
      newProgramAction,
      formRequest("/staff/events/new", programFields({ onlineUrl: "javascript:alert(1)" }), {
        cookie: staff.cookie,
      }),
    );
    expect((script.data as Reply).result!.error!.onlineUrl).toEqual([
      "events:staff.errors.httpsOnly",
    ]);
    expect(await written()).toEqual(before);
  });

  it("creates a program for the staff member's organisation with criteria of the one engine, edits it, and audits both", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    // a staff member cannot place the program in another organisation
    const elsewhere = await makeOrganization();
    const programId = await createProgram(staff.cookie, {
      organizationId: elsewhere.id,
      minAge: "19",
      maxAge: "39",
      seoulResidentRequired: "on",
    });
    const program = await db.program.findUniqueOrThrow({
      where: { id: programId },
      select: {
        organizationId: true,
        languages: true,
        format: true,
        onlineUrl: true,
        eligibility: { select: { minAge: true, maxAge: true, seoulResidentRequired: true } },
      },
    });
    expect(program).toEqual({
      organizationId: org.id,
      languages: "ko,en",
      format: "hybrid",
      onlineUrl: "https://meet.example/lecture",
      eligibility: { minAge: 19, maxAge: 39, seoulResidentRequired: true },
    });

    const edited = await call(
      editProgramAction,
      formRequest(
        `/staff/events/${programId}/edit`,
        programFields({ format: "in_person", titleEn: "Job lecture, edited", status: "draft" }),
        { cookie: staff.cookie },
      ),
      { programId },
    );
    expect(edited.status).toBe(302);
    const after = await db.program.findUniqueOrThrow({ where: { id: programId } });
    expect(after).toMatchObject({
      titleEn: "Job lecture, edited",
      status: "draft",
      // an in-person program keeps no online link; no criteria any more
      onlineUrl: null,
      eligibilityId: null,
    });
    expect(
      await db.auditEvent.findMany({
        where: { subjectId: programId },
        select: { action: true, actorId: true },
        orderBy: { createdAt: "asc" },
      }),
    ).toEqual([
      { action: "event.program_create", actorId: staff.id },
      { action: "event.program_update", actorId: staff.id },
    ]);

    const list = await call(listLoader, getRequest("/staff/events", { cookie: staff.cookie }));
    const ids = (list.data as { programs: { id: string }[] }).programs.map((p) => p.id);
    expect(ids).toEqual([programId]);
  });
});

describe("sessions", () => {
  it("refuses an end before the start, a window after the start and no seats, writing nothing", async () => {
    const { staff, programId } = await hostWithSession();
    const before = await written();
    const reply = await call(
      newSessionAction,
      formRequest(
        `/staff/events/${programId}/sessions/new`,
        sessionFields({
          endTime: "18:00",
          closesDate: "2026-12-04",
          capacity: "0",
          opensTime: "25:00",
        }),
        { cookie: staff.cookie },
      ),
      { programId },
    );
    expect(reply.status).toBe(400);
    const error = (reply.data as Reply).result!.error!;
    expect(error.endDate).toEqual(["events:staff.errors.endAfterStart"]);
    expect(error.capacity).toEqual(["events:staff.errors.capacity"]);
    expect(error.opensTime).toEqual(["jobs:errors.time"]);
    const windowAfterStart = await call(
      newSessionAction,
      formRequest(
        `/staff/events/${programId}/sessions/new`,
        sessionFields({ closesDate: "2026-12-04" }),
        { cookie: staff.cookie },
      ),
      { programId },
    );
    expect((windowAfterStart.data as Reply).result!.error!.closesDate).toEqual([
      "events:staff.errors.windowBeforeStart",
    ]);
    // the same start twice: refused as a clash, not a 500
    const twice = await call(
      newSessionAction,
      formRequest(`/staff/events/${programId}/sessions/new`, sessionFields(), {
        cookie: staff.cookie,
      }),
      { programId },
    );
    expect(twice.status).toBe(409);
    expect((twice.data as Reply).result!.error!.startDate).toEqual([
      "events:staff.problem.overlap",
    ]);
    expect(await written()).toEqual(before);
  });

  it("stores Seoul times and never takes the seats below the live registrations", async () => {
    const { staff, sessionId } = await hostWithSession("5");
    const session = await db.programSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.startsAt.toISOString()).toBe("2026-12-03T10:00:00.000Z");
    expect(session.registrationClosesAt.toISOString()).toBe("2026-12-02T09:00:00.000Z");
    for (let i = 0; i < 3; i++) await registered(sessionId);

    const tooFew = await call(
      sessionAction,
      formRequest(`/staff/events/sessions/${sessionId}`, sessionFields({ capacity: "2" }), {
        cookie: staff.cookie,
      }),
      { sessionId },
    );
    expect(tooFew.status).toBe(409);
    expect((tooFew.data as Reply).result!.error!.capacity).toEqual([
      "events:staff.problem.seatsBelowRegistered",
    ]);
    expect((await db.programSession.findUniqueOrThrow({ where: { id: sessionId } })).capacity).toBe(
      5,
    );

    const exactly = await call(
      sessionAction,
      formRequest(`/staff/events/sessions/${sessionId}`, sessionFields({ capacity: "3" }), {
        cookie: staff.cookie,
      }),
      { sessionId },
    );
    expect(exactly.status).toBe(302);
    expect((await db.programSession.findUniqueOrThrow({ where: { id: sessionId } })).capacity).toBe(
      3,
    );
  });
});

describe("who may manage a program", () => {
  it("answers 404 to staff of another organisation and 403 to residents, on every page, writing nothing", async () => {
    const { programId, sessionId } = await hostWithSession();
    const outsider = await makeLoggedInStaff((await makeOrganization()).id);
    const resident = await makeResident();
    const residentCookie = await sessionCookieFor(resident.id);
    const before = await written();
    for (const [cookie, status] of [
      [outsider.cookie, 404],
      [residentCookie, 403],
    ] as const) {
      const replies = await Promise.all([
        call(programLoader, getRequest(`/staff/events/${programId}`, { cookie }), { programId }),
        call(editProgramLoader, getRequest(`/staff/events/${programId}/edit`, { cookie }), {
          programId,
        }),
        call(
          editProgramAction,
          formRequest(`/staff/events/${programId}/edit`, programFields({ titleKo: "탈취" }), {
            cookie,
          }),
          { programId },
        ),
        call(
          programAction,
          formRequest(
            `/staff/events/${programId}`,
            { intent: "cancelProgram", confirm: "on" },
            { cookie },
          ),
          { programId },
        ),
        call(sessionLoader, getRequest(`/staff/events/sessions/${sessionId}`, { cookie }), {
          sessionId,
        }),
        call(
          sessionAction,
          formRequest(
            `/staff/events/sessions/${sessionId}`,
            { intent: "cancelSession", confirm: "on" },
            { cookie },
          ),
          { sessionId },
        ),
        call(
          newSessionAction,
          formRequest(`/staff/events/${programId}/sessions/new`, sessionFields(), { cookie }),
          { programId },
        ),
        call(
          attendanceAction,
          formRequest(`/staff/events/sessions/${sessionId}/attendance`, {}, { cookie }),
          { sessionId },
        ),
        call(
          csvLoader,
          getRequest(`/staff/events/sessions/${sessionId}/registrants.csv`, { cookie }),
          { sessionId },
        ),
      ]);
      expect(replies.map((r) => r.status)).toEqual(replies.map(() => status));
    }
    const residentList = await call(
      listLoader,
      getRequest("/staff/events", { cookie: residentCookie }),
    );
    expect(residentList.status).toBe(403);
    // the outsider's list does not show the other organisation's program
    const list = await call(listLoader, getRequest("/staff/events", { cookie: outsider.cookie }));
    expect((list.data as { programs: { id: string }[] }).programs).toEqual([]);
    expect(await written()).toEqual(before);
    expect((await db.program.findUniqueOrThrow({ where: { id: programId } })).titleKo).toBe(
      "취업 특강",
    );
  });
});

describe("cancelling", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.close());
  beforeEach(() => {
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = "Seoul Jobs <no-reply@portal.seoul.test>";
    resetEnvCache();
    setSender(undefined);
  });
  afterEach(() => {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
    resetEnvCache();
    setSender(undefined);
  });

  const mailTo = (address: string) =>
    smtp.received.filter((mail) => JSON.stringify(mail.to ?? "").includes(address));

  it("tells every live registrant exactly once, in their language and on their channels; a second cancel tells nobody", async () => {
    const { staff, programId, sessionId } = await hostWithSession();
    const korean = await registered(sessionId, "ko");
    const english = await registered(sessionId, "en");
    // one who chose texts and e-mail, with a verified phone, and who muted every optional topic
    const texter = await registered(sessionId, "ko");
    await db.resident.update({
      where: { id: texter.id },
      data: {
        phone: "010-1234-5678",
        phoneVerifiedAt: NOW,
        messageChannels: "both",
        mutedTopics: "receipts,reminders,waitlist,follows",
      },
    });
    // one who cancelled earlier is not told again
    const gone = await registered(sessionId, "ko");
    expect(
      (await cancelRegistration(sessionId, { residentId: gone.id, now: NOW, ip: null })).ok,
    ).toBe(true);
    await db.notification.deleteMany({});

    // without the confirmation box: nothing happens
    const unconfirmed = await call(
      sessionAction,
      formRequest(
        `/staff/events/sessions/${sessionId}`,
        { intent: "cancelSession" },
        {
          cookie: staff.cookie,
        },
      ),
      { sessionId },
    );
    expect(unconfirmed.status).toBe(400);
    expect((unconfirmed.data as Reply).result!.error!.confirm).toEqual([
      "events:staff.errors.confirmCancel",
    ]);
    expect((await db.programSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe(
      "scheduled",
    );

    const cancel = () =>
      call(
        sessionAction,
        formRequest(
          `/staff/events/sessions/${sessionId}`,
          { intent: "cancelSession", confirm: "on" },
          { cookie: staff.cookie },
        ),
        { sessionId },
      );
    const first = await cancel();
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/staff/events/sessions/${sessionId}?cancelled=3`);
    const second = await cancel();
    expect(second.location).toBe(`/staff/events/sessions/${sessionId}?cancelled=0`);

    const session = await db.programSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session).toMatchObject({ status: "cancelled", registeredCount: 0 });
    expect(await db.programRegistration.count({ where: { sessionId, status: "registered" } })).toBe(
      0,
    );
    const outbox = await db.notification.findMany({
      where: { template: "event_cancelled" },
      select: { residentId: true, channel: true, topic: true },
    });
    expect(outbox.map((n) => `${n.residentId}:${n.channel}`).sort()).toEqual(
      [
        `${korean.id}:email`,
        `${english.id}:email`,
        `${texter.id}:email`,
        `${texter.id}:sms`,
      ].sort(),
    );
    expect(new Set(outbox.map((n) => n.topic))).toEqual(new Set(["required"]));
    expect(
      await db.auditEvent.count({
        where: { action: "event.session_cancel", subjectId: sessionId },
      }),
    ).toBe(1);

    const result = await dispatchDueNotifications(NOW);
    expect(result.failed).toBe(0);
    const [toKorean, ...moreKorean] = mailTo(korean.email);
    expect(moreKorean).toHaveLength(0);
    expect(toKorean!.subject).toMatch(/^\[행사 취소 안내\] 취업 특강 · /);
    const [toEnglish, ...moreEnglish] = mailTo(english.email);
    expect(moreEnglish).toHaveLength(0);
    expect(toEnglish!.subject).toMatch(/^\[Cancelled by the organiser\] Job lecture · /);
    expect(toEnglish!.text).toContain("/events/");
    expect(mailTo(texter.email)).toHaveLength(1);
    expect(mailTo(gone.email)).toHaveLength(0);

    // registering for the cancelled session is refused, and says why
    const late = await makeResident({ birthDate: "1999-05-05" });
    const program = await db.program.findUniqueOrThrow({ where: { id: programId } });
    const refused = await call(
      eventAction,
      formRequest(
        `/events/${program.slug}`,
        { intent: "register", sessionId },
        { cookie: await sessionCookieFor(late.id) },
      ),
      { slug: program.slug },
    );
    expect(refused.status).toBe(409);
    expect((refused.data as Reply).refusal?.code).toBe("cancelled");

    // a cancelled session is no longer edited
    const edit = await call(
      sessionAction,
      formRequest(`/staff/events/sessions/${sessionId}`, sessionFields(), { cookie: staff.cookie }),
      { sessionId },
    );
    expect(edit.status).toBe(409);
  });

  it("cancels every session to come of a program, telling each registrant once, and leaves begun sessions alone", async () => {
    const { staff, programId, sessionId } = await hostWithSession();
    const later = await createSession(staff.cookie, programId, {
      startDate: "2026-12-10",
      endDate: "2026-12-10",
    });
    const a = await registered(sessionId);
    const b = await registered(later);
    const both = await registered(sessionId, "en");
    expect((await registerForSession(later, { residentId: both.id, now: NOW, ip: null })).ok).toBe(
      true,
    );
    // a session that has already begun is not cancelled
    const begun = await db.programSession.create({
      data: {
        programId,
        startsAt: seoulInstant("2026-11-24", "19:00"),
        endsAt: seoulInstant("2026-11-24", "21:00"),
        capacity: 5,
        registrationOpensAt: seoulInstant("2026-11-01", "09:00"),
        registrationClosesAt: seoulInstant("2026-11-24", "09:00"),
      },
      select: { id: true },
    });
    await db.notification.deleteMany({});

    const cancel = () =>
      call(
        programAction,
        formRequest(
          `/staff/events/${programId}`,
          { intent: "cancelProgram", confirm: "on" },
          { cookie: staff.cookie },
        ),
        { programId },
      );
    expect((await cancel()).location).toBe(`/staff/events/${programId}?cancelled=4`);
    expect((await cancel()).location).toBe(`/staff/events/${programId}?cancelled=0`);
    const statuses = await db.programSession.findMany({
      where: { programId },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [sessionId]: "cancelled",
      [later]: "cancelled",
      [begun.id]: "scheduled",
    });
    const told = await db.notification.groupBy({
      by: ["residentId"],
      where: { template: "event_cancelled" },
      _count: { _all: true },
    });
    expect(Object.fromEntries(told.map((g) => [g.residentId, g._count._all]))).toEqual({
      [a.id]: 1,
      [b.id]: 1,
      // registered for both sessions: one message per cancelled registration
      [both.id]: 2,
    });
    expect(
      await db.auditEvent.count({
        where: { action: "event.program_cancel", subjectId: programId },
      }),
    ).toBe(2);
  });
});

describe("attendance", () => {
  it("is recorded only once the session has begun, for its own registrants, and audited", async () => {
    const { staff, sessionId } = await hostWithSession();
    const came = await registered(sessionId);
    const missed = await registered(sessionId);
    const regs = await db.programRegistration.findMany({
      where: { sessionId },
      select: { id: true, residentId: true },
    });
    const idOf = (residentId: string) => regs.find((r) => r.residentId === residentId)!.id;
    // a registration of another host's session, slipped into the form, is ignored
    const other = await hostWithSession();
    const stranger = await registered(other.sessionId);
    const strangerReg = await db.programRegistration.findFirstOrThrow({
      where: { residentId: stranger.id },
    });
    const marks = {
      [`mark.${idOf(came.id)}`]: "attended",
      [`mark.${idOf(missed.id)}`]: "no_show",
      [`mark.${strangerReg.id}`]: "no_show",
    };
    const submit = (fields: Record<string, string>) =>
      call(
        attendanceAction,
        formRequest(`/staff/events/sessions/${sessionId}/attendance`, fields, {
          cookie: staff.cookie,
        }),
        { sessionId },
      );

    const early = await submit(marks);
    expect(early.status).toBe(409);
    expect((early.data as Reply).refusal?.code).toBe("notStarted");
    expect(await db.programRegistration.count({ where: { attendance: { not: null } } })).toBe(0);

    setTestNow(seoulInstant("2026-12-03", "19:30"));
    const bad = await submit({ [`mark.${idOf(came.id)}`]: "maybe" });
    expect(bad.status).toBe(400);
    const saved = await submit(marks);
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/staff/events/sessions/${sessionId}/attendance?saved=2`);
    const after = await db.programRegistration.findMany({
      where: { id: { in: [idOf(came.id), idOf(missed.id), strangerReg.id] } },
      select: { id: true, attendance: true },
    });
    expect(Object.fromEntries(after.map((r) => [r.id, r.attendance]))).toEqual({
      [idOf(came.id)]: "attended",
      [idOf(missed.id)]: "no_show",
      [strangerReg.id]: null,
    });
    expect(
      await db.auditEvent.count({ where: { action: "event.attendance", subjectId: sessionId } }),
    ).toBe(1);
    const sheet = await call(
      attendanceLoader,
      getRequest(`/staff/events/sessions/${sessionId}/attendance`, { cookie: staff.cookie }),
      { sessionId },
    );
    expect(
      (sheet.data as { registrants: { attendance: string }[] }).registrants.map(
        (r) => r.attendance,
      ),
    ).toEqual(["attended", "no_show"]);

    // the report counts them in the session's week, with a chart and its table twin
    const report = await call(
      reportLoader,
      getRequest("/staff/events/report", { cookie: staff.cookie }),
    );
    const data = report.data as {
      rows: { week: string; registrations: number; attended: number; noShow: number }[];
      chart: string;
    };
    expect(data.rows.find((r) => r.week === "2026-11-30")).toMatchObject({
      attended: 1,
      noShow: 1,
    });
    expect(data.rows.find((r) => r.week === "2026-11-23")?.registrations).toBe(2);
    expect(data.chart).toMatch(/^<svg[^>]*aria-hidden="true"/);
    expect(data.chart.match(/<rect/g)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe("registrants CSV", () => {
  async function download(sessionId: string, cookie: string) {
    const response = (await csvLoader({
      request: getRequest(`/staff/events/sessions/${sessionId}/registrants.csv`, { cookie }),
      params: { sessionId },
      context: { clientIp: "127.0.0.1" },
    } as Parameters<typeof csvLoader>[0])) as Response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    return {
      response,
      bytes,
      rows: Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data,
    };
  }

  it("is Excel-friendly, formula-safe, in the staff member's language, audited, and the host's only", async () => {
    const { staff, sessionId } = await hostWithSession();
    const evil = await registered(sessionId);
    await db.resident.update({
      where: { id: evil.id },
      data: { name: '=HYPERLINK("http://evil.example","클릭")' },
    });
    await registered(sessionId);
    const { response, bytes, rows } = await download(sessionId, staff.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename="registrants-job-lecture-\w+-2026-12-03\.csv"/,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows[0]).toEqual(["신청 번호", "이름", "이메일", "전화번호", "신청 일시", "출석"]);
    expect(rows).toHaveLength(3);
    expect(rows[1]![1]).toBe('\'=HYPERLINK("http://evil.example","클릭")');
    expect(rows[1]![2]).toBe(evil.email);
    expect(
      await db.auditEvent.count({
        where: { action: "event.registrants_export", subjectId: sessionId },
      }),
    ).toBe(1);

    const outsider = await makeLoggedInStaff((await makeOrganization()).id);
    const refused = await call(
      csvLoader,
      getRequest(`/staff/events/sessions/${sessionId}/registrants.csv`, {
        cookie: outsider.cookie,
      }),
      { sessionId },
    );
    expect(refused.status).toBe(404);
    // an admin may export any host's
    const admin = await makeLoggedInStaff(null, "admin");
    expect((await download(sessionId, admin.cookie)).response.status).toBe(200);
  });
});
