import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toExcelCsv } from "./csv";

describe("Excel-friendly CSV", () => {
  it("starts with a BOM and keeps Korean, commas, quotes and line breaks intact", () => {
    const csv = toExcelCsv(
      ["이름", "지원 동기"],
      [
        ["김서울", 'say "hi", then\nleave'],
        ["이영희", null],
      ],
    );
    expect(csv.startsWith("\uFEFF이름,지원 동기\r\n")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.data).toEqual([
      ["이름", "지원 동기"],
      ["김서울", 'say "hi", then\nleave'],
      ["이영희", ""],
    ]);
  });

  it("defuses every cell a spreadsheet would run as a formula, even with a line break", () => {
    const csv = toExcelCsv(
      ["value"],
      [['=HYPERLINK("http://evil")'], ["+1"], ["-2+3"], ["@SUM(A1)"], ["\t=1"], ["=1\n2"], [-5]],
    );
    const cells = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(cells.map((row) => row[0])).toEqual([
      '\'=HYPERLINK("http://evil")',
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      "'=1\n2",
      "-5",
    ]);
  });
});
