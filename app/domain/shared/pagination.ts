// The one way a list is paged (directories, postings, applicants, bookings, back-office lists):
// the rows a page skips and takes, how many pages there are, and the page numbers to link to.
// The `page` parameter itself is read by ./page-parameter (zod stays out of browser code).

/** The deepest page any list serves: an OFFSET past it costs more than narrowing the search. */
export const MAX_PAGE = 1000;

/** The rows page `page` skips and takes. */
export function paginate(page: number, pageSize: number): { skip: number; take: number } {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

/** How many pages `total` rows make: at least one (an empty list is one page), at most MAX_PAGE. */
export function pageCount(total: number, pageSize: number): number {
  return Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / pageSize)));
}

/** Page numbers to link to around the current page: first, last, and two either side. */
export function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const pages = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const result: (number | "gap")[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) result.push("gap");
    result.push(p);
  });
  return result;
}
