// Finding programs and events and taking them home, on a real database: the month view and its
// list twin, "for me" through the eligibility engine, the subscribable .ics feed (parsed with
// Mozilla's ical.js, the parser Thunderbird uses) with the agenda's filters, a resident's own
// registration as .ics (nobody else's), and the reminder the day before, sent once, over SMTP.
import crypto from "node:crypto";
import ICAL from "ical.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cancelRegistration, registerForSession } from "~/domain/events/register.server";
import { sendEventReminders } from "~/domain/events/reminders.server";
import { dispatchDueNotifications } from "~/domain/notifications/service.server";
import { setSender } from "~/domain/notifications/sender.server";
import { buildSearchText } from "~/domain/shared/korean-search";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { loader as registrationCalendar } from "~/routes/events.$slug_.$sessionId.calendar[.ics]";
import { loader as agendaLoader } from "~/routes/events._index";
import { loader as feedLoader } from "~/routes/events[.]ics";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { call, getRequest } from "#tests/factories/http";
import { makeCriteria, makeOrganization } from "#tests/factories/jobs";
import { makeResident, makeResidents, sessionCookieFor } from "#tests/factories/residents";
import { startTestSmtpServer, type TestSmtpServer } from "#tests/support/smtp-server";

const db = getDb();
// Wednesday 25 November 2026, 02:00 in Seoul (the e2e server's clock)
const NOW = seoulInstant("2026-11-25", "02:00");
beforeAll(() => setTestNow(NOW));

/** A word only this test file's programs carry, so that searches see nothing else. */
const TOKEN = `cal${crypto.randomUUID().slice(0, 8)}`;
let made = 0;

async function makeProgram(
  overrides: { district?: string; eligibilityId?: string; format?: string; title?: string } = {},
) {
  made += 1;
  const org = await makeOrganization();
  const slug = `calendar-${TOKEN}-${made}`;
  const titleKo = overrides.title ?? `달력 멘토링 ${made}`;
  return db.program.create({
    data: {
      slug,
      kind: "mentoring",
      titleKo,
      titleEn: `Calendar mentoring ${made}`,
      descriptionKo: "설명, 쉼표; 세미콜론",
      organizationId: org.id,
      district: overrides.district ?? "mapo",
      venueKo: "마포 청년일자리카페",
      format: overrides.format ?? "in_person",
      onlineUrl: overrides.format === "online" ? "https://meet.example/room" : null,
      eligibilityId: overrides.eligibilityId ?? null,
      searchText: buildSearchText([titleKo, TOKEN]),
    },
    select: { id: true, slug: true },
  });
}

async function makeSession(programId: string, day: string, status = "scheduled") {
  return db.programSession.create({
    data: {
      programId,
      startsAt: seoulInstant(day, "19:00"),
      endsAt: seoulInstant(day, "21:00"),
      capacity: 10,
      registrationOpensAt: seoulInstant("2026-11-20", "09:00"),
      registrationClosesAt: seoulInstant(day, "12:00"),
      status,
    },
    select: { id: true },
  });
}

type Card = { id: string; day: string; program: { slug: string } };
type AgendaData = {
  view: string;
  sessions: Card[];
  problems: { param: string }[];
  forMeNotice: string | null;
  feedUrl: string;
  month: { month: string; weeks: unknown[][]; previousHref: string; nextHref: string } | null;
};

const agenda = async (query: string, cookie?: string) => {
  const reply = await call(agendaLoader, getRequest(`/events?${query}`, { cookie }));
  return { status: reply.status, data: reply.data as AgendaData };
};

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    calendar,
    events: calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        summary: event.summary,
        location: event.location,
        description: event.description,
        start: event.startDate.toJSDate(),
        end: event.endDate.toJSDate(),
        sequence: event.sequence,
        status: vevent.getFirstPropertyValue("status"),
        url: vevent.getFirstPropertyValue("url"),
      };
    }),
  };
}

let mapo: { id: string; slug: string };
let gangnam: { id: string; slug: string };
let youthOnly: { id: string; slug: string };
const sessions: Record<string, string> = {};

beforeAll(async () => {
  mapo = await makeProgram({ district: "mapo" });
  gangnam = await makeProgram({ district: "gangnam", format: "online" });
  youthOnly = await makeProgram({
    district: "mapo",
    eligibilityId: (await makeCriteria({ maxAge: 20 })).id,
  });
  sessions.mapoDec1 = (await makeSession(mapo.id, "2026-12-01")).id;
  sessions.mapoDec15Cancelled = (await makeSession(mapo.id, "2026-12-15", "cancelled")).id;
  sessions.mapoJan5 = (await makeSession(mapo.id, "2027-01-05")).id;
  sessions.gangnamDec2 = (await makeSession(gangnam.id, "2026-12-02")).id;
  sessions.youthDec3 = (await makeSession(youthOnly.id, "2026-12-03")).id;
});

describe("the month view", () => {
  it("lists the month's sessions (and only those) with the grid's weeks, and month links that keep the filters", async () => {
    const { status, data } = await agenda(`view=month&month=2026-12&q=${TOKEN}&district=mapo`);
    expect(status).toBe(200);
    expect(data.view).toBe("month");
    expect(data.month!.month).toBe("2026-12");
    expect(data.month!.weeks).toHaveLength(5);
    expect(data.sessions.map((s) => s.id)).toEqual([
      sessions.mapoDec1,
      sessions.youthDec3,
      sessions.mapoDec15Cancelled,
    ]);
    expect(data.sessions[0]!.day).toBe("2026-12-01");
    const next = new URL(data.month!.nextHref, "http://localhost");
    expect(Object.fromEntries(next.searchParams)).toEqual({
      q: TOKEN,
      district: "mapo",
      view: "month",
      month: "2027-01",
    });
    const previous = new URL(data.month!.previousHref, "http://localhost");
    expect(previous.searchParams.get("month")).toBe("2026-11");
    const january = await agenda(next.search.slice(1));
    expect(january.data.sessions.map((s) => s.id)).toEqual([sessions.mapoJan5]);
  });

  it("narrows the month by the date filters and opens on the start day's month", async () => {
    const { data } = await agenda(`view=month&q=${TOKEN}&from=2026-12-02&to=2026-12-03`);
    expect(data.month!.month).toBe("2026-12");
    expect(data.sessions.map((s) => s.id)).toEqual([sessions.gangnamDec2, sessions.youthDec3]);
  });

  it("answers a bad view or month with 400, a message per value and the unfiltered agenda", async () => {
    const { status, data } = await agenda(`view=year&month=2026-13&q=${TOKEN}`);
    expect(status).toBe(400);
    expect(data.view).toBe("agenda");
    expect(data.problems.map((p) => p.param)).toEqual(["view", "month"]);
  });
});

describe("for me", () => {
  it("keeps only the programs a resident may register for, judged by the eligibility engine", async () => {
    const adult = await makeResident({ birthDate: "1990-05-05", district: "mapo" });
    const cookie = await sessionCookieFor(adult.id);
    const all = await agenda(`q=${TOKEN}&district=mapo&from=2026-12-01&to=2026-12-31`, cookie);
    expect(all.data.sessions.map((s) => s.program.slug)).toContain(youthOnly.slug);
    const mine = await agenda(
      `q=${TOKEN}&district=mapo&from=2026-12-01&to=2026-12-31&forMe=1`,
      cookie,
    );
    expect(mine.status).toBe(200);
    expect(mine.data.forMeNotice).toBeNull();
    expect(mine.data.sessions.map((s) => s.id)).toEqual([
      sessions.mapoDec1,
      sessions.mapoDec15Cancelled,
    ]);
    // the calendar feed's address keeps the filters but not "for me"
    const feed = new URL(mine.data.feedUrl);
    expect(feed.pathname).toBe("/events.ics");
    expect(feed.searchParams.get("district")).toBe("mapo");
    expect(feed.searchParams.has("forMe")).toBe(false);

    const young = await makeResident({ birthDate: "2008-05-05" });
    const youngMine = await agenda(
      `q=${TOKEN}&district=mapo&from=2026-12-01&to=2026-12-31&forMe=1`,
      await sessionCookieFor(young.id),
    );
    expect(youngMine.data.sessions.map((s) => s.program.slug)).toContain(youthOnly.slug);
  });

  it("tells an anonymous visitor why it is not applied, and shows every program", async () => {
    const { status, data } = await agenda(`q=${TOKEN}&district=mapo&forMe=1&from=2026-12-01`);
    expect(status).toBe(200);
    expect(data.forMeNotice).toBe("login");
    expect(data.sessions.map((s) => s.program.slug)).toContain(youthOnly.slug);
  });

  it("says when a missing profile fact keeps programs out", async () => {
    const blank = await makeResident();
    const { data } = await agenda(`q=${TOKEN}&forMe=1`, await sessionCookieFor(blank.id));
    expect(data.forMeNotice).toBe("incomplete");
    expect(data.sessions.map((s) => s.program.slug)).not.toContain(youthOnly.slug);
  });
});

describe("the calendar feed /events.ics", () => {
  it("is a calendar a client parses, with the filters applied, UTC times, stable UIDs, event links and cancellations", async () => {
    const reply = await call(
      feedLoader,
      getRequest(`/events.ics?q=${TOKEN}&district=mapo&lang=ko`),
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const { calendar, events } = parseCalendar(reply.data as string);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("서울 프로그램·행사");
    // not yet ended, the district's only; the cancelled one is there, marked
    expect(events.map((e) => e.uid)).toEqual([
      `event-session-${sessions.mapoDec1}@seoul-portal`,
      `event-session-${sessions.youthDec3}@seoul-portal`,
      `event-session-${sessions.mapoDec15Cancelled}@seoul-portal`,
      `event-session-${sessions.mapoJan5}@seoul-portal`,
    ]);
    const first = events[0]!;
    expect(first.summary).toBe("달력 멘토링 1");
    expect(first.start.toISOString()).toBe("2026-12-01T10:00:00.000Z"); // 19:00 in Seoul
    expect(first.end.toISOString()).toBe("2026-12-01T12:00:00.000Z");
    expect(first.status).toBe("CONFIRMED");
    expect(first.sequence).toBe(0);
    expect(first.location).toBe("마포 청년일자리카페");
    expect(first.description).toContain("설명, 쉼표; 세미콜론");
    expect(first.url).toBe(
      `http://localhost:3000/events/${mapo.slug}#session-${sessions.mapoDec1}`,
    );
    const cancelled = events[2]!;
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.sequence).toBe(1);

    // the same request twice gives the same UIDs (a subscribed calendar updates, never doubles)
    const again = parseCalendar(
      (await call(feedLoader, getRequest(`/events.ics?q=${TOKEN}&district=mapo`))).data as string,
    );
    expect(again.events.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });

  it("applies the date range and the attendance mode, and writes English when asked", async () => {
    const online = parseCalendar(
      (
        await call(
          feedLoader,
          getRequest(`/events.ics?q=${TOKEN}&mode=online&from=2026-12-01&to=2026-12-31&lang=en`),
        )
      ).data as string,
    );
    expect(online.events.map((e) => e.summary)).toEqual(["Calendar mentoring 2"]);
    expect(online.events[0]!.location).toBe("https://meet.example/room");
  });

  it("answers bad filters with 400 and a message in the asked language, never a calendar", async () => {
    const reply = await call(feedLoader, getRequest("/events.ics?district=atlantis&lang=en"));
    expect(reply.status).toBe(400);
    expect(reply.data).toContain("'atlantis' is not a district of Seoul.");
    expect(reply.data).not.toContain("BEGIN:VCALENDAR");
  });
});

describe("a registration's .ics", () => {
  const path = (slug: string, sessionId: string) => `/events/${slug}/${sessionId}/calendar.ics`;

  it("is the resident's own registration; anyone else gets not found, a visitor the login", async () => {
    const owner = await makeResident({ birthDate: "1990-05-05" });
    const outcome = await registerForSession(sessions.mapoDec1!, {
      residentId: owner.id,
      now: NOW,
      ip: null,
    });
    expect(outcome.ok).toBe(true);
    const params = { slug: mapo.slug, sessionId: sessions.mapoDec1! };
    const mine = await call(
      registrationCalendar,
      getRequest(path(mapo.slug, sessions.mapoDec1!), { cookie: await sessionCookieFor(owner.id) }),
      params,
    );
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    const { events } = parseCalendar(mine.data as string);
    expect(events).toHaveLength(1);
    expect(events[0]!.uid).toMatch(/^event-registration-.+@seoul-portal$/);
    expect(events[0]!.start.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(events[0]!.status).toBe("CONFIRMED");

    const other = await makeResident();
    const theirs = await call(
      registrationCalendar,
      getRequest(path(mapo.slug, sessions.mapoDec1!), { cookie: await sessionCookieFor(other.id) }),
      params,
    );
    expect(theirs.status).toBe(404);
    // the right session under another program's address is not found either
    const wrongProgram = await call(
      registrationCalendar,
      getRequest(path(gangnam.slug, sessions.mapoDec1!), {
        cookie: await sessionCookieFor(owner.id),
      }),
      { slug: gangnam.slug, sessionId: sessions.mapoDec1! },
    );
    expect(wrongProgram.status).toBe(404);
    const visitor = await call(
      registrationCalendar,
      getRequest(path(mapo.slug, sessions.mapoDec1!)),
      params,
    );
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/login\?redirectTo=/);

    // cancelled, the file says so (and outranks the version a calendar holds)
    await cancelRegistration(sessions.mapoDec1!, { residentId: owner.id, now: NOW, ip: null });
    const after = await call(
      registrationCalendar,
      getRequest(path(mapo.slug, sessions.mapoDec1!), { cookie: await sessionCookieFor(owner.id) }),
      params,
    );
    const cancelled = parseCalendar(after.data as string).events[0]!;
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.sequence).toBe(1);
  });
});

describe("reminders", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.close());
  afterEach(() => {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
    resetEnvCache();
    setSender(undefined);
  });

  const reminders = (residentId: string) =>
    db.notification.findMany({ where: { residentId, template: "event_reminder" } });

  it("reminds each registrant once, the day before at 10:00 Seoul time, in their language, over SMTP", async () => {
    const program = await makeProgram({ district: "mapo" });
    const session = await makeSession(program.id, "2026-11-27");
    const english = await makeResident({ preferredLanguage: "en", birthDate: "1990-01-01" });
    const korean = await makeResident({ preferredLanguage: "ko", birthDate: "1990-01-01" });
    const muted = await makeResident({ preferredLanguage: "ko", birthDate: "1990-01-01" });
    await db.resident.update({ where: { id: muted.id }, data: { mutedTopics: "reminders" } });
    const quitter = await makeResident({ birthDate: "1990-01-01" });
    for (const who of [english, korean, muted, quitter]) {
      const outcome = await registerForSession(session.id, {
        residentId: who.id,
        now: NOW,
        ip: null,
      });
      expect(outcome.ok).toBe(true);
    }
    await cancelRegistration(session.id, { residentId: quitter.id, now: NOW, ip: null });

    // 09:59 the day before: not yet
    await sendEventReminders(seoulInstant("2026-11-26", "09:59"));
    expect(await reminders(english.id)).toHaveLength(0);

    // someone who registers after 10:00 the day before gets none
    const late = await makeResident({ birthDate: "1990-01-01" });
    const lateAt = seoulInstant("2026-11-26", "11:00");
    const lateOutcome = await registerForSession(session.id, {
      residentId: late.id,
      now: lateAt,
      ip: null,
    });
    expect(lateOutcome.ok).toBe(true);
    await db.programRegistration.updateMany({
      where: { residentId: late.id },
      data: { createdAt: lateAt },
    });

    const at = seoulInstant("2026-11-26", "10:05");
    await sendEventReminders(at);
    // twice: still one each
    await sendEventReminders(at);
    await Promise.all([sendEventReminders(at), sendEventReminders(at)]);
    expect(await reminders(english.id)).toHaveLength(1);
    expect(await reminders(korean.id)).toHaveLength(1);
    expect(await reminders(muted.id)).toHaveLength(0);
    expect(await reminders(quitter.id)).toHaveLength(0);
    expect(await reminders(late.id)).toHaveLength(0);

    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = "Seoul Jobs <no-reply@portal.seoul.test>";
    resetEnvCache();
    setSender(undefined);
    await dispatchDueNotifications(at);
    // the residents' welcome messages go out in the same run: only the reminders count here
    const mailTo = (address: string) =>
      smtp.received.filter(
        (mail) =>
          JSON.stringify(mail.to).includes(address) &&
          /Tomorrow|내일 행사/.test(mail.subject ?? ""),
      );
    const [mail, ...more] = mailTo(english.email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`[Tomorrow] Calendar mentoring ${made} · 27 Nov 2026, 19:00`);
    expect(mail!.text).toContain(`/events/${program.slug}#session-${session.id}`);
    expect(mail!.text).toContain(`/events/${program.slug}/${session.id}/calendar.ics`);
    const [koreanMail] = mailTo(korean.email);
    expect(koreanMail!.subject).toContain("[내일 행사] 달력 멘토링");
    expect(koreanMail!.text).toContain("마포 청년일자리카페");

    // a later run sends nothing again
    await sendEventReminders(seoulInstant("2026-11-26", "15:00"));
    await dispatchDueNotifications(seoulInstant("2026-11-26", "15:00"));
    expect(mailTo(english.email)).toHaveLength(1);
  });

  it("cancelling takes back a reminder that has not gone out yet", async () => {
    const program = await makeProgram({ district: "mapo" });
    const session = await makeSession(program.id, "2026-11-28");
    const who = await makeResident({ birthDate: "1990-01-01" });
    await registerForSession(session.id, { residentId: who.id, now: NOW, ip: null });
    await sendEventReminders(seoulInstant("2026-11-27", "10:00"));
    expect((await reminders(who.id)).map((row) => row.status)).toEqual(["pending"]);
    await cancelRegistration(session.id, {
      residentId: who.id,
      now: seoulInstant("2026-11-27", "10:01"),
      ip: null,
    });
    expect((await reminders(who.id)).map((row) => row.status)).toEqual(["cancelled"]);
  });

  it("reminds every registrant when there are more than one batch, ties in createdAt included", async () => {
    const program = await makeProgram({ district: "mapo" });
    const session = await makeSession(program.id, "2026-11-29");
    const people = await makeResidents(8);
    // five registered at the very same instant (the keyset's id breaks the tie), two later, one
    // after 10:00 the day before (never reminded)
    const times = [
      ...Array<Date>(5).fill(seoulInstant("2026-11-25", "09:00")),
      seoulInstant("2026-11-26", "12:00"),
      seoulInstant("2026-11-27", "08:00"),
      seoulInstant("2026-11-28", "11:00"),
    ];
    await db.programRegistration.createMany({
      data: people.map((who, i) => ({
        sessionId: session.id,
        residentId: who.id,
        liveKey: `${session.id}:${who.id}`,
        createdAt: times[i]!,
      })),
    });
    await db.programSession.update({
      where: { id: session.id },
      data: { registeredCount: people.length },
    });
    const at = seoulInstant("2026-11-28", "10:00");
    const run = await sendEventReminders(at, { batchSize: 3 });
    expect(run.considered).toBeGreaterThanOrEqual(8);
    const reminded = await db.notification.findMany({
      where: { residentId: { in: people.map((p) => p.id) }, template: "event_reminder" },
      select: { residentId: true },
    });
    expect(reminded.map((row) => row.residentId).sort()).toEqual(
      people
        .slice(0, 7)
        .map((p) => p.id)
        .sort(),
    );
    // a second run in batches queues nothing more
    expect((await sendEventReminders(at, { batchSize: 3 })).queued).toBe(0);
  });
});
