-- account_day_features: one row per account_id and UTC day (columns in docs/traffic-features.md).
WITH b AS (
  {{behaviour}}
)
SELECT
  b.account_id, b.day, b.requests, b.active_hours, b.hour_entropy, b.interarrival_cv,
  b.burstiness, b.cot_share, b.cot_mean_score, b.capability_entropy, b.capability_top,
  b.capability_top_share, b.template_top_share, b.template_diversity, b.single_turn_share,
  b.tool_share, b.mean_turns, b.tools_turns_coherence, b.long_output_share, b.thinking_share,
  b.new_release_share, b.distinct_ips, b.distinct_ip24, b.hosting_share, b.residential_share,
  b.first_seen, b.last_seen
FROM b
