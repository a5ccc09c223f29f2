// Reading a facility list in the shape of Seoul's open-data files (name, address, district, lat,
// lng, phone, hours; Korean or English headers; UTF-8 or the EUC-KR those files often come in).
// Pure: the file is judged here, row by row; service.server.ts writes what was accepted.
import Papa from "papaparse";
import { SEOUL_DISTRICTS } from "~/domain/residents/districts";
import { coordinatesProblem } from "./distance";
import type { WeeklyInterval } from "./hours";
import { parseHoursText } from "./hours-text";
import { OUTSIDE_SEOUL } from "./types";

export const MAX_IMPORT_ROWS = 5000;

/** Accepted headers per column (compared lower-cased, without spaces). */
const COLUMNS = {
  name: ["name", "시설명", "명칭", "이름", "장소명"],
  nameEn: ["name_en", "nameen", "영문명", "영문시설명"],
  address: ["address", "주소", "도로명주소", "소재지", "소재지도로명주소"],
  addressEn: ["address_en", "addressen", "영문주소"],
  district: ["district", "자치구", "구", "시군구"],
  lat: ["lat", "latitude", "위도"],
  lng: ["lng", "lon", "long", "longitude", "경도"],
  phone: ["phone", "tel", "전화번호", "연락처"],
  hours: ["hours", "opening_hours", "운영시간", "이용시간"],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ["name", "address", "district", "lat", "lng"];

export type Reason = { key: string; params?: Record<string, string | number> };

export type ImportRow = {
  nameKo: string;
  /** null: the file has no English name (a new place uses the Korean one, an update keeps its own) */
  nameEn: string | null;
  addressKo: string;
  addressEn: string | null;
  district: string;
  latitude: number;
  longitude: number;
  phone: string | null;
  /** null: the file says nothing about hours (an update keeps the place's hours) */
  weekly: WeeklyInterval[] | null;
};

export type RowCheck =
  | { line: number; name: string; ok: true; row: ImportRow }
  | { line: number; name: string; ok: false; reasons: Reason[] };

export type CsvReading = { ok: true; rows: RowCheck[] } | { ok: false; problems: Reason[] };

/** The file's text: UTF-8 when it is valid UTF-8, otherwise EUC-KR (CP949). */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("euc-kr").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

const normaliseHeader = (header: string) =>
  header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "");

function columnOf(header: string): Column | null {
  const normal = normaliseHeader(header);
  for (const [column, names] of Object.entries(COLUMNS)) {
    if ((names as readonly string[]).includes(normal)) return column as Column;
  }
  return null;
}

/** A district cell as people write it: "mapo", "마포구", "마포", "Mapo-gu"; or found in the address. */
export function resolveDistrict(cell: string, address: string): string | null {
  const value = cell.trim().toLowerCase();
  if (value === OUTSIDE_SEOUL || value === "서울 외" || value === "서울시 외") return OUTSIDE_SEOUL;
  if (value !== "") {
    const found = SEOUL_DISTRICTS.find(
      (d) =>
        d.code === value ||
        d.ko === value ||
        d.ko.replace(/구$/, "") === value ||
        `${d.code}-gu` === value,
    );
    return found?.code ?? null;
  }
  const inAddress = SEOUL_DISTRICTS.find((d) => new RegExp(`(^|\\s)${d.ko}(\\s|$)`).test(address));
  return inAddress?.code ?? null;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;
const PHONE = /^(?=(?:\D*\d){3})[0-9+()\-\s]{3,20}$/;

function checkRow(cells: Partial<Record<Column, string>>, line: number): RowCheck {
  const value = (column: Column) => (cells[column] ?? "").trim();
  const name = value("name");
  const reasons: Reason[] = [];
  if (name === "") reasons.push({ key: "places:import.reasons.nameMissing" });
  else if (name.length > 100) reasons.push({ key: "places:import.reasons.nameTooLong" });
  const address = value("address");
  if (address === "") reasons.push({ key: "places:import.reasons.addressMissing" });
  else if (address.length > 200) reasons.push({ key: "places:import.reasons.addressTooLong" });

  const district = resolveDistrict(value("district"), address);
  if (!district) {
    reasons.push({ key: "places:import.reasons.district", params: { value: value("district") } });
  }

  const latText = value("lat");
  const lngText = value("lng");
  const latitude = NUMBER.test(latText) ? Number(latText) : Number.NaN;
  const longitude = NUMBER.test(lngText) ? Number(lngText) : Number.NaN;
  const problem = coordinatesProblem(district ?? OUTSIDE_SEOUL, { lat: latitude, lng: longitude });
  if (problem === "invalid") {
    reasons.push({
      key: "places:import.reasons.coordinates",
      params: { lat: latText, lng: lngText },
    });
  } else if (problem && district) {
    reasons.push({ key: `places:import.reasons.${problem}` });
  }

  const phone = value("phone");
  if (phone !== "" && !PHONE.test(phone)) {
    reasons.push({ key: "places:import.reasons.phone", params: { value: phone } });
  }

  const hoursText = value("hours");
  const hours = hoursText === "" ? null : parseHoursText(hoursText);
  if (hours && !hours.ok) {
    reasons.push({ key: "places:import.reasons.hours", params: { value: hoursText } });
  }

  if (reasons.length > 0) return { line, name, ok: false, reasons };
  return {
    line,
    name,
    ok: true,
    row: {
      nameKo: name,
      nameEn: value("nameEn").slice(0, 100) || null,
      addressKo: address,
      addressEn: value("addressEn").slice(0, 200) || null,
      district: district!,
      latitude,
      longitude,
      phone: phone || null,
      weekly: hours?.ok ? hours.weekly : null,
    },
  };
}

/**
 * Reads a facility list. A file that is not a well-formed table with the required columns is
 * refused as a whole (problems); otherwise every row is judged on its own.
 */
export function readPlacesCsv(text: string): CsvReading {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: "greedy",
  });
  const [header, ...records] = parsed.data;
  const structural = parsed.errors.filter((error) => error.type !== "Delimiter");
  if (structural.length > 0) {
    return {
      ok: false,
      problems: structural.slice(0, 5).map((error) => ({
        key: "places:import.problems.malformed",
        params: { line: (error.row ?? 0) + 1 },
      })),
    };
  }
  if (!header) return { ok: false, problems: [{ key: "places:import.problems.empty" }] };
  const columns = header.map(columnOf);
  const missing = REQUIRED.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [
        { key: "places:import.problems.missingColumns", params: { columns: missing.join(", ") } },
      ],
    };
  }
  if (records.length === 0) {
    return { ok: false, problems: [{ key: "places:import.problems.empty" }] };
  }
  if (records.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      problems: [{ key: "places:import.problems.tooManyRows", params: { max: MAX_IMPORT_ROWS } }],
    };
  }
  const ragged = records.findIndex((record) => record.length !== header.length);
  if (ragged >= 0) {
    return {
      ok: false,
      problems: [{ key: "places:import.problems.malformed", params: { line: ragged + 2 } }],
    };
  }

  const seen = new Set<string>();
  const rows = records.map((record, index): RowCheck => {
    const cells: Partial<Record<Column, string>> = {};
    columns.forEach((column, i) => {
      if (column) cells[column] = record[i] ?? "";
    });
    const check = checkRow(cells, index + 2);
    if (!check.ok) return check;
    // The natural key of a place in these lists is its name within its district.
    const key = `${check.row.district}\u0000${check.row.nameKo}`;
    if (seen.has(key)) {
      return {
        line: check.line,
        name: check.name,
        ok: false,
        reasons: [{ key: "places:import.reasons.duplicate" }],
      };
    }
    seen.add(key);
    return check;
  });
  return { ok: true, rows };
}
