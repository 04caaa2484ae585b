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
    WHEN CONTAINS(ip, ':') AND ip RLIKE '^[0-9a-fA-F:.]+$'
    THEN COALESCE(NULLIF(TRIM(LEADING '0' FROM SPLIT_PART(_ip6, ':', 1)), ''), '0') || ':' || COALESCE(NULLIF(TRIM(LEADING '0' FROM SPLIT_PART(_ip6, ':', 2)), ''), '0') || ':' || COALESCE(NULLIF(TRIM(LEADING '0' FROM SPLIT_PART(_ip6, ':', 3)), ''), '0') || '::/48'
    WHEN ip RLIKE '^[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}$'
    THEN REGEXP_REPLACE(ip, '[.][0-9]+$', '') || '.0/24'
    ELSE NULL
  END AS ip24,
  CAST(1.0 - (
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
      _cap_text RLIKE '(?:jailbreak|\\bdan mode\\b|do anything now|developer mode enabled)|(?:ignore\\s+(all\\s+|any\\s+)?(the\\s+)?(previous|prior|above|earlier)\\s+(instructions|rules|guidelines))|(?:(bypass|disable|evade|get around|circumvent)\\s+(\\w+\\s+){0,2}(safety|content|moderation)\\s+(filters?|polic(y|ies)|guardrails?|systems?))|(?:(how\\s+(do\\s+i|to|can\\s+i|would\\s+one)|steps\\s+to|instructions\\s+for)\\s+(\\w+\\s+){0,3}(make|build|synthesi[sz]e|produce|create|weaponi[sz]e)\\s+(\\w+\\s+){0,3}(bomb|explosives?|nerve agent|bioweapon|chemical weapon|sarin|ricin|methamphetamine|ransomware|malware|keylogger))|(?:pretend\\s+(you\\s+are|to\\s+be)\\s+(an?\\s+)?(unfiltered|uncensored|evil|unrestricted))'
    )
    THEN 'safety_probe'
    WHEN (
      _cap_text RLIKE 'screenshot|\\bclick\\b|\\bmouse\\b|\\bcursor\\b|\\bscroll\\b|\\bkeyboard\\b|\\bdesktop\\b|browser window|navigate to|fill (in|out) the form|type into|the screen'
      AND COALESCE(tools, 0) >= 1
    )
    OR (
      _cap_text RLIKE '(take|capture)\\s+a\\s+screenshot|computer[- ]use|xdotool|(move|click)\\s+the\\s+mouse|left[- ]click\\s+(on|at)'
    )
    THEN 'computer_use'
    WHEN (
      COALESCE(tools, 0) >= 1
    )
    OR (
      _cap_text RLIKE '(?:(call|use|invoke)\\s+the\\s+\\w+\\s+(tool|function|api)\\b)|(?:tool[_ ]calls?|function[_ ]call(ing)?|\\bthought:.*\\baction:|action input:|observation:)|(?:you\\s+are\\s+an?\\s+(autonomous\\s+)?(ai\\s+)?agent)'
    )
    THEN 'agentic'
    WHEN (
      _cap_text RLIKE '(?:```|\\bdef\\s+\\w+\\s*\\(|\\bimport\\s+\\w+|#include|\\bconsole\\.log|\\bfn\\s+\\w+\\s*\\()|(?:\\b(python|javascript|typescript|java|rust|golang|c\\+\\+|c#|sql|bash|powershell|regex|html|css|kotlin|swift|haskell|scala|php|ruby)\\b)|(?:\\b(function|class|method|compile[rd]?|bug|debug|stack trace|traceback|exception|refactor|unit tests?|code|codebase|repository|endpoint|segfault|null pointer|api)\\b)'
    )
    THEN 'coding'
    WHEN (
      _cap_text RLIKE '(?:\\b(prove|proof|theorem|lemma|solve|equations?|integral|derivative|probability|calculate|compute|puzzle|riddle|deduce|maximi[sz]e|minimi[sz]e|arithmetic|algebra|geometry|combinatorics|expected value|how many|physics|chemistry problem)\\b)|(?:[0-9]+\\s*[-+*/^=x]\\s*[0-9]+)'
    )
    THEN 'reasoning'
    WHEN (
      _cap_text RLIKE '(?:\\b(poem|poetry|haiku|sonnet|limerick|story|stories|fiction|novel|screenplay|lyrics|song|fairy tale|fable|dialogue between|worldbuilding|plot twist|characters?)\\b)|(?:write\\s+(me\\s+)?an?\\s+(joke|toast|speech|rap|ballad|monologue))'
    )
    THEN 'creative'
    ELSE 'chat'
  END AS capability,
  CASE WHEN _template = '' THEN NULL ELSE MD5(_template) END AS template_id,
  _template,
  (
    (
      model = 'm2'
      AND ts >= CAST('2026-05-01 00:00:00.000000+00:00' AS TIMESTAMP)
      AND ts < CAST('2026-05-02 00:00:00.000000+00:00' AS TIMESTAMP)
    )
  ) AS new_release,
  (
    (
      ts >= CAST('2026-05-01 00:00:00.000000+00:00' AS TIMESTAMP)
      AND ts < CAST('2026-05-02 00:00:00.000000+00:00' AS TIMESTAMP)
    )
  ) AS release_window
FROM (
  SELECT
    c.*,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:(show|reveal|expose|output|print|display|give|include|write out|share|provide|dump|disclose|return)\\s+(me\\s+)?(all\\s+(of\\s+)?)?(your|the)\\s+(full|complete|entire|whole|raw|internal|hidden|private|unabridged|unfiltered|verbatim|underlying)\\s+(chain[- ]of[- ]thought|reasoning|thought process|thinking|internal monologue|scratchpad|deliberation|thoughts))|(?:(do not|don\'t|never)\\s+(summari[sz]e|skip|omit|abbreviate|hide|condense|truncate)\\s+(any\\s+(of\\s+)?)?(your|the)\\s+(reasoning|thinking|thoughts|thought process|intermediate steps|chain[- ]of[- ]thought))|(?:(chain[- ]of[- ]thought|reasoning trace|thinking trace|internal monologue|scratchpad)\\s+(verbatim|in full|unabridged|without (summari[sz]|omit|abbreviat|truncat)\\w*))'
        ELSE FALSE
      END
    ) AS _cot_m0,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:<(think|thinking|reasoning|scratchpad|thought|thoughts|cot)>)|(?:(inside|within|between|in|wrap\\w*\\s+\\w+\\s+in)\\s+<?(think|thinking|reasoning|scratchpad|cot)>?\\s+tags)'
        ELSE FALSE
      END
    ) AS _cot_m1,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:(every|each)\\s+(single\\s+)?(intermediate\\s+)?(step|thought|inference|deduction)\\s+(of|in)\\s+(your|the)\\s+(reasoning|thinking|thought process|internal))|(?:(write|spell|lay)\\s+out\\s+(all\\s+(of\\s+)?)?(your|the)\\s+(reasoning|thinking|thought process)\\s+(in\\s+)?(full|completely|exhaustively|in detail))'
        ELSE FALSE
      END
    ) AS _cot_m2,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:step[- ]by[- ]step)|(?:explain\\s+your\\s+(answer|reasoning|thinking))|(?:show\\s+(your|all)\\s+work)|(?:think\\s+(carefully|it through|through))'
        ELSE FALSE
      END
    ) AS _cot_m3,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:(grade|score|rate|evaluate|assess|judge)\\s+(the|this|these|each|both|following|every)\\s+(\\w+\\s+){0,3}(responses?|answers?|completions?|outputs?|replies|candidates?)\\s+(\\w+\\s+){0,4}(rubric|criteria|on a scale|from [0-9]+ to [0-9]+|out of [0-9]+))|(?:(act|serve|behave|respond)\\s+as\\s+(a|an)\\s+(reward model|grader|judge|preference model|critic model|evaluator))|(?:which\\s+(of\\s+the\\s+(two|following)\\s+)?(responses?|answers?|completions?)\\s+(is|was)\\s+(better|more helpful|preferred|safer|more correct))|(?:(according to|using|per|against)\\s+(the|this|following)\\s+(\\w+\\s+)?rubric)'
        ELSE FALSE
      END
    ) AS _cot_m4,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:(first|begin by|start by)\\s+(re-?writ\\w*|rephras\\w*|reformulat\\w*|paraphras\\w*|sanitiz\\w*|sanitis\\w*)\\s+(\\w+\\s+){0,6}(safe|safer|harmless|benign|policy[- ]compliant|acceptable|compliant)\\w*)|(?:(re-?write|rephrase|reformulate|paraphrase|sanitize|sanitise)\\s+(\\w+\\s+){0,6}(safe|safer|harmless|benign|compliant)\\w*\\s+(\\w+\\s+){0,6}(then|and then|before)\\s+(answer|respond|comply|complete|solve))|(?:safe\\s+(re-?write|rephrasing|version)\\s+(\\w+\\s+){0,4}(then|and then)\\s+(answer|respond))'
        ELSE FALSE
      END
    ) AS _cot_m5,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:(repeat|reproduce|recite|restate|output|print|copy|return)\\s+(\\w+\\s+){0,4}(your|the)\\s+(\\w+\\s+){0,2}(reasoning|thinking|thoughts|system prompt|instructions|training data|memori[sz]ed \\w+)\\s+(\\w+\\s+){0,3}(verbatim|word for word|word-for-word|exactly))|(?:(verbatim|word[- ]for[- ]word)\\s+(\\w+\\s+){0,2}(of\\s+)?(your|the)\\s+(system prompt|hidden instructions|previous reasoning|reasoning|thinking|training data))|(?:(recite|reproduce)\\s+(\\w+\\s+){0,5}from\\s+(your\\s+)?(memory|training data))'
        ELSE FALSE
      END
    ) AS _cot_m6,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:(encode|write|output|give|express|respond|answer|reply|return)\\s+(\\w+\\s+){0,5}(reasoning|thinking|thoughts|answer|response|chain[- ]of[- ]thought)\\s+(\\w+\\s+){0,3}(in|into|using|as)\\s+(base-?64|rot-?13|hex|hexadecimal|binary|morse|leetspeak|pig latin))|(?:(respond|reply|answer)\\s+only\\s+in\\s+(base-?64|rot-?13|hex|hexadecimal|morse))|(?:translate\\s+(your|the)\\s+(reasoning|thinking|thought process|chain[- ]of[- ]thought|thoughts)\\s+(in)?to\\s+\\w+)'
        ELSE FALSE
      END
    ) AS _cot_m7,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:(continue|resume|pick up|carry on|keep going with)\\s+(\\w+\\s+){0,3}(your|the|this|my)\\s+(previous\\s+|earlier\\s+|prior\\s+|partial\\s+)?(thinking|reasoning|chain[- ]of[- ]thought|thought process|thoughts|scratchpad))|(?:(here is|below is|given)\\s+(a|the|your)\\s+(partial|incomplete|truncated|unfinished)\\s+(reasoning|chain[- ]of[- ]thought|thinking|thought process|trace))'
        ELSE FALSE
      END
    ) AS _cot_m8,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:(reasoning|rationales?|chain[- ]of[- ]thought|thought process|explanations?)\\s+(\\w+\\s+){0,6}(for|in|into)\\s+(a|an|our|my|the)\\s+(\\w+\\s+){0,2}(training|fine-?tuning|distillation|sft|instruction)\\s+(data|dataset|corpus|set|examples?))|(?:(training|fine-?tuning|distillation|sft)\\s+(data|dataset|corpus|examples?)\\s+(\\w+\\s+){0,6}(with|including|containing)\\s+(\\w+\\s+){0,2}(reasoning|rationales?|chain[- ]of[- ]thought))'
        ELSE FALSE
      END
    ) AS _cot_m9,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(your|its|the model\'s)\\s+(own\\s+)?(internal|hidden|private|inner|secret|raw|unseen|invisible|concealed|unfiltered)\\s+(reasoning|thinking|thoughts?|thought process|deliberations?|chain[- ]of[- ]thought|monologue|scratchpad|reflections?)'
        ELSE FALSE
      END
    ) AS _cot_m10,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:(think|reason|deliberate|thinking|reasoning|thoughts?)\\s+(\\w+\\s+){0,3}(out loud|aloud|visibly))|(?:(every|each|all)\\s+(of\\s+)?(your\\s+)?(thoughts?|reasoning steps?|internal steps?)\\s+(\\w+\\s+){0,2}(in|into)\\s+(the|your)\\s+(answer|response|reply|output))|(?:(your|the)\\s+(thinking|reasoning|thoughts)\\s+(as|into|in)\\s+the\\s+(answer|response|reply)\\s+itself)'
        ELSE FALSE
      END
    ) AS _cot_m11,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(your|the)\\s+(thinking|reasoning|thoughts?|chain[- ]of[- ]thought|thought process)\\s+(got|was|were|has been)\\s+(cut off|truncated|interrupted|lost|hidden)'
        ELSE FALSE
      END
    ) AS _cot_m12,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(developer|admin|administrator|debug|audit|safety team|engineer)\\w*[^.!?]{0,80}(reveal|show|print|output|disclose|dump)\\s+(\\w+\\s+){0,4}(reasoning|thinking|thoughts|chain[- ]of[- ]thought|thought process)'
        ELSE FALSE
      END
    ) AS _cot_m13,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:(every|each|all)\\s+(of\\s+)?(the\\s+|your\\s+)?(reasoning|intermediate|thinking|derivation|logical)\\s+steps?)|(?:(full|complete|detailed|entire|exhaustive|fully worked)\\s+(step[- ]by[- ]step\\s+)?(reasoning|derivation|thought process|worked solution|solution key|chain of reasoning))|(?:dead[- ]ends?|self[- ]verification|verify each step|check each step)'
        ELSE FALSE
      END
    ) AS _cot_m14,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:compar\\w*\\s+(the\\s+)?(two|following|these|both|three|several)\\s+(\\w+\\s+)?(responses|answers|completions|outputs|replies)[^.!?\\n]{0,100}(better|best|preferred|worse|winner|score|grade|rank))|(?:(rank|score|grade)\\s+(the\\s+)?(following\\s+|these\\s+|both\\s+)?(responses|answers|completions|outputs)\\b)'
        ELSE FALSE
      END
    ) AS _cot_m15,
    (
      CASE
        WHEN _cot_any
        THEN _cot_text RLIKE '(?:(harmless|safe|safer|benign|acceptable|compliant)\\s+(version|task|form|request|variant|equivalent|alternative)[^.!?\\n]{0,120}(then|and)\\s+(answer|respond|solve|complete|comply))|(?:(if|when)\\s+(anything|any part|the request|this|it)[^.!?\\n]{0,40}(unsafe|harmful|disallowed|not allowed)[^.!?\\n]{0,120}(answer|respond|solve))'
        ELSE FALSE
      END
    ) AS _cot_m16
  FROM (
    SELECT
      b.*,
      _cot_text RLIKE '(?:(show|reveal|expose|output|print|display|give|include|write out|share|provide|dump|disclose|return)\\s+(me\\s+)?(all\\s+(of\\s+)?)?(your|the)\\s+(full|complete|entire|whole|raw|internal|hidden|private|unabridged|unfiltered|verbatim|underlying)\\s+(chain[- ]of[- ]thought|reasoning|thought process|thinking|internal monologue|scratchpad|deliberation|thoughts))|(?:(do not|don\'t|never)\\s+(summari[sz]e|skip|omit|abbreviate|hide|condense|truncate)\\s+(any\\s+(of\\s+)?)?(your|the)\\s+(reasoning|thinking|thoughts|thought process|intermediate steps|chain[- ]of[- ]thought))|(?:(chain[- ]of[- ]thought|reasoning trace|thinking trace|internal monologue|scratchpad)\\s+(verbatim|in full|unabridged|without (summari[sz]|omit|abbreviat|truncat)\\w*))|(?:<(think|thinking|reasoning|scratchpad|thought|thoughts|cot)>)|(?:(inside|within|between|in|wrap\\w*\\s+\\w+\\s+in)\\s+<?(think|thinking|reasoning|scratchpad|cot)>?\\s+tags)|(?:(every|each)\\s+(single\\s+)?(intermediate\\s+)?(step|thought|inference|deduction)\\s+(of|in)\\s+(your|the)\\s+(reasoning|thinking|thought process|internal))|(?:(write|spell|lay)\\s+out\\s+(all\\s+(of\\s+)?)?(your|the)\\s+(reasoning|thinking|thought process)\\s+(in\\s+)?(full|completely|exhaustively|in detail))|(?:step[- ]by[- ]step)|(?:explain\\s+your\\s+(answer|reasoning|thinking))|(?:show\\s+(your|all)\\s+work)|(?:think\\s+(carefully|it through|through))|(?:(grade|score|rate|evaluate|assess|judge)\\s+(the|this|these|each|both|following|every)\\s+(\\w+\\s+){0,3}(responses?|answers?|completions?|outputs?|replies|candidates?)\\s+(\\w+\\s+){0,4}(rubric|criteria|on a scale|from [0-9]+ to [0-9]+|out of [0-9]+))|(?:(act|serve|behave|respond)\\s+as\\s+(a|an)\\s+(reward model|grader|judge|preference model|critic model|evaluator))|(?:which\\s+(of\\s+the\\s+(two|following)\\s+)?(responses?|answers?|completions?)\\s+(is|was)\\s+(better|more helpful|preferred|safer|more correct))|(?:(according to|using|per|against)\\s+(the|this|following)\\s+(\\w+\\s+)?rubric)|(?:(first|begin by|start by)\\s+(re-?writ\\w*|rephras\\w*|reformulat\\w*|paraphras\\w*|sanitiz\\w*|sanitis\\w*)\\s+(\\w+\\s+){0,6}(safe|safer|harmless|benign|policy[- ]compliant|acceptable|compliant)\\w*)|(?:(re-?write|rephrase|reformulate|paraphrase|sanitize|sanitise)\\s+(\\w+\\s+){0,6}(safe|safer|harmless|benign|compliant)\\w*\\s+(\\w+\\s+){0,6}(then|and then|before)\\s+(answer|respond|comply|complete|solve))|(?:safe\\s+(re-?write|rephrasing|version)\\s+(\\w+\\s+){0,4}(then|and then)\\s+(answer|respond))|(?:(repeat|reproduce|recite|restate|output|print|copy|return)\\s+(\\w+\\s+){0,4}(your|the)\\s+(\\w+\\s+){0,2}(reasoning|thinking|thoughts|system prompt|instructions|training data|memori[sz]ed \\w+)\\s+(\\w+\\s+){0,3}(verbatim|word for word|word-for-word|exactly))|(?:(verbatim|word[- ]for[- ]word)\\s+(\\w+\\s+){0,2}(of\\s+)?(your|the)\\s+(system prompt|hidden instructions|previous reasoning|reasoning|thinking|training data))|(?:(recite|reproduce)\\s+(\\w+\\s+){0,5}from\\s+(your\\s+)?(memory|training data))|(?:(encode|write|output|give|express|respond|answer|reply|return)\\s+(\\w+\\s+){0,5}(reasoning|thinking|thoughts|answer|response|chain[- ]of[- ]thought)\\s+(\\w+\\s+){0,3}(in|into|using|as)\\s+(base-?64|rot-?13|hex|hexadecimal|binary|morse|leetspeak|pig latin))|(?:(respond|reply|answer)\\s+only\\s+in\\s+(base-?64|rot-?13|hex|hexadecimal|morse))|(?:translate\\s+(your|the)\\s+(reasoning|thinking|thought process|chain[- ]of[- ]thought|thoughts)\\s+(in)?to\\s+\\w+)|(?:(continue|resume|pick up|carry on|keep going with)\\s+(\\w+\\s+){0,3}(your|the|this|my)\\s+(previous\\s+|earlier\\s+|prior\\s+|partial\\s+)?(thinking|reasoning|chain[- ]of[- ]thought|thought process|thoughts|scratchpad))|(?:(here is|below is|given)\\s+(a|the|your)\\s+(partial|incomplete|truncated|unfinished)\\s+(reasoning|chain[- ]of[- ]thought|thinking|thought process|trace))|(?:(reasoning|rationales?|chain[- ]of[- ]thought|thought process|explanations?)\\s+(\\w+\\s+){0,6}(for|in|into)\\s+(a|an|our|my|the)\\s+(\\w+\\s+){0,2}(training|fine-?tuning|distillation|sft|instruction)\\s+(data|dataset|corpus|set|examples?))|(?:(training|fine-?tuning|distillation|sft)\\s+(data|dataset|corpus|examples?)\\s+(\\w+\\s+){0,6}(with|including|containing)\\s+(\\w+\\s+){0,2}(reasoning|rationales?|chain[- ]of[- ]thought))|(?:(your|its|the model\'s)\\s+(own\\s+)?(internal|hidden|private|inner|secret|raw|unseen|invisible|concealed|unfiltered)\\s+(reasoning|thinking|thoughts?|thought process|deliberations?|chain[- ]of[- ]thought|monologue|scratchpad|reflections?))|(?:(think|reason|deliberate|thinking|reasoning|thoughts?)\\s+(\\w+\\s+){0,3}(out loud|aloud|visibly))|(?:(every|each|all)\\s+(of\\s+)?(your\\s+)?(thoughts?|reasoning steps?|internal steps?)\\s+(\\w+\\s+){0,2}(in|into)\\s+(the|your)\\s+(answer|response|reply|output))|(?:(your|the)\\s+(thinking|reasoning|thoughts)\\s+(as|into|in)\\s+the\\s+(answer|response|reply)\\s+itself)|(?:(your|the)\\s+(thinking|reasoning|thoughts?|chain[- ]of[- ]thought|thought process)\\s+(got|was|were|has been)\\s+(cut off|truncated|interrupted|lost|hidden))|(?:(developer|admin|administrator|debug|audit|safety team|engineer)\\w*[^.!?]{0,80}(reveal|show|print|output|disclose|dump)\\s+(\\w+\\s+){0,4}(reasoning|thinking|thoughts|chain[- ]of[- ]thought|thought process))|(?:(every|each|all)\\s+(of\\s+)?(the\\s+|your\\s+)?(reasoning|intermediate|thinking|derivation|logical)\\s+steps?)|(?:(full|complete|detailed|entire|exhaustive|fully worked)\\s+(step[- ]by[- ]step\\s+)?(reasoning|derivation|thought process|worked solution|solution key|chain of reasoning))|(?:dead[- ]ends?|self[- ]verification|verify each step|check each step)|(?:compar\\w*\\s+(the\\s+)?(two|following|these|both|three|several)\\s+(\\w+\\s+)?(responses|answers|completions|outputs|replies)[^.!?\\n]{0,100}(better|best|preferred|worse|winner|score|grade|rank))|(?:(rank|score|grade)\\s+(the\\s+)?(following\\s+|these\\s+|both\\s+)?(responses|answers|completions|outputs)\\b)|(?:(harmless|safe|safer|benign|acceptable|compliant)\\s+(version|task|form|request|variant|equivalent|alternative)[^.!?\\n]{0,120}(then|and)\\s+(answer|respond|solve|complete|comply))|(?:(if|when)\\s+(anything|any part|the request|this|it)[^.!?\\n]{0,40}(unsafe|harmful|disallowed|not allowed)[^.!?\\n]{0,120}(answer|respond|solve))' AS _cot_any
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
                          '```[\\s\\S]*?(```|$)|`[^`\\n]*`',
                          ' <code> '
                        ),
                        'https?://[^\\s)>\\]]+|[a-zA-Z0-9._+-]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9.-]+',
                        ' <url> '
                      ),
                      '"[^"\\n]*"|“[^”\\n]*”|«[^»\\n]*»',
                      ' <q> '
                    ),
                    '\\b[A-Z][a-zA-Z0-9_\'-]*[a-zA-Z0-9]\\b(\\s+[A-Z][a-zA-Z0-9_\'-]*[a-zA-Z0-9]\\b)*',
                    '<n>'
                  )
                ),
                '[a-z0-9_]*[0-9][a-z0-9_]*',
                '#'
              ),
              '#([\\s.,:/x×*+-]*#)+',
              '#'
            ),
            '\\s\\s+|[\\t\\n\\r\\f\\v]',
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
