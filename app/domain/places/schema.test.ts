import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { AdminPlaceSchema, ClosureSchema, HoursSchema, NewPlaceSchema } from "./schema";

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}

const PLACE = {
  kind: "rest_shelter",
  subKind: "courier",
  nameKo: "새 쉼터",
  nameEn: "New shelter",
  addressKo: "서울 중구",
  addressEn: "Jung-gu, Seoul",
  district: "jung",
  latitude: "37.5627",
  longitude: "126.9787",
};

describe("place form", () => {
  it("accepts a place in Seoul, with amenities from the list", () => {
    const result = parseWithZod(
      form({ ...PLACE, amenities: ["wifi", "lockers"], verified: "on" }),
      {
        schema: AdminPlaceSchema,
      },
    );
    expect(result.status).toBe("success");
    if (result.status === "success") {
      expect(result.value).toMatchObject({
        latitude: 37.5627,
        amenities: ["wifi", "lockers"],
        verified: true,
        coordinatesApproximate: false,
      });
    }
  });

  it("wants Seoul districts inside Seoul, and says so on the latitude", () => {
    const outside = parseWithZod(form({ ...PLACE, latitude: "37.3617", longitude: "126.9352" }), {
      schema: AdminPlaceSchema,
    });
    expect(outside.status).toBe("error");
    expect(outside.reply().error?.latitude).toEqual(["places:form.errors.notInSeoul"]);
    const marked = parseWithZod(
      form({ ...PLACE, district: "outside", latitude: "37.3617", longitude: "126.9352" }),
      { schema: AdminPlaceSchema },
    );
    expect(marked.status).toBe("success");
  });

  it("refuses coordinates that are not numbers and unknown amenities", () => {
    const result = parseWithZod(form({ ...PLACE, latitude: "north", amenities: ["jacuzzi"] }), {
      schema: AdminPlaceSchema,
    });
    const errors = result.reply().error ?? {};
    expect(errors.latitude).toEqual(["places:form.errors.coordinate"]);
    expect(errors["amenities[0]"]).toEqual(["validation:invalidChoice"]);
  });

  it("refuses a sub-kind of another kind", () => {
    const result = parseWithZod(form({ ...PLACE, subKind: "university" }), {
      schema: AdminPlaceSchema,
    });
    expect(result.reply().error?.subKind).toEqual(["places:form.errors.subKind"]);
  });

  it("wants a readable slug for a new place", () => {
    const bad = parseWithZod(form({ ...PLACE, slug: "Seoul Shelter!" }), {
      schema: NewPlaceSchema,
    });
    expect(bad.reply().error?.slug).toEqual(["places:form.errors.slug"]);
    const good = parseWithZod(form({ ...PLACE, slug: "new-courier-shelter" }), {
      schema: NewPlaceSchema,
    });
    expect(good.status).toBe("success");
  });
});

describe("hours form", () => {
  const row = (index: number, weekday: number, opens = "", closes = "") => ({
    [`intervals[${index}].weekday`]: String(weekday),
    [`intervals[${index}].opens`]: opens,
    [`intervals[${index}].closes`]: closes,
  });

  it("keeps the filled rows, overnight ones included", () => {
    const result = parseWithZod(
      form({
        closedOnPublicHolidays: "on",
        ...row(0, 1, "18:00", "06:00"),
        ...row(1, 1),
        ...row(2, 2, "09:00", "12:00"),
        ...row(3, 2, "13:00", "18:00"),
      }),
      { schema: HoursSchema },
    );
    expect(result.status).toBe("success");
    if (result.status === "success") {
      expect(result.value).toEqual({
        closedOnPublicHolidays: true,
        weekly: [
          { weekday: 1, opens: "18:00", closes: "06:00" },
          { weekday: 2, opens: "09:00", closes: "12:00" },
          { weekday: 2, opens: "13:00", closes: "18:00" },
        ],
      });
    }
  });

  it("says what is wrong with each row", () => {
    const result = parseWithZod(
      form({
        ...row(0, 1, "09:00"),
        ...row(1, 2, "09:00", "09:00"),
        ...row(2, 3, "09:00", "18:00"),
        ...row(3, 3, "17:00", "20:00"),
        ...row(4, 4, "25:00", "26:00"),
      }),
      { schema: HoursSchema },
    );
    const errors = result.reply().error ?? {};
    expect(errors["intervals[0].closes"]).toEqual(["places:hoursForm.errors.both"]);
    expect(errors["intervals[1].closes"]).toEqual(["places:hoursForm.errors.sameTime"]);
    expect(errors["intervals[3].opens"]).toEqual(["places:hoursForm.errors.overlap"]);
    expect(errors["intervals[4].closes"]).toEqual(["places:hoursForm.errors.sameTime"]);
  });
});

describe("closure form", () => {
  it("wants real dates in order, for at most a year (366 days)", () => {
    const leap = parseWithZod(form({ startDate: "2026-01-01", endDate: "2027-01-01" }), {
      schema: ClosureSchema,
    });
    expect(leap.status).toBe("success");
    const ok = parseWithZod(form({ startDate: "2026-12-24", endDate: "2026-12-26" }), {
      schema: ClosureSchema,
    });
    expect(ok.status).toBe("success");
    const reversed = parseWithZod(form({ startDate: "2026-12-26", endDate: "2026-12-24" }), {
      schema: ClosureSchema,
    });
    expect(reversed.reply().error?.endDate).toEqual(["places:closures.errors.endBeforeStart"]);
    const impossible = parseWithZod(form({ startDate: "2026-02-30", endDate: "2026-03-01" }), {
      schema: ClosureSchema,
    });
    expect(impossible.reply().error?.startDate).toEqual(["validation:date"]);
    const long = parseWithZod(form({ startDate: "2026-01-01", endDate: "2027-01-02" }), {
      schema: ClosureSchema,
    });
    expect(long.reply().error?.endDate).toEqual(["places:closures.errors.tooLong"]);
  });
});
