// The HTML constraints of a form (required, maxLength, min, pattern…) from its zod schema,
// worked out on the server and sent with the loader's data, so that the browser gets the
// attributes without downloading zod and Conform's zod adapter (decision 0012: forms are
// validated by the server, on submit).
import { getZodConstraint } from "@conform-to/zod";
import type { ZodTypeAny } from "zod";

type Constraints = ReturnType<typeof getZodConstraint>;
const cache = new WeakMap<ZodTypeAny, Constraints>();

export function formConstraint(schema: ZodTypeAny): Constraints {
  let constraints = cache.get(schema);
  if (!constraints) {
    constraints = getZodConstraint(schema);
    cache.set(schema, constraints);
  }
  return constraints;
}
