// schema.org JobPosting for search engines, with Google's required properties (title,
// description, datePosted, hiringOrganization, jobLocation) and the recommended validThrough,
// baseSalary and employmentType. Texts come in the page's language; the caller passes them.

const FULL_TIME_WEEKLY_HOURS = 35;

export type JobPostingFacts = {
  url: string;
  slug: string;
  title: string;
  description: string;
  publishedAt: Date;
  applicationClosesAt: Date;
  hourlyWageKrw: number;
  hoursPerDay: number;
  daysPerWeek: number;
  /** "YYYY-MM-DD" */
  startDate: string;
  organization: { name: string; website: string | null };
  location: { streetAddress: string | null; locality: string | null };
  language: string;
};

export function jobPostingJsonLd(facts: JobPostingFacts) {
  const weeklyHours = facts.hoursPerDay * facts.daysPerWeek;
  return {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    title: facts.title,
    description: facts.description,
    identifier: { "@type": "PropertyValue", name: facts.organization.name, value: facts.slug },
    url: facts.url,
    inLanguage: facts.language,
    datePosted: facts.publishedAt.toISOString(),
    validThrough: facts.applicationClosesAt.toISOString(),
    jobStartDate: facts.startDate,
    // Every public job here is fixed-term.
    employmentType: [
      weeklyHours >= FULL_TIME_WEEKLY_HOURS ? "FULL_TIME" : "PART_TIME",
      "TEMPORARY",
    ],
    directApply: true,
    hiringOrganization: {
      "@type": "Organization",
      name: facts.organization.name,
      ...(facts.organization.website ? { sameAs: facts.organization.website } : {}),
    },
    jobLocation: {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        ...(facts.location.streetAddress ? { streetAddress: facts.location.streetAddress } : {}),
        ...(facts.location.locality ? { addressLocality: facts.location.locality } : {}),
        addressRegion: facts.language === "ko" ? "서울특별시" : "Seoul",
        addressCountry: "KR",
      },
    },
    baseSalary: {
      "@type": "MonetaryAmount",
      currency: "KRW",
      value: { "@type": "QuantitativeValue", value: facts.hourlyWageKrw, unitText: "HOUR" },
    },
    workHours: `${weeklyHours}h/week`,
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped so no text in a posting can
 * close the script element, and U+2028/2029 so the script stays valid JavaScript-safe JSON.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
