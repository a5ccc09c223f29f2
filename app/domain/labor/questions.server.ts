// Questions asked to a labor-rights center without an account (decision 0025): asking, reading
// with the case code and passphrase, the staff queue and answer, and deleting old questions.
// The question, the contact and the answer are sealed exactly like consultation descriptions;
// every read of them (by the asker or by staff) and every answer is audited.
import crypto from "node:crypto";
import { recordAudit } from "~/domain/audit/service.server";
import { sealText, openText } from "~/domain/booking/sealing.server";
import { staffPlaceFilter } from "~/domain/booking/staff.server";
import { enqueueToAddress } from "~/domain/notifications/service.server";
import { normalizeMobile } from "~/domain/notifications/phone";
import { getDummyHash, hashPassword, verifyPassword } from "~/domain/residents/password.server";
import type { SessionUser } from "~/domain/residents/types";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import { byDisplayedName, localized } from "~/domain/shared/localized";
import type { Failure, Outcome } from "~/domain/shared/outcome";
import { pageCount, paginate } from "~/domain/shared/pagination";
import { returnAttempt, takeAttempt } from "~/domain/system/rate-limits.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { siteUrl } from "~/utils/site-url.server";
import {
  type AskTopic,
  bookingTopicOf,
  CODE_ALPHABET,
  CODE_LENGTH,
  type ContactKind,
  displayCode,
  fillTimeVerdict,
  grouped,
  PASSPHRASE_LENGTH,
  passphraseKey,
  type QueueStatus,
  retentionCutoffs,
} from "./ask";
import type { AskInput } from "./ask-schema";

const LABOR_CENTER = "labor_center";
const CENTER_ORDER = ["city", "emotional_labor", "ombudsman", "district"];
/** The city's Labor Rights Center: the form's default when no center is chosen. */
export const DEFAULT_CENTER = "seoul-labor-rights-center";

const seal = (text: string) => sealText(text, getEnv().sealingKey);
const open = (text: string | null) => (text === null ? null : openText(text, getEnv().sealingKey));

// ───────────── codes and the form's stamp ─────────────

function randomCharacters(length: number): string {
  let out = "";
  // 248 = 8 × 31: bytes above it are skipped, so every character is equally likely
  while (out.length < length) {
    for (const byte of crypto.randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return out;
}

const signStamp = (secret: string, issuedAt: string) =>
  crypto.createHmac("sha256", secret).update(`labor-ask:${issuedAt}`).digest("base64url");

/**
 * The hidden field that says when the form was shown, signed with the session secrets so that a
 * script cannot claim it waited. Real time, not the app clock: it measures a person typing.
 */
export function formStamp(nowMs = Date.now()): string {
  const issuedAt = String(nowMs);
  return `${issuedAt}.${signStamp(getEnv().sessionSecrets[0] ?? "", issuedAt)}`;
}

/** Whether a stamped form may be accepted now: made here, not too fast, not too old. */
function checkFormStamp(stamp: string | undefined, nowMs = Date.now()) {
  const [issuedAt, signature] = (stamp ?? "").split(".");
  if (!issuedAt || !signature || !/^\d{1,15}$/.test(issuedAt)) return "invalid";
  const given = Buffer.from(signature);
  const valid = getEnv().sessionSecrets.some((secret) => {
    const expected = Buffer.from(signStamp(secret, issuedAt));
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  });
  return valid ? fillTimeVerdict(Number(issuedAt), nowMs) : "invalid";
}

// ───────────── asking ─────────────

/**
 * The labor centers of the directory, the city's first, as the form lists them: by group, then by
 * the name the page shows, in the page language's order.
 */
export async function listAskCenters(locale: string) {
  const places = await getDb().place.findMany({
    where: { kind: LABOR_CENTER },
    select: { id: true, slug: true, subKind: true, nameKo: true, nameEn: true },
  });
  const byName = byDisplayedName(locale);
  return places.sort(
    (a, b) =>
      CENTER_ORDER.indexOf(a.subKind ?? "") - CENTER_ORDER.indexOf(b.subKind ?? "") || byName(a, b),
  );
}

export type AskFailure = Failure<
  "formExpired" | "rateLimited" | "unknownPlace",
  { retryAfterSeconds?: number }
>;

/**
 * Records a question and returns its case code and passphrase (shown once; only the passphrase's
 * slow hash is kept). A filled honeypot, a form sent too fast or a forged or stale stamp is
 * refused before anything is written, and so is an address that has asked too often.
 */
export async function askQuestion(request: {
  value: AskInput;
  language: string;
  ip: string;
  now: Date;
  nowMs?: number;
}): Promise<Outcome<{ code: string; passphrase: string }, AskFailure>> {
  const { value, now } = request;
  if (value.website) return { ok: false, code: "formExpired" };
  if (checkFormStamp(value.stamp, request.nowMs) !== "ok")
    return { ok: false, code: "formExpired" };
  const db = getDb();
  const center = await db.place.findFirst({
    where: { slug: value.center, kind: LABOR_CENTER },
    select: { id: true },
  });
  if (!center) return { ok: false, code: "unknownPlace" };
  const limit = await takeAttempt("ask-address", request.ip);
  if (!limit.allowed)
    return { ok: false, code: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };

  const passphrase = grouped(randomCharacters(PASSPHRASE_LENGTH));
  const passphraseHash = await hashPassword(passphraseKey(passphrase));
  const contact =
    value.contactKind === "phone"
      ? value.phone
      : value.contactKind === "email"
        ? value.email
        : null;
  for (let attempt = 0; ; attempt += 1) {
    const code = randomCharacters(CODE_LENGTH);
    try {
      await db.laborQuestion.create({
        data: {
          code,
          passphraseHash,
          placeId: center.id,
          topic: value.topic,
          question: seal(value.question),
          contactKind: contact ? value.contactKind : "none",
          contact: contact ? seal(contact) : null,
          language: request.language,
          lastActivityAt: now,
          createdAt: now,
        },
        select: { id: true },
      });
      return { ok: true, code: displayCode(code), passphrase };
    } catch (error) {
      // one chance in 8.5 × 10¹¹ per existing question: draw again
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

// ───────────── the asker reads ─────────────

const askerSelect = {
  id: true,
  code: true,
  passphraseHash: true,
  topic: true,
  question: true,
  contactKind: true,
  status: true,
  answer: true,
  answeredAt: true,
  bookingInvitedAt: true,
  createdAt: true,
  place: { select: { id: true, slug: true, nameKo: true, nameEn: true, phone: true } },
} as const;

export type AskerView = {
  code: string;
  topic: AskTopic;
  center: { slug: string; nameKo: string; nameEn: string; phone: string | null };
  status: "open" | "answered";
  question: string | null;
  contactKind: ContactKind;
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
  /** where to book when staff invited the asker to a consultation */
  booking: { center: string; topic: string } | null;
};

export type ReadFailure = Failure<"wrongPassword" | "rateLimited", { retryAfterSeconds?: number }>;

/**
 * The question, its status and answer, for whoever holds the code and passphrase. Attempts are
 * counted per code and per address before the check (a right passphrase gives them back); an
 * unknown code costs the same check and gives the same answer as a wrong passphrase.
 */
export async function readQuestionAsAsker(request: {
  code: string;
  passphrase: string;
  ip: string;
  now: Date;
}): Promise<Outcome<{ question: AskerView }, ReadFailure>> {
  const byCode = await takeAttempt("ask-read-code", request.code);
  const byAddress = await takeAttempt("ask-read-address", request.ip);
  const refusal = [byCode, byAddress].find((d) => !d.allowed);
  if (refusal && !refusal.allowed)
    return { ok: false, code: "rateLimited", retryAfterSeconds: refusal.retryAfterSeconds };
  const db = getDb();
  const found = await db.laborQuestion.findUnique({
    where: { code: request.code },
    select: askerSelect,
  });
  const right = await verifyPassword(
    passphraseKey(request.passphrase),
    found?.passphraseHash ?? (await getDummyHash()),
  );
  if (!found || !right) return { ok: false, code: "wrongPassword" };
  await returnAttempt("ask-read-code", request.code);
  await returnAttempt("ask-read-address", request.ip);
  await db.$transaction(async (tx) => {
    await tx.laborQuestion.update({
      where: { id: found.id },
      data: { lastReadAt: request.now, lastActivityAt: request.now },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: null,
        action: "labor_question.read",
        subjectType: "LaborQuestion",
        subjectId: found.id,
        placeId: found.place.id,
        metadata: { by: "asker" },
        // the audit row outlives the question (retention): no address ties a person to asking
        ip: null,
      },
      tx,
    );
  });
  return {
    ok: true,
    question: {
      code: displayCode(found.code),
      topic: found.topic as AskTopic,
      center: {
        slug: found.place.slug,
        nameKo: found.place.nameKo,
        nameEn: found.place.nameEn,
        phone: found.place.phone,
      },
      status: found.status === "answered" ? "answered" : "open",
      question: open(found.question),
      contactKind: found.contactKind as ContactKind,
      answer: open(found.answer),
      answeredAt: found.answeredAt?.toISOString() ?? null,
      createdAt: found.createdAt.toISOString(),
      booking: found.bookingInvitedAt
        ? { center: found.place.slug, topic: bookingTopicOf(found.topic as AskTopic) }
        : null,
    },
  };
}

// ───────────── staff ─────────────

/** Whether a user has a queue: staff of a place (their center's questions) or an admin (all). */
export function canAnswerQuestions(user: SessionUser): boolean {
  return staffPlaceFilter(user) !== null;
}

const QUESTIONS_PAGE_SIZE = 20;

/**
 * One page of the queue, without anything confidential: open questions oldest first (the one
 * waiting longest is answered first), answered ones newest answer first.
 */
export async function listStaffQuestions(user: SessionUser, status: QueueStatus, page: number) {
  const scope = staffPlaceFilter(user);
  if (!scope) return { rows: [], total: 0, pageCount: 1 };
  const db = getDb();
  const where = { ...scope, status };
  const [rows, total] = await Promise.all([
    db.laborQuestion.findMany({
      where,
      orderBy: status === "open" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ answeredAt: "desc" }],
      ...paginate(page, QUESTIONS_PAGE_SIZE),
      select: {
        id: true,
        code: true,
        topic: true,
        language: true,
        contactKind: true,
        createdAt: true,
        answeredAt: true,
        place: { select: { nameKo: true, nameEn: true } },
      },
    }),
    db.laborQuestion.count({ where }),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, code: displayCode(row.code) })),
    total,
    pageCount: pageCount(total, QUESTIONS_PAGE_SIZE),
  };
}

/** Questions waiting for an answer in the user's queue (the back office's count). */
export async function countOpenQuestions(user: SessionUser) {
  const scope = staffPlaceFilter(user);
  return scope ? getDb().laborQuestion.count({ where: { ...scope, status: "open" } }) : 0;
}

/**
 * One question of the user's own center (an admin: any), opened and audited as read; null when
 * it is not theirs to see (or not there: the same answer).
 */
export async function openStaffQuestion(user: SessionUser, id: string, ip: string | null) {
  const scope = staffPlaceFilter(user);
  if (!scope) return null;
  const db = getDb();
  return db.$transaction(async (tx) => {
    const found = await tx.laborQuestion.findFirst({
      where: { id, ...scope },
      select: {
        id: true,
        code: true,
        topic: true,
        question: true,
        contactKind: true,
        contact: true,
        language: true,
        status: true,
        answer: true,
        answeredAt: true,
        bookingInvitedAt: true,
        lastReadAt: true,
        createdAt: true,
        placeId: true,
        place: { select: { nameKo: true, nameEn: true } },
        answeredBy: { select: { name: true } },
      },
    });
    if (!found) return null;
    await recordAudit(
      {
        actorId: user.id,
        action: "labor_question.read",
        subjectType: "LaborQuestion",
        subjectId: found.id,
        placeId: found.placeId,
        metadata: { by: "staff" },
        ip,
      },
      tx,
    );
    return {
      ...found,
      code: displayCode(found.code),
      question: open(found.question),
      contact: open(found.contact),
      answer: open(found.answer),
    };
  });
}

/**
 * Posts (or corrects) the answer, optionally inviting the asker to book a consultation, audited;
 * when the asker left a contact, tells them that an answer is waiting — never what it says.
 */
export async function answerQuestion(request: {
  user: SessionUser;
  id: string;
  answer: string;
  invite: boolean;
  now: Date;
  ip: string | null;
}): Promise<Outcome<object, Failure<"notFound">>> {
  const { user, now } = request;
  const scope = staffPlaceFilter(user);
  if (!scope) return { ok: false, code: "notFound" };
  const db = getDb();
  return db.$transaction(async (tx) => {
    const found = await tx.laborQuestion.findFirst({
      where: { id: request.id, ...scope },
      select: {
        id: true,
        code: true,
        placeId: true,
        contactKind: true,
        contact: true,
        language: true,
        status: true,
        bookingInvitedAt: true,
        place: { select: { nameKo: true, nameEn: true } },
      },
    });
    if (!found) return { ok: false, code: "notFound" } as const;
    await tx.laborQuestion.update({
      where: { id: found.id },
      data: {
        status: "answered",
        answer: seal(request.answer),
        answeredAt: now,
        answeredById: user.id,
        lastActivityAt: now,
        bookingInvitedAt: request.invite ? (found.bookingInvitedAt ?? now) : null,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: user.id,
        action: "labor_question.answer",
        subjectType: "LaborQuestion",
        subjectId: found.id,
        placeId: found.placeId,
        metadata: { invite: request.invite },
        ip: request.ip,
      },
      tx,
    );
    const contact = open(found.contact);
    const target =
      found.contactKind === "email" && contact
        ? { channel: "email" as const, address: contact }
        : found.contactKind === "phone" && contact && normalizeMobile(contact)
          ? { channel: "sms" as const, address: normalizeMobile(contact)! }
          : null;
    // told once, when the answer first arrives: correcting a typo does not text the asker again
    if (target && found.status === "open") {
      const code = displayCode(found.code);
      await enqueueToAddress(
        {
          ...target,
          language: found.language,
          template: "labor_answer_ready",
          params: {
            code,
            center: localized(found.place, found.language, "name"),
            link: siteUrl(`/labor/ask/${code}`),
          },
          sendAfter: now,
          about: { ref: `labor_question:${found.id}`, placeId: found.placeId },
        },
        tx,
      );
    }
    return { ok: true } as const;
  });
}

// ───────────── retention ─────────────

/**
 * Deletes the questions whose time is up (decision 0025): answered ones 30 days after the answer
 * or the asker's last read, unanswered ones 90 days after they were asked or last read.
 */
export async function pruneLaborQuestions(now: Date) {
  const cutoffs = retentionCutoffs(now);
  const where = {
    OR: [
      { status: "answered", lastActivityAt: { lt: cutoffs.answered } },
      { status: "open", lastActivityAt: { lt: cutoffs.open } },
    ],
  };
  return getDb().$transaction(async (tx) => {
    const expired = await tx.laborQuestion.findMany({ where, select: { id: true } });
    if (expired.length === 0) return { deleted: 0 };
    // the "answer is waiting" notices hold the asker's address in the clear: they go too
    await tx.notification.deleteMany({
      where: { subjectRef: { in: expired.map((q) => `labor_question:${q.id}`) } },
    });
    const { count } = await tx.laborQuestion.deleteMany({
      where: { id: { in: expired.map((q) => q.id) } },
    });
    return { deleted: count };
  });
}
