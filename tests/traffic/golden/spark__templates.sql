SELECT
  template_id,
  MIN(_template) AS template,
  COUNT(*) AS requests,
  COUNT(DISTINCT account_id) AS accounts
FROM _req_stage
WHERE
  NOT template_id IS NULL
GROUP BY
  template_id
