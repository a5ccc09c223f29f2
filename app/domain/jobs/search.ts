// Postings search as a database query, built from the URL's search state: the same function
// serves the page, the JSON API and the "for me" lists. Korean and English text goes through the
// maintained `searchText` column (see shared/korean-search.ts): every term must occur.
import type { Prisma } from "~/generated/prisma/client";
import { searchTerms } from "~/domain/shared/korean-search";
import type { SearchQuery } from "./schema";

export type SearchContext = {
  now: Date;
  /**
   * For "only what I am eligible for": the criteria the resident meets (postings without
   * criteria are open to everyone). Null when the filter is off.
   */
  eligibleCriteriaIds: string[] | null;
};

export function postingWhere(query: SearchQuery, context: SearchContext): Prisma.PostingWhereInput {
  const { now } = context;
  const where: Prisma.PostingWhereInput = {
    status: query.window === "all" ? { in: ["published", "closed"] } : "published",
  };
  if (query.window === "open") {
    where.applicationOpensAt = { lte: now };
    where.applicationClosesAt = { gt: now };
  } else if (query.window === "current") {
    where.applicationClosesAt = { gt: now };
  }
  if (query.category) {
    where.kind = "new_deal";
    where.newDealCategory = query.category;
  } else if (query.kind) {
    where.kind = query.kind;
  }
  if (query.district) where.district = query.district;
  if (query.minWage) where.hourlyWageKrw = { gte: query.minWage };
  const terms = searchTerms(query.q);
  if (terms.length > 0) where.AND = terms.map((term) => ({ searchText: { contains: term } }));
  if (context.eligibleCriteriaIds) {
    where.OR = [{ eligibilityId: null }, { eligibilityId: { in: context.eligibleCriteriaIds } }];
  }
  return where;
}

export function postingOrderBy(
  sort: SearchQuery["sort"],
): Prisma.PostingOrderByWithRelationInput[] {
  switch (sort) {
    case "newest":
      return [{ publishedAt: "desc" }, { id: "asc" }];
    case "wage":
      return [{ hourlyWageKrw: "desc" }, { applicationClosesAt: "asc" }, { id: "asc" }];
    default:
      return [{ applicationClosesAt: "asc" }, { id: "asc" }];
  }
}

export type PostingSortKey = {
  id: string;
  applicationClosesAt: Date;
  publishedAt: Date | null;
  hourlyWageKrw: number;
};

/** The order of `postingOrderBy`, in memory (nulls last when descending, as both databases do). */
export function sortPostingKeys<T extends PostingSortKey>(
  keys: T[],
  sort: SearchQuery["sort"],
): T[] {
  const byId = (a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byClosing = (a: T, b: T) =>
    a.applicationClosesAt.getTime() - b.applicationClosesAt.getTime();
  const compare = (a: T, b: T): number => {
    switch (sort) {
      case "newest": {
        const [x, y] = [a.publishedAt?.getTime() ?? null, b.publishedAt?.getTime() ?? null];
        if (x !== y) return x === null ? 1 : y === null ? -1 : y - x;
        return byId(a, b);
      }
      case "wage":
        return b.hourlyWageKrw - a.hourlyWageKrw || byClosing(a, b) || byId(a, b);
      default:
        return byClosing(a, b) || byId(a, b);
    }
  };
  return [...keys].sort(compare);
}

const DEFAULTS: Partial<Record<keyof SearchQuery, string>> = {
  window: "current",
  sort: "closing",
  page: "1",
};

/** The URL search string of a query (defaults left out), e.g. for pagination links. */
export function searchHref(query: SearchQuery, changes: Partial<SearchQuery> = {}): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const key of [
    "q",
    "kind",
    "category",
    "district",
    "minWage",
    "window",
    "eligible",
    "sort",
    "page",
  ] as const) {
    const value = merged[key];
    if (value === undefined || value === "" || value === false) continue;
    const text = value === true ? "on" : String(value);
    if (DEFAULTS[key] === text) continue;
    params.set(key, text);
  }
  const search = params.toString();
  return search ? `?${search}` : "?";
}
