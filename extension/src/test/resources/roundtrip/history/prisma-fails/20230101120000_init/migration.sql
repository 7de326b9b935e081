-- CreateTable
CREATE TABLE "Shelf" (
    "id" SERIAL NOT NULL,
    CONSTRAINT "Shelf_pkey" PRIMARY KEY ("id")
);
