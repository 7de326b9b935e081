-- AlterTable
ALTER TABLE "Shelf" ADD COLUMN "tag" TEXT;

-- AddForeignKey
ALTER TABLE "Shelf" ADD CONSTRAINT "Shelf_tag_fkey" FOREIGN KEY ("tag") REFERENCES "Tag"("name");
