-- req_signals, stage 2: the staged rows joined with the SimHash of their template.
SELECT
  s.account_id, s.ts, s.model, s.ip, s.asn, s.asn_type, s.country, s.user_agent,
  s.tls_fingerprint, s.payment_fingerprint, s.org_id, s.account_created, s.signup_channel, s.prompt,
  s.turns, s.tools, s.thinking, s.output_tokens, s.max_tokens, s.ip24, s.cot_score,
  s.cot_rules, s.capability, s.template_id, h.template_simhash, s.new_release,
  s.release_window
FROM _req_stage s
LEFT JOIN _template_simhash h ON s.template_id = h.template_id
