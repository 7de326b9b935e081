-- AlterTable
ALTER TABLE "Shelf" ADD COLUMN "colour" TEXT;
