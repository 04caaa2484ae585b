-- req_signals, stage 1: one row per request with every signal except the SimHash; the
-- text-only signals come from _text_signals, joined on the request's texts.
-- Placeholders: {{events}} source table; {{capability}} from the capability rule set (over
-- the clause columns and the request's tools/turns); {{new_release}} / {{release_window}}
-- from the releases table.
SELECT
  e.account_id, e.ts, e.model, e.ip, e.asn, e.asn_type, e.country, e.user_agent,
  e.tls_fingerprint, e.payment_fingerprint, e.org_id, e.account_created, e.signup_channel,
  e.prompt, e.turns, e.tools, e.thinking, e.output_tokens, e.max_tokens,
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
  t.cot_score,
  t.cot_rules,
  {{capability}} AS capability,
  t.template_id,
  t._template,
  {{new_release}} AS new_release,
  {{release_window}} AS release_window
FROM (
  SELECT e.*, coalesce(e.system_prompt, '') AS _sp, coalesce(e.prompt, '') AS _p,
    CASE WHEN contains(lower(e.ip), '::') THEN split_part(lower(e.ip), '::', 1)
         ELSE lower(e.ip) END AS _ip6
  FROM {{events}} e
) e
JOIN _text_signals t ON e._sp = t.sp AND e._p = t.p
