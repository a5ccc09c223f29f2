import { useLoaderData } from "@remix-run/react";
import type { getZodConstraint } from "@conform-to/zod";

type Constraints = ReturnType<typeof getZodConstraint>;

/**
 * The HTML constraints of the page's form, which its loader worked out on the server with
 * `formConstraint(schema)` (see form-constraint.server.ts): zod stays out of the browser.
 */
export function useFormConstraint(): Constraints | undefined {
  return (useLoaderData() as { constraint?: Constraints } | null)?.constraint;
}
