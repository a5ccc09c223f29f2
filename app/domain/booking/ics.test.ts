import { describe, expect, it } from "vitest";
import { bookingCalendar } from "./ics";

const event = {
  uid: "booking-abc@seoul-portal",
  sequence: 0,
  // 19:00–20:00 in Seoul
  startsAt: new Date("2026-11-26T10:00:00Z"),
  endsAt: new Date("2026-11-26T11:00:00Z"),
  title: "노동상담 (서울노동권익센터)",
  location: "전화 상담",
  description: "서울노동권익센터의 노동상담 예약입니다.",
  url: "https://portal.example/bookings/abc",
  cancelled: false,
};

describe(".ics", () => {
  it("writes the right instants in UTC, whatever the server's zone, and the texts as given", () => {
    const ics = bookingCalendar(event);
    expect(ics).toContain("DTSTART:20261126T100000Z");
    expect(ics).toContain("DTEND:20261126T110000Z");
    expect(ics).toContain("SUMMARY:노동상담 (서울노동권익센터)");
    expect(ics).toContain("LOCATION:전화 상담");
    expect(ics).toContain("UID:booking-abc@seoul-portal");
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics.startsWith("BEGIN:VCALENDAR")).toBe(true);
  });

  it("marks a cancelled booking as cancelled", () => {
    expect(bookingCalendar({ ...event, cancelled: true })).toContain("STATUS:CANCELLED");
  });

  it("writes the sequence, so that a calendar replaces the event it has with a later version", () => {
    expect(bookingCalendar(event)).toContain("SEQUENCE:0");
    expect(bookingCalendar({ ...event, sequence: 2 })).toContain("SEQUENCE:2");
  });
});
