import { describe, expect, it } from "vitest";
import { maskMobile, normalizeMobile } from "./phone";

describe("normalizeMobile", () => {
  it("accepts Korean mobile numbers however they are typed", () => {
    expect(normalizeMobile("010-1234-5678")).toBe("01012345678");
    expect(normalizeMobile("010 1234 5678")).toBe("01012345678");
    expect(normalizeMobile("(010) 1234.5678")).toBe("01012345678");
    expect(normalizeMobile("+82 10-1234-5678")).toBe("01012345678");
    expect(normalizeMobile("821012345678")).toBe("01012345678");
    expect(normalizeMobile("011-123-4567")).toBe("0111234567");
    expect(normalizeMobile("019-1234-5678")).toBe("01912345678");
  });

  it("refuses landlines, short or long numbers and anything else", () => {
    for (const input of [
      "02-1234-5678",
      "031-123-4567",
      "010-1234-567",
      "010-1234-56789",
      "015-1234-5678",
      "1588-1234",
      "010-abcd-5678",
      "",
      "phone",
    ]) {
      expect(normalizeMobile(input), input).toBeNull();
    }
  });
});

describe("maskMobile", () => {
  it("shows the first three and last four digits", () => {
    expect(maskMobile("01012345678")).toBe("010-****-5678");
    expect(maskMobile("010-1234-5678")).toBe("010-****-5678");
    expect(maskMobile("0111234567")).toBe("011-****-4567");
    expect(maskMobile("1234")).toBe("***");
  });
});
