-- The full export's rows, written by the sqlite3 shell alone: the same
-- observations in the same order with the same columns (names resolved, the
-- speakers' and citations' text and JSON built by SQLite's JSON functions).
-- The benchmark compares the app's streamed export with this.
WITH sp AS (
  SELECT rs.reportId AS rid,
         group_concat(COALESCE(s.name, '') || '; ' || COALESCE(s.role, '') || '; ' || COALESCE(s.organisation, ''), ' | ') AS t,
         json_group_array(json_object('id', s.id, 'name', s.name, 'role', s.role, 'organisation', s.organisation,
                                      'country', s.countryCode, 'subject', rs.subject, 'quote', rs.quote)) AS j
    FROM ReportSpeaker rs JOIN Speaker s ON s.id = rs.speakerId GROUP BY rs.reportId
), ci AS (
  SELECT c.reportId AS rid,
         group_concat(ou.name || '; ' || COALESCE(c.url, '') || '; ' || COALESCE(c.publishedOn, ''), ' | ') AS t,
         json_group_array(json_object('outlet', json_object('id', ou.id, 'name', ou.name, 'kind', ou.kind, 'homepage', ou.homepage, 'country', ou.countryCode),
                                      'kind', c.kind, 'url', c.url, 'title', c.title, 'publishedOn', c.publishedOn,
                                      'accessedOn', c.accessedOn, 'takenFrom', c.takenFromId)) AS j
    FROM Citation c JOIN Outlet ou ON ou.id = c.outletId GROUP BY c.reportId
)
SELECT r.id AS report_id, r.version AS report_version, r.targetCountryCode AS target_country, tc.name AS target_country_name,
       r.metric, o.count, o.qualifier,
       CASE WHEN o.count IS NULL THEN 'named, no figure' ELSE o.qualifier || ' ' || o.count END AS display_value,
       o.periodStart AS period_start, o.periodEnd AS period_end, r.periodLabel AS period_label, o.scopeType AS scope_type,
       o.scopeCode AS source_code, COALESCE(sc.name, sr.name, '') AS source_name, o.note AS observation_note,
       r.periodStart AS report_period_start, r.periodEnd AS report_period_end, r.periodEventId AS period_event_id, r.statedOn AS stated_on,
       sp.t AS speakers, ci.t AS citations, ci.t AS citation_chain, r.quote, r.notes, r.status, r.retractionReason AS retraction_reason,
       CASE r.synthetic WHEN 1 THEN 'true' ELSE 'false' END AS synthetic, sp.j AS speakers_json, ci.j AS citations_json
  FROM Report r
  JOIN Observation o ON o.reportId = r.id
  JOIN Country tc ON tc.code = r.targetCountryCode
  LEFT JOIN Country sc ON o.scopeType = 'country' AND sc.code = o.scopeCode
  LEFT JOIN Region sr ON o.scopeType = 'region' AND sr.code = o.scopeCode
  LEFT JOIN sp ON sp.rid = r.id
  LEFT JOIN ci ON ci.rid = r.id
 WHERE r.status = 'published' AND r.deletedAt IS NULL
 ORDER BY r.id DESC, o.position, o.id;
