-- DropIndex
DROP INDEX "Observation_periodStart_periodEnd_idx";

-- DropIndex
DROP INDEX "Observation_reportId_idx";

-- DropIndex
DROP INDEX "Observation_scopeRegionCode_idx";

-- DropIndex
DROP INDEX "Observation_scopeType_scopeCountryCode_idx";

-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "hasCount" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "isHeadline" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reportDeleted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reportMetric" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reportPeriodEnd" TEXT,
ADD COLUMN     "reportPeriodStart" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reportStatedKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reportStatus" TEXT NOT NULL DEFAULT 'draft',
ADD COLUMN     "reportTarget" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "scopeCode" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Observation_reportId_scopeType_scopeCode_idx" ON "Observation"("reportId", "scopeType", "scopeCode");

-- CreateIndex
CREATE INDEX "Observation_latest_by_source" ON "Observation"("scopeType", "scopeCode", "reportStatus", "reportDeleted", "hasCount" DESC, "reportStatedKey" DESC, "reportId" DESC);

-- CreateIndex
CREATE INDEX "Observation_latest_by_target" ON "Observation"("isHeadline", "hasCount", "reportTarget", "reportStatus", "reportDeleted", "reportStatedKey" DESC, "reportId" DESC);

-- CreateIndex
CREATE INDEX "Observation_latest_by_target_and_source" ON "Observation"("reportTarget", "scopeType", "scopeCode", "reportStatus", "reportDeleted", "hasCount" DESC, "reportStatedKey" DESC, "reportId" DESC);

-- CreateIndex
CREATE INDEX "Observation_timeline" ON "Observation"("scopeType", "hasCount", "reportStatus", "reportDeleted", "reportTarget", "periodStart", "reportId");

-- Backfill the report facts (lib/reports/facts.ts keeps them current from here on).
UPDATE "Observation" AS o SET
  "scopeCode" = COALESCE(o."scopeCountryCode", o."scopeRegionCode", ''),
  "hasCount" = (o."count" IS NOT NULL),
  "isHeadline" = (o."scopeType" = 'all' AND o."periodStart" = r."periodStart" AND (o."periodEnd" = r."periodEnd" OR (o."periodEnd" IS NULL AND r."periodEnd" IS NULL))),
  "reportTarget" = r."targetCountryCode",
  "reportMetric" = r."metric",
  "reportStatus" = r."status",
  "reportDeleted" = (r."deletedAt" IS NOT NULL),
  "reportStatedKey" = COALESCE(r."statedOn", ''),
  "reportPeriodStart" = r."periodStart",
  "reportPeriodEnd" = r."periodEnd"
  FROM "Report" AS r
  WHERE r."id" = o."reportId";
