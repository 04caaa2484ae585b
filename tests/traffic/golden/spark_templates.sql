SELECT
  t.template_id,
  t.template,
  t.requests,
  t.accounts,
  h.template_simhash
FROM _templates AS t
LEFT JOIN _template_simhash AS h
  ON t.template_id = h.template_id
