-- account_features: one row per account_id (columns documented in docs/traffic-features.md).
WITH b AS (
  {{behaviour}}
), hours AS (
  SELECT account_id, h, count(*) AS n FROM _req_time GROUP BY account_id, h
), grid AS (
  SELECT a.account_id, w.start_h
  FROM (SELECT DISTINCT account_id FROM hours) a
  CROSS JOIN (VALUES {{hours_24}}) AS w(start_h)
), windows AS (
  SELECT g.account_id, g.start_h, coalesce(sum(x.n), 0) AS n
  FROM grid g
  LEFT JOIN hours x
    ON x.account_id = g.account_id AND ((x.h - g.start_h + 24) % 24) < 8
  GROUP BY g.account_id, g.start_h
), night AS (
  -- every request lies in 8 of the 24 windows, so sum(n) = 8 * requests; the quietest
  -- window's share of requests relative to a flat day's 8/24 is 24 * min(n) / sum(n)
  SELECT account_id, 24.0 * min(n) / sum(n) AS night_share
  FROM windows GROUP BY account_id
), acct AS (
  SELECT account_id, count(DISTINCT day) AS active_days, min(account_created) AS created,
    min(signup_channel) AS signup_channel
  FROM _req_time GROUP BY account_id
)
SELECT
  b.account_id, b.requests, a.active_days, b.requests / a.active_days AS requests_per_day,
  b.active_hours, b.hour_entropy, n.night_share, b.interarrival_cv, b.burstiness,
  b.cot_share, b.cot_mean_score, b.capability_entropy, b.capability_top,
  b.capability_top_share, b.template_top_share, b.template_diversity, b.single_turn_share,
  b.tool_share, b.mean_turns, b.tools_turns_coherence, b.long_output_share, b.thinking_share,
  b.new_release_share,
  (epoch(b.first_seen) - epoch(a.created)) / 86400.0 AS account_age_days,
  a.signup_channel, b.distinct_ips, b.distinct_ip24, b.hosting_share, b.residential_share,
  b.first_seen, b.last_seen
FROM b
JOIN acct a ON a.account_id = b.account_id
JOIN night n ON n.account_id = b.account_id
