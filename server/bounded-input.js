// Bounds on the shape of submitted fields (query strings and form bodies), checked before any
// parsing library sees them. Form libraries build nested objects and arrays from field names
// (`x[100000000]` would make an array of a hundred million slots, `a.b.c…` twenty thousand levels
// deep overflows the stack), so a single small request could take the process down. Plain
// JavaScript (JSDoc types): server.js runs it directly, and the app imports it too.

export const INPUT_LIMITS = Object.freeze({
  /** fields in one query string or form */
  fields: 300,
  /** characters of one field name */
  keyLength: 200,
  /** characters of one text value (a CSV file travels as a file, not a value) */
  valueLength: 100_000,
  /** largest list index in a field name (`intervals[20].opens`) */
  index: 500,
  /** parts of a field name (`intervals[20].opens` has three) */
  depth: 4,
});

/**
 * @param {Iterable<[string, unknown]>} entries
 * @param {typeof INPUT_LIMITS} [limits]
 * @returns {null | { status: 400 | 413, reason: string }}
 */
export function inputShapeProblem(entries, limits = INPUT_LIMITS) {
  let fields = 0;
  for (const [key, value] of entries) {
    fields += 1;
    if (fields > limits.fields) return { status: 413, reason: "too many fields" };
    if (key.length > limits.keyLength) return { status: 400, reason: "field name too long" };
    if (typeof value === "string" && value.length > limits.valueLength)
      return { status: 413, reason: "value too long" };
    if (key.includes("\u0000")) return { status: 400, reason: "NUL in a field name" };
    let depth = 1;
    for (let i = 0; i < key.length; i += 1) {
      const char = key.charCodeAt(i);
      if (char === 46 /* . */) depth += 1;
      else if (char === 91 /* [ */) {
        depth += 1;
        const close = key.indexOf("]", i);
        const inside = close === -1 ? "" : key.slice(i + 1, close);
        if (/^\d+$/.test(inside) && (inside.length > 6 || Number(inside) > limits.index))
          return { status: 400, reason: "list index too large" };
      }
      if (depth > limits.depth) return { status: 400, reason: "field name nested too deeply" };
    }
  }
  return null;
}

/**
 * The query string of a URL path (e.g. Express's `req.originalUrl`), checked the same way; and no
 * NUL anywhere in the address: no link of ours has one, and PostgreSQL refuses it in any text, so
 * an id or search term holding one would fail the query instead of finding nothing.
 * @param {string} url
 */
export function queryShapeProblem(url) {
  if (url.includes("%00") || url.includes("\u0000"))
    return { status: 400, reason: "NUL in the address" };
  const question = url.indexOf("?");
  if (question === -1) return null;
  const query = url.slice(question + 1);
  if (query.length > 8_000) return { status: 414, reason: "query string too long" };
  return inputShapeProblem(new URLSearchParams(query));
}
