// Generates prisma/postgresql/schema.prisma from prisma/schema.prisma, the one source of truth.
// Only the datasource provider and the generated client's folder differ; everything else is copied
// as written, so a model changed in one place is changed for both engines.
//   node scripts/postgresql-schema.js          write the PostgreSQL copy
//   node scripts/postgresql-schema.js --check  fail (exit 1) when the copy is stale (CI, lint)
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "prisma/schema.prisma");
const target = path.join(root, "prisma/postgresql/schema.prisma");

export function postgresqlSchema(sqliteSchema) {
  const replacements = [
    [/provider\s*=\s*"sqlite"/, 'provider = "postgresql"'],
    [
      /output(\s*)=\s*"\.\.\/app\/generated\/prisma"/,
      'output$1= "../../app/generated/prisma-postgresql"',
    ],
  ];
  let schema = sqliteSchema;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(schema)) throw new Error(`prisma/schema.prisma no longer matches ${pattern}`);
    schema = schema.replace(pattern, replacement);
  }
  return (
    "// GENERATED from prisma/schema.prisma by scripts/postgresql-schema.js: do not edit.\n" +
    "// Change prisma/schema.prisma, then run `npm run db:schema:postgresql`.\n" +
    schema
  );
}

const expected = postgresqlSchema(fs.readFileSync(source, "utf8"));
if (process.argv.includes("--check")) {
  const actual = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (actual !== expected) {
    console.error(
      "prisma/postgresql/schema.prisma is stale: run `npm run db:schema:postgresql` and add a PostgreSQL migration.",
    );
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, expected);
}
