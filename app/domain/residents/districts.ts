// The 25 autonomous districts (자치구) of Seoul. Codes are stable identifiers stored in the
// database; names are shown through i18next (districts namespace). The centre points are the
// approximate district-office locations, used to centre a map when geolocation is refused.

export const SEOUL_DISTRICTS = [
  { code: "jongno", ko: "종로구", lat: 37.5735, lng: 126.9788 },
  { code: "jung", ko: "중구", lat: 37.5641, lng: 126.9979 },
  { code: "yongsan", ko: "용산구", lat: 37.5326, lng: 126.9905 },
  { code: "seongdong", ko: "성동구", lat: 37.5633, lng: 127.0371 },
  { code: "gwangjin", ko: "광진구", lat: 37.5385, lng: 127.0823 },
  { code: "dongdaemun", ko: "동대문구", lat: 37.5744, lng: 127.0396 },
  { code: "jungnang", ko: "중랑구", lat: 37.6063, lng: 127.0925 },
  { code: "seongbuk", ko: "성북구", lat: 37.5894, lng: 127.0167 },
  { code: "gangbuk", ko: "강북구", lat: 37.6396, lng: 127.0257 },
  { code: "dobong", ko: "도봉구", lat: 37.6688, lng: 127.0471 },
  { code: "nowon", ko: "노원구", lat: 37.6542, lng: 127.0568 },
  { code: "eunpyeong", ko: "은평구", lat: 37.6027, lng: 126.9291 },
  { code: "seodaemun", ko: "서대문구", lat: 37.5791, lng: 126.9368 },
  { code: "mapo", ko: "마포구", lat: 37.5663, lng: 126.9019 },
  { code: "yangcheon", ko: "양천구", lat: 37.517, lng: 126.8665 },
  { code: "gangseo", ko: "강서구", lat: 37.5509, lng: 126.8495 },
  { code: "guro", ko: "구로구", lat: 37.4954, lng: 126.8874 },
  { code: "geumcheon", ko: "금천구", lat: 37.4568, lng: 126.8955 },
  { code: "yeongdeungpo", ko: "영등포구", lat: 37.5264, lng: 126.8962 },
  { code: "dongjak", ko: "동작구", lat: 37.5124, lng: 126.9393 },
  { code: "gwanak", ko: "관악구", lat: 37.4784, lng: 126.9516 },
  { code: "seocho", ko: "서초구", lat: 37.4837, lng: 127.0324 },
  { code: "gangnam", ko: "강남구", lat: 37.5172, lng: 127.0473 },
  { code: "songpa", ko: "송파구", lat: 37.5145, lng: 127.1059 },
  { code: "gangdong", ko: "강동구", lat: 37.5301, lng: 127.1238 },
] as const;

export type DistrictCode = (typeof SEOUL_DISTRICTS)[number]["code"];

export const DISTRICT_CODES = SEOUL_DISTRICTS.map((d) => d.code) as [
  DistrictCode,
  ...DistrictCode[],
];

export function isDistrictCode(value: unknown): value is DistrictCode {
  return typeof value === "string" && (DISTRICT_CODES as readonly string[]).includes(value);
}

export function findDistrict(code: string) {
  return SEOUL_DISTRICTS.find((d) => d.code === code);
}
