-- AlterTable
ALTER TABLE "Observation" ALTER COLUMN "qualifier" DROP NOT NULL,
ALTER COLUMN "qualifier" DROP DEFAULT;

-- A figure without a count has no qualifier.
UPDATE "Observation" SET "qualifier" = NULL WHERE "count" IS NULL;
