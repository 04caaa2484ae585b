-- Behaviour aggregates over _req_time grouped by {{key}} (account_id, or account_id and day).
-- {{n_capabilities}}: number of capability categories (normalises capability_entropy).
WITH hours AS (
  SELECT {{key}}, h, count(*) AS n FROM _req_time GROUP BY {{key}}, h
), hour_stats AS (
  SELECT {{key}}, count(*) AS active_hours,
    greatest(0.0, -sum((n / tot) * ln(n / tot)) / ln(24.0)) AS hour_entropy
  FROM (SELECT {{key}}, h, n, sum(n) OVER (PARTITION BY {{key}}) AS tot FROM hours) x
  GROUP BY {{key}}
), caps AS (
  SELECT {{key}}, capability, count(*) AS n FROM _req_time GROUP BY {{key}}, capability
), cap_stats AS (
  SELECT {{key}},
    greatest(0.0, -sum((n / tot) * ln(n / tot)) / ln({{n_capabilities}})) AS capability_entropy,
    max(CASE WHEN rk = 1 THEN capability END) AS capability_top,
    max(n) / max(tot) AS capability_top_share
  FROM (
    SELECT {{key}}, capability, n, sum(n) OVER (PARTITION BY {{key}}) AS tot,
      row_number() OVER (PARTITION BY {{key}} ORDER BY n DESC, capability) AS rk
    FROM caps
  ) x
  GROUP BY {{key}}
), tpl_stats AS (
  SELECT {{key}}, max(n) AS template_top_n, count(*) AS templates, sum(n) AS prompted
  FROM (
    SELECT {{key}}, template_id, count(*) AS n FROM _req_time
    WHERE template_id IS NOT NULL GROUP BY {{key}}, template_id
  ) x
  GROUP BY {{key}}
), base AS (
  SELECT {{key}}, count(*) AS requests, min(ts) AS first_seen, max(ts) AS last_seen,
    avg(gap) AS gap_mean, stddev_samp(gap) AS gap_sd,
    avg(is_cot) AS cot_share, avg(cot_score) AS cot_mean_score,
    avg(single_turn) AS single_turn_share, avg(has_tools) AS tool_share,
    avg(turns) AS mean_turns, sum(tools_multi) AS tools_multi, sum(has_tools) AS tools_n,
    avg(long_output) AS long_output_share, avg(thinking) AS thinking_share,
    sum(new_release) AS new_release_n, sum(release_window) AS release_window_n,
    count(DISTINCT ip) AS distinct_ips, count(DISTINCT ip24) AS distinct_ip24,
    avg(hosting) AS hosting_share, avg(residential) AS residential_share
  FROM _req_time
  GROUP BY {{key}}
)
SELECT b.*, hs.active_hours, hs.hour_entropy,
  b.gap_sd / nullif(b.gap_mean, 0) AS interarrival_cv,
  (b.gap_sd - b.gap_mean) / nullif(b.gap_sd + b.gap_mean, 0) AS burstiness,
  cs.capability_entropy, cs.capability_top, cs.capability_top_share,
  ts.template_top_n / ts.prompted AS template_top_share,
  ts.templates / ts.prompted AS template_diversity,
  b.tools_multi / nullif(b.tools_n, 0) AS tools_turns_coherence,
  b.new_release_n / nullif(b.release_window_n, 0) AS new_release_share
FROM base b
JOIN hour_stats hs USING ({{key}})
JOIN cap_stats cs USING ({{key}})
LEFT JOIN tpl_stats ts USING ({{key}})
