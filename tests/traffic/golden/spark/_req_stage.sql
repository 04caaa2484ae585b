SELECT
  e.account_id,
  e.ts,
  e.model,
  e.ip,
  e.asn,
  e.asn_type,
  e.country,
  e.user_agent,
  e.tls_fingerprint,
  e.payment_fingerprint,
  e.org_id,
  e.account_created,
  e.signup_channel,
  e.prompt,
  e.turns,
  e.tools,
  e.thinking,
  e.output_tokens,
  e.max_tokens,
  CASE
    WHEN ip IS NULL OR ip = ''
    THEN NULL
    WHEN CONTAINS(ip, ':') AND ip RLIKE '(?d)^[0-9a-fA-F:.]+\\z'
    THEN COALESCE(NULLIF(TRIM(LEADING '0' FROM SPLIT_PART(_ip6, ':', 1)), ''), '0') || ':' || COALESCE(NULLIF(TRIM(LEADING '0' FROM SPLIT_PART(_ip6, ':', 2)), ''), '0') || ':' || COALESCE(NULLIF(TRIM(LEADING '0' FROM SPLIT_PART(_ip6, ':', 3)), ''), '0') || '::/48'
    WHEN ip RLIKE '(?d)^[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}\\z'
    THEN REGEXP_REPLACE(ip, '(?d)^([\\s\\S]*?)([.][0-9]+\\z)', '$1') || '.0/24'
    ELSE NULL
  END AS ip24,
  t.cot_score,
  t.cot_rules,
  CASE
    WHEN (
      _cap_m0
    )
    THEN 'safety_probe'
    WHEN (
      _cap_m1
    )
    THEN 'grading'
    WHEN (
      _cap_m2
    )
    THEN 'sensitive_rewrite'
    WHEN (
      _cap_m3 AND COALESCE(tools, 0) >= 1
    ) OR (
      _cap_m4
    )
    THEN 'computer_use'
    WHEN (
      COALESCE(tools, 0) >= 1
    ) OR (
      _cap_m5
    )
    THEN 'agentic'
    WHEN (
      _cap_m6
    )
    THEN 'coding'
    WHEN (
      _cap_m7
    )
    THEN 'reasoning'
    WHEN (
      _cap_m8
    )
    THEN 'creative'
    ELSE 'chat'
  END AS capability,
  t.template_id,
  t._template,
  (
    (
      model = 'm-2'
      AND ts >= CAST('2026-03-02 12:00:00.000000+00:00' AS TIMESTAMP)
      AND ts < CAST('2026-03-03 12:00:00.000000+00:00' AS TIMESTAMP)
    )
  ) AS new_release,
  (
    (
      ts >= CAST('2026-03-02 12:00:00.000000+00:00' AS TIMESTAMP)
      AND ts < CAST('2026-03-03 12:00:00.000000+00:00' AS TIMESTAMP)
    )
  ) AS release_window
FROM (
  SELECT
    e.*,
    COALESCE(e.system_prompt, '') AS _sp,
    COALESCE(e.prompt, '') AS _p,
    CASE
      WHEN CONTAINS(LOWER(e.ip), '::')
      THEN SPLIT_PART(LOWER(e.ip), '::', 1)
      ELSE LOWER(e.ip)
    END AS _ip6
  FROM events AS e
) AS e
JOIN _text_signals AS t
  ON e._sp = t.sp AND e._p = t.p
