import { describe, expect, it } from "vitest";
import { jobPostingJsonLd, serializeJsonLd } from "./json-ld";

const facts = {
  url: "https://jobs.seoul.example/jobs/new-deal-city-public-data",
  slug: "new-deal-city-public-data",
  title: "서울시 공공데이터 품질관리 매니저",
  description: "데이터 정비 </script><script>alert(1)</script>",
  publishedAt: new Date("2026-11-17T01:00:00Z"),
  applicationClosesAt: new Date("2026-12-05T09:00:00Z"),
  hourlyWageKrw: 9220,
  hoursPerDay: 8,
  daysPerWeek: 5,
  startDate: "2026-12-19",
  organization: { name: "서울특별시", website: null },
  location: { streetAddress: null, locality: "중구" },
  language: "ko",
};

describe("JobPosting JSON-LD", () => {
  it("has Google's required properties and the salary, type and deadline", () => {
    const ld = jobPostingJsonLd(facts);
    for (const key of ["title", "description", "datePosted", "hiringOrganization", "jobLocation"])
      expect(ld).toHaveProperty(key);
    expect(ld["@type"]).toBe("JobPosting");
    expect(ld.hiringOrganization).toEqual({ "@type": "Organization", name: "서울특별시" });
    expect(ld.jobLocation.address).toMatchObject({ addressLocality: "중구", addressCountry: "KR" });
    expect(ld.baseSalary).toEqual({
      "@type": "MonetaryAmount",
      currency: "KRW",
      value: { "@type": "QuantitativeValue", value: 9220, unitText: "HOUR" },
    });
    expect(ld.employmentType).toEqual(["FULL_TIME", "TEMPORARY"]);
    expect(ld.validThrough).toBe("2026-12-05T09:00:00.000Z");
    expect(jobPostingJsonLd({ ...facts, hoursPerDay: 5 }).employmentType[0]).toBe("PART_TIME");
  });

  it("cannot be broken out of its script element, and parses back to the same value", () => {
    const ld = jobPostingJsonLd(facts);
    const text = serializeJsonLd(ld);
    expect(text).not.toContain("<");
    expect(text).not.toContain("</script");
    expect(JSON.parse(text)).toEqual(ld);
  });
});
