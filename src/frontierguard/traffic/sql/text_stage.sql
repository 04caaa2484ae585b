-- _text_stage: one row per distinct request text (system prompt, prompt; NULL as empty) with
-- the lower-cased text each rule set reads. Every signal that depends only on the text is
-- computed on these rows, not per request. Placeholders: {{events}} source table;
-- {{clip_system}} / {{clip_prompt}}: the texts cut to their head and tail when long, so cost
-- stays linear in the text.
SELECT sp, p,
  lower({{clip_system}} || ' ' || {{clip_prompt}}) AS _cot_text,
  lower({{clip_prompt}}) AS _cap_text
FROM (SELECT DISTINCT coalesce(system_prompt, '') AS sp, coalesce(prompt, '') AS p
      FROM {{events}}) d
