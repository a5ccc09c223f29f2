import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CODES } from "~/domain/shared/outcome";
import {
  forbidden,
  invalid,
  invariantResponse,
  notFound,
  refusalResponse,
  refused,
  statusFor,
} from "./http.server";

const schema = z.object({ name: z.string({ required_error: "validation:required" }) });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return parseWithZod(data, { schema });
};

describe("statusFor", () => {
  it("gives every code a client-error status", () => {
    for (const code of CODES) {
      expect(statusFor(code), code).toBeGreaterThanOrEqual(400);
      expect(statusFor(code), code).toBeLessThan(500);
    }
    expect([statusFor("notFound"), statusFor("forbidden"), statusFor("full")]).toEqual([
      404, 403, 409,
    ]);
  });
});

describe("responses", () => {
  it("throws the given response only when the condition fails", () => {
    expect(() => invariantResponse("found", notFound)).not.toThrow();
    try {
      invariantResponse(null, notFound);
      expect.unreachable();
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    }
    expect(() => invariantResponse(0)).toThrow(Response);
  });

  it("answers notFound and forbidden refusals as everywhere else", async () => {
    const missing = refusalResponse({ code: "notFound" });
    expect([missing.status, await missing.text()]).toEqual([404, "Not found"]);
    expect(refusalResponse({ code: "forbidden" }).status).toBe(forbidden().status);
    expect(refusalResponse({ code: "full" }).status).toBe(409);
  });
});

describe("action data", () => {
  it("answers an invalid form with its errors, no refusal, 400", () => {
    const answer = invalid(form({}));
    expect(answer.init?.status).toBe(400);
    expect(answer.data.refusal).toBeNull();
    expect(answer.data.result?.error).toEqual({ name: ["validation:required"] });
  });

  it("answers a refusal with the code's status, its values and reasons, and the form", () => {
    const submission = form({ name: "Kim" });
    const answer = refused(
      {
        ok: false,
        code: "ineligible",
        reasons: [{ code: "notUnemployed", field: "employmentStatus" }],
      },
      { submission, reply: { formErrors: ["jobs:apply.problem.ineligible"] }, params: { max: 3 } },
    );
    expect(answer.init?.status).toBe(403);
    expect(answer.data.refusal).toEqual({
      code: "ineligible",
      params: { max: 3 },
      reasons: [{ code: "notUnemployed", field: "employmentStatus" }],
    });
    expect(answer.data.result?.error).toEqual({ "": ["jobs:apply.problem.ineligible"] });
    expect(answer.data.result?.initialValue).toEqual({ name: "Kim" });
    // without a form (a button), there is no reply
    expect(refused({ ok: false, code: "notLive" }).data).toEqual({
      result: null,
      refusal: { code: "notLive", params: {}, reasons: null },
    });
  });

  it("passes headers on (Retry-After)", () => {
    const answer = refused(
      { ok: false, code: "rateLimited" },
      { headers: { "Retry-After": "60" } },
    );
    expect(answer.init?.status).toBe(429);
    expect(new Headers(answer.init?.headers).get("retry-after")).toBe("60");
  });
});
