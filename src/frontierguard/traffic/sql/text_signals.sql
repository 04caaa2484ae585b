-- _text_signals: per distinct request text, the CoT score and rules, whether each capability
-- clause's patterns match, and the prompt template. Reads _text_match (the _text_stage rows
-- with the prefilter's candidate columns). Placeholders: {{cot_matches}}, {{cot_score}},
-- {{cot_rules}} from the CoT rule set; {{cap_matches}} from the capability rule set;
-- {{template_norm}} the normaliser over the clipped prompt.
SELECT sp, p, {{cot_score}} AS cot_score, {{cot_rules}} AS cot_rules, {{cap_columns}},
  CASE WHEN _template = '' THEN NULL ELSE md5(_template) END AS template_id, _template
FROM (
  SELECT t.sp, t.p, {{cot_matches}}, {{cap_matches}}, {{template_norm}} AS _template
  FROM _text_match t
) m
