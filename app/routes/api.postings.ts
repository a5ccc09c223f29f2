// GET /api/postings: the postings search as JSON, with the page's filters (documented in the
// README). Public and the same for everyone, so shared caches may keep it for a minute; an ETag
// lets clients revalidate cheaply.
import { parseWithZod } from "@conform-to/zod";
import type { LoaderFunctionArgs } from "@remix-run/node";
import crypto from "node:crypto";
import { siteOrigin } from "~/utils/site-url.server";
import { postingCard } from "~/domain/jobs/present";
import { SearchSchema } from "~/domain/jobs/schema";
import { searchHref } from "~/domain/jobs/search";
import { SEARCH_PAGE_SIZE } from "~/domain/jobs/types";
import { publicPostingSearch } from "~/routes-support/jobs.server";
import { now } from "~/utils/clock.server";

const CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";
// Open data: any site may read it from the browser (no cookies are involved).
const OPEN = { "Access-Control-Allow-Origin": "*" };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // Who is asking never changes the answer here (that is what makes it cacheable).
  if (url.searchParams.has("eligible")) {
    return Response.json(
      { errors: { eligible: ["The API does not filter by a resident's eligibility."] } },
      { status: 400, headers: OPEN },
    );
  }
  const submission = parseWithZod(url.searchParams, { schema: SearchSchema });
  if (submission.status !== "success") {
    return Response.json({ errors: submission.reply().error }, { status: 400, headers: OPEN });
  }
  const query = submission.value;
  const at = now();
  const result = await publicPostingSearch(query, at);
  const origin = siteOrigin();
  const link = (page: number) => `${origin}/api/postings${searchHref(query, { page })}`;
  const body = JSON.stringify({
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    pageSize: SEARCH_PAGE_SIZE,
    links: {
      self: link(result.page),
      next: result.page < result.pageCount ? link(result.page + 1) : null,
      prev: result.page > 1 ? link(result.page - 1) : null,
    },
    postings: result.postings.map((row) => {
      const { window, ...card } = postingCard(row, at);
      return { ...card, window: window.code, url: `${origin}/jobs/${row.slug}` };
    }),
  });
  const etag = `W/"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers = { ...OPEN, "Cache-Control": CACHE_CONTROL, ETag: etag };
  if (request.headers.get("if-none-match") === etag)
    return new Response(null, { status: 304, headers });
  return new Response(body, {
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
  });
}
