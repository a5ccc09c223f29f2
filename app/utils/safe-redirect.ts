// The one way to follow a `redirectTo` from a URL or a form: only a path on this site, normalised
// and percent-encoded, so that a browser cannot read it as another host (`//evil`, `/\evil`,
// `/<TAB>/evil`) and the Location header can always be written (no CR/LF, no raw Korean).
const BASE = "http://portal.invalid";
const MAX_LENGTH = 2000;

export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return fallback;
  // Control characters and backslashes are never part of our own links; browsers drop or
  // reinterpret them (a tab inside "//" or "\" for "/"), so refuse instead of cleaning up.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // After normalisation ("/./" and "/../" removed) the path must still be a single-slash path.
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
