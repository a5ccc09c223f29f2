import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWellFormedInterval, parseHoursText } from "./hours-text";

const days = (list: number[], opens: string, closes: string) =>
  list.map((weekday) => ({ weekday, opens, closes }));

describe("parseHoursText", () => {
  it("reads the report's shelter hours as the open-data lists write them", () => {
    expect(parseHoursText("매일 18:00~06:00")).toEqual({
      ok: true,
      weekly: days([1, 2, 3, 4, 5, 6, 7], "18:00", "06:00"),
    });
    expect(parseHoursText("월-토 08:30-20:00")).toEqual({
      ok: true,
      weekly: days([1, 2, 3, 4, 5, 6], "08:30", "20:00"),
    });
    expect(parseHoursText("평일 9:30~18:00")).toEqual({
      ok: true,
      weekly: days([1, 2, 3, 4, 5], "09:30", "18:00"),
    });
  });

  it("reads several groups, lunch breaks and closed days, in Korean and English", () => {
    expect(parseHoursText("평일 09:00~21:00; 토 10:00~18:00; 일 휴무")).toEqual({
      ok: true,
      weekly: [...days([1, 2, 3, 4, 5], "09:00", "21:00"), ...days([6], "10:00", "18:00")],
    });
    expect(parseHoursText("Mon-Fri 09:00-12:00, 13:00-18:00 / Sat 10:00-14:00")).toEqual({
      ok: true,
      weekly: [
        ...[1, 2, 3, 4, 5].flatMap((d) => [
          { weekday: d, opens: "09:00", closes: "12:00" },
          { weekday: d, opens: "13:00", closes: "18:00" },
        ]),
        { weekday: 6, opens: "10:00", closes: "14:00" },
      ],
    });
    expect(parseHoursText("월,수,금요일: 10:00-16:00")).toEqual({
      ok: true,
      weekly: days([1, 3, 5], "10:00", "16:00"),
    });
  });

  it("wraps day ranges over the week end and reads 24:00 as midnight", () => {
    expect(parseHoursText("금~월 20:00-24:00")).toEqual({
      ok: true,
      weekly: days([1, 5, 6, 7], "20:00", "00:00"),
    });
  });

  it("reads round-the-clock places", () => {
    expect(parseHoursText("24시간")).toEqual({
      ok: true,
      weekly: days([1, 2, 3, 4, 5, 6, 7], "00:00", "00:00"),
    });
  });

  it("refuses what it does not understand rather than guessing", () => {
    for (const text of [
      "",
      "상시 운영",
      "월-금 9시부터 6시",
      "월-금 25:00-26:00",
      "월-금 09:00-09:00",
      "Funday 10:00-12:00",
      "월-금 09:00-18:00 점심시간 제외",
    ]) {
      expect(parseHoursText(text).ok, text).toBe(false);
    }
  });

  it("never throws and only ever returns well-formed intervals", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const result = parseHoursText(text);
        if (result.ok) {
          for (const interval of result.weekly) {
            expect(isWellFormedInterval(interval.opens, interval.closes)).toBe(true);
            expect(interval.weekday).toBeGreaterThanOrEqual(1);
            expect(interval.weekday).toBeLessThanOrEqual(7);
          }
        }
      }),
    );
  });
});

describe("isWellFormedInterval", () => {
  it("accepts a whole day as 00:00–00:00 only", () => {
    expect(isWellFormedInterval("00:00", "00:00")).toBe(true);
    expect(isWellFormedInterval("18:00", "06:00")).toBe(true);
    expect(isWellFormedInterval("09:00", "09:00")).toBe(false);
    expect(isWellFormedInterval("9:00", "18:00")).toBe(false);
    expect(isWellFormedInterval("09:00", "24:00")).toBe(false);
  });
});
