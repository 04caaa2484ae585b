-- _templates: distinct prompt templates with volume and reach (input to the SimHash step).
SELECT template_id, min(_template) AS template, count(*) AS requests,
       count(DISTINCT account_id) AS accounts
FROM _req_stage
WHERE template_id IS NOT NULL
GROUP BY template_id
