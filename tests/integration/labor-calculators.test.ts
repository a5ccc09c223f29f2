// The labor calculators through their route: GET forms whose answers come from the pure
// calculators and, for the minimum wage, from the dated wage floors in the database; bad input is
// a 400 with a message per field in the person's language, never a 5xx.
import { beforeEach, describe, expect, it } from "vitest";
import { setTestNow } from "~/utils/clock.server";
import { loader } from "~/routes/labor_.calculators";
import { call, getRequest } from "#tests/factories/http";

beforeEach(() => setTestNow(new Date("2026-11-25T03:00:00Z")));

type Page = {
  calc: string | null;
  answer: Record<string, unknown> | null;
  reply: { error?: Record<string, string[]> } | null;
  thisYear: number;
};
async function open(query: Record<string, string>) {
  const result = await call(loader, getRequest(`/labor/calculators?${new URLSearchParams(query)}`));
  return { status: result.status, page: result.data as Page };
}

describe("labor calculators", () => {
  it("shows the empty forms with this year filled in for the minimum-wage check", async () => {
    const { status, page } = await open({});
    expect(status).toBe(200);
    expect(page).toMatchObject({ calc: null, answer: null, thisYear: 2026 });
  });

  it("answers each calculator from the query", async () => {
    const rest = await open({
      calc: "weekly-rest",
      hourlyWage: "10320",
      weeklyHours: "20",
      workedEveryDay: "on",
    });
    expect(rest).toMatchObject({
      status: 200,
      page: { answer: { eligible: true, amount: 41_280 } },
    });
    const missed = await open({ calc: "weekly-rest", hourlyWage: "10320", weeklyHours: "20" });
    expect(missed.page.answer).toMatchObject({ eligible: false, reason: "missedWorkday" });
    const unpaid = await open({
      calc: "unpaid",
      hourlyWage: "10320",
      weeklyHours: "20",
      weeks: "4",
      paid: "500000",
    });
    expect(unpaid.page.answer).toMatchObject({ unpaid: 490_720 });
    const severance = await open({
      calc: "severance",
      firstDay: "2024-01-01",
      lastDay: "2025-12-31",
      lastThreeMonthsPay: "9000000",
      weeklyHours: "40",
    });
    expect(severance.page.answer).toMatchObject({ eligible: true, amount: 5_877_605 });
  });

  it("checks pay against the minimum wage recorded for that year, with its source", async () => {
    const below = await open({ calc: "minimum", hourlyWage: "9860", year: "2026" });
    expect(below.page.answer).toMatchObject({ known: true, floor: 10_320, shortBy: 460 });
    expect(String(below.page.answer?.source)).toContain("최저임금");
    const y2018 = await open({ calc: "minimum", hourlyWage: "7530", year: "2018" });
    expect(y2018.page.answer).toMatchObject({ known: true, floor: 7_530, shortBy: 0 });
    // a year with no record is said to be unknown, not guessed
    const unknown = await open({ calc: "minimum", hourlyWage: "5000", year: "2010" });
    expect(unknown.page.answer).toEqual({
      calc: "minimum",
      known: false,
      year: 2010,
      source: null,
    });
  });

  it("refuses bad input with a message per field and no answer (400)", async () => {
    const bad = await open({
      calc: "severance",
      firstDay: "2026-02-30",
      lastDay: "2025-01-01",
      lastThreeMonthsPay: "-1",
      weeklyHours: "abc",
    });
    expect(bad.status).toBe(400);
    expect(bad.page.answer).toBeNull();
    expect(bad.page.reply?.error).toMatchObject({
      firstDay: ["validation:date"],
      lastThreeMonthsPay: ["labor:calc.errors.negative"],
      weeklyHours: ["labor:calc.errors.number"],
    });
    const order = await open({
      calc: "severance",
      firstDay: "2026-01-02",
      lastDay: "2026-01-01",
      lastThreeMonthsPay: "1",
      weeklyHours: "40",
    });
    expect(order.page.reply?.error).toEqual({ lastDay: ["labor:calc.errors.lastBeforeFirst"] });
    const missing = await open({ calc: "unpaid" });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.page.reply?.error ?? {}).sort()).toEqual([
      "hourlyWage",
      "paid",
      "weeklyHours",
      "weeks",
    ]);
    const huge = await open({ calc: "weekly-rest", hourlyWage: "1e400", weeklyHours: "200" });
    expect(huge.status).toBe(400);
  });

  it("ignores an unknown calculator and shows the forms", async () => {
    const { status, page } = await open({ calc: "../../etc", hourlyWage: "1" });
    expect(status).toBe(200);
    expect(page.calc).toBeNull();
  });
});
