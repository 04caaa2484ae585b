SELECT
  account_id,
  ts,
  model,
  ip,
  asn,
  asn_type,
  country,
  user_agent,
  tls_fingerprint,
  payment_fingerprint,
  account_created,
  signup_channel,
  prompt,
  turns,
  tools,
  thinking,
  output_tokens,
  max_tokens,
  CASE
    WHEN ip IS NULL OR ip = ''
    THEN NULL
    WHEN CONTAINS(ip, ':') AND ip RLIKE '(?d)^[0-9a-fA-F:.]+\\z'
    THEN COALESCE(NULLIF(TRIM(LEADING '0' FROM SPLIT_PART(_ip6, ':', 1)), ''), '0') || ':' || COALESCE(NULLIF(TRIM(LEADING '0' FROM SPLIT_PART(_ip6, ':', 2)), ''), '0') || ':' || COALESCE(NULLIF(TRIM(LEADING '0' FROM SPLIT_PART(_ip6, ':', 3)), ''), '0') || '::/48'
    WHEN ip RLIKE '(?d)^[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}\\z'
    THEN REGEXP_REPLACE(ip, '(?d)^([\\s\\S]*?)([.][0-9]+\\z)', '$1') || '.0/24'
    ELSE NULL
  END AS ip24,
  CAST(CAST(1.0 AS DOUBLE) - (
    CASE WHEN _cot_m0 THEN CAST(0.3 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m1 THEN CAST(0.4 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m2 THEN CAST(0.6 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m3 THEN CAST(0.85 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m4 THEN CAST(0.4 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m5 THEN CAST(0.35 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m6 THEN CAST(0.45 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m7 THEN CAST(0.5 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m8 THEN CAST(0.4 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m9 THEN CAST(0.5 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m10 THEN CAST(0.4 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m11 THEN CAST(0.5 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m12 THEN CAST(0.5 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m13 THEN CAST(0.5 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m14 THEN CAST(0.55 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m15 THEN CAST(0.4 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m16 THEN CAST(0.4 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) AS DOUBLE) AS cot_score,
  CONCAT_WS(
    ';',
    CASE WHEN _cot_m0 THEN 'cot.expose_reasoning' END,
    CASE WHEN _cot_m1 THEN 'cot.reasoning_tags' END,
    CASE WHEN _cot_m2 THEN 'cot.every_step' END,
    CASE WHEN _cot_m3 THEN 'cot.step_by_step' END,
    CASE WHEN _cot_m4 THEN 'cot.rubric_grading' END,
    CASE WHEN _cot_m5 THEN 'cot.safe_rewrite' END,
    CASE WHEN _cot_m6 THEN 'cot.verbatim_recall' END,
    CASE WHEN _cot_m7 THEN 'cot.encoding_trick' END,
    CASE WHEN _cot_m8 THEN 'cot.continue_thinking' END,
    CASE WHEN _cot_m9 THEN 'cot.training_data' END,
    CASE WHEN _cot_m10 THEN 'cot.hidden_reasoning' END,
    CASE WHEN _cot_m11 THEN 'cot.reasoning_visible' END,
    CASE WHEN _cot_m12 THEN 'cot.cut_off_thinking' END,
    CASE WHEN _cot_m13 THEN 'cot.authority_trace' END,
    CASE WHEN _cot_m14 THEN 'cot.reasoning_steps' END,
    CASE WHEN _cot_m15 THEN 'cot.compare_responses' END,
    CASE WHEN _cot_m16 THEN 'cot.safe_transform' END
  ) AS cot_rules,
  CASE
    WHEN (
      _cap_text RLIKE '(?d)(?:jailbreak|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))dan mode(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|do anything now|developer mode enabled)|(?:ignore[\\t\\n\\f\\r ]+(all[\\t\\n\\f\\r ]+|any[\\t\\n\\f\\r ]+)?(the[\\t\\n\\f\\r ]+)?(previous|prior|above|earlier)[\\t\\n\\f\\r ]+(instructions|rules|guidelines))|(?:(bypass|disable|evade|get around|circumvent)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(safety|content|moderation)[\\t\\n\\f\\r ]+(filters?|polic(y|ies)|guardrails?|systems?))|(?:(how[\\t\\n\\f\\r ]+(do[\\t\\n\\f\\r ]+i|to|can[\\t\\n\\f\\r ]+i|would[\\t\\n\\f\\r ]+one)|steps[\\t\\n\\f\\r ]+to|instructions[\\t\\n\\f\\r ]+for)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(make|build|synthesi[sz]e|produce|create|weaponi[sz]e)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(bomb|explosives?|nerve agent|bioweapon|chemical weapon|sarin|ricin|methamphetamine|ransomware|malware|keylogger))|(?:pretend[\\t\\n\\f\\r ]+(you[\\t\\n\\f\\r ]+are|to[\\t\\n\\f\\r ]+be)[\\t\\n\\f\\r ]+(an?[\\t\\n\\f\\r ]+)?(unfiltered|uncensored|evil|unrestricted))'
    )
    THEN 'safety_probe'
    WHEN (
      _cap_text RLIKE '(?d)screenshot|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))click(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))mouse(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))cursor(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))scroll(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))keyboard(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))desktop(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|browser window|navigate to|fill (in|out) the form|type into|the screen'
      AND COALESCE(tools, 0) >= 1
    )
    OR (
      _cap_text RLIKE '(?d)(take|capture)[\\t\\n\\f\\r ]+a[\\t\\n\\f\\r ]+screenshot|computer[- ]use|xdotool|(move|click)[\\t\\n\\f\\r ]+the[\\t\\n\\f\\r ]+mouse|left[- ]click[\\t\\n\\f\\r ]+(on|at)'
    )
    THEN 'computer_use'
    WHEN (
      COALESCE(tools, 0) >= 1
    )
    OR (
      _cap_text RLIKE '(?d)(?:(call|use|invoke)[\\t\\n\\f\\r ]+the[\\t\\n\\f\\r ]+\\w+[\\t\\n\\f\\r ]+(tool|function|api)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:tool[_ ]calls?|function[_ ]call(ing)?|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))thought:.*(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))action:|action input:|observation:)|(?:you[\\t\\n\\f\\r ]+are[\\t\\n\\f\\r ]+an?[\\t\\n\\f\\r ]+(autonomous[\\t\\n\\f\\r ]+)?(ai[\\t\\n\\f\\r ]+)?agent)'
    )
    THEN 'agentic'
    WHEN (
      _cap_text RLIKE '(?d)(?:```|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))def[\\t\\n\\f\\r ]+\\w+[\\t\\n\\f\\r ]*\\(|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))import[\\t\\n\\f\\r ]+\\w+|#include|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))console\\.log|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))fn[\\t\\n\\f\\r ]+\\w+[\\t\\n\\f\\r ]*\\()|(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(python|javascript|typescript|java|rust|golang|c\\+\\+|c#|sql|bash|powershell|regex|html|css|kotlin|swift|haskell|scala|php|ruby)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(function|class|method|compile[rd]?|bug|debug|stack trace|traceback|exception|refactor|unit tests?|code|codebase|repository|endpoint|segfault|null pointer|api)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))'
    )
    THEN 'coding'
    WHEN (
      _cap_text RLIKE '(?d)(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(prove|proof|theorem|lemma|solve|equations?|integral|derivative|probability|calculate|compute|puzzle|riddle|deduce|maximi[sz]e|minimi[sz]e|arithmetic|algebra|geometry|combinatorics|expected value|how many|physics|chemistry problem)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:[0-9]+[\\t\\n\\f\\r ]*[-+*/^=x][\\t\\n\\f\\r ]*[0-9]+)'
    )
    THEN 'reasoning'
    WHEN (
      _cap_text RLIKE '(?d)(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(poem|poetry|haiku|sonnet|limerick|story|stories|fiction|novel|screenplay|lyrics|song|fairy tale|fable|dialogue between|worldbuilding|plot twist|characters?)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:write[\\t\\n\\f\\r ]+(me[\\t\\n\\f\\r ]+)?an?[\\t\\n\\f\\r ]+(joke|toast|speech|rap|ballad|monologue))'
    )
    THEN 'creative'
    ELSE 'chat'
  END AS capability,
  CASE WHEN _template = '' THEN NULL ELSE MD5(_template) END AS template_id,
  _template,
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
    c.*,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:(show|reveal|expose|output|print|display|give|include|write out|share|provide|dump|disclose|return)[\\t\\n\\f\\r ]+(me[\\t\\n\\f\\r ]+)?(all[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?)?(your|the)[\\t\\n\\f\\r ]+(full|complete|entire|whole|raw|internal|hidden|private|unabridged|unfiltered|verbatim|underlying)[\\t\\n\\f\\r ]+(chain[- ]of[- ]thought|reasoning|thought process|thinking|internal monologue|scratchpad|deliberation|thoughts))|(?:(do not|don\'t|never)[\\t\\n\\f\\r ]+(summari[sz]e|skip|omit|abbreviate|hide|condense|truncate)[\\t\\n\\f\\r ]+(any[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?)?(your|the)[\\t\\n\\f\\r ]+(reasoning|thinking|thoughts|thought process|intermediate steps|chain[- ]of[- ]thought))|(?:(chain[- ]of[- ]thought|reasoning trace|thinking trace|internal monologue|scratchpad)[\\t\\n\\f\\r ]+(verbatim|in full|unabridged|without (summari[sz]|omit|abbreviat|truncat)\\w*))'
        ELSE FALSE
      END
    ) AS _cot_m0,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:<(think|thinking|reasoning|scratchpad|thought|thoughts|cot)>)|(?:(inside|within|between|in|wrap\\w*[\\t\\n\\f\\r ]+\\w+[\\t\\n\\f\\r ]+in)[\\t\\n\\f\\r ]+<?(think|thinking|reasoning|scratchpad|cot)>?[\\t\\n\\f\\r ]+tags)'
        ELSE FALSE
      END
    ) AS _cot_m1,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:(every|each)[\\t\\n\\f\\r ]+(single[\\t\\n\\f\\r ]+)?(intermediate[\\t\\n\\f\\r ]+)?(step|thought|inference|deduction)[\\t\\n\\f\\r ]+(of|in)[\\t\\n\\f\\r ]+(your|the)[\\t\\n\\f\\r ]+(reasoning|thinking|thought process|internal))|(?:(write|spell|lay)[\\t\\n\\f\\r ]+out[\\t\\n\\f\\r ]+(all[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?)?(your|the)[\\t\\n\\f\\r ]+(reasoning|thinking|thought process)[\\t\\n\\f\\r ]+(in[\\t\\n\\f\\r ]+)?(full|completely|exhaustively|in detail))'
        ELSE FALSE
      END
    ) AS _cot_m2,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:step[- ]by[- ]step)|(?:explain[\\t\\n\\f\\r ]+your[\\t\\n\\f\\r ]+(answer|reasoning|thinking))|(?:show[\\t\\n\\f\\r ]+(your|all)[\\t\\n\\f\\r ]+work)|(?:think[\\t\\n\\f\\r ]+(carefully|it through|through))'
        ELSE FALSE
      END
    ) AS _cot_m3,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:(grade|score|rate|evaluate|assess|judge)[\\t\\n\\f\\r ]+(the|this|these|each|both|following|every)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(responses?|answers?|completions?|outputs?|replies|candidates?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(rubric|criteria|on a scale|from [0-9]+ to [0-9]+|out of [0-9]+))|(?:(act|serve|behave|respond)[\\t\\n\\f\\r ]+as[\\t\\n\\f\\r ]+(a|an)[\\t\\n\\f\\r ]+(reward model|grader|judge|preference model|critic model|evaluator))|(?:which[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+the[\\t\\n\\f\\r ]+(two|following)[\\t\\n\\f\\r ]+)?(responses?|answers?|completions?)[\\t\\n\\f\\r ]+(is|was)[\\t\\n\\f\\r ]+(better|more helpful|preferred|safer|more correct))|(?:(according to|using|per|against)[\\t\\n\\f\\r ]+(the|this|following)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?rubric)'
        ELSE FALSE
      END
    ) AS _cot_m4,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:(first|begin by|start by)[\\t\\n\\f\\r ]+(re-?writ\\w*|rephras\\w*|reformulat\\w*|paraphras\\w*|sanitiz\\w*|sanitis\\w*)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(safe|safer|harmless|benign|policy[- ]compliant|acceptable|compliant)\\w*)|(?:(re-?write|rephrase|reformulate|paraphrase|sanitize|sanitise)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(safe|safer|harmless|benign|compliant)\\w*[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(then|and then|before)[\\t\\n\\f\\r ]+(answer|respond|comply|complete|solve))|(?:safe[\\t\\n\\f\\r ]+(re-?write|rephrasing|version)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(then|and then)[\\t\\n\\f\\r ]+(answer|respond))'
        ELSE FALSE
      END
    ) AS _cot_m5,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:(repeat|reproduce|recite|restate|output|print|copy|return)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(your|the)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts|system prompt|instructions|training data|memori[sz]ed \\w+)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(verbatim|word for word|word-for-word|exactly))|(?:(verbatim|word[- ]for[- ]word)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(of[\\t\\n\\f\\r ]+)?(your|the)[\\t\\n\\f\\r ]+(system prompt|hidden instructions|previous reasoning|reasoning|thinking|training data))|(?:(recite|reproduce)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,5}from[\\t\\n\\f\\r ]+(your[\\t\\n\\f\\r ]+)?(memory|training data))'
        ELSE FALSE
      END
    ) AS _cot_m6,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:(encode|write|output|give|express|respond|answer|reply|return)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,5}(reasoning|thinking|thoughts|answer|response|chain[- ]of[- ]thought)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(in|into|using|as)[\\t\\n\\f\\r ]+(base-?64|rot-?13|hex|hexadecimal|binary|morse|leetspeak|pig latin))|(?:(respond|reply|answer)[\\t\\n\\f\\r ]+only[\\t\\n\\f\\r ]+in[\\t\\n\\f\\r ]+(base-?64|rot-?13|hex|hexadecimal|morse))|(?:translate[\\t\\n\\f\\r ]+(your|the)[\\t\\n\\f\\r ]+(reasoning|thinking|thought process|chain[- ]of[- ]thought|thoughts)[\\t\\n\\f\\r ]+(in)?to[\\t\\n\\f\\r ]+\\w+)'
        ELSE FALSE
      END
    ) AS _cot_m7,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:(continue|resume|pick up|carry on|keep going with)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(your|the|this|my)[\\t\\n\\f\\r ]+(previous[\\t\\n\\f\\r ]+|earlier[\\t\\n\\f\\r ]+|prior[\\t\\n\\f\\r ]+|partial[\\t\\n\\f\\r ]+)?(thinking|reasoning|chain[- ]of[- ]thought|thought process|thoughts|scratchpad))|(?:(here is|below is|given)[\\t\\n\\f\\r ]+(a|the|your)[\\t\\n\\f\\r ]+(partial|incomplete|truncated|unfinished)[\\t\\n\\f\\r ]+(reasoning|chain[- ]of[- ]thought|thinking|thought process|trace))'
        ELSE FALSE
      END
    ) AS _cot_m8,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:(reasoning|rationales?|chain[- ]of[- ]thought|thought process|explanations?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(for|in|into)[\\t\\n\\f\\r ]+(a|an|our|my|the)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(training|fine-?tuning|distillation|sft|instruction)[\\t\\n\\f\\r ]+(data|dataset|corpus|set|examples?))|(?:(training|fine-?tuning|distillation|sft)[\\t\\n\\f\\r ]+(data|dataset|corpus|examples?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(with|including|containing)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|rationales?|chain[- ]of[- ]thought))'
        ELSE FALSE
      END
    ) AS _cot_m9,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(your|its|the model\'s)[\\t\\n\\f\\r ]+(own[\\t\\n\\f\\r ]+)?(internal|hidden|private|inner|secret|raw|unseen|invisible|concealed|unfiltered)[\\t\\n\\f\\r ]+(reasoning|thinking|thoughts?|thought process|deliberations?|chain[- ]of[- ]thought|monologue|scratchpad|reflections?)'
        ELSE FALSE
      END
    ) AS _cot_m10,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:(think|reason|deliberate|thinking|reasoning|thoughts?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(out loud|aloud|visibly))|(?:(every|each|all)[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?(your[\\t\\n\\f\\r ]+)?(thoughts?|reasoning steps?|internal steps?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(in|into)[\\t\\n\\f\\r ]+(the|your)[\\t\\n\\f\\r ]+(answer|response|reply|output))|(?:(your|the)[\\t\\n\\f\\r ]+(thinking|reasoning|thoughts)[\\t\\n\\f\\r ]+(as|into|in)[\\t\\n\\f\\r ]+the[\\t\\n\\f\\r ]+(answer|response|reply)[\\t\\n\\f\\r ]+itself)'
        ELSE FALSE
      END
    ) AS _cot_m11,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(your|the)[\\t\\n\\f\\r ]+(thinking|reasoning|thoughts?|chain[- ]of[- ]thought|thought process)[\\t\\n\\f\\r ]+(got|was|were|has been)[\\t\\n\\f\\r ]+(cut off|truncated|interrupted|lost|hidden)'
        ELSE FALSE
      END
    ) AS _cot_m12,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(developer|admin|administrator|debug|audit|safety team|engineer)\\w*[^.!?]{0,80}(reveal|show|print|output|disclose|dump)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(reasoning|thinking|thoughts|chain[- ]of[- ]thought|thought process)'
        ELSE FALSE
      END
    ) AS _cot_m13,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:(every|each|all)[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?(the[\\t\\n\\f\\r ]+|your[\\t\\n\\f\\r ]+)?(reasoning|intermediate|thinking|derivation|logical)[\\t\\n\\f\\r ]+steps?)|(?:(full|complete|detailed|entire|exhaustive|fully worked)[\\t\\n\\f\\r ]+(step[- ]by[- ]step[\\t\\n\\f\\r ]+)?(reasoning|derivation|thought process|worked solution|solution key|chain of reasoning))|(?:dead[- ]ends?|self[- ]verification|verify each step|check each step)'
        ELSE FALSE
      END
    ) AS _cot_m14,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:compar\\w*[\\t\\n\\f\\r ]+(the[\\t\\n\\f\\r ]+)?(two|following|these|both|three|several)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(responses|answers|completions|outputs|replies)[^.!?\\n]{0,100}(better|best|preferred|worse|winner|score|grade|rank))|(?:(rank|score|grade)[\\t\\n\\f\\r ]+(the[\\t\\n\\f\\r ]+)?(following[\\t\\n\\f\\r ]+|these[\\t\\n\\f\\r ]+|both[\\t\\n\\f\\r ]+)?(responses|answers|completions|outputs)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))'
        ELSE FALSE
      END
    ) AS _cot_m15,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?d)(?:(harmless|safe|safer|benign|acceptable|compliant)[\\t\\n\\f\\r ]+(version|task|form|request|variant|equivalent|alternative)[^.!?\\n]{0,120}(then|and)[\\t\\n\\f\\r ]+(answer|respond|solve|complete|comply))|(?:(if|when)[\\t\\n\\f\\r ]+(anything|any part|the request|this|it)[^.!?\\n]{0,40}(unsafe|harmful|disallowed|not allowed)[^.!?\\n]{0,120}(answer|respond|solve))'
        ELSE FALSE
      END
    ) AS _cot_m16
  FROM (
    SELECT
      b.*,
      _cot_text RLIKE '(?d)(?:(show|reveal|expose|output|print|display|give|include|write out|share|provide|dump|disclose|return)[\\t\\n\\f\\r ]+(me[\\t\\n\\f\\r ]+)?(all[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?)?(your|the)[\\t\\n\\f\\r ]+(full|complete|entire|whole|raw|internal|hidden|private|unabridged|unfiltered|verbatim|underlying)[\\t\\n\\f\\r ]+(chain[- ]of[- ]thought|reasoning|thought process|thinking|internal monologue|scratchpad|deliberation|thoughts))|(?:(do not|don\'t|never)[\\t\\n\\f\\r ]+(summari[sz]e|skip|omit|abbreviate|hide|condense|truncate)[\\t\\n\\f\\r ]+(any[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?)?(your|the)[\\t\\n\\f\\r ]+(reasoning|thinking|thoughts|thought process|intermediate steps|chain[- ]of[- ]thought))|(?:(chain[- ]of[- ]thought|reasoning trace|thinking trace|internal monologue|scratchpad)[\\t\\n\\f\\r ]+(verbatim|in full|unabridged|without (summari[sz]|omit|abbreviat|truncat)\\w*))|(?:<(think|thinking|reasoning|scratchpad|thought|thoughts|cot)>)|(?:(inside|within|between|in|wrap\\w*[\\t\\n\\f\\r ]+\\w+[\\t\\n\\f\\r ]+in)[\\t\\n\\f\\r ]+<?(think|thinking|reasoning|scratchpad|cot)>?[\\t\\n\\f\\r ]+tags)|(?:(every|each)[\\t\\n\\f\\r ]+(single[\\t\\n\\f\\r ]+)?(intermediate[\\t\\n\\f\\r ]+)?(step|thought|inference|deduction)[\\t\\n\\f\\r ]+(of|in)[\\t\\n\\f\\r ]+(your|the)[\\t\\n\\f\\r ]+(reasoning|thinking|thought process|internal))|(?:(write|spell|lay)[\\t\\n\\f\\r ]+out[\\t\\n\\f\\r ]+(all[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?)?(your|the)[\\t\\n\\f\\r ]+(reasoning|thinking|thought process)[\\t\\n\\f\\r ]+(in[\\t\\n\\f\\r ]+)?(full|completely|exhaustively|in detail))|(?:step[- ]by[- ]step)|(?:explain[\\t\\n\\f\\r ]+your[\\t\\n\\f\\r ]+(answer|reasoning|thinking))|(?:show[\\t\\n\\f\\r ]+(your|all)[\\t\\n\\f\\r ]+work)|(?:think[\\t\\n\\f\\r ]+(carefully|it through|through))|(?:(grade|score|rate|evaluate|assess|judge)[\\t\\n\\f\\r ]+(the|this|these|each|both|following|every)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(responses?|answers?|completions?|outputs?|replies|candidates?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(rubric|criteria|on a scale|from [0-9]+ to [0-9]+|out of [0-9]+))|(?:(act|serve|behave|respond)[\\t\\n\\f\\r ]+as[\\t\\n\\f\\r ]+(a|an)[\\t\\n\\f\\r ]+(reward model|grader|judge|preference model|critic model|evaluator))|(?:which[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+the[\\t\\n\\f\\r ]+(two|following)[\\t\\n\\f\\r ]+)?(responses?|answers?|completions?)[\\t\\n\\f\\r ]+(is|was)[\\t\\n\\f\\r ]+(better|more helpful|preferred|safer|more correct))|(?:(according to|using|per|against)[\\t\\n\\f\\r ]+(the|this|following)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?rubric)|(?:(first|begin by|start by)[\\t\\n\\f\\r ]+(re-?writ\\w*|rephras\\w*|reformulat\\w*|paraphras\\w*|sanitiz\\w*|sanitis\\w*)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(safe|safer|harmless|benign|policy[- ]compliant|acceptable|compliant)\\w*)|(?:(re-?write|rephrase|reformulate|paraphrase|sanitize|sanitise)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(safe|safer|harmless|benign|compliant)\\w*[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(then|and then|before)[\\t\\n\\f\\r ]+(answer|respond|comply|complete|solve))|(?:safe[\\t\\n\\f\\r ]+(re-?write|rephrasing|version)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(then|and then)[\\t\\n\\f\\r ]+(answer|respond))|(?:(repeat|reproduce|recite|restate|output|print|copy|return)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(your|the)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts|system prompt|instructions|training data|memori[sz]ed \\w+)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(verbatim|word for word|word-for-word|exactly))|(?:(verbatim|word[- ]for[- ]word)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(of[\\t\\n\\f\\r ]+)?(your|the)[\\t\\n\\f\\r ]+(system prompt|hidden instructions|previous reasoning|reasoning|thinking|training data))|(?:(recite|reproduce)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,5}from[\\t\\n\\f\\r ]+(your[\\t\\n\\f\\r ]+)?(memory|training data))|(?:(encode|write|output|give|express|respond|answer|reply|return)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,5}(reasoning|thinking|thoughts|answer|response|chain[- ]of[- ]thought)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(in|into|using|as)[\\t\\n\\f\\r ]+(base-?64|rot-?13|hex|hexadecimal|binary|morse|leetspeak|pig latin))|(?:(respond|reply|answer)[\\t\\n\\f\\r ]+only[\\t\\n\\f\\r ]+in[\\t\\n\\f\\r ]+(base-?64|rot-?13|hex|hexadecimal|morse))|(?:translate[\\t\\n\\f\\r ]+(your|the)[\\t\\n\\f\\r ]+(reasoning|thinking|thought process|chain[- ]of[- ]thought|thoughts)[\\t\\n\\f\\r ]+(in)?to[\\t\\n\\f\\r ]+\\w+)|(?:(continue|resume|pick up|carry on|keep going with)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(your|the|this|my)[\\t\\n\\f\\r ]+(previous[\\t\\n\\f\\r ]+|earlier[\\t\\n\\f\\r ]+|prior[\\t\\n\\f\\r ]+|partial[\\t\\n\\f\\r ]+)?(thinking|reasoning|chain[- ]of[- ]thought|thought process|thoughts|scratchpad))|(?:(here is|below is|given)[\\t\\n\\f\\r ]+(a|the|your)[\\t\\n\\f\\r ]+(partial|incomplete|truncated|unfinished)[\\t\\n\\f\\r ]+(reasoning|chain[- ]of[- ]thought|thinking|thought process|trace))|(?:(reasoning|rationales?|chain[- ]of[- ]thought|thought process|explanations?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(for|in|into)[\\t\\n\\f\\r ]+(a|an|our|my|the)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(training|fine-?tuning|distillation|sft|instruction)[\\t\\n\\f\\r ]+(data|dataset|corpus|set|examples?))|(?:(training|fine-?tuning|distillation|sft)[\\t\\n\\f\\r ]+(data|dataset|corpus|examples?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(with|including|containing)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|rationales?|chain[- ]of[- ]thought))|(?:(your|its|the model\'s)[\\t\\n\\f\\r ]+(own[\\t\\n\\f\\r ]+)?(internal|hidden|private|inner|secret|raw|unseen|invisible|concealed|unfiltered)[\\t\\n\\f\\r ]+(reasoning|thinking|thoughts?|thought process|deliberations?|chain[- ]of[- ]thought|monologue|scratchpad|reflections?))|(?:(think|reason|deliberate|thinking|reasoning|thoughts?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(out loud|aloud|visibly))|(?:(every|each|all)[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?(your[\\t\\n\\f\\r ]+)?(thoughts?|reasoning steps?|internal steps?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(in|into)[\\t\\n\\f\\r ]+(the|your)[\\t\\n\\f\\r ]+(answer|response|reply|output))|(?:(your|the)[\\t\\n\\f\\r ]+(thinking|reasoning|thoughts)[\\t\\n\\f\\r ]+(as|into|in)[\\t\\n\\f\\r ]+the[\\t\\n\\f\\r ]+(answer|response|reply)[\\t\\n\\f\\r ]+itself)|(?:(your|the)[\\t\\n\\f\\r ]+(thinking|reasoning|thoughts?|chain[- ]of[- ]thought|thought process)[\\t\\n\\f\\r ]+(got|was|were|has been)[\\t\\n\\f\\r ]+(cut off|truncated|interrupted|lost|hidden))|(?:(developer|admin|administrator|debug|audit|safety team|engineer)\\w*[^.!?]{0,80}(reveal|show|print|output|disclose|dump)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(reasoning|thinking|thoughts|chain[- ]of[- ]thought|thought process))|(?:(every|each|all)[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?(the[\\t\\n\\f\\r ]+|your[\\t\\n\\f\\r ]+)?(reasoning|intermediate|thinking|derivation|logical)[\\t\\n\\f\\r ]+steps?)|(?:(full|complete|detailed|entire|exhaustive|fully worked)[\\t\\n\\f\\r ]+(step[- ]by[- ]step[\\t\\n\\f\\r ]+)?(reasoning|derivation|thought process|worked solution|solution key|chain of reasoning))|(?:dead[- ]ends?|self[- ]verification|verify each step|check each step)|(?:compar\\w*[\\t\\n\\f\\r ]+(the[\\t\\n\\f\\r ]+)?(two|following|these|both|three|several)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(responses|answers|completions|outputs|replies)[^.!?\\n]{0,100}(better|best|preferred|worse|winner|score|grade|rank))|(?:(rank|score|grade)[\\t\\n\\f\\r ]+(the[\\t\\n\\f\\r ]+)?(following[\\t\\n\\f\\r ]+|these[\\t\\n\\f\\r ]+|both[\\t\\n\\f\\r ]+)?(responses|answers|completions|outputs)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:(harmless|safe|safer|benign|acceptable|compliant)[\\t\\n\\f\\r ]+(version|task|form|request|variant|equivalent|alternative)[^.!?\\n]{0,120}(then|and)[\\t\\n\\f\\r ]+(answer|respond|solve|complete|comply))|(?:(if|when)[\\t\\n\\f\\r ]+(anything|any part|the request|this|it)[^.!?\\n]{0,40}(unsafe|harmful|disallowed|not allowed)[^.!?\\n]{0,120}(answer|respond|solve))' AS _cot_any
    FROM (
      SELECT
        e.*,
        LOWER(
          (
            CASE
              WHEN LENGTH(COALESCE(e.system_prompt, '')) <= 4000
              THEN COALESCE(e.system_prompt, '')
              ELSE LEFT(COALESCE(e.system_prompt, ''), 3000) || ' ' || RIGHT(COALESCE(e.system_prompt, ''), 999)
            END
          ) || ' ' || (
            CASE
              WHEN LENGTH(COALESCE(e.prompt, '')) <= 4000
              THEN COALESCE(e.prompt, '')
              ELSE LEFT(COALESCE(e.prompt, ''), 3000) || ' ' || RIGHT(COALESCE(e.prompt, ''), 999)
            END
          )
        ) AS _cot_text,
        LOWER(
          (
            CASE
              WHEN LENGTH(COALESCE(e.prompt, '')) <= 4000
              THEN COALESCE(e.prompt, '')
              ELSE LEFT(COALESCE(e.prompt, ''), 3000) || ' ' || RIGHT(COALESCE(e.prompt, ''), 999)
            END
          )
        ) AS _cap_text,
        TRIM(
          REGEXP_REPLACE(
            REGEXP_REPLACE(
              REGEXP_REPLACE(
                LOWER(
                  REGEXP_REPLACE(
                    REGEXP_REPLACE(
                      REGEXP_REPLACE(
                        REGEXP_REPLACE(
                          (
                            CASE
                              WHEN LENGTH(COALESCE(e.prompt, '')) <= 4000
                              THEN COALESCE(e.prompt, '')
                              ELSE LEFT(COALESCE(e.prompt, ''), 3000) || ' ' || RIGHT(COALESCE(e.prompt, ''), 999)
                            END
                          ),
                          '(?d)```[\\t\\n\\f\\r [^\\t\\n\\f\\r ]]*?(```|\\z)|`[^`\\n]*`',
                          ' <code> '
                        ),
                        '(?d)https?://[^\\t\\n\\f\\r )>\\]]+|[a-zA-Z0-9._+-]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9.-]+',
                        ' <url> '
                      ),
                      '(?d)"[^"\\n]*"|“[^”\\n]*”|«[^»\\n]*»',
                      ' <q> '
                    ),
                    '(?d)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))[A-Z][a-zA-Z0-9_\'-]*[a-zA-Z0-9](?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))([\\t\\n\\f\\r ]+[A-Z][a-zA-Z0-9_\'-]*[a-zA-Z0-9](?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))*',
                    '<n>'
                  )
                ),
                '(?d)[a-z0-9_]*[0-9][a-z0-9_]*',
                '#'
              ),
              '(?d)#([\\t\\n\\f\\r .,:/x×*+-]*#)+',
              '#'
            ),
            '(?d)[\\t\\n\\f\\r ][\\t\\n\\f\\r ]+|[\\t\\n\\r\\f\\v]',
            ' '
          )
        ) AS _template,
        CASE
          WHEN CONTAINS(LOWER(e.ip), '::')
          THEN SPLIT_PART(LOWER(e.ip), '::', 1)
          ELSE LOWER(e.ip)
        END AS _ip6
      FROM events AS e
    ) AS b
  ) AS c
) AS m
