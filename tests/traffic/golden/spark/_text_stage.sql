SELECT
  sp,
  p,
  LOWER(
    (
      CASE
        WHEN LENGTH(COALESCE(sp, '')) <= 4000
        THEN COALESCE(sp, '')
        ELSE LEFT(COALESCE(sp, ''), 3000) || ' ' || RIGHT(COALESCE(sp, ''), 999)
      END
    ) || ' ' || (
      CASE
        WHEN LENGTH(COALESCE(p, '')) <= 4000
        THEN COALESCE(p, '')
        ELSE LEFT(COALESCE(p, ''), 3000) || ' ' || RIGHT(COALESCE(p, ''), 999)
      END
    )
  ) AS _cot_text,
  LOWER(
    (
      CASE
        WHEN LENGTH(COALESCE(p, '')) <= 4000
        THEN COALESCE(p, '')
        ELSE LEFT(COALESCE(p, ''), 3000) || ' ' || RIGHT(COALESCE(p, ''), 999)
      END
    )
  ) AS _cap_text
FROM (
  SELECT DISTINCT
    COALESCE(system_prompt, '') AS sp,
    COALESCE(prompt, '') AS p
  FROM events
) AS d
