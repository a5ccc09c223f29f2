-- AlterTable (a column added in place: no table redefinition, other migrations' columns stay)
ALTER TABLE "ProgramSession" ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0;
