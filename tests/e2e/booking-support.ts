// Helpers of the booking end-to-end tests: residents with a profile, times from the live JSON,
// bookings over HTTP, and a look into the server's database.
import type { BrowserContext } from "playwright-core";
import { baseUrl, postForm, serverDatabase, signUpOverHttp, uniqueEmail } from "./support";

type TimeChoice = { id: string; startsAt: string; state: string; remaining: number };

/** A signed-up resident whose profile has a birth date (the youth services are for ages 15–39). */
export async function residentWithBirthDate(prefix: string, name = "예약 시민") {
  const resident = await signUpOverHttp(uniqueEmail(prefix), name);
  const saved = await postForm(
    `/residents/${resident.id}`,
    {
      name,
      birthDate: "1999-04-12",
      preferredLanguage: "ko",
      registeredJobSeeker: "unknown",
      hasRegularIncome: "unknown",
    },
    resident.cookie,
  );
  if (saved.status !== 200) throw new Error(`profile not saved: ${saved.status}`);
  return resident;
}

/** Many residents at once, signed up over HTTP a few at a time. */
export async function manyResidents(count: number, prefix: string) {
  const residents: Awaited<ReturnType<typeof signUpOverHttp>>[] = [];
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from({ length: Math.min(8, count - i) }, (_, j) =>
      signUpOverHttp(uniqueEmail(`${prefix}-${i + j}`), `동시 예약자 ${i + j}`),
    );
    residents.push(...(await Promise.all(batch)));
  }
  return residents;
}

/** Gives a browser context the session of a resident signed up over HTTP. */
export async function useSession(context: BrowserContext, cookie: string) {
  await context.addCookies(
    cookie.split("; ").map((pair) => ({
      name: pair.slice(0, pair.indexOf("=")),
      value: pair.slice(pair.indexOf("=") + 1),
      url: baseUrl(),
    })),
  );
}

async function timesOn(serviceSlug: string, date: string, channel?: string) {
  const query = new URLSearchParams({ date, ...(channel ? { channel } : {}) });
  const response = await fetch(`${baseUrl()}/book/${serviceSlug}/availability?${query}`);
  if (!response.ok) throw new Error(`availability ${response.status}`);
  return ((await response.json()) as { times: TimeChoice[] }).times;
}

/** The slot of a service starting at a Seoul time ("HH:MM") on a date. */
export async function slotAt(serviceSlug: string, date: string, time: string) {
  const instant = new Date(`${date}T${time}:00+09:00`).toISOString();
  const slot = (await timesOn(serviceSlug, date)).find((t) => t.startsAt === instant);
  if (!slot) throw new Error(`no slot of ${serviceSlug} at ${date} ${time}`);
  return slot;
}

export const LABOR_FIELDS = {
  topic: "unpaid_wages",
  channel: "phone",
  description: "석 달째 임금을 받지 못했습니다.",
  consent: "on",
};

export function bookOverHttp(
  cookie: string,
  serviceSlug: string,
  slotId: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  return postForm(
    `/book/${serviceSlug}/${slotId}`,
    { intent: "book", idempotencyKey: crypto.randomUUID(), ...fields },
    cookie,
    headers,
  );
}

/** What the server's database holds for a slot: its counter and the rows it must agree with. */
export async function liveCounts(slotId: string) {
  const db = serverDatabase();
  const [slot, confirmed, offered] = await Promise.all([
    db.slot.findUniqueOrThrow({
      where: { id: slotId },
      select: { bookedCount: true, capacity: true },
    }),
    db.booking.count({ where: { slotId, status: "confirmed" } }),
    db.waitlistEntry.count({ where: { slotId, status: "offered" } }),
  ]);
  return { ...slot, confirmed, offered };
}

/** Moves the server's clock (APP_ENV=test only); `null` puts it back to the fixed E2E time. */
export async function setServerClock(instant: string | null) {
  const response = await postForm("/test-support/clock", { now: instant ?? "" });
  if (!response.ok) throw new Error(`clock ${response.status}`);
}
