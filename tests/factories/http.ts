// Calling route loaders and actions the way Remix does, with real Request objects, and reading
// what they return (a Response, thrown or returned, or single-fetch `data()`).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

type RouteFunction = (args: ActionFunctionArgs | LoaderFunctionArgs) => unknown;

export type RouteResult = {
  status: number;
  headers: Headers;
  data: unknown;
  location: string | null;
};

export function formRequest(
  path: string,
  fields: Record<string, string | string[]>,
  options: { cookie?: string; headers?: Record<string, string> } = {},
): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...options.headers,
    },
  });
}

export function getRequest(
  path: string,
  options: { cookie?: string; headers?: Record<string, string> } = {},
) {
  return new Request(`http://localhost${path}`, {
    headers: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers },
  });
}

export async function call(
  fn: RouteFunction,
  request: Request,
  params: Record<string, string> = {},
  context: { clientIp?: string } = { clientIp: "127.0.0.1" },
): Promise<RouteResult> {
  let outcome: unknown;
  try {
    outcome = await fn({ request, params, context } as ActionFunctionArgs);
  } catch (thrown) {
    outcome = thrown;
    if (!(thrown instanceof Response)) throw thrown;
  }
  if (outcome instanceof Response) {
    const type = outcome.headers.get("content-type") ?? "";
    const data = type.includes("json") ? await outcome.json() : await outcome.text();
    return {
      status: outcome.status,
      headers: outcome.headers,
      data,
      location: outcome.headers.get("location"),
    };
  }
  if (
    outcome &&
    typeof outcome === "object" &&
    "type" in outcome &&
    outcome.type === "DataWithResponseInit"
  ) {
    const wrapped = outcome as unknown as { data: unknown; init: ResponseInit | null };
    return {
      status: wrapped.init?.status ?? 200,
      headers: new Headers(wrapped.init?.headers),
      data: wrapped.data,
      location: null,
    };
  }
  return { status: 200, headers: new Headers(), data: outcome, location: null };
}

/** The "name=value" pairs of every Set-Cookie, ready for a Cookie header. */
export function cookieFrom(headers: Headers, previous = ""): string {
  const jar = new Map(
    previous
      .split("; ")
      .filter(Boolean)
      .map(
        (pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] as const,
      ),
  );
  for (const setCookie of headers.getSetCookie()) {
    const pair = setCookie.split(";")[0]!;
    const name = pair.slice(0, pair.indexOf("="));
    const value = pair.slice(pair.indexOf("=") + 1);
    if (value === "" || /expires=Thu, 01 Jan 1970/i.test(setCookie)) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}
