-- req_signals, stage 1: one row per request with every signal except the SimHash.
-- Placeholders: {{events}} source table; {{cot_any}} (any CoT rule can fire: a pre-filter of a
-- few bounded-size alternations, see sqltext.any_match_sql), {{cot_matches}}, {{cot_score}},
-- {{cot_rules}} from the CoT rule set;
-- {{capability}} from the capability rule set; {{template_norm}} the normaliser;
-- {{new_release}} / {{release_window}} from the releases table; {{clip_*}}: the text the
-- regexes read, long texts cut to their head and tail so cost stays linear in requests.
SELECT
  account_id, ts, model, ip, asn, asn_type, country, user_agent, tls_fingerprint,
  payment_fingerprint, org_id, account_created, signup_channel, prompt, turns, tools, thinking,
  output_tokens, max_tokens,
  CASE
    WHEN ip IS NULL OR ip = '' THEN NULL
    WHEN contains(ip, ':') AND regexp_matches(ip, '^[0-9a-fA-F:.]+$') THEN
      coalesce(nullif(ltrim(split_part(_ip6, ':', 1), '0'), ''), '0') || ':' ||
      coalesce(nullif(ltrim(split_part(_ip6, ':', 2), '0'), ''), '0') || ':' ||
      coalesce(nullif(ltrim(split_part(_ip6, ':', 3), '0'), ''), '0') || '::/48'
    WHEN regexp_matches(ip, '^[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}$')
      THEN regexp_replace(ip, '[.][0-9]+$', '') || '.0/24'
    ELSE NULL
  END AS ip24,
  {{cot_score}} AS cot_score,
  {{cot_rules}} AS cot_rules,
  {{capability}} AS capability,
  CASE WHEN _template = '' THEN NULL ELSE md5(_template) END AS template_id,
  _template,
  {{new_release}} AS new_release,
  {{release_window}} AS release_window
FROM (
  SELECT c.*, {{cot_matches}}
  FROM (
  SELECT b.*, {{cot_any}} AS _cot_any
  FROM (
    SELECT e.*,
      lower({{clip_system}} || ' ' || {{clip_prompt}}) AS _cot_text,
      lower({{clip_prompt}}) AS _cap_text,
      {{template_norm}} AS _template,
      CASE WHEN contains(lower(e.ip), '::') THEN split_part(lower(e.ip), '::', 1)
           ELSE lower(e.ip) END AS _ip6
    FROM {{events}} e
  ) b
  ) c
) m
