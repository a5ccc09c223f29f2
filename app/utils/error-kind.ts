// Which error page a status gets (its texts are errors:<kind>.title/.body): one table for the
// error boundary's page and its <title>.
export const ERROR_KINDS = [
  "notFound",
  "forbidden",
  "badRequest",
  "tooMany",
  "busy",
  "serverError",
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export function errorKind(status: number): ErrorKind {
  if (status === 404) return "notFound";
  if (status === 403) return "forbidden";
  if (status === 400 || status === 413) return "badRequest";
  if (status === 429) return "tooMany";
  if (status === 503) return "busy";
  return "serverError";
}
