import { findDistrict } from "../../app/domain/residents/districts";

// Places from the 2018 work report of the Seoul Job & Labor Policy Bureau (shared/seed/).
// Real: names, sizes, target workers, hours, operators, the addresses the report gives.
// Assumed (sample data, marked so on every page): coordinates (approximate), opening weekdays the
// report does not give, street addresses it does not give, and every job café (the report counts
// 73 cafés but does not list them).

type SeedHours = { days: number[]; opens: string; closes: string }[];
type SeedService = {
  slug: string;
  kind: string;
  nameKo: string;
  nameEn: string;
  descriptionKo?: string;
  descriptionEn?: string;
  bookable: boolean;
  durationMinutes?: number;
  eligibilityId?: string;
  /** bookings a resident may make of it per calendar year (decision 0026) */
  yearlyLimitPerResident?: number;
};
export type SeedPlace = {
  slug: string;
  kind: string;
  subKind?: string;
  nameKo: string;
  nameEn: string;
  addressKo: string;
  addressEn: string;
  district: string;
  latitude: number;
  longitude: number;
  isSampleData?: boolean;
  phone?: string;
  website?: string;
  areaSquareMeters?: number;
  descriptionKo?: string;
  descriptionEn?: string;
  amenities?: string[];
  accessibilityNotesKo?: string;
  accessibilityNotesEn?: string;
  closedOnPublicHolidays?: boolean;
  operator?: string;
  hours: SeedHours;
  services?: SeedService[];
};

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

export const ELIGIBILITY = {
  youth15to39: { id: "elig-youth-15-39", minAge: 15, maxAge: 39 },
  // 고교졸업예정자~만 34세: from the year a person turns 18 (the year they finish school) to 34
  jobWings: { id: "elig-job-wings", minYearAge: 18, maxAge: 34, seoulResidentRequired: true },
  regionalYouth: { id: "elig-regional-youth-18-39", minAge: 18, maxAge: 39 },
  publicWork: {
    id: "elig-public-work",
    minAge: 18,
    seoulResidentRequired: true,
    unemployedRequired: true,
    noRegularIncomeRequired: true,
    registeredJobSeekerRequired: true,
  },
  newDeal: {
    id: "elig-new-deal",
    minAge: 18,
    seoulResidentRequired: true,
    unemployedRequired: true,
  },
} as const;

/**
 * The 12 university job centers the city supported from April 2018 to February 2019 (report,
 * "대학일자리센터 지원"): large ones also serve the district's young people, small ones mainly their
 * own students. Street addresses are the main campus's, coordinates approximate (on the campus);
 * where on the campus the center is, and its hours, the report does not say.
 */
const UNIVERSITIES: Array<
  [string, string, string, "large" | "small", string, string, string, number, number]
> = [
  // key (organisation `university-<key>`, place `university-job-center-<key>`), name (ko), name
  // (en), size class, district, campus address (ko / en), lat, lng
  [
    "sangmyung",
    "상명대학교",
    "Sangmyung University",
    "large",
    "jongno",
    "서울특별시 종로구 홍지문2길 20",
    "20 Hongjimun 2-gil, Jongno-gu, Seoul",
    37.6026,
    126.9553,
  ],
  [
    "sookmyung",
    "숙명여자대학교",
    "Sookmyung Women's University",
    "large",
    "yongsan",
    "서울특별시 용산구 청파로47길 100",
    "100 Cheongpa-ro 47-gil, Yongsan-gu, Seoul",
    37.5463,
    126.9646,
  ],
  [
    "hufs",
    "한국외국어대학교",
    "Hankuk University of Foreign Studies",
    "large",
    "dongdaemun",
    "서울특별시 동대문구 이문로 107",
    "107 Imun-ro, Dongdaemun-gu, Seoul",
    37.5972,
    127.0588,
  ],
  [
    "konkuk",
    "건국대학교",
    "Konkuk University",
    "large",
    "gwangjin",
    "서울특별시 광진구 능동로 120",
    "120 Neungdong-ro, Gwangjin-gu, Seoul",
    37.5418,
    127.0783,
  ],
  [
    "sungshin",
    "성신여자대학교",
    "Sungshin Women's University",
    "large",
    "seongbuk",
    "서울특별시 성북구 보문로34다길 2",
    "2 Bomun-ro 34da-gil, Seongbuk-gu, Seoul",
    37.5912,
    127.0222,
  ],
  [
    "myongji",
    "명지대학교",
    "Myongji University",
    "large",
    "seodaemun",
    "서울특별시 서대문구 거북골로 34",
    "34 Geobukgol-ro, Seodaemun-gu, Seoul",
    37.5802,
    126.923,
  ],
  [
    "seoil",
    "서일대학교",
    "Seoil University",
    "large",
    "jungnang",
    "서울특별시 중랑구 용마산로90길 28",
    "28 Yongmasan-ro 90-gil, Jungnang-gu, Seoul",
    37.586,
    127.0979,
  ],
  [
    "sahmyook",
    "삼육대학교",
    "Sahmyook University",
    "small",
    "nowon",
    "서울특별시 노원구 화랑로 815",
    "815 Hwarang-ro, Nowon-gu, Seoul",
    37.6432,
    127.1062,
  ],
  [
    "dongduk",
    "동덕여자대학교",
    "Dongduk Women's University",
    "small",
    "seongbuk",
    "서울특별시 성북구 화랑로13길 60",
    "60 Hwarang-ro 13-gil, Seongbuk-gu, Seoul",
    37.6066,
    127.0418,
  ],
  [
    "induk",
    "인덕대학교",
    "Induk University",
    "small",
    "nowon",
    "서울특별시 노원구 초안산로 12",
    "12 Choansan-ro, Nowon-gu, Seoul",
    37.6311,
    127.0551,
  ],
  [
    "kookmin",
    "국민대학교",
    "Kookmin University",
    "small",
    "seongbuk",
    "서울특별시 성북구 정릉로 77",
    "77 Jeongneung-ro, Seongbuk-gu, Seoul",
    37.6109,
    126.9971,
  ],
  [
    "skku",
    "성균관대학교",
    "Sungkyunkwan University",
    "small",
    "jongno",
    "서울특별시 종로구 성균관로 25-2",
    "25-2 Sungkyunkwan-ro, Jongno-gu, Seoul",
    37.588,
    126.9935,
  ],
];

/**
 * Job Wings (취업날개서비스): free interview suits, photos and make-up for young job seekers living
 * in Seoul. The report names the three operators, not their branches: these branches are samples.
 */
const JOB_WINGS_OPERATORS: Array<[string, string, string, string, number, number]> = [
  // organisation slug, name (ko), name (en), district of the sample branch, lat, lng
  ["my-sweet-interview", "마이스윗인터뷰", "MySweetInterview", "mapo", 37.5572, 126.9245],
  ["open-closet", "열린옷장", "Open Closet", "gwangjin", 37.5404, 127.0701],
  ["change-lady", "체인지레이디", "Change Lady", "gangnam", 37.5006, 127.0364],
];

export const ORGANIZATIONS = [
  {
    slug: "seoul-city",
    kind: "city",
    nameKo: "서울특별시",
    nameEn: "Seoul Metropolitan Government",
    phone: "120",
  },
  {
    slug: "seoul-job-labor-bureau",
    kind: "city",
    nameKo: "서울시 일자리노동정책관",
    nameEn: "Seoul Job & Labor Policy Bureau",
  },
  {
    slug: "korea-contingent-workers-center",
    kind: "nonprofit",
    nameKo: "(사)한국비정규노동센터",
    nameEn: "Korea Contingent Workers Center",
  },
  {
    slug: "seoul-east-contingent-workers-center",
    kind: "nonprofit",
    nameKo: "서울동부비정규노동센터",
    nameEn: "Seoul East Contingent Workers Center",
  },
  {
    slug: "kctu-seoul",
    kind: "nonprofit",
    nameKo: "민주노총 서울본부",
    nameEn: "KCTU Seoul Regional Council",
  },
  {
    slug: "kctu-seoul-south",
    kind: "nonprofit",
    nameKo: "민주노총 서울본부 남부지구협의회",
    nameEn: "KCTU Seoul South District Council",
  },
  {
    slug: "kctu-seoul-north",
    kind: "nonprofit",
    nameKo: "민주노총 서울본부 북부지구협의회",
    nameEn: "KCTU Seoul North District Council",
  },
  {
    slug: "seoul-general-union",
    kind: "nonprofit",
    nameKo: "서울일반노동조합",
    nameEn: "Seoul General Workers' Union",
  },
  {
    slug: "gangseo-yangcheon-minjung",
    kind: "nonprofit",
    nameKo: "강서양천 민중의집",
    nameEn: "Gangseo-Yangcheon People's House",
  },
  {
    slug: "kctu-gwangjin",
    kind: "nonprofit",
    nameKo: "민주노총 서울본부 광진지부",
    nameEn: "KCTU Seoul Gwangjin Branch",
  },
  {
    slug: "kctu-gwanak",
    kind: "nonprofit",
    nameKo: "민주노총 서울본부 관악지부",
    nameEn: "KCTU Seoul Gwanak Branch",
  },
  {
    slug: "kyungpook-national-university",
    kind: "university",
    nameKo: "(학)경북대학교",
    nameEn: "Kyungpook National University",
  },
  {
    slug: "myongji-college",
    kind: "university",
    nameKo: "명지전문대학 산학협력단",
    nameEn: "Myongji College Industry-Academic Cooperation",
  },
  {
    slug: "korea-skills-development",
    kind: "nonprofit",
    nameKo: "(재)한국능력개발원",
    nameEn: "Korea Skills Development Institute",
  },
  {
    slug: "ellim-welfare",
    kind: "nonprofit",
    nameKo: "(사)엘림복지회",
    nameEn: "Ellim Welfare Society",
  },
  {
    slug: "seongdong-gu",
    kind: "district_office",
    nameKo: "성동구청",
    nameEn: "Seongdong-gu Office",
    district: "seongdong",
  },
  {
    slug: "mapo-gu",
    kind: "district_office",
    nameKo: "마포구청",
    nameEn: "Mapo-gu Office",
    district: "mapo",
  },
  {
    slug: "gwanak-gu",
    kind: "district_office",
    nameKo: "관악구청",
    nameEn: "Gwanak-gu Office",
    district: "gwanak",
  },
  {
    slug: "nowon-gu",
    kind: "district_office",
    nameKo: "노원구청",
    nameEn: "Nowon-gu Office",
    district: "nowon",
  },
  {
    slug: "chun-tae-il-foundation",
    kind: "nonprofit",
    nameKo: "(재)전태일재단",
    nameEn: "Chun Tae-il Foundation",
  },
  // Job Wings (취업날개서비스) operators chosen in February 2018
  {
    slug: "my-sweet-interview",
    kind: "company",
    nameKo: "마이스윗인터뷰",
    nameEn: "MySweetInterview",
  },
  {
    slug: "open-closet",
    kind: "company",
    nameKo: "열린옷장",
    nameEn: "Open Closet",
  },
  {
    slug: "change-lady",
    kind: "company",
    nameKo: "체인지레이디",
    nameEn: "Change Lady",
  },
  ...UNIVERSITIES.map(([key, nameKo, nameEn]) => ({
    slug: `university-${key}`,
    kind: "university" as const,
    nameKo,
    nameEn,
  })),
  {
    slug: "seoul-sme-partners",
    kind: "company",
    nameKo: "서울형 강소기업 협의회 (예시)",
    nameEn: "Seoul Strong SME Partners (sample)",
  },
] as const;

const youthCenterServices: SeedService[] = [
  {
    slug: "youth-center-counseling",
    kind: "counseling",
    nameKo: "청년 취업 전문 상담",
    nameEn: "Career counseling",
    descriptionKo: "취업 전문 상담사와 1:1 상담 (대면·온라인).",
    descriptionEn: "One-to-one session with a career counselor (in person or online).",
    bookable: true,
    durationMinutes: 60,
    eligibilityId: ELIGIBILITY.youth15to39.id,
  },
  {
    slug: "youth-center-mock-interview",
    kind: "mock_interview",
    nameKo: "모의 면접",
    nameEn: "Mock interview",
    descriptionKo: "실전처럼 면접을 연습하고 피드백을 받습니다.",
    descriptionEn: "Practise an interview as if for real and get feedback.",
    bookable: true,
    durationMinutes: 60,
    eligibilityId: ELIGIBILITY.youth15to39.id,
  },
  {
    slug: "youth-center-resume-clinic",
    kind: "resume_clinic",
    nameKo: "이력서·자기소개서 클리닉",
    nameEn: "Resume and cover-letter clinic",
    bookable: true,
    durationMinutes: 40,
    eligibilityId: ELIGIBILITY.youth15to39.id,
  },
  {
    slug: "youth-center-job-analysis",
    kind: "job_analysis",
    nameKo: "직무·기업분석 전문 상담",
    nameEn: "Job and company analysis counseling",
    descriptionKo:
      "희망 직무에 필요한 역량, 희망 기업의 인재상·평가요소 맞춤 상담 (2018년 6월 신설).",
    descriptionEn:
      "Skills a target job needs and what a target company looks for (since June 2018).",
    bookable: true,
    durationMinutes: 60,
    eligibilityId: ELIGIBILITY.youth15to39.id,
  },
  {
    slug: "youth-center-photo",
    kind: "photo",
    nameKo: "이력서 사진 촬영",
    nameEn: "Resume photos",
    bookable: true,
    durationMinutes: 20,
    eligibilityId: ELIGIBILITY.youth15to39.id,
  },
  {
    slug: "youth-center-study-room",
    kind: "study_room",
    nameKo: "스터디룸 (14실)",
    nameEn: "Study rooms (14 rooms)",
    descriptionKo: "취업 스터디를 위한 스터디룸 14개.",
    descriptionEn: "Fourteen rooms for job-hunting study groups.",
    bookable: true,
    durationMinutes: 120,
    eligibilityId: ELIGIBILITY.youth15to39.id,
  },
  {
    slug: "youth-center-seminar-room",
    kind: "seminar_room",
    nameKo: "세미나실",
    nameEn: "Seminar room",
    bookable: true,
    durationMinutes: 120,
    eligibilityId: ELIGIBILITY.youth15to39.id,
  },
  {
    slug: "youth-center-hall",
    kind: "multipurpose_hall",
    nameKo: "다목적홀 대관",
    nameEn: "Multipurpose hall rental",
    descriptionKo: "행사·특강용 대관은 센터에 문의하세요.",
    descriptionEn: "For events and lectures; ask the center.",
    bookable: false,
  },
  {
    slug: "youth-center-lectures",
    kind: "lecture",
    nameKo: "취업 특강·멘토링",
    nameEn: "Job lectures and mentoring",
    bookable: false,
  },
];

const laborConsultation = (
  slug: string,
  prefixKo: string,
  prefixEn: string,
  channels: "any" | "remote" = "any",
): SeedService => ({
  slug: `${slug}-consultation`,
  kind: "labor_consultation",
  nameKo: `${prefixKo} 노동상담`,
  nameEn: `${prefixEn} labor consultation`,
  descriptionKo: `임금체불, 해고, 근로시간, 산업재해, 괴롭힘·감정노동, 근로계약, 아르바이트 문제 상담. ${
    channels === "remote" ? "전화·화상 상담만 합니다." : "방문·전화·화상."
  }`,
  descriptionEn: `Unpaid wages, dismissal, working hours, industrial accidents, harassment and emotional labor, contracts, part-time work. ${
    channels === "remote" ? "By phone or video only." : "In person, by phone or by video."
  }`,
  bookable: true,
  // the length of the seeded slots (prisma/seed/booking.ts)
  durationMinutes: 60,
});

const DISTRICT_LABOR_CENTERS: Array<[string, string, string, number, number, string, string]> = [
  // district code, Korean district, English district, lat, lng, operator slug, founded (from the report)
  [
    "seongdong",
    "성동구",
    "Seongdong-gu",
    37.5615,
    127.0368,
    "seoul-east-contingent-workers-center",
    "2011-05-12",
  ],
  ["seodaemun", "서대문구", "Seodaemun-gu", 37.5794, 126.9365, "kctu-seoul", "2011-07-27"],
  ["guro", "구로구", "Guro-gu", 37.4953, 126.8876, "kctu-seoul-south", "2012-03-20"],
  ["nowon", "노원구", "Nowon-gu", 37.6543, 127.0565, "kctu-seoul-north", "2012-06-01"],
  ["seongbuk", "성북구", "Seongbuk-gu", 37.5892, 127.0175, "seoul-general-union", "2017-07-10"],
  ["gangseo", "강서구", "Gangseo-gu", 37.5511, 126.8497, "gangseo-yangcheon-minjung", "2017-09-18"],
  ["gwangjin", "광진구", "Gwangjin-gu", 37.5386, 127.0826, "kctu-gwangjin", "2017-10-19"],
  ["gwanak", "관악구", "Gwanak-gu", 37.4782, 126.9514, "kctu-gwanak", "2017-11-01"],
];

export const PLACES: SeedPlace[] = [
  {
    slug: "youth-job-center",
    kind: "youth_center",
    nameKo: "서울시 청년일자리센터",
    nameEn: "Seoul Youth Job Center",
    addressKo: "서울특별시 중구 (상세 주소 확인 필요)",
    addressEn: "Jung-gu, Seoul (street address to be confirmed)",
    district: "jung",
    latitude: 37.5663,
    longitude: 126.9779,
    descriptionKo:
      "만 15~39세 청년 구직자를 위한 취업상담 창구, 스터디룸 14개, 세미나실 1개, 다목적홀. 커뮤니티 공간 대여, 모의 면접, 취업 특강 등 모든 서비스 무료.",
    descriptionEn:
      "Career counseling desks, 14 study rooms, a seminar room and a multipurpose hall for job seekers aged 15–39. Space rental, mock interviews, job lectures and more, all free.",
    amenities: ["wifi", "study_rooms", "printer", "accessible_toilet"],
    accessibilityNotesKo: "엘리베이터 이용 가능 (예시 정보).",
    accessibilityNotesEn: "Lift available (sample information).",
    operator: "seoul-city",
    hours: [
      { days: WEEKDAYS, opens: "09:00", closes: "21:00" },
      { days: [6], opens: "10:00", closes: "18:00" },
    ],
    services: youthCenterServices,
  },
  {
    slug: "seoul-job-center",
    kind: "job_center",
    nameKo: "서울일자리센터",
    nameEn: "Seoul Job Center",
    addressKo: "서울특별시 중구 (상세 주소 확인 필요)",
    addressEn: "Jung-gu, Seoul (street address to be confirmed)",
    district: "jung",
    latitude: 37.5651,
    longitude: 126.9895,
    descriptionKo:
      "2009년 1월 개소. 직업상담사 21명이 취업상담·알선, 구인·구직 개발, 취업교육, 박람회를 지원하고 자치구 일자리센터(25개 자치구 26개소)와 정보를 나눕니다.",
    descriptionEn:
      "Open since January 2009. Twenty-one job counselors offer counseling and placement, employer and job-seeker development, training and job fairs, working with the district job centers (26 sites in the 25 districts).",
    operator: "seoul-city",
    hours: [{ days: WEEKDAYS, opens: "09:00", closes: "18:00" }],
    services: [
      {
        slug: "seoul-job-center-counseling",
        kind: "counseling",
        nameKo: "취업상담 및 알선",
        nameEn: "Job counseling and placement",
        bookable: false,
      },
    ],
  },
  // ── rest shelters (휴서울노동자쉼터): size, target workers and hours from the report ──
  {
    slug: "seocho-shelter",
    kind: "rest_shelter",
    subKind: "designated_driver",
    nameKo: "휴서울노동자쉼터 서초쉼터",
    nameEn: "Hyu-Seoul Workers' Shelter Seocho",
    addressKo: "서울특별시 서초구 서초동 (상세 주소 확인 필요)",
    addressEn: "Seocho-dong, Seocho-gu, Seoul (street address to be confirmed)",
    district: "seocho",
    latitude: 37.4918,
    longitude: 127.0144,
    areaSquareMeters: 151,
    descriptionKo:
      "대리운전기사를 위한 야간 쉼터 (151㎡, 2016년 3월 개소, 운영 인력 3명, 하루 평균 65명 이용).",
    descriptionEn:
      "Night shelter for designated drivers (151 m², opened March 2016, 3 staff, about 65 visitors a day).",
    amenities: ["wifi", "charging", "lockers", "water", "rest_area"],
    closedOnPublicHolidays: false,
    operator: "seoul-city",
    hours: [{ days: EVERY_DAY, opens: "18:00", closes: "06:00" }],
  },
  {
    slug: "bukchang-shelter",
    kind: "rest_shelter",
    subKind: "courier",
    nameKo: "휴서울노동자쉼터 북창쉼터",
    nameEn: "Hyu-Seoul Workers' Shelter Bukchang",
    addressKo: "서울특별시 중구 북창동 일대 (2018년 4월 이전, 상세 주소 확인 필요)",
    addressEn: "Bukchang-dong, Jung-gu, Seoul (moved April 2018; street address to be confirmed)",
    district: "jung",
    latitude: 37.5627,
    longitude: 126.9787,
    areaSquareMeters: 300,
    descriptionKo:
      "퀵서비스 노동자를 위한 쉼터 (300㎡, 2017년 6월 개소, 운영 인력 3명, 하루 평균 51명 이용).",
    descriptionEn:
      "Shelter for quick-service couriers (300 m², opened June 2017, 3 staff, about 51 visitors a day).",
    amenities: ["wifi", "charging", "lockers", "water", "rest_area"],
    closedOnPublicHolidays: true,
    operator: "seoul-city",
    hours: [{ days: [1, 2, 3, 4, 5, 6], opens: "08:30", closes: "20:00" }],
  },
  {
    slug: "hapjeong-shelter",
    kind: "rest_shelter",
    subKind: "mobile",
    nameKo: "휴서울노동자쉼터 합정쉼터",
    nameEn: "Hyu-Seoul Workers' Shelter Hapjeong",
    addressKo: "서울특별시 마포구 합정동 (상세 주소 확인 필요)",
    addressEn: "Hapjeong-dong, Mapo-gu, Seoul (street address to be confirmed)",
    district: "mapo",
    latitude: 37.5496,
    longitude: 126.9139,
    areaSquareMeters: 165,
    descriptionKo:
      "이동노동자(대리·퀵·배달 등)를 위한 쉼터 (165㎡, 2017년 11월 개소, 운영 인력 5명, 2018년부터 주간 운영).",
    descriptionEn:
      "Shelter for mobile workers — drivers, couriers, delivery riders (165 m², opened November 2017, 5 staff, open by day since 2018).",
    amenities: ["wifi", "charging", "lockers", "water", "rest_area"],
    closedOnPublicHolidays: false,
    operator: "seoul-city",
    hours: [{ days: EVERY_DAY, opens: "08:30", closes: "06:00" }],
  },
  {
    slug: "sangam-shelter",
    kind: "rest_shelter",
    subKind: "media",
    nameKo: "휴서울노동자쉼터 상암쉼터 (미디어노동자 쉼터)",
    nameEn: "Hyu-Seoul Workers' Shelter Sangam (media workers)",
    addressKo: "서울특별시 마포구 상암동 디지털미디어시티 일대 (상세 주소 확인 필요)",
    addressEn: "Digital Media City, Sangam-dong, Mapo-gu, Seoul (street address to be confirmed)",
    district: "mapo",
    latitude: 37.5794,
    longitude: 126.8895,
    areaSquareMeters: 250,
    descriptionKo: "방송·미디어 노동자를 위한 쉼터 (250㎡, 2018년 5월 개소, 운영 인력 3명).",
    descriptionEn: "Shelter for broadcast and media workers (250 m², opened May 2018, 3 staff).",
    amenities: ["wifi", "charging", "water", "rest_area"],
    closedOnPublicHolidays: true,
    operator: "seoul-city",
    hours: [{ days: WEEKDAYS, opens: "09:30", closes: "18:00" }],
  },
  // ── labor rights ──
  {
    slug: "seoul-labor-rights-center",
    kind: "labor_center",
    subKind: "city",
    nameKo: "서울노동권익센터",
    nameEn: "Seoul Labor Rights Center",
    addressKo: "서울특별시 종로구 율곡로 58 운현하늘빌딩 9·10층",
    addressEn: "9–10F Unhyeon Haneul Building, 58 Yulgok-ro, Jongno-gu, Seoul",
    district: "jongno",
    latitude: 37.5762,
    longitude: 126.9884,
    descriptionKo:
      "서울시 전체 노동자를 위한 광역 노동권익 기관. 법률상담, 교육·홍보, 정책연구, 감정노동자 보호.",
    descriptionEn:
      "The city-wide labor-rights center for every worker in Seoul: legal counseling, education, policy research, protection of emotional laborers.",
    operator: "korea-contingent-workers-center",
    hours: [{ days: WEEKDAYS, opens: "09:00", closes: "18:00" }],
    services: [
      laborConsultation(
        "seoul-labor-rights-center",
        "서울노동권익센터",
        "Seoul Labor Rights Center",
      ),
    ],
  },
  {
    slug: "emotional-labor-center",
    kind: "labor_center",
    subKind: "emotional_labor",
    nameKo: "서울시 감정노동종사자 권리보호센터",
    nameEn: "Seoul Emotional Labor Workers' Rights Center",
    addressKo: "서울특별시 종로구 율곡로 58 운현하늘빌딩 9층",
    addressEn: "9F Unhyeon Haneul Building, 58 Yulgok-ro, Jongno-gu, Seoul",
    district: "jongno",
    latitude: 37.5762,
    longitude: 126.9884,
    descriptionKo:
      "감정노동 피해 예방과 치유. 기관별 감정노동 보호 매뉴얼, 상담 및 치유 프로그램 (2018년 9월 개소).",
    descriptionEn:
      "Prevention and healing of harm from emotional labor: protection manuals for employers, counseling and healing programs (opened September 2018).",
    operator: "korea-contingent-workers-center",
    hours: [{ days: WEEKDAYS, opens: "09:00", closes: "18:00" }],
    services: [laborConsultation("emotional-labor-center", "감정노동", "Emotional labor")],
  },
  {
    slug: "labor-ombudsman",
    kind: "labor_center",
    subKind: "ombudsman",
    nameKo: "시민명예 노동옴부즈만",
    nameEn: "Citizen Honorary Labor Ombudsman",
    addressKo: "서울특별시 종로구 율곡로 58 (서울노동권익센터 연계, 전화·화상 상담 위주)",
    addressEn:
      "58 Yulgok-ro, Jongno-gu, Seoul (with the Seoul Labor Rights Center; mostly phone and video)",
    district: "jongno",
    latitude: 37.5762,
    longitude: 126.9884,
    isSampleData: true,
    descriptionKo:
      "노무사 등 시민명예 노동옴부즈만의 무료 노동상담. 전화·화상 상담만 합니다. 상담 실적 2016년 3,303건, 2017년 3,411건 (2018년 목표 4,000건).",
    descriptionEn:
      "Free labor consultations by citizen honorary ombudsmen, such as labor attorneys, by phone or video only. 3,303 consultations in 2016 and 3,411 in 2017 (the 2018 target was 4,000).",
    operator: "seoul-job-labor-bureau",
    hours: [{ days: WEEKDAYS, opens: "10:00", closes: "21:00" }],
    services: [laborConsultation("labor-ombudsman", "노동옴부즈만", "Labor ombudsman", "remote")],
  },
  ...DISTRICT_LABOR_CENTERS.map(([code, ko, en, lat, lng, operator, founded]): SeedPlace => ({
    slug: `${code}-labor-welfare-center`,
    kind: "labor_center",
    subKind: "district",
    nameKo: `${ko} 노동복지센터`,
    nameEn: `${en} Labor Welfare Center`,
    addressKo: `서울특별시 ${ko} (상세 주소 확인 필요)`,
    addressEn: `${en}, Seoul (street address to be confirmed)`,
    district: code,
    latitude: lat,
    longitude: lng,
    descriptionKo: `${ko} 주민을 위한 지역 밀착형 노동복지센터 (${founded} 설립). 노조 설립 법률지원, 노동권 침해 구제 지원, 노동상담 및 교육.`,
    descriptionEn: `Labor welfare center for the residents of ${en} (founded ${founded}): legal support for forming a union, remedies for rights violations, counseling and education.`,
    operator,
    hours: [{ days: WEEKDAYS, opens: "09:00", closes: "18:00" }],
    services: [
      laborConsultation(
        `${code}-labor-welfare-center`,
        `${ko} 노동복지센터`,
        `${en} Labor Welfare Center`,
      ),
    ],
  })),
  {
    slug: "chun-tae-il-memorial",
    kind: "memorial",
    nameKo: "전태일기념관",
    nameEn: "Chun Tae-il Memorial Hall",
    addressKo: "서울특별시 종로구 청계천로 105",
    addressEn: "105 Cheonggyecheon-ro, Jongno-gu, Seoul",
    district: "jongno",
    latitude: 37.5691,
    longitude: 126.9946,
    descriptionKo:
      "노동운동사의 시작을 연 전태일 열사를 기념하는 노동복합시설 (지상 6층, 연면적 1,940.73㎡, 2019년 3월 개관 예정). 서울시가 조성하고 전태일재단이 위탁 운영합니다 (협약 2018년 8월~2021년 8월, 3년; 그 뒤 운영 기관은 보고서에 없습니다).",
    descriptionEn:
      "A labor complex commemorating Chun Tae-il, with whom the history of the Korean labor movement began (6 floors, 1,940.73 m², due to open in March 2019). Built by the city and run by the Chun Tae-il Foundation under contract (August 2018 to August 2021, three years; the report does not say who runs it after that).",
    operator: "chun-tae-il-foundation",
    hours: [{ days: [2, 3, 4, 5, 6, 7], opens: "10:00", closes: "18:00" }],
  },
  // ── technical education institutes: locations and operators from the report ──
  ...(
    [
      [
        "east-technical-institute",
        "동부기술교육원",
        "East Seoul Technical Institute",
        "서울특별시 강동구 고덕동",
        "Godeok-dong, Gangdong-gu, Seoul",
        "gangdong",
        37.5568,
        127.1545,
        "kyungpook-national-university",
      ],
      [
        "central-technical-institute",
        "중부기술교육원",
        "Central Seoul Technical Institute",
        "서울특별시 용산구 한남동",
        "Hannam-dong, Yongsan-gu, Seoul",
        "yongsan",
        37.5349,
        127.0058,
        "myongji-college",
      ],
      [
        "north-technical-institute",
        "북부기술교육원",
        "North Seoul Technical Institute",
        "서울특별시 노원구 상계동",
        "Sanggye-dong, Nowon-gu, Seoul",
        "nowon",
        37.6597,
        127.0728,
        "korea-skills-development",
      ],
      [
        "south-technical-institute",
        "남부기술교육원",
        "South Seoul Technical Institute",
        "경기도 군포시",
        "Gunpo, Gyeonggi-do",
        "outside",
        37.3617,
        126.9352,
        "ellim-welfare",
      ],
    ] as const
  ).map(([slug, ko, en, addressKo, addressEn, district, lat, lng, operator]): SeedPlace => ({
    slug,
    kind: "training_institute",
    nameKo: `서울시 ${ko}`,
    nameEn: en,
    addressKo,
    addressEn,
    district,
    latitude: lat,
    longitude: lng,
    descriptionKo:
      "비진학·미취업 청년과 실업자를 위한 직업훈련 (만 15세 이상 서울시민, 기초생활수급자·국가유공자 등 우선 선발).",
    descriptionEn:
      "Vocational training for young people not in education or work and for the unemployed (Seoul residents aged 15+, priority for basic-livelihood recipients and persons of national merit).",
    operator,
    hours: [{ days: WEEKDAYS, opens: "09:00", closes: "22:00" }],
  })),
  ...UNIVERSITIES.map(
    ([key, ko, en, size, district, addressKo, addressEn, lat, lng]): SeedPlace => ({
      slug: `university-job-center-${key}`,
      kind: "university_job_center",
      subKind: size,
      nameKo: `${ko} 대학일자리센터`,
      nameEn: `${en} University Job Center`,
      addressKo: `${addressKo} (캠퍼스 안 위치 확인 필요)`,
      addressEn: `${addressEn} (where on the campus to be confirmed)`,
      district,
      latitude: lat,
      longitude: lng,
      descriptionKo:
        size === "large"
          ? `서울시·고용노동부·${ko}가 함께 운영하는 대학일자리센터 (대형). 재학생 취·창업 지원과 진로지도에 더해 지역 청년 고용 거버넌스 역할도 맡습니다. 2018년 4월~2019년 2월 서울시 지원 1억 2,500만 원.`
          : `서울시·고용노동부·${ko}가 함께 운영하는 대학일자리센터 (소형). 재학생 중심의 취·창업 지원과 진로지도. 2018년 4월~2019년 2월 서울시 지원 3,250만 원.`,
      descriptionEn:
        size === "large"
          ? `University job center run by ${en} with the city and the Ministry of Employment and Labor (large): job and start-up support and career guidance for its students, and a role in the district's youth employment network. City support from April 2018 to February 2019: ₩125 million.`
          : `University job center run by ${en} with the city and the Ministry of Employment and Labor (small): job and start-up support and career guidance, mainly for its own students. City support from April 2018 to February 2019: ₩32.5 million.`,
      operator: `university-${key}`,
      hours: [{ days: WEEKDAYS, opens: "09:00", closes: "18:00" }],
    }),
  ),
  ...JOB_WINGS_OPERATORS.map(([operator, ko, en, district, lat, lng]): SeedPlace => ({
    slug: `job-wings-${operator}`,
    kind: "suit_rental",
    nameKo: `취업날개 ${ko} (예시 지점)`,
    nameEn: `Job Wings: ${en} (sample branch)`,
    addressKo: `서울특별시 ${findDistrict(district)?.ko ?? ""} (예시 위치, 지점은 운영업체에 확인)`,
    addressEn: `${district.charAt(0).toUpperCase()}${district.slice(1)}-gu, Seoul (sample location; ask the operator for its branches)`,
    district,
    latitude: lat,
    longitude: lng,
    isSampleData: true,
    descriptionKo: `서울시 취업날개서비스 운영업체 ${ko}의 지점 (예시). 면접 정장 무료 대여, 사진 촬영·메이크업 무료. 2018년 2월 운영업체로 선정되었고, 세 운영업체 합계 2018년 7월 말까지 13,579명이 이용했습니다.`,
    descriptionEn: `A branch of ${en}, one of the three operators of the city's Job Wings service (sample). Free interview-suit rental, photos and make-up. Chosen as an operator in February 2018; the three operators served 13,579 people by the end of July 2018.`,
    operator,
    hours: [{ days: WEEKDAYS, opens: "10:00", closes: "19:00" }],
    services: [
      {
        slug: `job-wings-${operator}-fitting`,
        kind: "suit_rental",
        nameKo: "취업날개 면접 정장 무료 대여",
        nameEn: "Job Wings: free interview-suit rental",
        descriptionKo: `서울시에 사는 청년 구직자(고등학교 졸업 예정자~만 34세). 정장 맞춤(피팅)을 이 사이트에서 예약합니다 (1년에 10번까지, 예시 일정). 대여 조건은 ${ko}에 확인하세요.`,
        descriptionEn: `For young job seekers living in Seoul, from the year they finish high school to age 34. Book a fitting here (up to 10 a year; sample times); ask ${en} about the rental terms.`,
        bookable: true,
        durationMinutes: 30,
        eligibilityId: ELIGIBILITY.jobWings.id,
        yearlyLimitPerResident: 10,
      },
    ],
  })),
];

// ── job cafés: SAMPLE DATA. The report counts 73 (36 private, 16 university, 21 public) and
// lists none, so these 32 are invented to cover all 25 districts in about the same proportions
// (16 private, 7 university, 9 public: 32/73 of each, rounded). None carries the name of a real
// university or company: the real university job centers are listed separately above. ──
const CAFE_SITES: Array<
  [string, string, "private" | "university" | "public", string, string, number, number]
> = [
  // district, name (ko), sub-kind, name (en), hours pattern, lat, lng
  ["jongno", "종로 청년카페", "private", "Jongno Youth Café", "late", 37.572, 126.987],
  [
    "jongno",
    "대학로 청년 일자리카페",
    "private",
    "Daehangno Youth Job Café",
    "late",
    37.588,
    126.9935,
  ],
  [
    "jung",
    "을지로 공유오피스 일자리카페",
    "private",
    "Euljiro Shared-office Job Café",
    "late",
    37.566,
    126.991,
  ],
  [
    "yongsan",
    "용산 대학가 일자리카페",
    "university",
    "Yongsan Campus Job Café",
    "campus",
    37.5465,
    126.9648,
  ],
  ["seongdong", "성수 일자리카페", "private", "Seongsu Job Café", "late", 37.5446, 127.0557],
  [
    "gwangjin",
    "광진 대학가 일자리카페",
    "university",
    "Gwangjin Campus Job Café",
    "campus",
    37.542,
    127.076,
  ],
  [
    "dongdaemun",
    "동대문 대학가 일자리카페",
    "university",
    "Dongdaemun Campus Job Café",
    "campus",
    37.5972,
    127.0589,
  ],
  [
    "jungnang",
    "중랑 대학가 일자리카페",
    "university",
    "Jungnang Campus Job Café",
    "campus",
    37.5866,
    127.0995,
  ],
  [
    "jungnang",
    "중랑구립 일자리카페",
    "public",
    "Jungnang District Job Café",
    "office",
    37.6063,
    127.0927,
  ],
  [
    "seongbuk",
    "성북 대학가 일자리카페",
    "university",
    "Seongbuk Campus Job Café",
    "campus",
    37.5914,
    127.022,
  ],
  [
    "seongbuk",
    "성북구립 일자리카페",
    "public",
    "Seongbuk District Job Café",
    "office",
    37.6105,
    126.997,
  ],
  ["gangbuk", "수유 청년카페", "private", "Suyu Youth Café", "late", 37.638, 127.0257],
  [
    "dobong",
    "도봉구립 일자리카페",
    "public",
    "Dobong District Job Café",
    "office",
    37.6688,
    127.047,
  ],
  [
    "nowon",
    "노원 대학가 일자리카페",
    "university",
    "Nowon Campus Job Café",
    "campus",
    37.6427,
    127.106,
  ],
  ["nowon", "노원 청년일자리카페", "public", "Nowon Youth Job Café", "office", 37.655, 127.061],
  ["eunpyeong", "연신내 일자리카페", "private", "Yeonsinnae Job Café", "late", 37.619, 126.921],
  [
    "seodaemun",
    "서대문 대학가 일자리카페",
    "university",
    "Seodaemun Campus Job Café",
    "campus",
    37.5804,
    126.9236,
  ],
  ["seodaemun", "신촌 청년카페", "private", "Sinchon Youth Café", "late", 37.5598, 126.9425],
  ["mapo", "홍대 일자리카페", "private", "Hongdae Job Café", "late", 37.5563, 126.9236],
  ["mapo", "마포 청년일자리카페", "public", "Mapo Youth Job Café", "office", 37.5663, 126.9015],
  ["yangcheon", "목동 일자리카페", "private", "Mokdong Job Café", "late", 37.527, 126.875],
  ["gangseo", "마곡 일자리카페", "public", "Magok Job Café", "office", 37.56, 126.826],
  [
    "guro",
    "구로디지털단지 일자리카페",
    "private",
    "Guro Digital Complex Job Café",
    "late",
    37.485,
    126.901,
  ],
  ["geumcheon", "가산 일자리카페", "public", "Gasan Job Café", "office", 37.478, 126.883],
  ["yeongdeungpo", "여의도 일자리카페", "private", "Yeouido Job Café", "late", 37.5215, 126.924],
  ["dongjak", "노량진 청년카페", "private", "Noryangjin Youth Café", "late", 37.513, 126.942],
  [
    "gwanak",
    "서울대입구 일자리카페",
    "private",
    "Seoul Nat'l Univ. Station Job Café",
    "late",
    37.4812,
    126.9527,
  ],
  ["seocho", "서초 청년일자리카페", "public", "Seocho Youth Job Café", "office", 37.4837, 127.0324],
  ["gangnam", "강남 일자리카페", "private", "Gangnam Job Café", "late", 37.498, 127.0276],
  ["gangnam", "삼성동 청년카페", "private", "Samseong-dong Youth Café", "late", 37.5089, 127.063],
  [
    "songpa",
    "문정 뉴딜 일자리카페",
    "public",
    "Munjeong New Deal Job Café",
    "office",
    37.486,
    127.122,
  ],
  ["gangdong", "천호 일자리카페", "private", "Cheonho Job Café", "late", 37.5386, 127.1236],
];

const CAFE_HOURS: Record<string, SeedHours> = {
  late: [
    { days: WEEKDAYS, opens: "10:00", closes: "22:00" },
    { days: [6, 7], opens: "11:00", closes: "19:00" },
  ],
  campus: [{ days: WEEKDAYS, opens: "09:00", closes: "18:00" }],
  office: [
    { days: WEEKDAYS, opens: "09:00", closes: "20:00" },
    { days: [6], opens: "10:00", closes: "17:00" },
  ],
};

const CAFE_SERVICE_SETS: Array<Array<[string, string, string, boolean, number?]>> = [
  [
    ["counseling", "취업상담", "Job counseling", true, 60],
    ["study_room", "스터디룸", "Study room", true, 120],
    ["lecture", "취업 특강", "Job lectures", false],
  ],
  [
    ["mentoring", "현직자 멘토링", "Mentoring by people in the job", true, 60],
    ["photo", "증명사진 촬영", "ID photos", true, 20],
    ["study_room", "스터디룸", "Study room", true, 120],
  ],
  [
    ["counseling", "취업상담", "Job counseling", true, 60],
    ["mentoring", "스터디그룹 멘토링", "Study-group mentoring", false],
    ["lecture", "취업 특강", "Job lectures", false],
  ],
];

for (const [
  index,
  [district, nameKo, subKind, nameEn, hoursKind, lat, lng],
] of CAFE_SITES.entries()) {
  const slug = `job-cafe-${String(index + 1).padStart(2, "0")}-${district}`;
  const serviceSet = CAFE_SERVICE_SETS[index % CAFE_SERVICE_SETS.length]!;
  PLACES.push({
    slug,
    kind: "job_cafe",
    subKind,
    nameKo: `${nameKo} (예시)`,
    nameEn: `${nameEn} (sample)`,
    addressKo: `서울특별시 ${findDistrict(district)?.ko ?? ""} (예시 주소)`,
    addressEn: `${district.charAt(0).toUpperCase()}${district.slice(1)}-gu, Seoul (sample address)`,
    district,
    latitude: lat,
    longitude: lng,
    isSampleData: true,
    descriptionKo:
      "예시 자료입니다. 서울시 일자리카페는 민간·대학·공공기관의 공유공간에서 취업상담, 멘토링, 특강, 스터디룸 등을 무료로 제공합니다.",
    descriptionEn:
      "Sample data. Seoul job cafés use shared spaces of companies, universities and public bodies to offer free counseling, mentoring, lectures and study rooms.",
    amenities: ["wifi", "study_rooms"],
    operator: subKind === "public" ? "seoul-city" : undefined,
    hours: CAFE_HOURS[hoursKind]!,
    services: serviceSet.map(([kind, ko, en, bookable, duration]) => ({
      slug: `${slug}-${kind}`,
      kind,
      nameKo: ko,
      nameEn: en,
      bookable,
      durationMinutes: duration,
      eligibilityId: ELIGIBILITY.youth15to39.id,
    })),
  });
}
