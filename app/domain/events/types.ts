// Programs and events (issue 16): the kinds the report names, how a program is held, the limits
// of a search. Coded values are plain strings in the database (schema.prisma's portability rule).

export const PROGRAM_KINDS = [
  "lecture",
  "mentoring",
  "study_group_mentoring",
  "job_fair",
  "recruitment_briefing",
  "company_visit",
  "hackathon",
  "forum",
] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

/**
 * The "online / in person" filter's two choices. A program's `format` is in_person, online or
 * hybrid; a hybrid program answers both.
 */
export const ATTENDANCE_MODES = ["online", "in_person"] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

export const MAX_QUERY_LENGTH = 100;
export const EVENTS_PAGE_SIZE = 20;

/** How a program is held, whether residents see it, the languages the event pages can name. */
export const PROGRAM_FORMATS = ["in_person", "online", "hybrid"] as const;
export const PROGRAM_STATUSES = ["draft", "published"] as const;
export const PROGRAM_LANGUAGES = ["ko", "en"] as const;

/** How a session's seats are given (decision 0027), and the bounds of a lottery's confirmation time. */
export const SESSION_ALLOCATIONS = ["first_come", "lottery"] as const;
export const CONFIRM_HOURS_MIN = 1;
export const CONFIRM_HOURS_MAX = 168;

/** What staff record of a registrant once the session has begun. */
export const ATTENDANCE_MARKS = ["attended", "no_show"] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];
