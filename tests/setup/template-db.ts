// Global setup of the integration tests: one database migrated with the real migrations, which
// every test file then copies (a copy takes milliseconds, a migration seconds).
import { migrateDatabase } from "./migrate";
import { TEMPLATE_DB } from "./paths";

export default function setup() {
  migrateDatabase(TEMPLATE_DB);
}
