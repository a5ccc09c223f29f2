// Programs and events from the 2018 work report of the Seoul Job & Labor Policy Bureau
// (shared/seed/): the Youth Job Center's lectures and mentoring, the job cafés' mentoring and the
// study-group mentor service (from August 2018), the October job briefing of Seoul's public
// enterprises and good SMEs, the New Deal jobs' mini job fairs and company visits, the November
// jobs hackathon, and the December Good Jobs City international forum (1,000 participants).
// Real: what each program is, who runs it, the forum's venue, days and audience. Assumed (sample
// data, marked so on every page): every date (set relative to the seed day), seats, times,
// registration windows and the online links.
import { buildSearchText } from "../../app/domain/shared/korean-search";
import { findDistrict } from "../../app/domain/residents/districts";
import { addDays, seoulDate, seoulInstant } from "../../app/domain/shared/seoul-time";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { ELIGIBILITY, PLACES } from "./places";

type SeedSession = {
  /** days after the seed day */
  inDays: number;
  starts: string;
  ends: string;
  capacity: number;
  /** registration opens this many days before the seed day (negative: after it) */
  opensDaysAgo?: number;
  /** registration closes this many days before the session (0: when it begins) */
  closesDaysBefore?: number;
  cancelled?: boolean;
  /**
   * seats drawn by lottery (decision 0027): the draw is at 10:00 three days before the session,
   * winners confirm within 24 hours; registration closes the day before the draw
   */
  lottery?: boolean;
};

type SeedProgram = {
  slug: string;
  kind: string;
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  organization: string;
  place?: string;
  venueKo?: string;
  venueEn?: string;
  district: string | null;
  format: "in_person" | "online" | "hybrid";
  onlineUrl?: string;
  eligibilityId?: string;
  languages?: string;
  accessibilityNotesKo?: string;
  accessibilityNotesEn?: string;
  sessions: SeedSession[];
};

const YOUTH_CENTER = "youth-job-center";
// the public job café in Mapo (the report counts 21 public cafés without naming them)
const MAPO_CAFE = PLACES.find(
  (place) => place.kind === "job_cafe" && place.district === "mapo" && place.subKind === "public",
)?.slug;

const ACCESS_KO =
  "엘리베이터와 장애인 화장실이 있습니다. 수어 통역이 필요하면 3일 전까지 알려 주세요.";
const ACCESS_EN =
  "Lift and accessible toilet. Ask for sign-language interpreting at least three days ahead.";

const PROGRAMS: SeedProgram[] = [
  {
    slug: "youth-center-job-lectures",
    kind: "lecture",
    titleKo: "청년일자리센터 취업특강",
    titleEn: "Youth Job Center job-search lectures",
    descriptionKo:
      "이력서·자기소개서 작성, 면접 준비, 직무 이해를 다루는 취업특강입니다. 2018년 청년일자리센터는 취업특강·멘토링 등 취업지원 프로그램을 393회 운영해 3,231명이 참여했습니다.",
    descriptionEn:
      "Lectures on CVs and cover letters, interviews and understanding jobs. In 2018 the Youth Job Center ran 393 such programs (lectures, mentoring and more) for 3,231 people.",
    organization: "seoul-city",
    place: YOUTH_CENTER,
    district: "jung",
    format: "in_person",
    eligibilityId: ELIGIBILITY.youth15to39.id,
    accessibilityNotesKo: ACCESS_KO,
    accessibilityNotesEn: ACCESS_EN,
    sessions: [
      { inDays: 2, starts: "14:00", ends: "16:00", capacity: 40 },
      { inDays: 9, starts: "14:00", ends: "16:00", capacity: 40 },
      { inDays: 16, starts: "14:00", ends: "16:00", capacity: 40, cancelled: true },
    ],
  },
  {
    slug: "youth-center-mentoring",
    kind: "mentoring",
    titleKo: "청년일자리센터 현직자 멘토링",
    titleEn: "Youth Job Center mentoring with people in the job",
    descriptionKo:
      "희망 직무의 현직자와 소그룹으로 만나 준비 방법을 묻고 답하는 멘토링입니다. 청년일자리센터의 취업지원 서비스는 무료입니다.",
    descriptionEn:
      "Meet people working in the job you want, in a small group, and ask how to prepare. The Youth Job Center's services are free.",
    organization: "seoul-city",
    place: YOUTH_CENTER,
    district: "jung",
    format: "in_person",
    eligibilityId: ELIGIBILITY.youth15to39.id,
    accessibilityNotesKo: ACCESS_KO,
    accessibilityNotesEn: ACCESS_EN,
    sessions: [
      { inDays: 3, starts: "19:00", ends: "21:00", capacity: 10 },
      // small groups the report's job seekers ask for most: seats are drawn
      { inDays: 10, starts: "19:00", ends: "21:00", capacity: 10, lottery: true },
    ],
  },
  {
    slug: "mapo-job-cafe-mentoring",
    kind: "mentoring",
    titleKo: "마포 청년일자리카페 취업 멘토링",
    titleEn: "Job mentoring at the Mapo Youth Job Café",
    descriptionKo:
      "일자리카페에서 열리는 취업 멘토링입니다. 일자리카페는 취업상담, 멘토링, 특강, 스터디룸을 무료로 제공하며 2018년 8월까지 멘토링에 3,489명이 참여했습니다.",
    descriptionEn:
      "Job mentoring at a job café. Job cafés offer counselling, mentoring, lectures and study rooms for free; by August 2018, 3,489 people had taken part in their mentoring.",
    organization: "seoul-city",
    place: MAPO_CAFE,
    district: "mapo",
    format: "in_person",
    eligibilityId: ELIGIBILITY.youth15to39.id,
    sessions: [
      { inDays: 6, starts: "19:00", ends: "21:00", capacity: 8 },
      { inDays: 13, starts: "19:00", ends: "21:00", capacity: 8 },
    ],
  },
  {
    slug: "study-group-mentor-service",
    kind: "study_group_mentoring",
    titleKo: "취업준비 스터디그룹 멘토 서비스",
    titleEn: "Study-group mentor service for job seekers",
    descriptionKo:
      "대학 및 지역별 일자리카페와 연계해 취업목표 기업별 스터디그룹을 선발하고 멘토링·특강을 지원합니다('18. 8월~).",
    descriptionEn:
      "With university and neighbourhood job cafés, study groups aiming at the same employers are selected and supported with mentoring and lectures (from August 2018).",
    organization: "seoul-city",
    place: MAPO_CAFE,
    district: "mapo",
    format: "hybrid",
    onlineUrl: "https://example.org/sample/study-group-mentoring",
    eligibilityId: ELIGIBILITY.youth15to39.id,
    sessions: [
      { inDays: 7, starts: "10:00", ends: "12:00", capacity: 12 },
      { inDays: 21, starts: "10:00", ends: "12:00", capacity: 12 },
    ],
  },
  {
    slug: "public-enterprise-sme-job-briefing",
    kind: "recruitment_briefing",
    titleKo: "서울시 공기업 및 우수 중소기업 직무 채용설명회",
    titleEn: "Job briefing: Seoul's public enterprises and good SMEs",
    descriptionKo:
      "청년이 선호하는 서울시 공기업과 우수 중소기업이 직무와 채용 절차를 설명합니다. 2018년에는 10월에 열렸습니다.",
    descriptionEn:
      "Seoul's public enterprises and good small and medium companies, popular with young people, explain their jobs and hiring. In 2018 it was held in October.",
    organization: "seoul-city",
    venueKo: "서울시청 다목적홀",
    venueEn: "Seoul City Hall, multipurpose hall",
    district: "jung",
    format: "hybrid",
    onlineUrl: "https://example.org/sample/job-briefing-live",
    sessions: [{ inDays: 20, starts: "13:00", ends: "17:00", capacity: 300, closesDaysBefore: 0 }],
  },
  {
    slug: "new-deal-mini-job-fair",
    kind: "job_fair",
    titleKo: "뉴딜일자리 분야별 미니 취업박람회",
    titleEn: "New Deal jobs mini job fair by field",
    descriptionKo:
      "뉴딜일자리 참여자의 취업을 위해 분야별 미니 취업박람회를 엽니다. 2018년 9~12월 직업탐색 기회로 계획되었고 11월 뉴딜 복합문화공간(송파구) 개소와 함께 일자리박람회를 열었습니다.",
    descriptionEn:
      "Mini job fairs by field for New Deal job participants, planned for September–December 2018; a job fair opened the New Deal cultural hub (Songpa-gu) in November.",
    organization: "seoul-city",
    venueKo: "뉴딜일자리 복합문화공간",
    venueEn: "New Deal jobs cultural hub",
    district: "songpa",
    format: "in_person",
    sessions: [{ inDays: 12, starts: "10:00", ends: "16:00", capacity: 200, closesDaysBefore: 0 }],
  },
  {
    slug: "new-deal-company-visits",
    kind: "company_visit",
    titleKo: "청년 참여 기업탐방",
    titleEn: "Company visits for young job seekers",
    descriptionKo:
      "일자리 미스매칭 해소를 위해 청년이 서울형 강소기업을 직접 방문합니다('18.6월 시범운영).",
    descriptionEn:
      "Young job seekers visit Seoul's strong small companies to close the gap between jobs and applicants (piloted in June 2018).",
    organization: "seoul-city",
    venueKo: "서울형 강소기업 (방문 기업은 신청자에게 안내)",
    venueEn: "A Seoul strong small company (applicants are told which)",
    district: "guro",
    format: "in_person",
    eligibilityId: ELIGIBILITY.youth15to39.id,
    sessions: [
      { inDays: 8, starts: "14:00", ends: "17:00", capacity: 15 },
      { inDays: 15, starts: "14:00", ends: "17:00", capacity: 15, lottery: true },
    ],
  },
  {
    slug: "youth-jobs-hackathon",
    kind: "hackathon",
    titleKo: "청년 일자리해커톤",
    titleEn: "Youth jobs hackathon",
    descriptionKo:
      "청년 일자리 아이디어를 발굴하는 일자리해커톤입니다. 우수 아이디어는 이듬해 민관협력 공모로 일자리사업이 됩니다('17 해커톤 → '18 공모). 2018년에는 11월에 열렸습니다.",
    descriptionEn:
      "A hackathon for ideas on youth jobs; the best ideas become job programs through the next year's public–private call ('17 hackathon → '18 call). In 2018 it was held in November.",
    organization: "seoul-city",
    venueKo: "서울혁신파크",
    venueEn: "Seoul Innovation Park",
    district: "eunpyeong",
    format: "in_person",
    eligibilityId: ELIGIBILITY.youth15to39.id,
    sessions: [
      // registration is not open yet: it opens three days after the seed day
      { inDays: 18, starts: "09:00", ends: "21:00", capacity: 100, opensDaysAgo: -3 },
    ],
  },
  {
    slug: "good-jobs-city-forum",
    kind: "forum",
    titleKo: "좋은 일자리도시 국제포럼",
    titleEn: "International Forum on Transforming Cities for Decent Work",
    descriptionKo:
      "서울시와 국제노동기구(ILO)가 함께 '좋은 일자리도시 노동모델'을 정립하고 확산하기 위해 여는 국제포럼입니다. 주제: 일의 불평등과 유니온시티. ILO, OECD, EU, 해외 도시 시장, 노동전문가와 노동조합, 시민 등 1,000명이 참석합니다(2018년 12월 11~12일).",
    descriptionEn:
      "An international forum of Seoul and the International Labour Organization to shape and spread a 'good jobs city' labour model. Theme: inequality at work and the Union City. 1,000 participants: the ILO, OECD, EU, mayors of other cities, labour experts, unions and citizens (11–12 December 2018).",
    organization: "seoul-city",
    venueKo: "서울시청 다목적홀",
    venueEn: "Seoul City Hall, multipurpose hall",
    district: "jung",
    format: "hybrid",
    onlineUrl: "https://example.org/sample/good-jobs-city-forum-live",
    languages: "ko,en",
    accessibilityNotesKo: "한국어·영어 동시통역과 수어 통역을 제공합니다. 휠체어석이 있습니다.",
    accessibilityNotesEn:
      "Simultaneous Korean–English interpreting and sign-language interpreting. Wheelchair spaces.",
    sessions: [
      { inDays: 16, starts: "09:30", ends: "18:00", capacity: 1000, closesDaysBefore: 0 },
      { inDays: 17, starts: "09:30", ends: "17:00", capacity: 1000, closesDaysBefore: 0 },
    ],
  },
  {
    slug: "new-deal-online-job-lectures",
    kind: "lecture",
    titleKo: "뉴딜일자리 온라인 직무·취업 특강",
    titleEn: "New Deal jobs online lectures on jobs and job search",
    descriptionKo:
      "전문기관을 통한 직무·취창업 교육입니다. 어학·자기개발·인문·경영직무 등 온라인 콘텐츠와 함께 실시간 취업특강을 엽니다('18. 9~12월).",
    descriptionEn:
      "Job and career training through specialist providers: live job-search lectures alongside online courses in languages, self-development, humanities and business (September–December 2018).",
    organization: "seoul-city",
    district: null,
    format: "online",
    onlineUrl: "https://example.org/sample/new-deal-online-lectures",
    sessions: [
      { inDays: 4, starts: "20:00", ends: "21:30", capacity: 150 },
      { inDays: 11, starts: "20:00", ends: "21:30", capacity: 150 },
    ],
  },
];

function districtNames(code: string | null) {
  const district = code ? findDistrict(code) : undefined;
  return district ? [district.ko, `${code}-gu`] : [];
}

/** The programs and their sessions, dated from the seed day; run twice, it creates nothing twice. */
export async function seedEvents(
  db: PrismaClient,
  now: Date,
  ids: { organizationIds: Map<string, string>; placeIds: Map<string, string> },
) {
  const today = seoulDate(now);
  let sessions = 0;
  for (const program of PROGRAMS) {
    const data = {
      slug: program.slug,
      kind: program.kind,
      titleKo: program.titleKo,
      titleEn: program.titleEn,
      descriptionKo: program.descriptionKo,
      descriptionEn: program.descriptionEn,
      organizationId: ids.organizationIds.get(program.organization)!,
      placeId: program.place ? (ids.placeIds.get(program.place) ?? null) : null,
      venueKo: program.venueKo ?? "",
      venueEn: program.venueEn ?? "",
      district: program.district,
      format: program.format,
      onlineUrl: program.onlineUrl ?? null,
      eligibilityId: program.eligibilityId ?? null,
      languages: program.languages ?? "ko",
      accessibilityNotesKo: program.accessibilityNotesKo ?? "",
      accessibilityNotesEn: program.accessibilityNotesEn ?? "",
      status: "published",
      isSampleData: true,
      searchText: buildSearchText([
        program.titleKo,
        program.titleEn,
        program.descriptionKo,
        program.venueKo,
        program.venueEn,
        ...districtNames(program.district),
      ]),
    };
    const row = await db.program.upsert({
      where: { slug: program.slug },
      create: data,
      update: data,
      select: { id: true },
    });
    for (const session of program.sessions) {
      const day = addDays(today, session.inDays);
      const startsAt = seoulInstant(day, session.starts);
      const closesBefore = session.lottery ? 4 : (session.closesDaysBefore ?? 1);
      const times = {
        endsAt: seoulInstant(day, session.ends),
        capacity: session.capacity,
        registrationOpensAt: seoulInstant(addDays(today, -(session.opensDaysAgo ?? 14)), "09:00"),
        registrationClosesAt:
          closesBefore === 0 ? startsAt : seoulInstant(addDays(day, -closesBefore), "18:00"),
        status: session.cancelled ? "cancelled" : "scheduled",
        allocation: session.lottery ? "lottery" : "first_come",
        drawAt: session.lottery ? seoulInstant(addDays(day, -3), "10:00") : null,
        confirmHours: session.lottery ? 24 : 48,
      };
      // the counter of registrations is the site's, never the seed's
      await db.programSession.upsert({
        where: { programId_startsAt: { programId: row.id, startsAt } },
        create: { programId: row.id, startsAt, ...times },
        update: times,
        select: { id: true },
      });
      sessions += 1;
    }
  }
  return { programs: PROGRAMS.length, sessions };
}
