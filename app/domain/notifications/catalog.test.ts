import { describe, expect, it } from "vitest";
import {
  channelsFor,
  fitText,
  parseMutedTopics,
  serializeMutedTopics,
  textBytes,
  textKind,
  textSendTime,
  topicOf,
  type MessagingPreferences,
} from "./catalog";

describe("text length (EUC-KR bytes)", () => {
  it("counts ASCII as one byte and Hangul as two", () => {
    expect(textBytes("")).toBe(0);
    expect(textBytes("abc 123")).toBe(7);
    expect(textBytes("가나다")).toBe(6);
    expect(textBytes("[서울일자리] 123")).toBe(16);
  });

  it("is an SMS up to 90 bytes and an LMS beyond", () => {
    expect(textKind("a".repeat(90))).toBe("SMS");
    expect(textKind("a".repeat(91))).toBe("LMS");
    expect(textKind("가".repeat(45))).toBe("SMS");
    expect(textKind(`${"가".repeat(45)}a`)).toBe("LMS");
  });

  it("cuts a text to the limit by bytes, never inside a character, and says it was cut", () => {
    expect(fitText("short")).toBe("short");
    const long = "가".repeat(1200); // 2,400 bytes
    const cut = fitText(long);
    expect(textBytes(cut)).toBeLessThanOrEqual(2000); // the LMS limit
    expect(cut.endsWith("...")).toBe(true);
    expect(cut).toBe(`${"가".repeat(998)}...`);
    expect(fitText("가나다라마", 7)).toBe("가나...");
    expect(fitText("가나다라마", 8)).toBe("가나...");
    expect(fitText("abcdefghij", 10)).toBe("abcdefghij");
    expect(fitText("abcdefghijk", 10)).toBe("abcdefg...");
  });
});

describe("quiet hours for optional texts (21:00–08:00 Seoul)", () => {
  // Seoul is UTC+9: 12:00 UTC is 21:00 in Seoul, 23:00 UTC is 08:00 the next day.
  const at = (iso: string) => new Date(iso);

  it("sends optional texts at once during the day", () => {
    const noon = at("2026-11-25T03:00:00Z");
    expect(textSendTime(noon, "reminders")).toEqual(noon);
    const justBeforeNine = at("2026-11-25T11:59:00Z");
    expect(textSendTime(justBeforeNine, "waitlist")).toEqual(justBeforeNine);
  });

  it("holds an optional text written in the evening or at night until 08:00", () => {
    const morning = at("2026-11-25T23:00:00Z"); // 26 Nov 08:00 in Seoul
    expect(textSendTime(at("2026-11-25T12:00:00Z"), "receipts")).toEqual(morning); // 21:00
    expect(textSendTime(at("2026-11-25T14:30:00Z"), "follows")).toEqual(morning); // 23:30
    expect(textSendTime(at("2026-11-25T17:00:00Z"), "reminders")).toEqual(morning); // 02:00
    expect(textSendTime(at("2026-11-25T22:59:00Z"), "reminders")).toEqual(morning); // 07:59
    expect(textSendTime(morning, "reminders")).toEqual(morning); // 08:00 itself
  });

  it("never holds required or account texts", () => {
    const night = at("2026-11-25T17:00:00Z");
    expect(textSendTime(night, "required")).toEqual(night);
    expect(textSendTime(night, "account")).toEqual(night);
  });

  it("sends a waitlist offer at once at night when its hold ends before 08:00", () => {
    const night = at("2026-11-25T17:00:00Z"); // 02:00
    const endsAt0700 = at("2026-11-25T22:00:00Z");
    expect(textSendTime(night, "waitlist", endsAt0700)).toEqual(night);
    const endsAt0800 = at("2026-11-25T23:00:00Z");
    expect(textSendTime(night, "waitlist", endsAt0800)).toEqual(night);
    const endsAt0900 = at("2026-11-26T00:00:00Z");
    expect(textSendTime(night, "waitlist", endsAt0900)).toEqual(at("2026-11-25T23:00:00Z"));
  });
});

describe("channels", () => {
  const resident = (overrides: Partial<MessagingPreferences> = {}): MessagingPreferences => ({
    email: "a@example.test",
    phone: "01012345678",
    phoneVerifiedAt: new Date("2026-11-01T00:00:00Z"),
    messageChannels: "email",
    mutedTopics: "",
    ...overrides,
  });

  it("follows the resident's choice when the phone is verified", () => {
    expect(channelsFor(resident(), "receipts")).toEqual(["email"]);
    expect(channelsFor(resident({ messageChannels: "sms" }), "receipts")).toEqual(["sms"]);
    expect(channelsFor(resident({ messageChannels: "both" }), "required")).toEqual([
      "email",
      "sms",
    ]);
  });

  it("sends e-mail instead of texts to a phone that is not verified", () => {
    const unverified = resident({ messageChannels: "sms", phoneVerifiedAt: null });
    expect(channelsFor(unverified, "waitlist")).toEqual(["email"]);
    expect(channelsFor(resident({ messageChannels: "both", phone: null }), "waitlist")).toEqual([
      "email",
    ]);
  });

  it("texts a verified phone even without an e-mail address, and nothing to nobody", () => {
    expect(channelsFor(resident({ email: null, messageChannels: "sms" }), "receipts")).toEqual([
      "sms",
    ]);
    expect(channelsFor(resident({ email: null, phoneVerifiedAt: null }), "receipts")).toEqual([]);
  });

  it("drops muted optional topics, never required ones", () => {
    const muted = resident({ messageChannels: "both", mutedTopics: "waitlist,reminders" });
    expect(channelsFor(muted, "waitlist")).toEqual([]);
    expect(channelsFor(muted, "reminders")).toEqual([]);
    expect(channelsFor(muted, "receipts")).toEqual(["email", "sms"]);
    expect(channelsFor(muted, "required")).toEqual(["email", "sms"]);
  });

  it("knows each template's topic; phone codes are account messages", () => {
    expect(topicOf("phone_code")).toBe("account");
    expect(topicOf("waitlist_offer")).toBe("waitlist");
    expect(topicOf("something_new")).toBe("required");
    expect(parseMutedTopics(" follows , required,waitlist")).toEqual(["follows", "waitlist"]);
    expect(serializeMutedTopics(["waitlist", "receipts", "nonsense"])).toBe("receipts,waitlist");
  });
});
