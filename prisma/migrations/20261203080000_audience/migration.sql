-- Audience without cookies (issue 28). A view is counted as Plausible counts it: a visitor of the
-- day is HMAC(salt of the day, address, User-Agent), the salt drawn at random for each day (Paris
-- time) and deleted once that day is counted; neither the address nor the User-Agent is stored.
--
-- Each instance batches its beacons in memory and writes them every few seconds in one statement
-- (audience_record): one row per day × page × source × campaign × visitor, with its views and its
-- reads to the end. Once a day is over, audience_close counts it into audience_days — views,
-- distinct visitors and reads, by page × source × campaign and by every coarser grouping the desk
-- shows (GROUPING SETS; `grain` is the GROUPING() bitmask, the columns grouped away are '') —
-- and deletes the day's rows, the hashes with them, and the day's salt. It also deletes the totals
-- older than the retention (AUDIENCE_KEEP_MONTHS). Every instance may run it: the DELETE …
-- RETURNING hands each row to one of them only.

CREATE TABLE "audience_salts" (
  "day" DATE NOT NULL,
  "salt" BYTEA NOT NULL,
  CONSTRAINT "audience_salts_pkey" PRIMARY KEY ("day")
);

CREATE TABLE "audience_visits" (
  "day" DATE NOT NULL,
  "path" VARCHAR(300) NOT NULL,
  "source" VARCHAR(100) NOT NULL,
  "campaign" VARCHAR(64) NOT NULL DEFAULT '',
  "visitor" BYTEA NOT NULL,
  "views" INTEGER NOT NULL DEFAULT 0,
  "reads" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "audience_visits_pkey" PRIMARY KEY ("day", "path", "source", "campaign", "visitor")
);

CREATE TABLE "audience_days" (
  "day" DATE NOT NULL,
  "grain" SMALLINT NOT NULL,
  "path" VARCHAR(300) NOT NULL,
  "source" VARCHAR(100) NOT NULL,
  "campaign" VARCHAR(64) NOT NULL,
  "views" INTEGER NOT NULL,
  "visitors" INTEGER NOT NULL,
  "reads" INTEGER NOT NULL,
  CONSTRAINT "audience_days_pkey" PRIMARY KEY ("day", "grain", "path", "source", "campaign")
);
-- A piece's own page reads its rows over a period.
CREATE INDEX "audience_days_path_idx" ON "audience_days"("path", "day");

-- The salt of a day: made by the first instance that needs it, then the same for all.
CREATE FUNCTION audience_salt(p_day date, p_candidate bytea) RETURNS bytea
LANGUAGE sql AS $$
  WITH made AS (
    INSERT INTO audience_salts (day, salt) VALUES (p_day, p_candidate) ON CONFLICT (day) DO NOTHING RETURNING salt
  )
  SELECT salt FROM made UNION ALL SELECT salt FROM audience_salts WHERE day = p_day LIMIT 1
$$;

-- One instance's batch, already summed by key in memory (ON CONFLICT may touch a row once). It
-- takes the closing's lock shared: batches never wait for one another, only for a closing.
CREATE FUNCTION audience_record(p_days date[], p_paths text[], p_sources text[], p_campaigns text[], p_visitors bytea[], p_views integer[], p_reads integer[])
RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock_shared(7318530028);
  INSERT INTO audience_visits AS v (day, path, source, campaign, visitor, views, reads)
  SELECT * FROM unnest(p_days, p_paths, p_sources, p_campaigns, p_visitors, p_views, p_reads)
  ON CONFLICT (day, path, source, campaign, visitor)
  DO UPDATE SET views = v.views + EXCLUDED.views, reads = v.reads + EXCLUDED.reads;
$$;

-- Every grouping the desk reads, from the rows of audience_visits: on closing, and for the days
-- not closed yet (today's figures).
CREATE FUNCTION audience_groupings(p_from date, p_to date)
RETURNS TABLE (day date, grain smallint, path varchar, source varchar, campaign varchar, views integer, visitors integer, reads integer)
LANGUAGE sql STABLE AS $$
  SELECT v.day, GROUPING(v.path, v.source, v.campaign)::smallint,
    COALESCE(v.path, ''), COALESCE(v.source, ''), COALESCE(v.campaign, ''),
    sum(v.views)::integer, (count(DISTINCT v.visitor) FILTER (WHERE v.views > 0))::integer, sum(v.reads)::integer
  FROM audience_visits v
  WHERE v.day BETWEEN p_from AND p_to
  GROUP BY v.day, GROUPING SETS ((v.path, v.source, v.campaign), (v.path, v.source), (v.path), (v.source, v.campaign), (v.source), ())
$$;

-- Counts the days before p_today into audience_days, forgets their visitors and their salts, and
-- purges the totals before p_keep_from; returns the visitor rows counted and the totals purged.
-- The lock taken whole: no batch lands between the counting and the deleting, and two instances
-- closing at once count each row once (the second finds nothing left).
CREATE FUNCTION audience_close(p_today date, p_keep_from date, OUT closed bigint, OUT purged bigint)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7318530028);
  INSERT INTO audience_days AS d (day, grain, path, source, campaign, views, visitors, reads)
  SELECT * FROM audience_groupings('-infinity', p_today - 1)
  ON CONFLICT (day, grain, path, source, campaign)
  DO UPDATE SET views = d.views + EXCLUDED.views, visitors = d.visitors + EXCLUDED.visitors, reads = d.reads + EXCLUDED.reads;
  DELETE FROM audience_visits WHERE day < p_today;
  GET DIAGNOSTICS closed = ROW_COUNT;
  DELETE FROM audience_salts WHERE day < p_today;
  DELETE FROM audience_days WHERE day < p_keep_from;
  GET DIAGNOSTICS purged = ROW_COUNT;
END
$$;
