// Query plans kept for queries asked again (decision 0013). Prisma 6.19's query compiler
// (WebAssembly) plans every query afresh, about 0.6 ms of CPU each, before the statement is sent.
// A plan is a pure function of the query (its JSON, values included) and the schema: what the
// database must generate per row (ids, now() defaults, @updatedAt) is a call the plan makes when
// it runs, and running a plan does not change it. So the plan of a query seen before is reused:
// a service looked up by its address, a posting, a resident's profile on their next page. Queries
// with other values (another id) are planned as before; queries that differ only in their
// instants ("from now on") share a plan with those instants replaced (see keepable). Prisma 7.4
// caches plans by the query's shape (prisma/orm#29038); until Prisma 7 can migrate here, this
// keeps the last plans by the query's text.
import { QueryCompiler as PostgresqlQueryCompiler } from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";
import { QueryCompiler as SqliteQueryCompiler } from "@prisma/client/runtime/query_compiler_bg.sqlite.mjs";

/** Plans kept per compiler; the oldest used goes first. */
export const KEPT_PLANS = 500;
/** Longer queries (a big insert) are planned every time rather than kept. */
const KEPT_QUERY_MAX_CHARS = 8_192;

type Compile = (query: string) => unknown;
type CompilerClass = { prototype: { compile: Compile } };

/**
 * A kept plan, for queries that differ from the one it was made for at most in their instants:
 * `instants` are the query's DateTime values in order, as they appear in the plan.
 */
type KeptPlan = { plan: unknown; instants: string[] } | "plan every time";

const counts = { compiled: 0, reused: 0 };
const plansByCompiler = new WeakMap<object, Map<string, KeptPlan>>();
const WRAPPED = Symbol.for("seoul-portal.queryPlans");

// How the client writes an instant into a query (JSON protocol): {"$type":"DateTime","value":"…"}
const INSTANT = /\{"\$type":"DateTime","value":"([^"\\]+)"\}/g;
const ANY_INSTANT = '{"$type":"DateTime","value":"…"}';

/** How many queries were planned and how many reused a kept plan, since the process started. */
export function queryPlanCounts(): { compiled: number; reused: number } {
  return { ...counts };
}

/**
 * Pages ask "from now on" with a new instant every time, which would make every such query new.
 * The plan of a query is kept under its text with the instants left out, together with the
 * instants it was made for. It serves a query with other instants only when those instants are
 * plain values in it: written into the plan exactly as given, and no other text of the query the
 * same as one of them (so that every copy in the plan is that instant). Otherwise the shape is
 * planned every time, as before.
 */
function keepable(query: string, instants: string[], plan: unknown): KeptPlan {
  // replacing instants copies the plan: only a tree of plain objects, arrays and values is copied
  if (instants.length > 0 && !isPlainTree(plan)) return "plan every time";
  for (const instant of new Set(instants)) {
    const asInstant = instants.filter((other) => other === instant).length;
    if (query.split(`"${instant}"`).length - 1 !== asInstant) return "plan every time";
    if (!containsText(plan, instant)) return "plan every time";
  }
  return { plan, instants };
}

/**
 * What each kept instant becomes in the query asked now; undefined when one kept instant stood
 * for two that now differ ("open now": opens ≤ now < closes, then two other instants), which the
 * plan cannot tell apart.
 */
function replacementsFor(kept: string[], asked: string[]): Map<string, string> | undefined {
  const replacements = new Map<string, string>();
  for (const [i, instant] of kept.entries()) {
    const replacement = replacements.get(instant);
    if (replacement !== undefined && replacement !== asked[i]) return undefined;
    replacements.set(instant, asked[i]!);
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

/** A copy of the plan with every kept instant replaced by the one asked now. */
function withInstants(value: unknown, replacements: Map<string, string>): unknown {
  if (typeof value === "string") return replacements.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => withInstants(item, replacements));
  if (value && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = withInstants(item, replacements);
    return copy;
  }
  return value;
}

function keepPlans(compilerClass: CompilerClass) {
  const prototype = compilerClass.prototype as CompilerClass["prototype"] & { [WRAPPED]?: true };
  if (prototype[WRAPPED]) return;
  const compile = prototype.compile;
  const planAfresh = (compiler: object, query: string) => {
    counts.compiled += 1;
    return compile.call(compiler, query);
  };
  prototype.compile = function compileOrReuse(this: object, query: string) {
    if (query.length > KEPT_QUERY_MAX_CHARS) return planAfresh(this, query);
    let plans = plansByCompiler.get(this);
    if (!plans) plansByCompiler.set(this, (plans = new Map()));
    const instants: string[] = [];
    const shape = query.replace(INSTANT, (_, instant: string) => {
      instants.push(instant);
      return ANY_INSTANT;
    });
    const kept = plans.get(shape);
    if (kept !== undefined) {
      plans.delete(shape);
      plans.set(shape, kept);
      if (kept === "plan every time") return planAfresh(this, query);
      if (kept.instants.every((instant, i) => instant === instants[i])) {
        counts.reused += 1;
        return kept.plan;
      }
      const replacements = replacementsFor(kept.instants, instants);
      if (!replacements) return planAfresh(this, query);
      counts.reused += 1;
      return withInstants(kept.plan, replacements);
    }
    const plan = planAfresh(this, query);
    if (plans.size >= KEPT_PLANS) plans.delete(plans.keys().next().value!);
    plans.set(shape, keepable(query, instants, plan));
    return plan;
  };
  prototype[WRAPPED] = true;
}

/** Called before the first client is made (db.server.ts); calling it again changes nothing. */
export function keepQueryPlans() {
  keepPlans(SqliteQueryCompiler);
  keepPlans(PostgresqlQueryCompiler);
}
