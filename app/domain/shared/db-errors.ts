// Recognising database refusals that the capabilities answer in words instead of a 500.

/** A unique constraint refused the write (Prisma's P2002): someone else, or a resend, was first. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
