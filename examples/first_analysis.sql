-- A first analysis of govreport tables in DuckDB. Run from the repository root after
-- `make pipeline`:   duckdb < examples/first_analysis.sql
-- For a Hive-partitioned run (--partition-by-year) read e.g.
--   read_parquet('OUT/facts/*/*.parquet')   (every file has report_year, the folders add `year`)
-- The CSV files with their types: run OUT/schema.sql in OUT (duckdb tables.duckdb < schema.sql).

-- Documents: who reported, for which year, which mandated parts are missing.
SELECT org_short, admin_level, province, report_year, publish_date,
       n_facts, required_sections_missing
FROM 'data/out/documents.parquet'
ORDER BY report_year, org_short;

-- The most reported indicators, with their spread across documents.
SELECT indicator, unit, count(*) AS documents, sum(value) AS total,
       median(value) AS median, max(value) AS max
FROM 'data/out/indicators.parquet'
GROUP BY indicator, unit
ORDER BY documents DESC, indicator
LIMIT 15;

-- Cases filed and fines per report, from the wide panel.
SELECT org_short, report_year,
       enforcement_cases_filed AS cases_filed,
       enforcement_fines AS fines_yuan
FROM 'data/out/panel.parquet'
ORDER BY report_year;

-- Facts with their metric and as-of date, largest money amounts first.
SELECT d.org_short, f.metric, f.raw, f.value_normalized AS yuan, f.as_of_date
FROM 'data/out/facts.parquet' f JOIN 'data/out/documents.parquet' d USING (doc_id)
WHERE f.quantity_kind = 'money'
ORDER BY yuan DESC
LIMIT 10;
