// Query plans kept for queries asked again (decision 0013). Prisma 6.19's query compiler
// (WebAssembly) plans every query afresh, about 0.6 ms of CPU each, before the statement is sent.
// A plan is a pure function of the query (its JSON, values included) and the schema: what the
// database must generate per row (ids, now() defaults, @updatedAt) is a call the plan makes when
// it runs, and running a plan does not change it. So the plan of a query seen before is reused:
// a service looked up by its address, a posting, a resident's profile on their next page. Queries
// with other values (another id, the current time) are planned as before. Prisma 7.4 caches plans
// by the query's shape (prisma/orm#29038); until Prisma 7 can migrate here, this keeps the last
// plans by the query's exact text.
import { QueryCompiler as PostgresqlQueryCompiler } from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";
import { QueryCompiler as SqliteQueryCompiler } from "@prisma/client/runtime/query_compiler_bg.sqlite.mjs";

/** Plans kept per compiler; the oldest used goes first. */
export const KEPT_PLANS = 500;
/** Longer queries (a big insert) are planned every time rather than kept. */
export const KEPT_QUERY_MAX_CHARS = 8_192;

type Compile = (query: string) => unknown;
type CompilerClass = { prototype: { compile: Compile } };

const counts = { compiled: 0, reused: 0 };
const plansByCompiler = new WeakMap<object, Map<string, unknown>>();
const WRAPPED = Symbol.for("seoul-portal.queryPlans");

/** How many queries were planned and how many reused a kept plan, since the process started. */
export function queryPlanCounts(): { compiled: number; reused: number } {
  return { ...counts };
}

function keepPlans(compilerClass: CompilerClass) {
  const prototype = compilerClass.prototype as CompilerClass["prototype"] & { [WRAPPED]?: true };
  if (prototype[WRAPPED]) return;
  const compile = prototype.compile;
  prototype.compile = function compileOrReuse(this: object, query: string) {
    if (query.length > KEPT_QUERY_MAX_CHARS) {
      counts.compiled += 1;
      return compile.call(this, query);
    }
    let plans = plansByCompiler.get(this);
    if (!plans) plansByCompiler.set(this, (plans = new Map()));
    const kept = plans.get(query);
    if (kept !== undefined) {
      counts.reused += 1;
      plans.delete(query);
      plans.set(query, kept);
      return kept;
    }
    const plan = compile.call(this, query);
    counts.compiled += 1;
    if (plans.size >= KEPT_PLANS) plans.delete(plans.keys().next().value!);
    plans.set(query, plan);
    return plan;
  };
  prototype[WRAPPED] = true;
}

/** Called before the first client is made (db.server.ts); calling it again changes nothing. */
export function keepQueryPlans() {
  keepPlans(SqliteQueryCompiler);
  keepPlans(PostgresqlQueryCompiler);
}
