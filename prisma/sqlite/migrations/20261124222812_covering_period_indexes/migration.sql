-- DropIndex
DROP INDEX "Observation_timeline";

-- DropIndex
DROP INDEX "Observation_latest_by_target";

-- DropIndex
DROP INDEX "Observation_latest_by_source";

-- CreateIndex
CREATE INDEX "Observation_latest_by_source" ON "Observation"("scopeType", "scopeCode", "reportStatus", "reportDeleted", "hasCount" DESC, "reportStatedKey" DESC, "reportId" DESC, "reportPeriodStart", "reportPeriodEnd", "reportMetric", "reportTarget");

-- CreateIndex
CREATE INDEX "Observation_latest_by_target" ON "Observation"("isHeadline", "hasCount", "reportTarget", "reportStatus", "reportDeleted", "reportStatedKey" DESC, "reportId" DESC, "reportPeriodStart", "reportPeriodEnd", "reportMetric");

-- CreateIndex
CREATE INDEX "Observation_timeline" ON "Observation"("scopeType", "hasCount", "reportStatus", "reportDeleted", "reportTarget", "periodStart", "reportId", "reportPeriodStart", "reportPeriodEnd", "reportStatedKey", "reportMetric");
