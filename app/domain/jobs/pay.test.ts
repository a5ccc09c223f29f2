import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateMonthlyPay } from "./pay";

describe("monthly pay estimate", () => {
  it("gives the 2018 Seoul living wage per month for a 40-hour New Deal week", () => {
    const estimate = estimateMonthlyPay({ hourlyWageKrw: 9220, hoursPerDay: 8, daysPerWeek: 5 });
    expect(estimate).toMatchObject({
      weeklyHours: 40,
      weeklyRestHours: 8,
      monthlyPaidHours: 209,
      monthlyPayKrw: 1_926_980,
    });
    expect(estimate.monthlyRestAllowanceKrw).toBe(35 * 9220);
  });

  it("pays the weekly rest day pro rata from 15 hours a week, and not below", () => {
    const publicWork = estimateMonthlyPay({ hourlyWageKrw: 9220, hoursPerDay: 5, daysPerWeek: 5 });
    expect(publicWork.weeklyRestHours).toBe(5);
    expect(publicWork.monthlyPaidHours).toBe(130);
    expect(
      estimateMonthlyPay({ hourlyWageKrw: 10000, hoursPerDay: 3, daysPerWeek: 5 }),
    ).toMatchObject({
      weeklyHours: 15,
      weeklyRestHours: 3,
    });
    expect(
      estimateMonthlyPay({ hourlyWageKrw: 10000, hoursPerDay: 2.5, daysPerWeek: 5 })
        .weeklyRestHours,
    ).toBe(0);
  });

  it("never pays more than one 8-hour rest day a week, and grows with the hours (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }).map((half) => half / 2),
        fc.integer({ min: 1, max: 6 }),
        (hoursPerDay, daysPerWeek) => {
          const less = estimateMonthlyPay({ hourlyWageKrw: 9220, hoursPerDay, daysPerWeek });
          const more = estimateMonthlyPay({
            hourlyWageKrw: 9220,
            hoursPerDay,
            daysPerWeek: daysPerWeek + 1,
          });
          return less.weeklyRestHours <= 8 && more.monthlyPayKrw >= less.monthlyPayKrw;
        },
      ),
    );
  });
});
