SELECT
  account_id,
  ts,
  CAST(ts AS DATE) AS day,
  HOUR(ts) AS h,
  (
    UNIX_MICROS(ts) / CAST(1000000 AS DOUBLE)
  ) - LAG((
    UNIX_MICROS(ts) / CAST(1000000 AS DOUBLE)
  )) OVER (PARTITION BY account_id ORDER BY ts NULLS LAST) AS gap,
  CASE WHEN cot_score >= CAST(0.5 AS DOUBLE) THEN 1 ELSE 0 END AS is_cot,
  cot_score,
  capability,
  template_id,
  CASE WHEN COALESCE(turns, 1) <= 1 THEN 1 ELSE 0 END AS single_turn,
  CASE WHEN COALESCE(tools, 0) > 0 THEN 1 ELSE 0 END AS has_tools,
  CASE WHEN COALESCE(tools, 0) > 0 AND COALESCE(turns, 1) > 1 THEN 1 ELSE 0 END AS tools_multi,
  COALESCE(turns, 1) AS turns,
  CASE WHEN COALESCE(output_tokens, max_tokens, 0) >= 2000 THEN 1 ELSE 0 END AS long_output,
  CASE WHEN thinking THEN 1 ELSE 0 END AS thinking,
  CASE WHEN new_release THEN 1 ELSE 0 END AS new_release,
  CASE WHEN release_window THEN 1 ELSE 0 END AS release_window,
  ip,
  ip24,
  CASE WHEN asn_type = 'hosting' THEN 1 ELSE 0 END AS hosting,
  CASE WHEN asn_type = 'residential' THEN 1 ELSE 0 END AS residential,
  account_created,
  signup_channel
FROM req_signals
