-- templates: the distinct prompt templates with volume, reach and SimHash.
SELECT t.template_id, t.template, t.requests, t.accounts, h.template_simhash
FROM _templates t
LEFT JOIN _template_simhash h ON t.template_id = h.template_id
