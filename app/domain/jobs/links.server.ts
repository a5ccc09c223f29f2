// Absolute links for what leaves the site (JSON-LD, the Atom feed, the API): the configured public
// origin when there is one (behind a proxy the request's own host may be internal), else the
// origin the request was addressed to.
import { getEnv } from "~/utils/env.server";

export function publicOrigin(request: Request): string {
  return getEnv().allowedOrigins[0] ?? new URL(request.url).origin;
}
