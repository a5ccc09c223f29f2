// Coded values of postings, rounds and applications. Stored as strings (see prisma/schema.prisma),
// checked here and by the zod schemas in schema.ts.

export const POSTING_KINDS = ["new_deal", "public_work", "regional_youth", "other_public"] as const;
/** Public-work postings are the sites of a round; every other kind stands on its own. */
export const STANDALONE_KINDS = ["new_deal", "regional_youth", "other_public"] as const;

/** The report's New Deal programme lines: city, district and the four private-contest kinds. */
export const NEW_DEAL_CATEGORIES = [
  "city",
  "district",
  "private_city_department",
  "private_public_specialised",
  "private_company_tailored",
  "private_youth_idea",
] as const;

export const PUBLICATION_STATUSES = ["draft", "published", "closed"] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const APPLICATION_STATUSES = [
  "submitted",
  "under_review",
  "selected",
  "waitlisted",
  "rejected",
  "withdrawn",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** What staff decide about an application. */
export const DECISIONS = ["review", "select", "waitlist", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * The decisions that settle an application (and take a place, or close it): each is confirmed
 * first, and can be undone until the applicant's message goes out. "Start review" does neither.
 */
export const SETTLING_DECISIONS = ["select", "waitlist", "reject"] as const;
export type SettlingDecision = (typeof SETTLING_DECISIONS)[number];

/**
 * How long a settling decision waits before the applicant is told, and so how long staff can
 * undo it: nothing has left the building until then (decision 0016).
 */
export const DECISION_UNDO_MINUTES = 10;

/** New Deal jobs last at most 23 months (the report). */
export const NEW_DEAL_MAX_MONTHS = 23;

/** A public-work application names one to three preferred sites, in order. */
export const MAX_SITE_PREFERENCES = 3;

export const SEARCH_PAGE_SIZE = 20;
/** 25 cards, each with its decision form, keep a staff page light on a phone and quick to reload. */
export const APPLICANTS_PAGE_SIZE = 25;
export const MY_APPLICATIONS_PAGE_SIZE = 20;

// Search and list filters (kept here, free of zod, so pages can list them without the schemas).
export const WINDOW_FILTERS = ["current", "open", "all"] as const;
export const SORTS = ["closing", "newest", "wage"] as const;
export const APPLICANT_STATUS_FILTERS = ["all", ...APPLICATION_STATUSES] as const;
