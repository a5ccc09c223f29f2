// Prisma 6.19 ships its WebAssembly query compilers without types; app/utils/query-plans.server.ts
// reaches the two methods it wraps.
declare module "@prisma/client/runtime/query_compiler_bg.sqlite.mjs" {
  export const QueryCompiler: {
    prototype: { compile(query: string): unknown; compileBatch(batch: string): unknown };
  };
}
declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  export const QueryCompiler: {
    prototype: { compile(query: string): unknown; compileBatch(batch: string): unknown };
  };
}
