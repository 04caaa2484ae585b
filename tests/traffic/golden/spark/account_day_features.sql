WITH hours AS (
  SELECT
    account_id,
    day,
    h,
    COUNT(*) AS n
  FROM _req_time
  GROUP BY
    account_id,
    day,
    h
), hour_stats AS (
  SELECT
    account_id,
    day,
    COUNT(*) AS active_hours,
    GREATEST(CAST(0.0 AS DOUBLE), -SUM((
      n / tot
    ) * LN(n / tot)) / LN(CAST(24.0 AS DOUBLE))) AS hour_entropy
  FROM (
    SELECT
      account_id,
      day,
      h,
      n,
      SUM(n) OVER (PARTITION BY account_id, day) AS tot
    FROM hours
  ) AS x
  GROUP BY
    account_id,
    day
), caps AS (
  SELECT
    account_id,
    day,
    capability,
    COUNT(*) AS n
  FROM _req_time
  GROUP BY
    account_id,
    day,
    capability
), cap_stats AS (
  SELECT
    account_id,
    day,
    GREATEST(CAST(0.0 AS DOUBLE), -SUM((
      n / tot
    ) * LN(n / tot)) / LN(CAST(9.0 AS DOUBLE))) AS capability_entropy,
    MAX(CASE WHEN rk = 1 THEN capability END) AS capability_top,
    MAX(n) / MAX(tot) AS capability_top_share
  FROM (
    SELECT
      account_id,
      day,
      capability,
      n,
      SUM(n) OVER (PARTITION BY account_id, day) AS tot,
      ROW_NUMBER() OVER (PARTITION BY account_id, day ORDER BY n DESC, capability NULLS LAST) AS rk
    FROM caps
  ) AS x
  GROUP BY
    account_id,
    day
), tpl_stats AS (
  SELECT
    account_id,
    day,
    MAX(n) AS template_top_n,
    COUNT(*) AS templates,
    SUM(n) AS prompted
  FROM (
    SELECT
      account_id,
      day,
      template_id,
      COUNT(*) AS n
    FROM _req_time
    WHERE
      NOT template_id IS NULL
    GROUP BY
      account_id,
      day,
      template_id
  ) AS x
  GROUP BY
    account_id,
    day
), base AS (
  SELECT
    account_id,
    day,
    COUNT(*) AS requests,
    MIN(ts) AS first_seen,
    MAX(ts) AS last_seen,
    AVG(gap) AS gap_mean,
    STDDEV_SAMP(gap) AS gap_sd,
    AVG(is_cot) AS cot_share,
    AVG(cot_score) AS cot_mean_score,
    AVG(single_turn) AS single_turn_share,
    AVG(has_tools) AS tool_share,
    AVG(turns) AS mean_turns,
    SUM(tools_multi) AS tools_multi,
    SUM(has_tools) AS tools_n,
    AVG(long_output) AS long_output_share,
    AVG(thinking) AS thinking_share,
    SUM(new_release) AS new_release_n,
    SUM(release_window) AS release_window_n,
    COUNT(DISTINCT ip) AS distinct_ips,
    COUNT(DISTINCT ip24) AS distinct_ip24,
    AVG(hosting) AS hosting_share,
    AVG(residential) AS residential_share
  FROM _req_time
  GROUP BY
    account_id,
    day
), b AS (
  SELECT
    b.*,
    hs.active_hours,
    hs.hour_entropy,
    b.gap_sd / NULLIF(b.gap_mean, 0) AS interarrival_cv,
    (
      b.gap_sd - b.gap_mean
    ) / NULLIF(b.gap_sd + b.gap_mean, 0) AS burstiness,
    cs.capability_entropy,
    cs.capability_top,
    cs.capability_top_share,
    ts.template_top_n / ts.prompted AS template_top_share,
    ts.templates / ts.prompted AS template_diversity,
    b.tools_multi / NULLIF(b.tools_n, 0) AS tools_turns_coherence,
    b.new_release_n / NULLIF(b.release_window_n, 0) AS new_release_share
  FROM base AS b
  JOIN hour_stats AS hs
    USING (account_id, day)
  JOIN cap_stats AS cs
    USING (account_id, day)
  LEFT JOIN tpl_stats AS ts
    USING (account_id, day)
)
SELECT
  b.account_id,
  b.day,
  b.requests,
  b.active_hours,
  b.hour_entropy,
  b.interarrival_cv,
  b.burstiness,
  b.cot_share,
  b.cot_mean_score,
  b.capability_entropy,
  b.capability_top,
  b.capability_top_share,
  b.template_top_share,
  b.template_diversity,
  b.single_turn_share,
  b.tool_share,
  b.mean_turns,
  b.tools_turns_coherence,
  b.long_output_share,
  b.thinking_share,
  b.new_release_share,
  b.distinct_ips,
  b.distinct_ip24,
  b.hosting_share,
  b.residential_share,
  b.first_seen,
  b.last_seen
FROM b
