// The `page` parameter of every list's address, read one way: a whole number from 1 to MAX_PAGE.
import { z } from "zod";
import { MAX_PAGE } from "./pagination";

/**
 * The `page` field of a list with a filter form (job search, the places directory): a bad value
 * is reported in the form's error summary with `invalid` or `tooHigh` (i18n keys).
 */
export function pageField(messages: { invalid: string; tooHigh?: string }) {
  const { invalid, tooHigh = invalid } = messages;
  return z.coerce
    .number({ invalid_type_error: invalid })
    .int(invalid)
    .min(1, invalid)
    .max(MAX_PAGE, tooHigh);
}

const lenientPage = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);

/**
 * The page a list without a filter form shows (my bookings, my applications, back-office lists):
 * anything that is not a page number — a stale or hand-edited link — shows the first page
 * rather than an error page. A page with two paged lists names the second one's parameter.
 */
export function pageFromUrl(url: URL | string, parameter = "page"): number {
  const value = new URL(url, "http://localhost").searchParams.get(parameter);
  return value === null || value.trim() === "" ? 1 : lenientPage.parse(value);
}
