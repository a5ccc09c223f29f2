// Questions asked without an account (decision 0025), through the routes on a real database:
// asking gives a code and passphrase that open the question; wrong passphrases and unknown codes
// are refused alike and rate limited; honeypots, forms sent too fast and bad input write nothing;
// the stored row holds no plaintext; reads and answers are audited; staff see only their center;
// the retention task deletes exactly the questions whose time is up.
import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAuditEvents } from "~/domain/audit/service.server";
import { formStamp, pruneLaborQuestions } from "~/domain/labor/questions.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { PERIODIC_TASKS } from "~/domain/system/tasks.server";
import { action as askAction, loader as askLoader } from "~/routes/labor_.ask._index";
import { action as readAction, loader as readLoader } from "~/routes/labor_.ask.$code";
import { loader as queueLoader } from "~/routes/staff.labor.questions._index";
import {
  action as answerAction,
  loader as questionLoader,
} from "~/routes/staff.labor.questions.$questionId";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makePlace } from "#tests/factories/booking";
import { makeAdmin, makeStaff } from "#tests/factories/places";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
const NOW = seoulInstant("2026-11-25", "10:00");
const QUESTION = "사장님이 3개월째 월급을 안 줍니다. 편의점 야간 근무입니다.";

beforeEach(() => {
  setTestNow(NOW);
  process.env.BOOKING_DESCRIPTION_KEY = crypto.randomBytes(32).toString("base64");
  resetEnvCache();
});
afterEach(() => {
  delete process.env.BOOKING_DESCRIPTION_KEY;
  resetEnvCache();
});

let addresses = 0;
/** A client address of its own, so that one test's attempts do not count against another's. */
const newAddress = () => ({
  clientIp: `10.9.${Math.floor(addresses / 250)}.${(addresses++ % 250) + 1}`,
});

type Reply = {
  result: { error?: Record<string, string[] | null> } | null;
  refusal: { code: string } | null;
  received?: { code: string; passphrase: string };
  question?: { status: string; question: string | null; answer: string | null; booking: unknown };
};

async function center() {
  return makePlace({ kind: "labor_center" });
}

function askFields(centerSlug: string, overrides: Record<string, string> = {}) {
  return {
    topic: "unpaid_wages",
    question: QUESTION,
    contactKind: "email",
    email: "worker@example.test",
    center: centerSlug,
    consent: "on",
    // shown five seconds ago: a person's pace
    stamp: formStamp(Date.now() - 5_000),
    website: "",
    ...overrides,
  };
}

async function ask(
  centerSlug: string,
  overrides: Record<string, string> = {},
  options: { address?: { clientIp: string }; language?: string } = {},
) {
  const result = await call(
    askAction,
    formRequest("/labor/ask", askFields(centerSlug, overrides), {
      headers: { "Accept-Language": options.language ?? "ko" },
    }),
    {},
    options.address ?? newAddress(),
  );
  return { ...result, reply: result.data as Reply };
}

async function read(code: string, passphrase: string, address = newAddress()) {
  const result = await call(
    readAction,
    formRequest(`/labor/ask/${code}`, { passphrase }),
    { code },
    address,
  );
  return { ...result, reply: result.data as Reply };
}

const questionsOf = (placeId: string) => db.laborQuestion.count({ where: { placeId } });

describe("asking without an account", () => {
  it("gives a readable code and a passphrase that open the question, its status and the answer", async () => {
    const place = await center();
    const asked = await ask(place.slug);
    expect(asked.status).toBe(200);
    expect(asked.headers.get("Cache-Control")).toBe("no-store");
    const { code, passphrase } = asked.reply.received!;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(passphrase).toMatch(/^([2-9A-HJKMNP-Z]{4}-){2}[2-9A-HJKMNP-Z]{4}$/);

    // the page for the code answers without saying whether the code exists
    expect((await call(readLoader, getRequest(`/labor/ask/${code}`), { code })).status).toBe(200);
    // lower case and without dashes, as a person may type it
    const opened = await read(code, passphrase.toLowerCase().replace(/-/g, ""));
    expect(opened.status).toBe(200);
    expect(opened.reply.question).toMatchObject({
      status: "open",
      question: QUESTION,
      answer: null,
      booking: null,
    });
    const row = await db.laborQuestion.findFirstOrThrow({ where: { placeId: place.id } });
    expect(row.lastReadAt).toEqual(NOW);
    const audit = await listAuditEvents({ subjectType: "LaborQuestion", subjectId: row.id });
    expect(audit.map((a) => [a.action, JSON.parse(a.metadata).by, a.actorId])).toEqual([
      ["labor_question.read", "asker", null],
    ]);
  });

  it("stores the question and contact sealed and only a slow hash of the passphrase", async () => {
    const place = await center();
    const asked = await ask(place.slug, {
      contactKind: "phone",
      phone: "010-2345-6789",
      email: "",
    });
    const row = await db.laborQuestion.findFirstOrThrow({ where: { placeId: place.id } });
    const raw = JSON.stringify(row);
    expect(row.question).toMatch(/^enc:v1:/);
    expect(row.contact).toMatch(/^enc:v1:/);
    expect(raw).not.toContain("월급");
    expect(raw).not.toContain("2345");
    expect(row.passphraseHash).toMatch(/^scrypt\$/);
    const passphrase = asked.reply.received!.passphrase;
    expect(raw).not.toContain(passphrase);
    expect(raw).not.toContain(passphrase.replace(/-/g, ""));
    expect(row).toMatchObject({ contactKind: "phone", language: "ko", status: "open" });
  });

  it("refuses a wrong passphrase and an unknown code alike, and limits guesses per code", async () => {
    const place = await center();
    const { code } = (await ask(place.slug)).reply.received!;
    const wrong = await read(code, "AAAA-BBBB-CCCC");
    expect(wrong.status).toBe(400);
    expect(wrong.reply.refusal?.code).toBe("wrongPassword");
    expect(wrong.reply.result?.error?.passphrase).toEqual(["labor:ask.errors.wrongPassphrase"]);
    expect(wrong.reply.question).toBeUndefined();
    const unknown = await read("ZZZZ-ZZZZ", "AAAA-BBBB-CCCC");
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.reply).toEqual(wrong.reply);
    // something that cannot be a code is simply not a page
    expect((await call(readLoader, getRequest("/labor/ask/nope"), { code: "nope" })).status).toBe(
      404,
    );

    // 10 guesses per code from everywhere; the 11th is refused even with the right passphrase
    for (let i = 1; i < 10; i += 1) expect((await read(code, `WRONG-${i}`)).status).toBe(400);
    const limited = await read(code, "WRONG-LAST");
    expect(limited.status).toBe(429);
    expect(limited.reply.refusal?.code).toBe("rateLimited");
    const audit = await listAuditEvents({
      subjectType: "LaborQuestion",
      action: "labor_question.read",
    });
    const row = await db.laborQuestion.findFirstOrThrow({ where: { placeId: place.id } });
    expect(audit.filter((a) => a.subjectId === row.id)).toHaveLength(0);
  });

  it("limits guesses per address, whatever the code", async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1)
      statuses.push(
        (await read(`ZZZZ-ZZ${"23456789ABCDEFGHJKMNPQRSTUVWXYZ"[i]}Z`, "X", address)).status,
      );
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("writes nothing for a filled honeypot, a form sent too fast, a forged stamp or bad input", async () => {
    const place = await center();
    const address = newAddress();
    const refusals = [
      await ask(place.slug, { website: "http://spam.example" }, { address }),
      await ask(place.slug, { stamp: formStamp(Date.now() - 500) }, { address }),
      await ask(place.slug, { stamp: `${Date.now() - 60_000}.forged` }, { address }),
      await ask(place.slug, { stamp: "" }, { address }),
    ];
    for (const refusal of refusals) {
      expect(refusal.status).toBe(400);
      expect(refusal.reply.refusal?.code).toBe("formExpired");
      expect(refusal.reply.result?.error?.[""]).toEqual(["labor:ask.refusal.formExpired"]);
    }
    const bad = await ask(
      place.slug,
      { topic: "weather", question: "   ", contactKind: "phone", phone: "", consent: "" },
      { address },
    );
    expect(bad.status).toBe(400);
    expect(bad.reply.result?.error).toMatchObject({
      topic: expect.any(Array),
      question: ["labor:ask.errors.questionRequired"],
      phone: ["labor:ask.errors.phoneRequired"],
      consent: ["labor:ask.errors.consentRequired"],
    });
    const tooLong = await ask(place.slug, { question: "가".repeat(2001) }, { address });
    expect(tooLong.reply.result?.error?.question).toEqual(["labor:ask.errors.questionTooLong"]);
    const otherPlace = await ask("not-a-center", {}, { address });
    expect(otherPlace.reply.refusal?.code).toBe("unknownPlace");
    expect(await questionsOf(place.id)).toBe(0);
    // none of them counted against the address either
    expect(await db.rateLimit.count({ where: { key: `ask-address:${address.clientIp}` } })).toBe(0);
  });

  it("limits questions per address", async () => {
    const place = await center();
    const address = newAddress();
    for (let i = 0; i < 5; i += 1)
      expect((await ask(place.slug, {}, { address })).status).toBe(200);
    const sixth = await ask(place.slug, {}, { address });
    expect(sixth.status).toBe(429);
    expect(sixth.reply.result?.error?.[""]?.[0]).toMatch(
      /^labor:ask\.refusal\.rateLimited\?minutes=\d+$/,
    );
    expect(await questionsOf(place.id)).toBe(5);
  });

  it("prefills the form from a calculator result, bounded, and defaults to the city's center", async () => {
    const long = "x".repeat(5000);
    const page = await call(
      askLoader,
      getRequest(`/labor/ask?topic=weekly_rest&summary=${long}&center=<script>`),
    );
    const data = page.data as { prefill: { topic: string; question: string; center: string } };
    expect(data.prefill.topic).toBe("weekly_rest");
    expect(data.prefill.question).toHaveLength(600);
    expect(data.prefill.center).toBe("seoul-labor-rights-center");
  });
});

describe("the staff queue", () => {
  it("shows a center's staff its own questions, audits reads and answers, and tells the asker without the content", async () => {
    const place = await center();
    const other = await center();
    const staff = await makeStaff(place.id);
    const otherStaff = await makeStaff(other.id);
    const { code, passphrase } = (await ask(place.slug, {}, { language: "en" })).reply.received!;
    const row = await db.laborQuestion.findFirstOrThrow({ where: { placeId: place.id } });
    expect(row.language).toBe("en");

    const queue = await call(
      queueLoader,
      getRequest("/staff/labor/questions", { cookie: staff.cookie }),
    );
    expect(queue.status).toBe(200);
    expect((queue.data as { rows: { id: string }[] }).rows.map((r) => r.id)).toEqual([row.id]);
    expect(JSON.stringify(queue.data)).not.toContain("월급");
    const elsewhere = await call(
      queueLoader,
      getRequest("/staff/labor/questions", { cookie: otherStaff.cookie }),
    );
    expect((elsewhere.data as { rows: unknown[] }).rows).toEqual([]);

    // another center's staff: not found, and nothing read or written
    const path = `/staff/labor/questions/${row.id}`;
    expect(
      (
        await call(questionLoader, getRequest(path, { cookie: otherStaff.cookie }), {
          questionId: row.id,
        })
      ).status,
    ).toBe(404);
    const foreignAnswer = await call(
      answerAction,
      formRequest(path, { intent: "answer", answer: "No." }, { cookie: otherStaff.cookie }),
      { questionId: row.id },
    );
    expect(foreignAnswer.status).toBe(404);
    // a resident: refused
    const resident = await makeResident();
    const residentCookie = await sessionCookieFor(resident.id);
    expect(
      (
        await call(questionLoader, getRequest(path, { cookie: residentCookie }), {
          questionId: row.id,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(queueLoader, getRequest("/staff/labor/questions", { cookie: residentCookie })))
        .status,
    ).toBe(403);

    const opened = await call(questionLoader, getRequest(path, { cookie: staff.cookie }), {
      questionId: row.id,
    });
    expect(opened.status).toBe(200);
    expect(opened.data).toMatchObject({
      question: { question: QUESTION, contact: "worker@example.test", language: "en" },
    });

    const empty = await call(
      answerAction,
      formRequest(path, { intent: "answer", answer: " " }, { cookie: staff.cookie }),
      {
        questionId: row.id,
      },
    );
    expect(empty.status).toBe(400);
    const answer = "You can file a complaint for unpaid wages. We can help you with it.";
    const posted = await call(
      answerAction,
      formRequest(path, { intent: "answer", answer, invite: "on" }, { cookie: staff.cookie }),
      { questionId: row.id },
    );
    expect(posted.status).toBe(302);

    const stored = await db.laborQuestion.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ status: "answered", answeredById: staff.id });
    expect(stored.answer).toMatch(/^enc:v1:/);
    expect(stored.bookingInvitedAt).toEqual(NOW);
    const audit = await listAuditEvents({ subjectType: "LaborQuestion", subjectId: row.id });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["labor_question.read", staff.id],
      ["labor_question.answer", staff.id],
    ]);

    const notices = await db.notification.findMany({
      where: { subjectRef: `labor_question:${row.id}` },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      channel: "email",
      toAddress: "worker@example.test",
      locale: "en",
      template: "labor_answer_ready",
      residentId: null,
    });
    expect(notices[0]!.body).toContain(code);
    expect(notices[0]!.body).not.toContain("complaint");

    // correcting the answer does not tell the asker a second time
    const corrected = await call(
      answerAction,
      formRequest(
        path,
        { intent: "answer", answer: `${answer} Bring your pay slips.`, invite: "on" },
        { cookie: staff.cookie },
      ),
      { questionId: row.id },
    );
    expect(corrected.status).toBe(302);
    expect(await db.notification.count({ where: { subjectRef: `labor_question:${row.id}` } })).toBe(
      1,
    );

    const again = await read(code, passphrase);
    expect(again.reply.question).toMatchObject({
      status: "answered",
      answer: `${answer} Bring your pay slips.`,
      booking: { center: place.slug, topic: "unpaid_wages" },
    });
    // the asker's reads are audited without the address they came from
    const askerReads = await db.auditEvent.findMany({
      where: { subjectId: row.id, action: "labor_question.read", actorId: null },
    });
    expect(askerReads.length).toBeGreaterThan(0);
    expect(askerReads.every((a) => a.ip === null)).toBe(true);
  });

  it("lists open questions oldest first, and an admin sees every center's", async () => {
    const first = await center();
    const second = await center();
    await ask(first.slug);
    setTestNow(new Date(NOW.getTime() - 3_600_000));
    await ask(second.slug);
    setTestNow(NOW);
    const admin = await makeAdmin();
    const queue = await call(
      queueLoader,
      getRequest("/staff/labor/questions", { cookie: admin.cookie }),
    );
    const rows = (queue.data as { rows: { place: { nameKo: string }; createdAt: string }[] }).rows;
    const ours = rows.filter((r) => [first, second].some((p) => r.place.nameKo.endsWith(p.slug)));
    expect(ours.map((r) => r.place.nameKo)).toEqual([
      expect.stringContaining(second.slug),
      expect.stringContaining(first.slug),
    ]);
  });
});

describe("retention", () => {
  it("deletes answered questions 30 days after the last activity and open ones after 90, nothing else", async () => {
    const place = await center();
    const day = 86_400_000;
    const make = (status: string, daysAgo: number) =>
      db.laborQuestion.create({
        data: {
          code: crypto.randomBytes(4).toString("hex").toUpperCase(),
          passphraseHash: "scrypt$x",
          placeId: place.id,
          topic: "other",
          question: "q",
          contactKind: "none",
          language: "ko",
          status,
          lastActivityAt: new Date(NOW.getTime() - daysAgo * day),
        },
        select: { id: true },
      });
    const answeredOld = await make("answered", 31);
    const answeredRecent = await make("answered", 29);
    const openOld = await make("open", 91);
    const openMiddle = await make("open", 45);
    // an "answer is waiting" notice holds the asker's address: it goes with its question
    const notice = (questionId: string) =>
      db.notification.create({
        data: {
          channel: "email",
          toAddress: `asker-${questionId}@example.test`,
          template: "labor_answer_ready",
          locale: "ko",
          subject: "s",
          body: "b",
          status: "sent",
          sendAfter: NOW,
          subjectRef: `labor_question:${questionId}`,
        },
      });
    await notice(answeredOld.id);
    await notice(answeredRecent.id);
    expect(PERIODIC_TASKS.map((t) => t.name)).toContain("labor.questions-retention");
    const result = await pruneLaborQuestions(NOW);
    expect(result.deleted).toBeGreaterThanOrEqual(2);
    const left = await db.laborQuestion.findMany({
      where: { placeId: place.id },
      select: { id: true },
    });
    expect(left.map((r) => r.id).sort()).toEqual([answeredRecent.id, openMiddle.id].sort());
    expect([answeredOld.id, openOld.id].some((id) => left.some((r) => r.id === id))).toBe(false);
    const notices = await db.notification.findMany({
      where: {
        subjectRef: { in: [answeredOld.id, answeredRecent.id].map((id) => `labor_question:${id}`) },
      },
      select: { subjectRef: true },
    });
    expect(notices).toEqual([{ subjectRef: `labor_question:${answeredRecent.id}` }]);
  });
});
