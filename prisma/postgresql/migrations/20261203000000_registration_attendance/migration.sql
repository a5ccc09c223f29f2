-- AlterTable
ALTER TABLE "ProgramRegistration" ADD COLUMN     "attendance" TEXT;
