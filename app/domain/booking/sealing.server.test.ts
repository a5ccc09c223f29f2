import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { openText, sealText } from "./sealing.server";

const key = crypto.randomBytes(32).toString("base64");
const text = "사장님이 석 달째 임금을 주지 않습니다. Overtime unpaid since August.";

describe("description sealing", () => {
  it("refuses to seal without a key, and still opens text stored as typed by older versions", () => {
    expect(() => sealText(text, "")).toThrow();
    expect(openText(text, undefined)).toBe(text);
  });

  it("encrypts with a key: nothing of the text is visible, and it opens again", () => {
    const sealed = sealText(text, key);
    expect(sealed.startsWith("enc:v1:")).toBe(true);
    expect(sealed).not.toContain("임금");
    expect(sealed).not.toContain("Overtime");
    expect(sealText(text, key)).not.toBe(sealed); // a fresh IV each time
    expect(openText(sealed, key)).toBe(text);
  });

  it("refuses to open with no key, the wrong key or tampered text", () => {
    const sealed = sealText(text, key);
    expect(openText(sealed, undefined)).toBeNull();
    expect(openText(sealed, crypto.randomBytes(32).toString("base64"))).toBeNull();
    const tampered = `${sealed.slice(0, -4)}AAAA`;
    expect(openText(tampered, key)).toBeNull();
  });

  it("still reads text stored before the key was set", () => {
    expect(openText(text, key)).toBe(text);
  });
});
