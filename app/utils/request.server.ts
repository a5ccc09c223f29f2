// Reading requests defensively: a malformed or oversized body is the sender's mistake (4xx),
// never a 500.
import type { AppLoadContext } from "@remix-run/node";
import { inputShapeProblem } from "../../server/bounded-input.js";
import { getEnv } from "./env.server";
import { badRequest, payloadTooLarge } from "./http.server";

/**
 * The form fields of a POST; 413 when too large, 400 when not a form at all or when its field
 * names are of a shape no form of ours has (huge list indexes, deep nesting: server/bounded-input.js)
 * — refused before any validation library builds objects from them.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > getEnv().MAX_BODY_BYTES) {
    throw payloadTooLarge();
  }
  const type = request.headers.get("content-type") ?? "";
  if (
    !type.includes("application/x-www-form-urlencoded") &&
    !type.includes("multipart/form-data")
  ) {
    throw badRequest("Expected a form submission");
  }
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw badRequest("Malformed form data");
  }
  const problem = inputShapeProblem(formData.entries());
  if (problem) {
    throw new Response(`Bad request: ${problem.reason}`, { status: problem.status });
  }
  return formData;
}

/**
 * The value of a field a form sends once (an intent, an id, a language): null when it is missing,
 * a file, or sent more than once. A repeated field is malformed input, not "the first one wins" —
 * read the other way, `intent=remove&intent=x` would carry out the removal.
 */
export function singleField(formData: FormData, name: string): string | null {
  const values = formData.getAll(name);
  return values.length === 1 && typeof values[0] === "string" ? values[0] : null;
}

export function clientIp(context: AppLoadContext | undefined): string {
  return context?.clientIp ?? "unknown";
}
