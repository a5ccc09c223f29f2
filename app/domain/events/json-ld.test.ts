import { describe, expect, it } from "vitest";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { eventJsonLd } from "./json-ld";

const facts = {
  url: "https://example.test/events/forum",
  name: "포럼",
  description: "설명",
  format: "hybrid",
  onlineUrl: "https://example.test/live",
  organizer: { name: "서울특별시", website: null },
  location: { name: "서울시청", streetAddress: "세종대로 110", locality: "중구" },
  sessions: [
    {
      startsAt: seoulInstant("2026-11-01", "10:00"),
      endsAt: seoulInstant("2026-11-01", "12:00"),
      status: "scheduled",
      seatsLeft: 0,
    },
    {
      startsAt: seoulInstant("2026-12-11", "10:00"),
      endsAt: seoulInstant("2026-12-11", "18:00"),
      status: "cancelled",
      seatsLeft: 5,
    },
    {
      startsAt: seoulInstant("2026-12-12", "10:00"),
      endsAt: seoulInstant("2026-12-12", "18:00"),
      status: "scheduled",
      seatsLeft: 7,
    },
  ],
  language: "ko",
  isAccessibleForFree: true,
};

describe("eventJsonLd", () => {
  it("dates the event by its next scheduled session and lists every session", () => {
    const json = eventJsonLd(facts, seoulInstant("2026-11-25", "02:00"));
    expect(json["@type"]).toBe("Event");
    expect(json.startDate).toBe("2026-12-12T01:00:00.000Z");
    expect(json.eventStatus).toBe("https://schema.org/EventScheduled");
    expect(json.eventAttendanceMode).toBe("https://schema.org/MixedEventAttendanceMode");
    expect(json.location).toHaveLength(2);
    expect(json.subEvent.map((s) => s.eventStatus)).toEqual([
      "https://schema.org/EventScheduled",
      "https://schema.org/EventCancelled",
      "https://schema.org/EventScheduled",
    ]);
    expect(json.subEvent[2]!.remainingAttendeeCapacity).toBe(7);
  });

  it("offers free seats: in stock, sold out, or discontinued when called off", () => {
    const json = eventJsonLd(facts, seoulInstant("2026-11-25", "02:00"));
    expect(json.subEvent.map((s) => s.offers.availability)).toEqual([
      "https://schema.org/SoldOut",
      "https://schema.org/Discontinued",
      "https://schema.org/InStock",
    ]);
    expect(json.subEvent[2]!.offers).toMatchObject({ price: 0, priceCurrency: "KRW" });
    expect(json.subEvent[2]!.location).toHaveLength(2);
    expect(json).toMatchObject({ remainingAttendeeCapacity: 7 });
  });

  it("is cancelled as a whole when every session is", () => {
    const json = eventJsonLd(
      { ...facts, sessions: facts.sessions.map((s) => ({ ...s, status: "cancelled" })) },
      seoulInstant("2026-11-25", "02:00"),
    );
    expect(json.eventStatus).toBe("https://schema.org/EventCancelled");
  });

  it("has no physical place for an online event", () => {
    const json = eventJsonLd({ ...facts, format: "online" }, seoulInstant("2026-11-25"));
    expect(json.location).toEqual({ "@type": "VirtualLocation", url: "https://example.test/live" });
  });
});
