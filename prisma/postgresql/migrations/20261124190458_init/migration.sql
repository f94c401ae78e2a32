-- CreateTable
CREATE TABLE "Country" (
    "code" TEXT NOT NULL,
    "alpha3" TEXT NOT NULL,
    "numeric" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parentCode" TEXT,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" SERIAL NOT NULL,
    "targetCountryCode" TEXT NOT NULL,
    "metric" TEXT NOT NULL DEFAULT 'cyberattacks',
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT,
    "periodLabel" TEXT,
    "periodEventId" INTEGER,
    "statedOn" TEXT,
    "quote" TEXT,
    "notes" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "retractionReason" TEXT,
    "retractedAt" TIMESTAMP(3),
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "deletionReason" TEXT,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Speaker" (
    "id" SERIAL NOT NULL,
    "name" TEXT,
    "role" TEXT,
    "organisation" TEXT,
    "countryCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Speaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSpeaker" (
    "reportId" INTEGER NOT NULL,
    "speakerId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "subject" TEXT NOT NULL DEFAULT 'figure',
    "quote" TEXT,

    CONSTRAINT "ReportSpeaker_pkey" PRIMARY KEY ("reportId","speakerId")
);

-- CreateTable
CREATE TABLE "Outlet" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'news_outlet',
    "homepage" TEXT,
    "countryCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Outlet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "outletId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'article',
    "url" TEXT,
    "title" TEXT,
    "publishedOn" TEXT,
    "accessedOn" TEXT,
    "takenFromId" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Observation" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "count" BIGINT,
    "qualifier" TEXT NOT NULL DEFAULT 'exact',
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT,
    "scopeType" TEXT NOT NULL DEFAULT 'all',
    "scopeCountryCode" TEXT,
    "scopeRegionCode" TEXT,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Observation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "date" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "countryCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Country_alpha3_key" ON "Country"("alpha3");

-- CreateIndex
CREATE UNIQUE INDEX "Country_numeric_key" ON "Country"("numeric");

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Report_targetCountryCode_status_deletedAt_idx" ON "Report"("targetCountryCode", "status", "deletedAt");

-- CreateIndex
CREATE INDEX "Report_status_deletedAt_periodStart_idx" ON "Report"("status", "deletedAt", "periodStart");

-- CreateIndex
CREATE INDEX "Report_periodStart_periodEnd_idx" ON "Report"("periodStart", "periodEnd");

-- CreateIndex
CREATE INDEX "Report_statedOn_idx" ON "Report"("statedOn");

-- CreateIndex
CREATE INDEX "Speaker_organisation_idx" ON "Speaker"("organisation");

-- CreateIndex
CREATE INDEX "Speaker_name_idx" ON "Speaker"("name");

-- CreateIndex
CREATE INDEX "ReportSpeaker_speakerId_idx" ON "ReportSpeaker"("speakerId");

-- CreateIndex
CREATE UNIQUE INDEX "Outlet_name_key" ON "Outlet"("name");

-- CreateIndex
CREATE INDEX "Citation_reportId_idx" ON "Citation"("reportId");

-- CreateIndex
CREATE INDEX "Citation_outletId_idx" ON "Citation"("outletId");

-- CreateIndex
CREATE INDEX "Citation_takenFromId_idx" ON "Citation"("takenFromId");

-- CreateIndex
CREATE INDEX "Observation_reportId_idx" ON "Observation"("reportId");

-- CreateIndex
CREATE INDEX "Observation_scopeType_scopeCountryCode_idx" ON "Observation"("scopeType", "scopeCountryCode");

-- CreateIndex
CREATE INDEX "Observation_scopeRegionCode_idx" ON "Observation"("scopeRegionCode");

-- CreateIndex
CREATE INDEX "Observation_periodStart_periodEnd_idx" ON "Observation"("periodStart", "periodEnd");

-- CreateIndex
CREATE INDEX "Event_date_idx" ON "Event"("date");

-- AddForeignKey
ALTER TABLE "Country" ADD CONSTRAINT "Country_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_targetCountryCode_fkey" FOREIGN KEY ("targetCountryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_periodEventId_fkey" FOREIGN KEY ("periodEventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Speaker" ADD CONSTRAINT "Speaker_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSpeaker" ADD CONSTRAINT "ReportSpeaker_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSpeaker" ADD CONSTRAINT "ReportSpeaker_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outlet" ADD CONSTRAINT "Outlet_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_takenFromId_fkey" FOREIGN KEY ("takenFromId") REFERENCES "Citation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_scopeCountryCode_fkey" FOREIGN KEY ("scopeCountryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_scopeRegionCode_fkey" FOREIGN KEY ("scopeRegionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;
