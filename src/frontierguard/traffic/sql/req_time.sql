-- Narrow per-request table for the behaviour features: time parts and inter-arrival gaps.
-- Gaps are seconds since the account's previous request (NULL for its first request).
-- {{cot_threshold}}: cot_score at which a request counts as CoT elicitation;
-- {{long_output_tokens}}: output tokens (max_tokens when unknown) that count as a long output.
SELECT
  account_id, ts, CAST(ts AS DATE) AS day, hour(ts) AS h,
  epoch(ts) - lag(epoch(ts)) OVER (PARTITION BY account_id ORDER BY ts) AS gap,
  CASE WHEN cot_score >= {{cot_threshold}} THEN 1 ELSE 0 END AS is_cot,
  cot_score, capability, template_id,
  CASE WHEN coalesce(turns, 1) <= 1 THEN 1 ELSE 0 END AS single_turn,
  CASE WHEN coalesce(tools, 0) > 0 THEN 1 ELSE 0 END AS has_tools,
  CASE WHEN coalesce(tools, 0) > 0 AND coalesce(turns, 1) > 1 THEN 1 ELSE 0 END AS tools_multi,
  coalesce(turns, 1) AS turns,
  CASE WHEN coalesce(output_tokens, max_tokens, 0) >= {{long_output_tokens}} THEN 1 ELSE 0 END
    AS long_output,
  CASE WHEN thinking THEN 1 ELSE 0 END AS thinking,
  CASE WHEN new_release THEN 1 ELSE 0 END AS new_release,
  CASE WHEN release_window THEN 1 ELSE 0 END AS release_window,
  ip, ip24,
  CASE WHEN asn_type = 'hosting' THEN 1 ELSE 0 END AS hosting,
  CASE WHEN asn_type = 'residential' THEN 1 ELSE 0 END AS residential,
  account_created, signup_channel
FROM req_signals
