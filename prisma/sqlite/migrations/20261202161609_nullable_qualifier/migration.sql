-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Observation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "count" BIGINT,
    "qualifier" TEXT,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT,
    "scopeType" TEXT NOT NULL DEFAULT 'all',
    "scopeCountryCode" TEXT,
    "scopeRegionCode" TEXT,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "scopeCode" TEXT NOT NULL DEFAULT '',
    "hasCount" BOOLEAN NOT NULL DEFAULT false,
    "isHeadline" BOOLEAN NOT NULL DEFAULT false,
    "reportTarget" TEXT NOT NULL DEFAULT '',
    "reportMetric" TEXT NOT NULL DEFAULT '',
    "reportStatus" TEXT NOT NULL DEFAULT 'draft',
    "reportDeleted" BOOLEAN NOT NULL DEFAULT false,
    "reportStatedKey" TEXT NOT NULL DEFAULT '',
    "reportPeriodStart" TEXT NOT NULL DEFAULT '',
    "reportPeriodEnd" TEXT,
    CONSTRAINT "Observation_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Observation_scopeCountryCode_fkey" FOREIGN KEY ("scopeCountryCode") REFERENCES "Country" ("code") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Observation_scopeRegionCode_fkey" FOREIGN KEY ("scopeRegionCode") REFERENCES "Region" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Observation" ("count", "hasCount", "id", "isHeadline", "note", "periodEnd", "periodStart", "position", "qualifier", "reportDeleted", "reportId", "reportMetric", "reportPeriodEnd", "reportPeriodStart", "reportStatedKey", "reportStatus", "reportTarget", "scopeCode", "scopeCountryCode", "scopeRegionCode", "scopeType") SELECT "count", "hasCount", "id", "isHeadline", "note", "periodEnd", "periodStart", "position", "qualifier", "reportDeleted", "reportId", "reportMetric", "reportPeriodEnd", "reportPeriodStart", "reportStatedKey", "reportStatus", "reportTarget", "scopeCode", "scopeCountryCode", "scopeRegionCode", "scopeType" FROM "Observation";
DROP TABLE "Observation";
ALTER TABLE "new_Observation" RENAME TO "Observation";
CREATE INDEX "Observation_reportId_scopeType_scopeCode_idx" ON "Observation"("reportId", "scopeType", "scopeCode");
CREATE INDEX "Observation_latest_by_source" ON "Observation"("scopeType", "scopeCode", "reportStatus", "reportDeleted", "hasCount" DESC, "reportStatedKey" DESC, "reportId" DESC, "reportPeriodStart", "reportPeriodEnd", "reportMetric", "reportTarget");
CREATE INDEX "Observation_latest_by_target" ON "Observation"("isHeadline", "hasCount", "reportTarget", "reportStatus", "reportDeleted", "reportStatedKey" DESC, "reportId" DESC, "reportPeriodStart", "reportPeriodEnd", "reportMetric");
CREATE INDEX "Observation_latest_by_target_and_source" ON "Observation"("reportTarget", "scopeType", "scopeCode", "reportStatus", "reportDeleted", "hasCount" DESC, "reportStatedKey" DESC, "reportId" DESC);
CREATE INDEX "Observation_timeline" ON "Observation"("scopeType", "hasCount", "reportStatus", "reportDeleted", "reportTarget", "periodStart", "reportId", "reportPeriodStart", "reportPeriodEnd", "reportStatedKey", "reportMetric");
-- A figure without a count has no qualifier.
UPDATE "Observation" SET "qualifier" = NULL WHERE "count" IS NULL;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
