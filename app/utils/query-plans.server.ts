// Query plans kept for queries asked again (decision 0013). Prisma 6.19's query compiler
// (WebAssembly) plans every query afresh, about 0.6 ms of CPU each, before the statement is sent.
// A plan is a pure function of the query (its JSON, values included) and the schema: what the
// database must generate per row (ids, now() defaults, @updatedAt) is a call the plan makes when
// it runs, and running a plan does not change it. So the plan of a query seen before is reused.
// Queries that differ only in their instants ("from now on"), their record ids (whose session,
// which slot) or their form keys (UUIDs) share a plan with those values replaced (see keepable):
// without that, every resident's every query would be new, and a booking would plan all of its
// statements afresh. So do queries that differ in their free text (a message's subject and body,
// an address, a clock time), once a probe has shown that the plan passes it on as it is (see
// passesTextOn): every message written to the outbox was planned afresh, 1–2 ms of CPU each, two
// for every booking. Other values (a name, a slug, a search's pattern) are planned as before. Prisma
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
 * values: `values` are the query's instants, record ids and UUIDs (and free text, under a text
 * shape) in order, as they appear in the plan. A plan kept for free text serves other text only
 * once a probe has shown that it passes text on as it is: until then it carries what the probe
 * needs (`unproven`), and serves only the same query again.
 */
type KeptPlan =
  | {
      plan: unknown;
      values: string[];
      /** where in the plan the values are, found once so that a reuse copies only those paths */
      slots: Slot[];
      unproven?: { shape: TextShape; query: string; basic: Shape };
    }
  | "plan every time";

/** A place in a plan (the keys down to it) holding one of the kept values. */
type Slot = { path: (string | number)[]; value: string };

const counts = { compiled: 0, reused: 0 };
const plansByCompiler = new WeakMap<object, Map<string, KeptPlan>>();
const WRAPPED = Symbol.for("seoul-portal.queryPlans");

// The values a plan can be reused for with others in their place, as the client writes them into
// a query (JSON protocol): an instant, {"$type":"DateTime","value":"…"}; a record id, "c…" (a
// cuid: "c" and 24 lower-case letters or digits, what @default(cuid()) makes), or ids joined by
// ":" (a live key, "<slot>:<resident>"); a UUID (a form's idempotency key). A raw query's
// parameters come as one JSON text inside the query, where an id is written \"c…\": the same
// ids there (the session look-up every logged-in request makes would otherwise be planned anew
// for every session, and push the pages' plans out). Other strings stay part of this basic shape;
// free text (below) may also be left out of a second one.
const ID =
  "c[a-z0-9]{24}(?::c[a-z0-9]{24})*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const REPLACEABLE = new RegExp(
  `\\{"\\$type":"DateTime","value":"([^"\\\\]+)"\\}|"(${ID})"|\\\\"(${ID})\\\\"`,
  "g",
);
const ANY_INSTANT = '{"$type":"DateTime","value":"…"}';
const ANY_ID = '"…"';
const ANY_RAW_PARAMETER_ID = '\\"…\\"';
// a control character, which JSON never leaves unescaped: no query's own text can be mistaken for it
const ANY_TEXT = '"\u0001"';

// A field's value given as text: "key":"value", the value as JSON writes it.
const KEYED_TEXT = /"([A-Za-z0-9_$]+)":"((?:[^"\\]|\\.)*)"/g;
const ID_ALONE = new RegExp(`^(?:${ID})$`);
/**
 * Free text: anything but a word of letters, digits, "_", "." and "-". Such words (an enum value,
 * a slug, a sort order, a type name) may decide a plan's form; they stay part of the query's text.
 */
const FREE_TEXT = /[^A-Za-z0-9_.-]/;
/** A raw query's statement and its parameters (one JSON text): never replaced as a whole. */
const RAW_QUERY_KEYS = new Set(["query", "parameters"]);
const REPLACEABLE_OR_TEXT = new RegExp(`${REPLACEABLE.source}|${KEYED_TEXT.source}`, "g");

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
    const written =
      query.split(JSON.stringify(value)).length + query.split(`\\"${value}\\"`).length - 2;
    if (written !== asValue) return "plan every time";
    if (!containsText(plan, value) || containsWithin(plan, value, replaced))
      return "plan every time";
  }
  return { plan, values, slots: slotsOf(plan, replaced) };
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

/** Every place in the plan that holds one of the values. */
function slotsOf(value: unknown, values: Set<string>, path: (string | number)[] = []): Slot[] {
  if (typeof value === "string") return values.has(value) ? [{ path, value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => slotsOf(item, values, [...path, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => slotsOf(item, values, [...path, key]));
  return [];
}

/**
 * The plan with every kept value replaced by the one asked now, as `withValues` makes it, but
 * copying only the objects on the way to a replaced value and sharing the rest (a plan is never
 * changed once made: the same one is handed out for the same query).
 */
function withSlots(plan: unknown, slots: Slot[], replacements: Map<string, string>): unknown {
  type Node = Record<string | number, unknown>;
  const copies = new Set<unknown>();
  const copyOf = (node: Node): Node => {
    const copy = (Array.isArray(node) ? [...node] : { ...node }) as Node;
    copies.add(copy);
    return copy;
  };
  let root = plan as Node;
  for (const { path, value } of slots) {
    const replacement = replacements.get(value);
    if (replacement === undefined || replacement === value) continue;
    if (path.length === 0) return replacement;
    if (!copies.has(root)) root = copyOf(root);
    let node = root;
    for (const key of path.slice(0, -1)) {
      let child = node[key] as Node;
      if (!copies.has(child)) node[key] = child = copyOf(child);
      node = child;
    }
    node[path[path.length - 1]!] = replacement;
  }
  return root;
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

/** A query with its replaceable values taken out: the text its plan is kept under. */
type Shape = { text: string; values: string[] };
/** The query in pieces, its free-text values apart, to be written again with other text. */
type Piece = string | { key: string; text: string };
type TextShape = Shape & { pieces: Piece[]; texts: Set<string>; others: Set<string> };

/**
 * The query's two shapes: `basic` without its instants, record ids and UUIDs; `withText` without
 * its free text too (undefined when it has none).
 */
function shapesOf(query: string): { basic: Shape; withText: TextShape | undefined } {
  const basicValues: string[] = [];
  const textValues: string[] = [];
  const texts = new Set<string>();
  // the query in pieces (for the probe), and the text shape, built in the same pass
  const pieces: Piece[] = [];
  let pieceStart = 0;
  let textShape = "";
  let textShapeStart = 0;
  const basic = query.replace(
    REPLACEABLE_OR_TEXT,
    (
      match: string,
      instant: string | undefined,
      id: string | undefined,
      rawParameterId: string | undefined,
      key: string | undefined,
      written: string | undefined,
      offset: number,
    ) => {
      let inTextShape: string;
      let inBasic: string;
      const replaced = (value: string, by: string) => {
        basicValues.push(value);
        textValues.push(value);
        return by;
      };
      if (key === undefined) {
        if (instant !== undefined) inBasic = replaced(instant, ANY_INSTANT);
        else if (id !== undefined) inBasic = replaced(id, ANY_ID);
        else inBasic = replaced(rawParameterId!, ANY_RAW_PARAMETER_ID);
        inTextShape = inBasic;
      } else if (RAW_QUERY_KEYS.has(key)) {
        // a raw statement and its parameters: only the ids written \"c…\" inside them
        const inside = written!.replace(REPLACEABLE, (whole, _instant, _id, rawId?: string) =>
          rawId === undefined ? whole : replaced(rawId, ANY_RAW_PARAMETER_ID),
        );
        inBasic = inTextShape = `"${key}":"${inside}"`;
      } else if (ID_ALONE.test(written!)) {
        inBasic = inTextShape = `"${key}":${replaced(written!, ANY_ID)}`;
      } else if (FREE_TEXT.test(written!)) {
        const text = JSON.parse(`"${written!}"`) as string;
        textValues.push(text);
        texts.add(text);
        pieces.push(query.slice(pieceStart, offset), { key, text });
        pieceStart = offset + match.length;
        inBasic = match;
        inTextShape = `"${key}":${ANY_TEXT}`;
      } else {
        inBasic = inTextShape = match;
      }
      textShape += query.slice(textShapeStart, offset) + inTextShape;
      textShapeStart = offset + match.length;
      return inBasic;
    },
  );
  const basicShape = { text: basic, values: basicValues };
  if (texts.size === 0) return { basic: basicShape, withText: undefined };
  pieces.push(query.slice(pieceStart));
  textShape += query.slice(textShapeStart);
  return {
    basic: basicShape,
    withText: {
      text: textShape,
      values: textValues,
      pieces,
      texts,
      others: new Set(basicValues),
    },
  };
}

/** The query written again from its pieces, each free text as `textFor` gives it. */
function shapesOfPieces(pieces: Piece[], textFor: (text: string) => string): string {
  return pieces
    .map((piece) => (typeof piece === "string" ? piece : `"${piece.key}":${textFor(piece.text)}`))
    .join("");
}

/**
 * Whether the plan passes the query's free text on as it is, so that it can serve other text:
 * the query is planned once more with other text in its place (with the characters a plan might
 * escape or quote), and that plan must be this one with the text replaced. A value that is also
 * a piece of the statement (" OFFSET "), wrapped ("%…%" for contains) or checked against a list
 * fails it, as does a text also asked as an id or an instant.
 */
function passesTextOn(
  compile: (query: string) => unknown,
  shape: TextShape,
  plan: unknown,
): boolean {
  if ([...shape.texts].some((text) => shape.others.has(text))) return false;
  const probes = new Map<string, string>();
  for (const text of shape.texts) probes.set(text, `\u0001probe ${probes.size}: %_'"\\\n한\u0001`);
  try {
    const probed = compile(
      shapesOfPieces(shape.pieces, (text) => JSON.stringify(probes.get(text))),
    );
    return JSON.stringify(probed) === JSON.stringify(withValues(plan, probes));
  } catch {
    return false;
  }
}

function reusing(compile: Compile): Compile {
  const planAfresh = (compiler: object, query: string) => {
    counts.compiled += 1;
    return compile.call(compiler, query);
  };
  /** The kept plan for the values asked now; undefined when it cannot serve them. */
  const reuse = (kept: KeptPlan, values: string[]) => {
    if (kept === "plan every time" || kept.values.length !== values.length) return undefined;
    if (kept.values.every((value, i) => value === values[i])) return kept.plan;
    const replacements = replacementsFor(kept.values, values);
    return replacements ? withSlots(kept.plan, kept.slots, replacements) : undefined;
  };
  const keep = (plans: Map<string, KeptPlan>, shape: string, kept: KeptPlan) => {
    if (plans.size >= KEPT_PLANS) plans.delete(plans.keys().next().value!);
    plans.set(shape, kept);
  };
  const lookUp = (plans: Map<string, KeptPlan>, shape: string) => {
    const kept = plans.get(shape);
    if (kept !== undefined) {
      // the most recently used goes last, the least recently used first out
      plans.delete(shape);
      plans.set(shape, kept);
    }
    return kept;
  };
  return function compileOrReuse(this: object, query: string) {
    if (query.length > KEPT_QUERY_MAX_CHARS) return planAfresh(this, query);
    let plans = plansByCompiler.get(this);
    if (!plans) plansByCompiler.set(this, (plans = new Map()));
    const { basic, withText } = shapesOf(query);

    if (withText) {
      const kept = lookUp(plans, withText.text);
      if (kept === undefined) {
        // first seen: kept for the same query; for other text once a probe has proved it
        const plan = planAfresh(this, query);
        const verdict = keepable(query, withText.values, plan);
        if (verdict === "plan every time") {
          keep(plans, withText.text, verdict);
          keep(plans, basic.text, keepable(query, basic.values, plan));
        } else
          keep(plans, withText.text, { ...verdict, unproven: { shape: withText, query, basic } });
        return plan;
      }
      if (kept !== "plan every time" && kept.unproven) {
        const sameQuery = kept.values.every((value, i) => value === withText.values[i]);
        if (!sameQuery) {
          const { shape, query: first, basic: firstBasic } = kept.unproven;
          if (passesTextOn((probe) => planAfresh(this, probe), shape, kept.plan)) {
            delete kept.unproven;
          } else {
            // the text is part of the plan's form: kept by the query's text, as before
            keep(plans, withText.text, "plan every time");
            keep(plans, firstBasic.text, keepable(first, firstBasic.values, kept.plan));
          }
        }
      }
      const plan = reuse(plans.get(withText.text)!, withText.values);
      if (plan !== undefined) {
        counts.reused += 1;
        return plan;
      }
    }

    const kept = lookUp(plans, basic.text);
    if (kept !== undefined) {
      const plan = reuse(kept, basic.values);
      if (plan !== undefined) {
        counts.reused += 1;
        return plan;
      }
      return planAfresh(this, query);
    }
    const plan = planAfresh(this, query);
    keep(plans, basic.text, keepable(query, basic.values, plan));
    return plan;
  };
}

/** Called before the first client is made (db.server.ts); calling it again changes nothing. */
export function keepQueryPlans() {
  keepPlans(SqliteQueryCompiler);
  keepPlans(PostgresqlQueryCompiler);
}
