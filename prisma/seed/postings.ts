// Postings from the report's programmes. Real: the New Deal categories and their sizes, the rule
// that New Deal jobs pay the Seoul living wage (9,220 KRW/hour in 2018; the seed pays 2026's), the
// 23-month maximum, paid public holidays, the public-work rules (two rounds a year, 20-day
// recruitment window, eligibility) and the regional youth job age range. Sample: the individual postings and their dates, which are set relative to
// the day the seed runs so that there is always something open, upcoming and closed to try.
import { ELIGIBILITY } from "./places";

/**
 * What the sample postings pay: the Seoul living wage of 2026 (issue 15), the latest recorded in
 * the wage-floor table, which is above the 2026 minimum wage (10,320 KRW). Their work runs into
 * 2027–2028, for which the latest recorded floors apply; a test walks every seeded posting and
 * site against the floors (tests/integration/seed.test.ts).
 */
export const SEOUL_LIVING_WAGE_2026_KRW = 12121;

export type SeedPosting = {
  slug: string;
  organization: string;
  place?: string;
  district?: string;
  kind: "new_deal" | "public_work" | "regional_youth" | "other_public";
  newDealCategory?: string;
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  positions: number;
  hourlyWageKrw: number;
  hoursPerDay: number;
  daysPerWeek: number;
  durationMonths?: number;
  /** days from the seed day; the application window opens/closes at 09:00/18:00 Seoul time */
  opensInDays: number;
  closesInDays: number;
  startsInDays: number;
  outdoor?: boolean;
  eligibilityId: string;
  round?: string;
};

const newDeal = (
  slug: string,
  category: string,
  organization: string,
  district: string | undefined,
  titleKo: string,
  titleEn: string,
  dutiesKo: string,
  dutiesEn: string,
  positions: number,
  window: [number, number],
  outdoor = false,
): SeedPosting => ({
  slug,
  organization,
  district,
  kind: "new_deal",
  newDealCategory: category,
  titleKo,
  titleEn,
  descriptionKo: `${dutiesKo}\n\n근무조건: 서울시 생활임금 적용, 최대 23개월, 공휴일 유급. 직무교육과 취·창업 지원을 함께 받습니다.`,
  descriptionEn: `${dutiesEn}\n\nTerms: the Seoul living wage, up to 23 months, paid public holidays. Job training and employment support included.`,
  positions,
  hourlyWageKrw: SEOUL_LIVING_WAGE_2026_KRW,
  hoursPerDay: 8,
  daysPerWeek: 5,
  durationMonths: 23,
  opensInDays: window[0],
  closesInDays: window[1],
  startsInDays: window[1] + 14,
  outdoor,
  eligibilityId: ELIGIBILITY.newDeal.id,
});

export const POSTINGS: SeedPosting[] = [
  // 서울시 추진사업 (city projects, 2,655 places in 2018)
  newDeal(
    "new-deal-city-public-data",
    "city",
    "seoul-city",
    "jung",
    "서울시 공공데이터 품질관리 매니저",
    "Seoul open-data quality manager",
    "서울 열린데이터광장 데이터 정비와 품질 점검.",
    "Cleaning and checking the datasets of the Seoul Open Data Plaza.",
    20,
    [-5, 10],
  ),
  newDeal(
    "new-deal-city-park-guide",
    "city",
    "seoul-city",
    "seongdong",
    "서울숲 생태 해설 매니저",
    "Seoul Forest ecology guide",
    "공원 방문객 생태 해설과 프로그램 운영.",
    "Ecology guiding and programmes for park visitors.",
    12,
    [-3, 1],
    true,
  ),
  // 자치구 추진사업 (district projects, 700)
  newDeal(
    "new-deal-district-mapo-market",
    "district",
    "mapo-gu",
    "mapo",
    "마포구 골목상권 활성화 매니저",
    "Mapo alley-market revitalisation manager",
    "전통시장과 골목상권의 온라인 홍보와 상인 지원.",
    "Online promotion and support for traditional markets and small shops.",
    8,
    [-10, -1],
  ),
  newDeal(
    "new-deal-district-gwanak-youth",
    "district",
    "gwanak-gu",
    "gwanak",
    "관악구 청년공간 코디네이터",
    "Gwanak youth-space coordinator",
    "청년공간 프로그램 기획과 운영.",
    "Planning and running the youth space's programmes.",
    5,
    [3, 20],
  ),
  // 민간공모 (private contests, 1,300 = 300 + 300 + 400 + 300)
  newDeal(
    "new-deal-private-dept-welfare",
    "private_city_department",
    "seoul-job-labor-bureau",
    "jongno",
    "市사업부서 민간공모: 복지시설 디지털 안내 지원",
    "City-department contest: digital help desks in welfare facilities",
    "복지관 이용 어르신 디지털 기기 사용 안내.",
    "Helping older visitors of welfare centres use digital devices.",
    15,
    [-2, 12],
  ),
  newDeal(
    "new-deal-private-specialised-labor",
    "private_public_specialised",
    "korea-contingent-workers-center",
    "jongno",
    "공공특화분야: 노동권익 상담 보조",
    "Public specialised field: labor-rights counseling assistant",
    "노동상담 접수, 자료 정리, 교육 행사 지원.",
    "Taking in consultation requests, organising case files, supporting training events.",
    6,
    [-1, 14],
  ),
  newDeal(
    "new-deal-private-company-it",
    "private_company_tailored",
    "seoul-sme-partners",
    "guro",
    "민간기업 맞춤형: 강소기업 웹개발 인턴",
    "Private-company tailored: web developer trainee at a strong SME",
    "서울형 강소기업에서 웹 서비스 개발 실무.",
    "Hands-on web development at a Seoul strong SME.",
    10,
    [-7, 7],
  ),
  newDeal(
    "new-deal-private-company-design",
    "private_company_tailored",
    "seoul-sme-partners",
    "seongdong",
    "민간기업 맞춤형: 브랜드 디자인 어시스턴트",
    "Private-company tailored: brand design assistant",
    "중소기업 브랜드·제품 디자인 보조.",
    "Assisting with SME brand and product design.",
    4,
    [5, 25],
  ),
  newDeal(
    "new-deal-youth-idea-upcycling",
    "private_youth_idea",
    "seoul-job-labor-bureau",
    "seongdong",
    "청년 아이디어: 업사이클링 공방 매니저",
    "Youth idea: upcycling workshop manager",
    "청년이 제안한 업사이클링 공방 운영.",
    "Running an upcycling workshop proposed by young people.",
    3,
    [-4, 9],
  ),
  newDeal(
    "new-deal-youth-idea-podcast",
    "private_youth_idea",
    "seoul-job-labor-bureau",
    "mapo",
    "청년 아이디어: 동네 노동 이야기 팟캐스트 제작",
    "Youth idea: neighbourhood labor-stories podcast",
    "동네 노동자 인터뷰 팟캐스트 기획·제작.",
    "Planning and producing a podcast of interviews with local workers.",
    2,
    [-30, -15],
  ),
];

export const REGIONAL_YOUTH_POSTINGS: SeedPosting[] = [
  {
    slug: "regional-youth-seongdong-social-economy",
    organization: "seongdong-gu",
    district: "seongdong",
    kind: "regional_youth",
    titleKo: "지역주도형 청년일자리: 성동구 사회적경제 마케터",
    titleEn: "Regional youth job: Seongdong social-economy marketer",
    descriptionKo:
      "지역 사회적경제 기업의 온라인 마케팅. 업무 경험과 함께 직업역량 교육과 구직활동 지원을 받습니다 (만 18~39세).",
    descriptionEn:
      "Online marketing for local social-economy enterprises, with job-skills training and job-search support (ages 18–39).",
    positions: 6,
    hourlyWageKrw: SEOUL_LIVING_WAGE_2026_KRW,
    hoursPerDay: 8,
    daysPerWeek: 5,
    durationMonths: 12,
    opensInDays: -6,
    closesInDays: 8,
    startsInDays: 30,
    eligibilityId: ELIGIBILITY.regionalYouth.id,
  },
];

/** Public-work rounds: the real 2018 second half, and the coming round under the same rules. */
export const PUBLIC_WORK_ROUNDS = [
  {
    slug: "public-work-2018-2",
    year: 2018,
    roundNumber: 2,
    nameKo: "2018년 하반기 서울시 공공근로",
    nameEn: "Seoul public work, second half of 2018",
    workStartDate: "2018-07-01",
    workEndDate: "2018-12-20",
    // 20-day recruitment window before the round (dates as the report describes the rule)
    applicationOpens: "2018-06-01",
    applicationCloses: "2018-06-20",
    status: "closed",
  },
];

/** The upcoming round: real rules, sample dates (relative to the seed day). */
export const UPCOMING_ROUND = {
  slug: "public-work-upcoming",
  nameKo: "다음 회차 서울시 공공근로 (예시 일정)",
  nameEn: "Next Seoul public-work round (sample dates)",
  /** the window is 20 days: opens this many days before the seed day */
  opensDaysAgo: 5,
  windowDays: 20,
};

export const PUBLIC_WORK_SITES = [
  {
    slug: "public-work-site-park-cleanup",
    titleKo: "한강공원 환경정비",
    titleEn: "Han River park clean-up",
    district: "yeongdeungpo",
    outdoor: true,
    positions: 30,
  },
  {
    slug: "public-work-site-library",
    titleKo: "시립도서관 자료 정리",
    titleEn: "City library archive work",
    district: "jongno",
    outdoor: false,
    positions: 12,
  },
  {
    slug: "public-work-site-safety-patrol",
    titleKo: "어린이 통학로 안전 지킴이",
    titleEn: "School-route safety patrol",
    district: "nowon",
    outdoor: true,
    positions: 20,
  },
  {
    slug: "public-work-site-community-center",
    titleKo: "주민센터 행정 보조",
    titleEn: "Community centre office assistant",
    district: "gwanak",
    outdoor: false,
    positions: 15,
  },
];
