import { describe, expect, it } from "vitest";
import { messageWithValues, splitMessage } from "./message-values";

describe("messages with values", () => {
  it("carries a key and its values through one string", () => {
    const message = messageWithValues("jobs:errors.belowMinimumWage", {
      year: 2026,
      floorKrw: 10320,
      site: "마포 A&B?",
    });
    expect(splitMessage(message)).toEqual({
      key: "jobs:errors.belowMinimumWage",
      values: { year: 2026, floorKrw: 10320, site: "마포 A&B?" },
    });
    expect(splitMessage("validation:required")).toEqual({ key: "validation:required", values: {} });
  });
});
