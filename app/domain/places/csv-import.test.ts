import { describe, expect, it } from "vitest";
import { decodeCsv, MAX_IMPORT_ROWS, readPlacesCsv, resolveDistrict } from "./csv-import";

const HEADER = "시설명,주소,자치구,위도,경도,전화번호,운영시간";

describe("readPlacesCsv", () => {
  it("accepts rows in the open-data shape, with Korean headers", () => {
    const reading = readPlacesCsv(
      `${HEADER}\n휴서울노동자쉼터 서초쉼터,서울특별시 서초구 서초동,서초구,37.4918,127.0144,02-123-4567,매일 18:00~06:00\n`,
    );
    expect(reading).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          name: "휴서울노동자쉼터 서초쉼터",
          ok: true,
          row: {
            nameKo: "휴서울노동자쉼터 서초쉼터",
            nameEn: null,
            addressKo: "서울특별시 서초구 서초동",
            addressEn: null,
            district: "seocho",
            latitude: 37.4918,
            longitude: 127.0144,
            phone: "02-123-4567",
            weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
              weekday,
              opens: "18:00",
              closes: "06:00",
            })),
          },
        },
      ],
    });
  });

  it("accepts English headers in any order, without the optional columns", () => {
    const reading = readPlacesCsv(
      "lng,lat,name,district,address\n126.9139,37.5496,Hapjeong,mapo,Mapo-gu Seoul\n",
    );
    expect(reading.ok && reading.rows[0]).toMatchObject({
      ok: true,
      row: { district: "mapo", latitude: 37.5496, longitude: 126.9139, phone: null, weekly: null },
    });
  });

  it("refuses bad rows one by one and says why, keeping the good ones", () => {
    const reading = readPlacesCsv(
      [
        HEADER,
        "좋은 쉼터,서울 마포구,마포구,37.55,126.91,,",
        ",서울 중구,중구,37.56,126.98,,",
        "먼 쉼터,경기도 군포시,마포구,37.36,126.93,,",
        "뒤바뀐 쉼터,서울 중구,중구,126.98,37.56,,",
        "글자 좌표,서울 중구,중구,북위,동경,,",
        "없는 구,어딘가,고담구,37.56,126.98,,",
        "이상한 시간,서울 중구,중구,37.56,126.98,,가끔 열어요",
        "이상한 전화,서울 중구,중구,37.56,126.98,call me,",
        "좋은 쉼터,서울 마포구,마포구,37.551,126.911,,",
      ].join("\n"),
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    const outcome = reading.rows.map((row) =>
      row.ok ? ["ok", row.line] : [row.line, ...row.reasons.map((r) => r.key.split(".").pop())],
    );
    expect(outcome).toEqual([
      ["ok", 2],
      [3, "nameMissing"],
      [4, "notInSeoul"],
      [5, "swapped"],
      [6, "coordinates"],
      [7, "district"],
      [8, "hours"],
      [9, "phone"],
      [10, "duplicate"],
    ]);
    const hours = reading.rows[6];
    expect(hours?.ok === false && hours.reasons[0]?.params).toEqual({ value: "가끔 열어요" });
  });

  it("lets a site beyond Seoul in when it is marked outside", () => {
    const reading = readPlacesCsv(
      `${HEADER}\n남부기술교육원,경기도 군포시,outside,37.3617,126.9352,,`,
    );
    expect(reading.ok && reading.rows[0]?.ok).toBe(true);
  });

  it("refuses a malformed file as a whole", () => {
    const cases: Array<[string, string]> = [
      ["", "empty"],
      [HEADER, "empty"],
      ["이름,주소\n쉼터,서울", "missingColumns"],
      [`${HEADER}\n"열린 따옴표,서울,중구,37.5,126.9,,`, "malformed"],
      [`${HEADER}\n쉼터,서울,중구,37.5`, "malformed"],
      [`${HEADER}\n쉼터,서울,중구,37.5,126.9,,,,,extra`, "malformed"],
      ["\u0000\u0001binary\u0002", "missingColumns"],
    ];
    for (const [text, problem] of cases) {
      const reading = readPlacesCsv(text);
      expect(reading.ok, JSON.stringify(text)).toBe(false);
      if (!reading.ok) expect(reading.problems[0]?.key).toBe(`places:import.problems.${problem}`);
    }
  });

  it("refuses more rows than it imports at once", () => {
    const row = "쉼터,서울 중구,중구,37.56,126.98,,";
    const reading = readPlacesCsv([HEADER, ...Array(MAX_IMPORT_ROWS + 1).fill(row)].join("\n"));
    expect(reading).toEqual({
      ok: false,
      problems: [{ key: "places:import.problems.tooManyRows", params: { max: MAX_IMPORT_ROWS } }],
    });
  });
});

describe("decodeCsv", () => {
  it("reads UTF-8 (with or without a byte-order mark) and EUC-KR", () => {
    expect(decodeCsv(new TextEncoder().encode("\uFEFF서초,1"))).toBe("서초,1");
    // "서초,1" in EUC-KR, as many of the city's files are encoded
    expect(decodeCsv(new Uint8Array([0xbc, 0xad, 0xc3, 0xca, 0x2c, 0x31]))).toBe("서초,1");
  });
});

describe("resolveDistrict", () => {
  it("reads codes, Korean and English names, and falls back to the address", () => {
    expect(resolveDistrict("마포구", "")).toBe("mapo");
    expect(resolveDistrict("마포", "")).toBe("mapo");
    expect(resolveDistrict("Mapo-gu", "")).toBe("mapo");
    expect(resolveDistrict("MAPO", "")).toBe("mapo");
    expect(resolveDistrict("", "서울특별시 종로구 율곡로 58")).toBe("jongno");
    expect(resolveDistrict("", "서울특별시 어딘가")).toBeNull();
    expect(resolveDistrict("outside", "")).toBe("outside");
    expect(resolveDistrict("gotham", "서울특별시 종로구")).toBeNull();
  });
});
