// Readable, unique addresses for records created in the back office (/jobs/<slug>, /book/<slug>).

/** The English text in lower case plus a short random suffix, so two equal titles never clash. */
export function newSlug(text: string, fallback = "item"): string {
  const base = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  const suffix = crypto.randomUUID().slice(0, 6);
  return `${base || fallback}-${suffix}`;
}
