-- AlterTable
ALTER TABLE "ProgramSession" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;
