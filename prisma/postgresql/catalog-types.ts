// For the Prisma CLI only (migrate deploy/status/resolve, db push, migrate diff) on PostgreSQL.
// The wasm schema engine reads PostgreSQL's catalogs through @prisma/adapter-pg 6.19, whose
// column-type mapping throws on built-in types it does not list ("Column type 'name' could not be
// deserialized", prisma/orm#27403). The driver hands those values over as plain strings anyway, so
// this client reports them as text (or text[]) before the adapter looks. The running portal never
// needs it: it reads only its own tables. See ../../../shared/notes/postgresql.md.
import pg from "pg";

const TEXT = 25;
const TEXT_ARRAY = 1009;
/** Built-in types (below the first user OID) that the adapter maps itself. */
const KNOWN = new Set([
  16, 17, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184,
  1266, 1560, 1562, 1700, 2950, 3802,
  // arrays
  143, 199, 651, 791, 1000, 1001, 1002, 1005, 1007, 1009, 1014, 1015, 1016, 1021, 1022, 1028, 1041,
  1115, 1182, 1183, 1185, 1231, 1561, 1563, 2951, 3807,
]);
/** Arrays among the built-in types the adapter does not list (name[], oid[]-likes, regtype[]…). */
const ARRAYS = new Set([1003, 1002, 1008, 1013, 1010, 1011, 1012, 1017, 1018, 1019, 1020, 2211]);
const FIRST_USER_OID = 16384;

type Result = { fields?: { dataTypeID: number }[] } | undefined;

function asText(result: Result) {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID < FIRST_USER_OID && !KNOWN.has(field.dataTypeID))
      field.dataTypeID = ARRAYS.has(field.dataTypeID) ? TEXT_ARRAY : TEXT;
  }
  return result;
}

export class CatalogTextClient extends pg.Client {
  // pg-pool calls query(config, values, callback); the adapter awaits query(config, values).
  // Both forms are rewritten.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const callback = typeof args[args.length - 1] === "function" ? args.pop() : undefined;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const pending = (super.query as any)(...args);
    if (!callback) return pending?.then ? pending.then(asText) : pending;
    pending.then(
      (result: Result) => callback(null, asText(result)),
      (error: unknown) => callback(error),
    );
    return undefined;
  }
}
