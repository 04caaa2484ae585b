-- Prompt template normalisation (one SQL expression over {{text}}; DuckDB dialect, Spark-portable).
-- Order matters: code spans, URLs and e-mails, quoted spans, capitalised names/entities,
-- then lower-case, words holding digits -> #, runs of #-separated numbers -> #, and every
-- run of whitespace -> one space (\v too: RE2's \s leaves out the vertical tab).
trim(regexp_replace(regexp_replace(regexp_replace(lower(
  regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    {{text}},
    '```[\s\S]*?(```|$)|`[^`\n]*`', ' <code> ', 'g'),
    'https?://[^\s)>\]]+|[a-zA-Z0-9._+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9.-]+', ' <url> ', 'g'),
    '"[^"\n]*"|“[^”\n]*”|«[^»\n]*»', ' <q> ', 'g'),
    '\b[A-Z][a-zA-Z0-9_''-]*[a-zA-Z0-9]\b(\s+[A-Z][a-zA-Z0-9_''-]*[a-zA-Z0-9]\b)*', '<n>', 'g')),
  '[a-z0-9_]*[0-9][a-z0-9_]*', '#', 'g'),
  '#([\s\v.,:/x×*+-]*#)+', '#', 'g'),
  '[\s\v]+', ' ', 'g'))
