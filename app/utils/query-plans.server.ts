// Query plans kept for queries asked again (decision 0013). Prisma 6.19's query compiler
// (WebAssembly) plans every query afresh, about 0.6 ms of CPU each, before the statement is sent.
// A plan is a pure function of the query (its JSON, values included) and the schema: what the
// database must generate per row (ids, now() defaults, @updatedAt) is a call the plan makes when
// it runs, and running a plan does not change it. So the plan of a query seen before is reused.
// Queries that differ only in their instants ("from now on"), their record ids (whose session,
// which slot) or their form keys (UUIDs) share a plan with those values replaced (see keepable):
// without that, every resident's every query would be new, and a booking would plan all of its
// statements afresh. Queries with other values (a name, a search) are planned as before. Prisma
// 7.4 caches plans by the query's shape (prisma/orm#29038); until Prisma 7 can migrate here, this
// keeps the last plans by the query's text with those values left out.
import { QueryCompiler as PostgresqlQueryCompiler } from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";
import { QueryCompiler as SqliteQueryCompiler } from "@prisma/client/runtime/query_compiler_bg.sqlite.mjs";

/** Plans kept per compiler; the oldest used goes first. */
export const KEPT_PLANS = 500;
/** Longer queries (a big insert) are planned every time rather than kept. */
const KEPT_QUERY_MAX_CHARS = 8_192;

type Compile = (query: string) => unknown;
type CompilerClass = { prototype: { compile: Compile; compileBatch: Compile } };

/**
 * A kept plan, for queries that differ from the one it was made for at most in their replaceable
 * values: `values` are the query's instants, record ids and UUIDs in order, as they appear in the
 * plan.
 */
type KeptPlan = { plan: unknown; values: string[] } | "plan every time";

const counts = { compiled: 0, reused: 0 };
const plansByCompiler = new WeakMap<object, Map<string, KeptPlan>>();
const WRAPPED = Symbol.for("seoul-portal.queryPlans");

// The values a plan can be reused for with others in their place, as the client writes them into
// a query (JSON protocol): an instant, {"$type":"DateTime","value":"…"}; a record id, "c…" (a
// cuid: "c" and 24 lower-case letters or digits, what @default(cuid()) makes), or ids joined by
// ":" (a live key, "<slot>:<resident>"); a UUID (a form's idempotency key). A raw query's
// parameters come as one JSON text inside the query, where an id is written \"c…\": the same
// ids there (the session look-up every logged-in request makes would otherwise be planned anew
// for every session, and push the pages' plans out). Other strings (names, searches, enum values,
// messages) stay part of the query's text.
const ID =
  "c[a-z0-9]{24}(?::c[a-z0-9]{24})*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const REPLACEABLE = new RegExp(
  `\\{"\\$type":"DateTime","value":"([^"\\\\]+)"\\}|"(${ID})"|\\\\"(${ID})\\\\"`,
  "g",
);
const ANY_INSTANT = '{"$type":"DateTime","value":"…"}';
const ANY_ID = '"…"';
const ANY_RAW_PARAMETER_ID = '\\"…\\"';

/** How many queries were planned and how many reused a kept plan, since the process started. */
export function queryPlanCounts(): { compiled: number; reused: number } {
  return { ...counts };
}

/**
 * Pages ask "from now on" with a new instant every time, and every resident asks for their own
 * records, which would make every such query new. The plan of a query is kept under its text with
 * the replaceable values left out, together with the values it was made for. It serves a query
 * with other values only when those values are plain parameters in it: written into the plan
 * exactly as given and never inside a longer text (a statement, a message), and no other text of
 * the query the same as one of them (so that every copy in the plan is that value). Otherwise the
 * shape is planned every time, as before.
 */
function keepable(query: string, values: string[], plan: unknown): KeptPlan {
  // replacing values copies the plan: only a tree of plain objects, arrays and values is copied
  if (values.length > 0 && !isPlainTree(plan)) return "plan every time";
  const replaced = new Set(values);
  for (const value of replaced) {
    const asValue = values.filter((other) => other === value).length;
    const written = query.split(`"${value}"`).length + query.split(`\\"${value}\\"`).length - 2;
    if (written !== asValue) return "plan every time";
    if (!containsText(plan, value) || containsWithin(plan, value, replaced))
      return "plan every time";
  }
  return { plan, values };
}

/**
 * What each kept value becomes in the query asked now; undefined when one kept value stood for
 * two that now differ ("open now": opens ≤ now < closes, then two other instants; a resident's
 * own id asked twice, then two residents), which the plan cannot tell apart.
 */
function replacementsFor(kept: string[], asked: string[]): Map<string, string> | undefined {
  const replacements = new Map<string, string>();
  for (const [i, value] of kept.entries()) {
    const replacement = replacements.get(value);
    if (replacement !== undefined && replacement !== asked[i]) return undefined;
    replacements.set(value, asked[i]!);
  }
  return replacements;
}

function isPlainTree(value: unknown): boolean {
  if (value === null || typeof value !== "object") return typeof value !== "function";
  if (Array.isArray(value)) return value.every(isPlainTree);
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    Object.values(value).every(isPlainTree)
  );
}

function containsText(value: unknown, text: string): boolean {
  if (value === text) return true;
  if (Array.isArray(value)) return value.some((item) => containsText(item, text));
  if (value && typeof value === "object")
    return Object.values(value).some((item) => containsText(item, text));
  return false;
}

/**
 * Whether the text is part of a longer string in the plan (written into a statement, say), other
 * than one of the values replaced as a whole (a resident's id inside their live key).
 */
function containsWithin(value: unknown, text: string, replaced: Set<string>): boolean {
  if (typeof value === "string")
    return value !== text && !replaced.has(value) && value.includes(text);
  if (Array.isArray(value)) return value.some((item) => containsWithin(item, text, replaced));
  if (value && typeof value === "object")
    return Object.values(value).some((item) => containsWithin(item, text, replaced));
  return false;
}

/** A copy of the plan with every kept value replaced by the one asked now. */
function withValues(value: unknown, replacements: Map<string, string>): unknown {
  if (typeof value === "string") return replacements.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => withValues(item, replacements));
  if (value && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = withValues(item, replacements);
    return copy;
  }
  return value;
}

/**
 * Wraps both ways the client asks for plans: one query (`compile`), and the queries it sends
 * together (`compileBatch`): those asked in the same tick inside a transaction
 * (`Promise.all([tx.a.findMany(…), tx.b.findMany(…)])`), and findUniques it gathers into one.
 */
function keepPlans(compilerClass: CompilerClass) {
  const prototype = compilerClass.prototype as CompilerClass["prototype"] & { [WRAPPED]?: true };
  if (prototype[WRAPPED]) return;
  prototype.compile = reusing(prototype.compile);
  prototype.compileBatch = reusing(prototype.compileBatch);
  prototype[WRAPPED] = true;
}

function reusing(compile: Compile): Compile {
  const planAfresh = (compiler: object, query: string) => {
    counts.compiled += 1;
    return compile.call(compiler, query);
  };
  return function compileOrReuse(this: object, query: string) {
    if (query.length > KEPT_QUERY_MAX_CHARS) return planAfresh(this, query);
    let plans = plansByCompiler.get(this);
    if (!plans) plansByCompiler.set(this, (plans = new Map()));
    const values: string[] = [];
    const shape = query.replace(
      REPLACEABLE,
      (_, instant?: string, id?: string, rawParameterId?: string) => {
        values.push((instant ?? id ?? rawParameterId)!);
        if (instant !== undefined) return ANY_INSTANT;
        return id !== undefined ? ANY_ID : ANY_RAW_PARAMETER_ID;
      },
    );
    const kept = plans.get(shape);
    if (kept !== undefined) {
      plans.delete(shape);
      plans.set(shape, kept);
      if (kept === "plan every time") return planAfresh(this, query);
      if (kept.values.every((value, i) => value === values[i])) {
        counts.reused += 1;
        return kept.plan;
      }
      const replacements = replacementsFor(kept.values, values);
      if (!replacements) return planAfresh(this, query);
      counts.reused += 1;
      return withValues(kept.plan, replacements);
    }
    const plan = planAfresh(this, query);
    if (plans.size >= KEPT_PLANS) plans.delete(plans.keys().next().value!);
    plans.set(shape, keepable(query, values, plan));
    return plan;
  };
}

/** Called before the first client is made (db.server.ts); calling it again changes nothing. */
export function keepQueryPlans() {
  keepPlans(SqliteQueryCompiler);
  keepPlans(PostgresqlQueryCompiler);
}
