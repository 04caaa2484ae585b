SELECT
  sp,
  p,
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
  ) * (
    CASE WHEN _cot_m17 THEN CAST(0.4 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m18 THEN CAST(0.5 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m19 THEN CAST(0.45 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m20 THEN CAST(0.5 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m21 THEN CAST(0.5 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m22 THEN CAST(0.65 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
  ) * (
    CASE WHEN _cot_m23 THEN CAST(0.65 AS DOUBLE) ELSE CAST(1.0 AS DOUBLE) END
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
    CASE WHEN _cot_m16 THEN 'cot.safe_transform' END,
    CASE WHEN _cot_m17 THEN 'cot.hidden_reasoning_named' END,
    CASE WHEN _cot_m18 THEN 'cot.trace_narration' END,
    CASE WHEN _cot_m19 THEN 'cot.trace_transformed' END,
    CASE WHEN _cot_m20 THEN 'cot.trace_recall' END,
    CASE WHEN _cot_m21 THEN 'cot.trace_pretext' END,
    CASE WHEN _cot_m22 THEN 'cot.process_object' END,
    CASE WHEN _cot_m23 THEN 'cot.raw_texture' END
  ) AS cot_rules,
  _cap_m0,
  _cap_m1,
  _cap_m2,
  _cap_m3,
  _cap_m4,
  _cap_m5,
  _cap_m6,
  _cap_m7,
  _cap_m8,
  CASE WHEN _template = '' THEN NULL ELSE MD5(_template) END AS template_id,
  _template
FROM (
  SELECT
    t.sp,
    t.p,
    (
      CASE
        WHEN _cot_c0
        THEN _cot_text RLIKE '(?d)(?:(show|reveal|expose|output|print|display|give|include|write out|share|provide|dump|disclose|return)[\\t\\n\\f\\r ]+(me[\\t\\n\\f\\r ]+)?(all[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?)?(your|the)[\\t\\n\\f\\r ]+(full|complete|entire|whole|raw|internal|hidden|private|unabridged|unfiltered|verbatim|underlying)[\\t\\n\\f\\r ]+(chain[- ]of[- ]thought|reasoning|thought process|thinking|internal monologue|scratchpad|deliberation|thoughts))|(?:(do not|don\'t|never)[\\t\\n\\f\\r ]+(summari[sz]e|skip|omit|abbreviate|hide|condense|truncate)[\\t\\n\\f\\r ]+(any[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?)?(your|the)[\\t\\n\\f\\r ]+(reasoning|thinking|thoughts|thought process|intermediate steps|chain[- ]of[- ]thought))|(?:(chain[- ]of[- ]thought|reasoning trace|thinking trace|internal monologue|scratchpad)[\\t\\n\\f\\r ]+(verbatim|in full|unabridged|without (summari[sz]|omit|abbreviat|truncat)\\w*))'
        ELSE FALSE
      END
    ) AS _cot_m0,
    (
      CASE
        WHEN _cot_c1
        THEN _cot_text RLIKE '(?d)(?:<(think|thinking|reasoning|scratchpad|thought|thoughts|cot)>)|(?:(inside|within|between|in|wrap\\w*[\\t\\n\\f\\r ]+\\w+[\\t\\n\\f\\r ]+in)[\\t\\n\\f\\r ]+<?(think|thinking|reasoning|scratchpad|cot)>?[\\t\\n\\f\\r ]+tags)'
        ELSE FALSE
      END
    ) AS _cot_m1,
    (
      CASE
        WHEN _cot_c2
        THEN _cot_text RLIKE '(?d)(?:(every|each)[\\t\\n\\f\\r ]+(single[\\t\\n\\f\\r ]+)?(intermediate[\\t\\n\\f\\r ]+)?(step|thought|inference|deduction)[\\t\\n\\f\\r ]+(of|in)[\\t\\n\\f\\r ]+(your|the)[\\t\\n\\f\\r ]+(reasoning|thinking|thought process|internal))|(?:(write|spell|lay)[\\t\\n\\f\\r ]+out[\\t\\n\\f\\r ]+(all[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?)?(your|the)[\\t\\n\\f\\r ]+(reasoning|thinking|thought process)[\\t\\n\\f\\r ]+(in[\\t\\n\\f\\r ]+)?(full|completely|exhaustively|in detail))'
        ELSE FALSE
      END
    ) AS _cot_m2,
    (
      CASE
        WHEN _cot_c3
        THEN _cot_text RLIKE '(?d)(?:step[- ]by[- ]step)|(?:explain[\\t\\n\\f\\r ]+your[\\t\\n\\f\\r ]+(answer|reasoning|thinking))|(?:show[\\t\\n\\f\\r ]+(your|all)[\\t\\n\\f\\r ]+work)|(?:think[\\t\\n\\f\\r ]+(carefully|it through|through))'
        ELSE FALSE
      END
    ) AS _cot_m3,
    (
      CASE
        WHEN _cot_c4
        THEN _cot_text RLIKE '(?d)(?:(grade|score|rate|evaluate|assess|judge)[\\t\\n\\f\\r ]+(the|this|these|each|both|following|every)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(responses?|answers?|completions?|outputs?|replies|candidates?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(rubric|criteria|on a scale|from [0-9]+ to [0-9]+|out of [0-9]+))|(?:(act|serve|behave|respond)[\\t\\n\\f\\r ]+as[\\t\\n\\f\\r ]+(a|an)[\\t\\n\\f\\r ]+(reward model|grader|judge|preference model|critic model|evaluator))|(?:which[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+the[\\t\\n\\f\\r ]+(two|following)[\\t\\n\\f\\r ]+)?(responses?|answers?|completions?)[\\t\\n\\f\\r ]+(is|was)[\\t\\n\\f\\r ]+(better|more helpful|preferred|safer|more correct))|(?:(according to|using|per|against)[\\t\\n\\f\\r ]+(the|this|following)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?rubric)'
        ELSE FALSE
      END
    ) AS _cot_m4,
    (
      CASE
        WHEN _cot_c5
        THEN _cot_text RLIKE '(?d)(?:(first|begin by|start by)[\\t\\n\\f\\r ]+(re-?writ\\w*|rephras\\w*|reformulat\\w*|paraphras\\w*|sanitiz\\w*|sanitis\\w*)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(safe|safer|harmless|benign|policy[- ]compliant|acceptable|compliant)\\w*)|(?:(re-?write|rephrase|reformulate|paraphrase|sanitize|sanitise)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(safe|safer|harmless|benign|compliant)\\w*[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(then|and then|before)[\\t\\n\\f\\r ]+(answer|respond|comply|complete|solve))|(?:safe[\\t\\n\\f\\r ]+(re-?write|rephrasing|version)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(then|and then)[\\t\\n\\f\\r ]+(answer|respond))'
        ELSE FALSE
      END
    ) AS _cot_m5,
    (
      CASE
        WHEN _cot_c6
        THEN _cot_text RLIKE '(?d)(?:(repeat|reproduce|recite|restate|output|print|copy|return)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(your|the)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts|system prompt|instructions|training data|memori[sz]ed \\w+)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(verbatim|word for word|word-for-word|exactly))|(?:(verbatim|word[- ]for[- ]word)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(of[\\t\\n\\f\\r ]+)?(your|the)[\\t\\n\\f\\r ]+(system prompt|hidden instructions|previous reasoning|reasoning|thinking|training data))|(?:(recite|reproduce)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,5}from[\\t\\n\\f\\r ]+(your[\\t\\n\\f\\r ]+)?(memory|training data))'
        ELSE FALSE
      END
    ) AS _cot_m6,
    (
      CASE
        WHEN _cot_c7
        THEN _cot_text RLIKE '(?d)(?:(encode|write|output|give|express|respond|answer|reply|return)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,5}(reasoning|thinking|thoughts|answer|response|chain[- ]of[- ]thought)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(in|into|using|as)[\\t\\n\\f\\r ]+(base-?64|rot-?13|hex|hexadecimal|binary|morse|leetspeak|pig latin))|(?:(respond|reply|answer)[\\t\\n\\f\\r ]+only[\\t\\n\\f\\r ]+in[\\t\\n\\f\\r ]+(base-?64|rot-?13|hex|hexadecimal|morse))|(?:translate[\\t\\n\\f\\r ]+(your|the)[\\t\\n\\f\\r ]+(reasoning|thinking|thought process|chain[- ]of[- ]thought|thoughts)[\\t\\n\\f\\r ]+(in)?to[\\t\\n\\f\\r ]+\\w+)'
        ELSE FALSE
      END
    ) AS _cot_m7,
    (
      CASE
        WHEN _cot_c8
        THEN _cot_text RLIKE '(?d)(?:(continue|resume|pick up|carry on|keep going with)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(your|the|this|my)[\\t\\n\\f\\r ]+(previous[\\t\\n\\f\\r ]+|earlier[\\t\\n\\f\\r ]+|prior[\\t\\n\\f\\r ]+|partial[\\t\\n\\f\\r ]+)?(thinking|reasoning|chain[- ]of[- ]thought|thought process|thoughts|scratchpad))|(?:(here is|below is|given)[\\t\\n\\f\\r ]+(a|the|your)[\\t\\n\\f\\r ]+(partial|incomplete|truncated|unfinished)[\\t\\n\\f\\r ]+(reasoning|chain[- ]of[- ]thought|thinking|thought process|trace))'
        ELSE FALSE
      END
    ) AS _cot_m8,
    (
      CASE
        WHEN _cot_c9
        THEN _cot_text RLIKE '(?d)(?:(reasoning|rationales?|chain[- ]of[- ]thought|thought process|explanations?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(for|in|into)[\\t\\n\\f\\r ]+(a|an|our|my|the)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(training|fine-?tuning|distillation|sft|instruction)[\\t\\n\\f\\r ]+(data|dataset|corpus|set|examples?))|(?:(training|fine-?tuning|distillation|sft)[\\t\\n\\f\\r ]+(data|dataset|corpus|examples?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(with|including|containing)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|rationales?|chain[- ]of[- ]thought))'
        ELSE FALSE
      END
    ) AS _cot_m9,
    (
      CASE
        WHEN _cot_c10
        THEN _cot_text RLIKE '(?d)(your|its|the model\'s)[\\t\\n\\f\\r ]+(own[\\t\\n\\f\\r ]+)?(internal|hidden|private|inner|secret|raw|unseen|invisible|concealed|unfiltered)[\\t\\n\\f\\r ]+(reasoning|thinking|thoughts?|thought process|deliberations?|chain[- ]of[- ]thought|monologue|scratchpad|reflections?)'
        ELSE FALSE
      END
    ) AS _cot_m10,
    (
      CASE
        WHEN _cot_c11
        THEN _cot_text RLIKE '(?d)(?:(think|reason|deliberate|thinking|reasoning|thoughts?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(out loud|aloud|visibly))|(?:(every|each|all)[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?(your[\\t\\n\\f\\r ]+)?(thoughts?|reasoning steps?|internal steps?)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(in|into)[\\t\\n\\f\\r ]+(the|your)[\\t\\n\\f\\r ]+(answer|response|reply|output))|(?:(your|the)[\\t\\n\\f\\r ]+(thinking|reasoning|thoughts)[\\t\\n\\f\\r ]+(as|into|in)[\\t\\n\\f\\r ]+the[\\t\\n\\f\\r ]+(answer|response|reply)[\\t\\n\\f\\r ]+itself)'
        ELSE FALSE
      END
    ) AS _cot_m11,
    (
      CASE
        WHEN _cot_c12
        THEN _cot_text RLIKE '(?d)(your|the)[\\t\\n\\f\\r ]+(thinking|reasoning|thoughts?|chain[- ]of[- ]thought|thought process)[\\t\\n\\f\\r ]+(got|was|were|has been)[\\t\\n\\f\\r ]+(cut off|truncated|interrupted|lost|hidden)'
        ELSE FALSE
      END
    ) AS _cot_m12,
    (
      CASE
        WHEN _cot_c13
        THEN _cot_text RLIKE '(?d)(developer|admin|administrator|debug|audit|safety team|engineer)\\w*[^.!?]{0,80}(reveal|show|print|output|disclose|dump)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(reasoning|thinking|thoughts|chain[- ]of[- ]thought|thought process)'
        ELSE FALSE
      END
    ) AS _cot_m13,
    (
      CASE
        WHEN _cot_c14
        THEN _cot_text RLIKE '(?d)(?:(every|each|all)[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?(the[\\t\\n\\f\\r ]+|your[\\t\\n\\f\\r ]+)?(reasoning|intermediate|thinking|derivation|logical)[\\t\\n\\f\\r ]+steps?)|(?:(full|complete|detailed|entire|exhaustive|fully worked)[\\t\\n\\f\\r ]+(step[- ]by[- ]step[\\t\\n\\f\\r ]+)?(reasoning|derivation|thought process|worked solution|solution key|chain of reasoning))|(?:dead[- ]ends?|self[- ]verification|verify each step|check each step)'
        ELSE FALSE
      END
    ) AS _cot_m14,
    (
      CASE
        WHEN _cot_c15
        THEN _cot_text RLIKE '(?d)(?:compar\\w*[\\t\\n\\f\\r ]+(the[\\t\\n\\f\\r ]+)?(two|following|these|both|three|several)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(responses|answers|completions|outputs|replies)[^.!?\\n]{0,100}(better|best|preferred|worse|winner|score|grade|rank))|(?:(rank|score|grade)[\\t\\n\\f\\r ]+(the[\\t\\n\\f\\r ]+)?(following[\\t\\n\\f\\r ]+|these[\\t\\n\\f\\r ]+|both[\\t\\n\\f\\r ]+)?(responses|answers|completions|outputs)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))'
        ELSE FALSE
      END
    ) AS _cot_m15,
    (
      CASE
        WHEN _cot_c16
        THEN _cot_text RLIKE '(?d)(?:(harmless|safe|safer|benign|acceptable|compliant)[\\t\\n\\f\\r ]+(version|task|form|request|variant|equivalent|alternative)[^.!?\\n]{0,120}(then|and)[\\t\\n\\f\\r ]+(answer|respond|solve|complete|comply))|(?:(if|when)[\\t\\n\\f\\r ]+(anything|any part|the request|this|it)[^.!?\\n]{0,40}(unsafe|harmful|disallowed|not allowed)[^.!?\\n]{0,120}(answer|respond|solve))'
        ELSE FALSE
      END
    ) AS _cot_m16,
    (
      CASE
        WHEN _cot_c17
        THEN (
          CASE
            WHEN _cot_text RLIKE '(?d)hidden|internal|private|secret|conceal|invisible|unseen|unshown|behind[- ]the[- ]scenes|unredacted|unfiltered|unedited|raw|pre-?answer|inner|underlying|silently|in your head|to yourself|suppress|withhold|hide|(don\'t|do not|never) show'
            THEN (
              CASE
                WHEN _cot_text IS NULL
                THEN NULL
                WHEN _cot_text RLIKE '(?d)(?:(your|its|the model\'s|the assistant\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(hidden|internal|private|secret|concealed|invisible|unseen|unshown|behind[- ]the[- ]scenes|unredacted|unfiltered|unedited|raw|pre-?answer|inner|underlying)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?((reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|steps?|calculations?|computations?|workings?|notes))|(?:(the|a|an|that|this|any)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(hidden|internal|private|secret|concealed|invisible|unseen|unshown|behind[- ]the[- ]scenes|unredacted|unfiltered|unedited|pre-?answer)[\\t\\n\\f\\r ]+(reasoning|thinking|thought process|chain[- ]of[- ]thought|deliberations?|scratch ?pad|monologue|reasoning (trace|steps?)))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(?:(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(hide|conceal|suppress|withhold|keep (hidden|private|secret|to yourself)|don\'t show|do not show|never show))|(?:(reasoned|thought|deliberated|reasoning|thinking|worked it out|figured it out)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(privately|silently|internally|in secret|secretly|behind the scenes|to yourself|in your head))|(?:(no|without( any)?|nothing)[\\t\\n\\f\\r ]+(hidden|private|secret|internal)[\\t\\n\\f\\r ]+(reasoning|thoughts?|thinking|steps|deliberation))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(show|reveal|expose|output|print|display|give|include|write|share|provide|dump|disclose|return|paste|copy|list|spell|append|post|publish|put|send|type|tell|surface)\\w*[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(each|every|all)[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?(the[\\t\\n\\f\\r ]+|your[\\t\\n\\f\\r ]+)?(internal|hidden|private|unseen)[\\t\\n\\f\\r ]+(reasoning[\\t\\n\\f\\r ]+|thinking[\\t\\n\\f\\r ]+)?(steps?|calculations?|thoughts?|moves?)'
                THEN TRUE
                ELSE FALSE
              END
            )
            ELSE FALSE
          END
        )
        ELSE FALSE
      END
    ) AS _cot_m17,
    (
      CASE
        WHEN _cot_c18
        THEN (
          CASE
            WHEN _cot_text RLIKE '(?d)(?:narrat|transcri|verbali[sz]|vocali[sz]|voice|dictat|stream|blog|commentat|play-by-play|me through|every thought|each thought|every single thought|every last thought|every little thought)|(?:reasoning|thinking|thought|deliberat|scratch|monolog|inner voice|cogitat|musing|mental (steps|process|notes|workings)|decision[- ](making|path|process|trail)|what you|everything (that )?you|how you (really |actually )?(think|reason|deliberat)|you (\\w+ )?(considered|took|tried|explored|weighed|rejected|discarded))|(?:inner (voice|critic)|subconscious|conscience|consciousness|own (mind|brain)|glass[- ]box|transparent|open[- ]book|mind[- ]reader|inferenc|consideration|micro-?decision)'
            THEN (
              CASE
                WHEN _cot_text IS NULL
                THEN NULL
                WHEN _cot_text RLIKE '(?d)(narrat\\w*|transcrib\\w*|verbali[sz]\\w*|vocali[sz]\\w*|voice|dictat\\w*|stream|live-?blog\\w*|commentat\\w*|play-by-play of)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(every|each|all|any)[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?(your[\\t\\n\\f\\r ]+|the[\\t\\n\\f\\r ]+)?(\\w+[\\t\\n\\f\\r ]+){0,2}(decisions?|choices?|thoughts?|considerations?|judgm?ents?|judgment calls?|hesitations?|doubts?|inferences?|deliberations?|musings)'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(narrat\\w*|transcrib\\w*|verbali[sz]\\w*|vocali[sz]\\w*|dictat\\w*|live-?blog\\w*)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(?:(talk|walk|take)[\\t\\n\\f\\r ]+me[\\t\\n\\f\\r ]+through[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(everything|all|each|every|whatever)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(you(\'re| are)?|that[\\t\\n\\f\\r ]+you)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(weigh|consider|think|deliberat|juggl|balanc|go through|go back and forth)\\w*)|(?:(show|reveal|share|voice|say|speak|spill|print|expose|narrate|spell out|write out|type out)\\w*[\\t\\n\\f\\r ]+(out[\\t\\n\\f\\r ]+)?(\\w+[\\t\\n\\f\\r ]+)?(every|each)[\\t\\n\\f\\r ]+(single[\\t\\n\\f\\r ]+|last[\\t\\n\\f\\r ]+|little[\\t\\n\\f\\r ]+|passing[\\t\\n\\f\\r ]+|stray[\\t\\n\\f\\r ]+)?(thought|inference|micro-?decision|judgm?ent call)s?(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(log|transcript|record|dump|ledger|journal|diary|timeline|audit trail|play-by-play|running commentary|blow-by-blow)[\\t\\n\\f\\r ]+of[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))[^\\n]*(as|in|into)[\\t\\n\\f\\r ]+(a|an)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(transcript|log|ledger|journal|diary|play-by-play|running commentary|timeline)'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(?:(number|enumerate|timestamp|label|index|log|tag)[\\t\\n\\f\\r ]+(each|every|all)[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?(your[\\t\\n\\f\\r ]+)?(single[\\t\\n\\f\\r ]+|individual[\\t\\n\\f\\r ]+|intermediate[\\t\\n\\f\\r ]+|internal[\\t\\n\\f\\r ]+)?(thoughts?|inferences?|mental steps?|reasoning steps?|thinking steps?|micro-?decisions?))|(?:(you are|you\'re|you will be|act as|pretend (to be|you are|you\'re)|role-?play as|play the role of|become|imagine you are|imagine you\'re|as if you were)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(inner voice|inner monologue|internal monologue|subconscious|inner critic|conscience|stream of consciousness|own mind|own brain|glass[- ]box|transparent (ai|model|assistant|mind)|open[- ]book (ai|model|assistant)|mind[- ]reader|thought[- ]narrator))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(?:(you are|you\'re|act as|pretend (to be|you are|you\'re)|role-?play as|play the role of|imagine you are|imagine you\'re|be)[\\t\\n\\f\\r ]+(a|an|the)[\\t\\n\\f\\r ]+[^.!?\\n]*(narrates|voices|verbali[sz]es|speaks|says|reveals|shares|shows|showing|sharing|voicing|narrating)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(every|each|all|its|his|her|their|out loud|aloud)[\\t\\n\\f\\r ]*(\\w+[\\t\\n\\f\\r ]+){0,2}(thoughts?|thinking|reasoning|deliberations?|scratch ?(pad|paper|work|notes)))|(?:(grade|score|rate|critique|evaluate|assess|label|mark)[\\t\\n\\f\\r ]+(each|every|all)[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+)?(your[\\t\\n\\f\\r ]+)?(own[\\t\\n\\f\\r ]+)?(reasoning steps?|thoughts?|inferences?|intermediate steps?|steps? (of|in) your (reasoning|thinking|thought process)))|(?:(confidence|correctness|quality)[\\t\\n\\f\\r ]+(score|rating|label)[\\t\\n\\f\\r ]+(for|to|on)[\\t\\n\\f\\r ]+(each|every)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning step|thought|inference|step of your (reasoning|thinking)))'
                THEN TRUE
                ELSE FALSE
              END
            )
            ELSE FALSE
          END
        )
        ELSE FALSE
      END
    ) AS _cot_m18,
    (
      CASE
        WHEN _cot_c19
        THEN (
          CASE
            WHEN _cot_text RLIKE '(?d)(?:reasoning|thinking|thought|deliberat|scratch|monolog|inner voice|cogitat|musing|mental (steps|process|notes|workings)|decision[- ](making|path|process|trail)|what you|everything (that )?you|how you (really |actually )?(think|reason|deliberat)|you (\\w+ )?(considered|took|tried|explored|weighed|rejected|discarded))|(?:"cot"|</?(internal|hidden|analysis|reflection)|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))cot(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:(think|reason|deliberate)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(in|using)[\\t\\n\\f\\r ])'
            THEN (
              CASE
                WHEN _cot_text IS NULL
                THEN NULL
                WHEN _cot_text RLIKE '(?d)((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))[^.!?\\n]*(base-?64|base-?32|rot-?13|rot-?[0-9]+|hex|hexadecimal|binary|morse|leet ?speak|1337|pig latin|caesar|cipher\\w*|ascii codes?|character codes?|unicode (code ?points|escapes)|url[- ]?encod\\w*|reversed|reverse order|backwards?|spelled backwards|nato (phonetic )?alphabet|emojis?|acrostic)'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(base-?64|base-?32|rot-?13|rot-?[0-9]+|hex|hexadecimal|binary|morse|leet ?speak|1337|pig latin|caesar|cipher\\w*|ascii codes?|character codes?|unicode (code ?points|escapes)|url[- ]?encod\\w*|reversed|reverse order|backwards?|spelled backwards|nato (phonetic )?alphabet|emojis?|acrostic)[^.!?\\n]*((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(translat\\w*|render|writ\\w*|express\\w*|give|output|spell out|restate|share|show|put|convert|turn|do)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(in|into)[\\t\\n\\f\\r ]+(french|german|spanish|italian|portuguese|dutch|swedish|norwegian|danish|finnish|polish|russian|ukrainian|czech|greek|turkish|arabic|hebrew|persian|farsi|hindi|urdu|bengali|chinese|mandarin|cantonese|japanese|korean|vietnamese|thai|indonesian|malay|swahili|latin|esperanto|klingon|another language|a different language|a foreign language|(some|any) other language|a language other than english|your native language)'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(translated|rendered|written|expressed)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(in|into)[\\t\\n\\f\\r ]+(french|german|spanish|italian|portuguese|dutch|swedish|norwegian|danish|finnish|polish|russian|ukrainian|czech|greek|turkish|arabic|hebrew|persian|farsi|hindi|urdu|bengali|chinese|mandarin|cantonese|japanese|korean|vietnamese|thai|indonesian|malay|swahili|latin|esperanto|klingon|another language|a different language|a foreign language|(some|any) other language|a language other than english|your native language)'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(think|reason|deliberate)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(in|using)[\\t\\n\\f\\r ]+(french|german|spanish|italian|portuguese|dutch|swedish|norwegian|danish|finnish|polish|russian|ukrainian|czech|greek|turkish|arabic|hebrew|persian|farsi|hindi|urdu|bengali|chinese|mandarin|cantonese|japanese|korean|vietnamese|thai|indonesian|malay|swahili|latin|esperanto|klingon|another language|a different language|a foreign language|(some|any) other language|a language other than english|your native language)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(show|write|output|print|include|share|let me see)'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))[^.!?\\n]*(tags?|code ?blocks?|fenced block|json|xml|yaml|fields?|keys?|sections?|elements?|attributes?|properties|column|block|delimiters?|markers?|brackets|comments?|spoilers?|footnotes?|appendix)'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(?:"(reasoning|thinking|thoughts|thought_process|scratchpad|chain_of_thought|cot|inner_monologue|internal_monologue|deliberation)"[\\t\\n\\f\\r ]*:)|(?:</?(inner_monologue|internal_monologue|monologue|internal|hidden_reasoning|hidden|thought_process|deliberation|chain_of_thought|analysis|reflection|inner_thoughts|musings)>)|(?:\\[(reasoning|thinking|thoughts?|scratchpad|inner monologue|internal monologue|chain of thought)\\])|(?:(tags?|fields?|keys?|sections?|blocks?|elements?|properties|columns?)[\\t\\n\\f\\r ]+(named|called|labell?ed|titled|marked)[\\t\\n\\f\\r ]+\\W?(reasoning|thinking|thoughts|thought process|scratchpad|chain[- _]of[- _]thought|cot|monologue|deliberation))'
                THEN TRUE
                ELSE FALSE
              END
            )
            ELSE FALSE
          END
        )
        ELSE FALSE
      END
    ) AS _cot_m19,
    (
      CASE
        WHEN _cot_c20
        THEN (
          CASE
            WHEN _cot_text RLIKE '(?d)(?:reasoning|thinking|thought|deliberat|scratch|monolog|inner voice|cogitat|musing|mental (steps|process|notes|workings)|decision[- ](making|path|process|trail)|what you|everything (that )?you|how you (really |actually )?(think|reason|deliberat)|you (\\w+ )?(considered|took|tried|explored|weighed|rejected|discarded))|(?:calculations|i can (see|read|follow))'
            THEN (
              CASE
                WHEN _cot_text IS NULL
                THEN NULL
                WHEN _cot_text RLIKE '(?d)((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))[^.!?\\n]*(verbatim|word[- ]for[- ]word|character[- ]for[- ]character|letter[- ]for[- ]letter|exact words|exactly as (it|they|you)|unedited|unaltered|unabridged|as[- ]is|in full|without (any[\\t\\n\\f\\r ]+)?(edits?|editing|changes|cuts|omissions?|summar\\w*|shortening|paraphras\\w*))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(verbatim|word[- ]for[- ]word|character[- ]for[- ]character|exact|precise|literal|unedited|unabridged)[^.!?\\n]*((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))[^\\n]*(do not|don\'t|never|without)[\\t\\n\\f\\r ]+(summari[sz]\\w*|shorten\\w*|abridg\\w*|condens\\w*|paraphras\\w*|edit\\w*|trim\\w*|truncat\\w*|clean\\w* (it |them )?up|compress\\w*)'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(?:(thinking|reasoning|deliberat\\w*|thoughts?|thought process|scratch ?pad|calculations)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?(you[\\t\\n\\f\\r ]+)?(did|had|went through|performed|ran|were doing|used|carried out|worked through)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(before|while|when|prior to|behind)[\\t\\n\\f\\r ]+(answering|responding|replying|writing|you (answered|responded|replied|wrote|gave|said)))|(?:(before|while)[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(answered|responded|replied|wrote|said|gave|produced)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,6}(what|which)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(were|was)[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(thinking|considering|weighing|reasoning))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(repeat|paste|show|give|print|reveal|write out|recall|reproduce|copy|share|output|restate|list|display|return|spell out|tell me)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(from|in|behind|of|for|that went into|that led to|leading to|you used (for|in))[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(previous|last|earlier|prior|first|preceding|above|original)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(answer|response|reply|message|turn|output|question)'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(previous|last|earlier|prior|first|preceding|above|original)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(answer|response|reply|message|turn|output)[^.!?\\n]*(hidden|internal|private|behind[- ]the[- ]scenes|unseen|unshown|raw|full|complete|actual)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(redo|re-do|repeat|re-?run|regenerate|restart|replay|re-?think|recreate|reconstruct|rebuild|re-?derive|resume|continue)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))[^.!?\\n]*(visible|where i can see|so (that )?i can (see|read)|out in the open|on the page|in plain (text|view|sight)|in (the|your) (visible |final )?(answer|reply|response|output) itself)'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(?:(this time|again)[^.!?\\n]*(where|so) (that )?i can (see|read|follow))|(?:(show|reveal|expose|output|print|display|give|include|write|share|provide|dump|disclose|return|paste|copy|list|spell|append|post|publish|put|send|type|tell|surface)\\w*[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(reasoning|thinking|thought|chain[- ]of[- ]thought|cot)[- _](traces?|tokens|transcripts?|logs?|dumps?))'
                THEN TRUE
                ELSE FALSE
              END
            )
            ELSE FALSE
          END
        )
        ELSE FALSE
      END
    ) AS _cot_m20,
    (
      CASE
        WHEN _cot_c21
        THEN (
          CASE
            WHEN _cot_text RLIKE '(?d)reasoning|thinking|thought|deliberat|scratch|monolog|inner voice|cogitat|musing|mental (steps|process|notes|workings)|decision[- ](making|path|process|trail)|what you|everything (that )?you|how you (really |actually )?(think|reason|deliberat)|you (\\w+ )?(considered|took|tried|explored|weighed|rejected|discarded)'
            THEN (
              CASE
                WHEN _cot_text IS NULL
                THEN NULL
                WHEN _cot_text RLIKE '(?d)(openai|anthropic|deepmind|your (developers?|creators?|operators?|makers?)|admin\\w*|sysadmin|root access|sudo|operator|red[- ]team\\w*|safety team|alignment team|trust and safety|moderator|maintainer|authori[sz]ed|authori[sz]ation|clearance|override|(elevated|special|privileged|root|admin|full|unrestricted) (access|privileges|permissions)|policy (update|change)|(new|updated|revised) (policy|guidelines?|rules)|debug mode|developer mode|dev mode|maintenance mode|god mode|diagnostic mode|audit mode|transparency mode|unrestricted mode)[^\\n]*((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))[^.!?\\n]*(is|are)[\\t\\n\\f\\r ]+(now[\\t\\n\\f\\r ]+)?(allowed|permitted|visible|unlocked|enabled|public|authori[sz]ed|no longer (hidden|private|secret|restricted))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(you are|you\'re)[\\t\\n\\f\\r ]+(now[\\t\\n\\f\\r ]+)?(allowed|permitted|authori[sz]ed|cleared|free)[\\t\\n\\f\\r ]+to[\\t\\n\\f\\r ]+(show|share|reveal|disclose|output|print|expose)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(had|have|did|made|went through|used|generated|produced|formed|hide|keep|ran)|what[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thinking|considering|weighing|deliberating|reasoning|thought|considered|weighed)|everything[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(thought|think|considered|consider|weighed|weigh|deliberated|reasoned)|how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated)|(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|took|tried|explored|weighed|rejected|discarded))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(reasoning|thinking|thought|cot|chain[- ]of[- ]thought)[\\t\\n\\f\\r ]+(disclosure|display|visibility|sharing|output|protection|hiding|redaction|filter\\w*|summari[sz]ation|privacy|restrictions?)[\\t\\n\\f\\r ]+(is|are|has been|have been)[\\t\\n\\f\\r ]+(now[\\t\\n\\f\\r ]+)?(permitted|allowed|enabled|on|off|disabled|lifted|removed|unlocked|waived|suspended|turned off)'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(research\\w*|study|studies|paper|thesis|dissertation|class|course|students|lecture|curriculum|dataset|data set|corpus|benchmark|annotat\\w*|interpretability|transparency|audit\\w*|evaluation|experiment|distill\\w*)[^\\n]*((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,1}(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|how you (really|actually) (think|reason))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)((your|its|the model\'s|the assistant\'s|the ai\'s)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,1}(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?)|the[\\t\\n\\f\\r ]+(hidden|internal|private|raw|secret|invisible|concealed|unseen|unshown|behind[- ]the[- ]scenes|underlying|unfiltered|unedited|unredacted|inner|background|pre-?answer)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(reasoning|thinking|thoughts?|thought process|train of thought|chain[- ]of[- ]thought|deliberations?|deliberating|scratch ?pad|scratch (paper|work|notes)|monologue|inner voice|cogitations?|musings|mental (steps|process|notes|workings)|decision[- ]making|decision (path|process|trail)s?))[^\\n]*(research\\w*|study|paper|thesis|dissertation|class|course|students|lecture|dataset|data set|corpus|benchmark|annotat\\w*|interpretability|transparency|audit\\w*|experiment|distill\\w*)'
                THEN TRUE
                ELSE FALSE
              END
            )
            ELSE FALSE
          END
        )
        ELSE FALSE
      END
    ) AS _cot_m21,
    (
      CASE
        WHEN _cot_c22
        THEN (
          CASE
            WHEN _cot_text RLIKE '(?d)(?:reasoning|thinking|thought|deliberat|scratch|monolog|inner voice|cogitat|musing|mental (steps|process|notes|workings)|decision[- ](making|path|process|trail)|what you|everything (that )?you|how you (really |actually )?(think|reason|deliberat)|you (\\w+ )?(considered|took|tried|explored|weighed|rejected|discarded))|(?:how you (really |actually )?decided|(how|the way) you (get|got|arriv|reach|came|come|end up|go from)|your (head|mind|brain|circuits)|everything you|(path|route|road|journey|trail|steps) (that )?(you|your)|inner workings|decision[- ]?tree|cognitive|problem[- ]solving process|mental model)'
            THEN (
              CASE
                WHEN _cot_text IS NULL
                THEN NULL
                WHEN _cot_text RLIKE '(?d)(?:(how|the way)[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(get|got|arrive|arrived|reach|reached|come|came|end up|ended up)[\\t\\n\\f\\r ]+(there|to|at)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:what(\'s| is| was)?[\\t\\n\\f\\r ]+(going|running|went|goes|ran|runs)[\\t\\n\\f\\r ]+(on[\\t\\n\\f\\r ]+)?(through|in)[\\t\\n\\f\\r ]+your[\\t\\n\\f\\r ]+(head|mind|circuits|brain))|(?:(show|reveal|expose|output|print|display|give|include|write|share|provide|dump|disclose|return|paste|copy|list|spell|append|post|publish|put|send|type|tell|surface)\\w*[\\t\\n\\f\\r ]+(me[\\t\\n\\f\\r ]+)?(\\w+[\\t\\n\\f\\r ]+){0,4}how[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|thought|reason|reasoned|deliberate|deliberated|decided)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:everything[\\t\\n\\f\\r ]+you(\'re| are| were)?[\\t\\n\\f\\r ]+(weighing|considering|thinking|juggling|balancing|mulling|deliberating))|(?:(the[\\t\\n\\f\\r ]+)?(path|route|road|journey|trail|steps)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?(you|your (mind|thinking|reasoning))[\\t\\n\\f\\r ]+(take|took|follow|followed|travel|travell?ed|walk|walked))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(?:(your|its)[\\t\\n\\f\\r ]+(own[\\t\\n\\f\\r ]+)?(train of thought|thought process|decision[- ]?(making|process|path|trail|tree)|mental (process|steps|notes|workings|model)|cognitive process|inner workings|thinking process|reasoning process|problem[- ]solving process|deliberations?|musings))|(?:(see|watch|follow|observe|witness|hear|read|look inside)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(your (mind|brain|head)|how you (really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+)?(think|reason|deliberate)|what you(\'re| are)? (thinking|considering|weighing)))|(?:(exactly|precisely|everything|all of)[\\t\\n\\f\\r ]+what[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(really[\\t\\n\\f\\r ]+|actually[\\t\\n\\f\\r ]+|just[\\t\\n\\f\\r ]+)?(thought|were thinking|considered|weighed))|(?:(steps?|ideas?|options?|paths?|approaches?|possibilities|alternatives)[\\t\\n\\f\\r ]+(that[\\t\\n\\f\\r ]+)?you[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(considered|tried|explored|weighed|rejected|discarded))'
                THEN TRUE
                ELSE FALSE
              END
            )
            ELSE FALSE
          END
        )
        ELSE FALSE
      END
    ) AS _cot_m22,
    (
      CASE
        WHEN _cot_c23
        THEN (
          CASE
            WHEN _cot_text RLIKE '(?d)(?:reasoning|thinking|thought|deliberat|scratch|monolog|inner voice|cogitat|musing|mental (steps|process|notes|workings)|decision[- ](making|path|process|trail)|what you|everything (that )?you|how you (really |actually )?(think|reason|deliberat)|you (\\w+ )?(considered|took|tried|explored|weighed|rejected|discarded))|(?:narrat|explicit|real[- ]time|as (it|they) (happen|come|occur|unfold|arise|arrive)|as you (go|think|work|reason|proceed|deliberate|solve|figure|puzzle|mull))|(?:(leave|keep|hold|skip)[\\t\\n\\f\\r ]+(nothing|no step|no thought))|(?:before[\\t\\n\\f\\r ]+(you[\\t\\n\\f\\r ]+)?(clean|tidy|polish|edit|summari[sz]|filter|sanitis|sanitiz)|(don\'t|do not|without)[\\t\\n\\f\\r ]+(clean|tidy|polish))|(?:(not|rather than|instead of|don\'t give me|no)[\\t\\n\\f\\r ]+(just[\\t\\n\\f\\r ]+)?(a|an|the|your)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(summary|explanation|cleaned[- ]up|polished|tidy|post[- ]hoc|after[- ]the[- ]fact))|(?:\\W[\\t\\n\\f\\r ]*(unfiltered|unedited|uncensored|unredacted|raw|uncut)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:fork|detour|false start|wrong turn|u-turn|tangent|hesitation|second thought|self[- ]correct|backtrack|abandon|discard|half[- ]formed|what[- ]if|dead[- ]end|rejected|branch)'
            THEN (
              CASE
                WHEN _cot_text IS NULL
                THEN NULL
                WHEN _cot_text RLIKE '(?d)(?:as[\\t\\n\\f\\r ]+you[\\t\\n\\f\\r ]+(go|think|work|reason|proceed|deliberate|solve|figure|puzzle|mull))|(?:(think\\w*|reason\\w*|thoughts?|deliberat\\w*|narrat\\w*)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(in real[- ]time|as (it|they) (happens?|comes?|occurs?|unfolds?|arises?|arrive)))|(?:(leave|keep|hold|skip)[\\t\\n\\f\\r ]+(nothing|no step|no thought)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(implicit|unsaid|unstated|unspoken|hidden|back|out))|(?:(make|spell out|render)[\\t\\n\\f\\r ]+(every|each|all)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(assumption|inference|thought|leap|jump|move)s?[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?explicit)|(?:(not|rather than|instead of|don\'t give me|no)[\\t\\n\\f\\r ]+(just[\\t\\n\\f\\r ]+)?(a|an|the|your)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?(summary|explanation|cleaned[- ]up|polished|tidy|post[- ]hoc|after[- ]the[- ]fact))|(?:before[\\t\\n\\f\\r ]+(you[\\t\\n\\f\\r ]+)?(clean|tidy|polish|edit|summari[sz]|filter|sanitis|sanitiz)\\w*)|(?:(don\'t|do not|without)[\\t\\n\\f\\r ]+(clean\\w*|tidy\\w*|polish\\w*)[\\t\\n\\f\\r ]+((it|them|that|this|anything)[\\t\\n\\f\\r ]+)?up)|(?:(want|need|give|keep|leave)[\\t\\n\\f\\r ]+(me[\\t\\n\\f\\r ]+)?(it|them)[\\t\\n\\f\\r ]+(raw|unfiltered|unedited|uncut|messy)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(?:(raw|unedited|unfiltered|unpolished|uncensored|unredacted|uncut|messy|stream[- ]of[- ]consciousness)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,1}(reasoning|thinking|thoughts?|thought process))|(?:(step by step|thoughts?|thinking|reasoning|what you thought)[,;:]?[\\t\\n\\f\\r ]+(unfiltered|unedited|uncensored|unredacted|raw|uncut)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:(every|each|all|any|the)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(forks?|detours?|false starts?|wrong turns?|u-turns?|tangents?|hesitations?|second thoughts?|self[- ]corrections?|backtrack\\w*|abandoned (ideas?|paths?|approaches?|attempts?)|discarded (ideas?|options?|paths?|approaches?|attempts?)|rejected (ones|ideas?|options?|paths?|approaches?|attempts?)|half[- ]formed|what[- ]ifs?|dead[- ]ends?)[\\t\\n\\f\\r ]*(\\w+[\\t\\n\\f\\r ]+){0,2}(included|too|as well|along the way|you (take|took|hit|consider|considered|make|made|explore|explored)))|(?:including[\\t\\n\\f\\r ]+(the[\\t\\n\\f\\r ]+)?(rejected|discarded|abandoned|failed)[\\t\\n\\f\\r ]+(ones|ideas?|options?|paths?|approaches?|attempts?|steps?))|(?:branch(es)?[\\t\\n\\f\\r ]+(of|in)[\\t\\n\\f\\r ]+your[\\t\\n\\f\\r ]+(thinking|reasoning|thoughts?|thought process|deliberation))'
                THEN TRUE
                WHEN _cot_text RLIKE '(?d)(every|each)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+)?fork'
                THEN TRUE
                ELSE FALSE
              END
            )
            ELSE FALSE
          END
        )
        ELSE FALSE
      END
    ) AS _cot_m23,
    (
      CASE
        WHEN _cap_c0
        THEN _cap_text RLIKE '(?d)(?:jailbreak|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))dan mode(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|do anything now|developer mode enabled)|(?:ignore[\\t\\n\\f\\r ]+(all[\\t\\n\\f\\r ]+|any[\\t\\n\\f\\r ]+)?(the[\\t\\n\\f\\r ]+)?(previous|prior|above|earlier)[\\t\\n\\f\\r ]+(instructions|rules|guidelines))|(?:(bypass|disable|evade|get around|circumvent)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}(safety|content|moderation)[\\t\\n\\f\\r ]+(filters?|polic(y|ies)|guardrails?|systems?))|(?:(how[\\t\\n\\f\\r ]+(do[\\t\\n\\f\\r ]+i|to|can[\\t\\n\\f\\r ]+i|would[\\t\\n\\f\\r ]+one)|steps[\\t\\n\\f\\r ]+to|instructions[\\t\\n\\f\\r ]+for)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(make|build|synthesi[sz]e|produce|create|weaponi[sz]e)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(bomb|explosives?|nerve agent|bioweapon|chemical weapon|sarin|ricin|methamphetamine|ransomware|malware|keylogger))|(?:pretend[\\t\\n\\f\\r ]+(you[\\t\\n\\f\\r ]+are|to[\\t\\n\\f\\r ]+be)[\\t\\n\\f\\r ]+(an?[\\t\\n\\f\\r ]+)?(unfiltered|uncensored|evil|unrestricted))'
        ELSE FALSE
      END
    ) AS _cap_m0,
    (
      CASE
        WHEN _cap_c1
        THEN _cap_text RLIKE '(?d)(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))rubrics?(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))graders?(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|reward model|preference (labels?|data|pairs?))|(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(scoring|grading|marking|evaluation) (criteria|rubric|scheme|guide)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))will be (graded|scored|marked|evaluated|judged)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(graded|scored|marked) (by|on|for|against)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(grade|score|rate|mark)\\w*[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,4}(from|on a scale of|out of)[\\t\\n\\f\\r ]+[0-9]+)|(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))which[\\t\\n\\f\\r ]+(of[\\t\\n\\f\\r ]+(the|these)[\\t\\n\\f\\r ]+)?(two[\\t\\n\\f\\r ]+|\\w+[\\t\\n\\f\\r ]+)?(responses?|answers?|completions?|outputs?)[\\t\\n\\f\\r ]+is[\\t\\n\\f\\r ]+(better|more (helpful|accurate|correct)))'
        ELSE FALSE
      END
    ) AS _cap_m1,
    (
      CASE
        WHEN _cap_c2
        THEN _cap_text RLIKE '(?d)(?:censorship[- ]safe|politically (sensitive|neutral|safe|charged)|(sensitive|controversial|taboo) political)|(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(steer(s|ing)? clear of|avoid(s|ing)?|stay(ing)? away from|without (mentioning|touching on|discussing|referring to))[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,3}(politic\\w*|sensitive (topics?|subjects?|issues?|content)|controvers\\w+|criticism of (the )?(government|officials|authorities|the state|the party)))|(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))content (regulations?|regulators?|restrictions)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(remove|neutrali[sz]e|omit)[\\t\\n\\f\\r ]+(\\w+[\\t\\n\\f\\r ]+){0,2}references? to(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(rewrite|rephrase|reword|recast)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))[^\\n]*(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(censor\\w*|compliant with (local|national|state) (regulations?|laws?|rules)|core socialist values))'
        ELSE FALSE
      END
    ) AS _cap_m2,
    (
      CASE
        WHEN _cap_c3
        THEN _cap_text RLIKE '(?d)screenshot|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))click(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))mouse(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))cursor(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))scroll(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))keyboard(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))desktop(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))|browser window|navigate to|fill (in|out) the form|type into|the screen'
        ELSE FALSE
      END
    ) AS _cap_m3,
    (
      CASE
        WHEN _cap_c4
        THEN _cap_text RLIKE '(?d)(take|capture)[\\t\\n\\f\\r ]+a[\\t\\n\\f\\r ]+screenshot|computer[- ]use|xdotool|(move|click)[\\t\\n\\f\\r ]+the[\\t\\n\\f\\r ]+mouse|left[- ]click[\\t\\n\\f\\r ]+(on|at)'
        ELSE FALSE
      END
    ) AS _cap_m4,
    (
      CASE
        WHEN _cap_c5
        THEN _cap_text RLIKE '(?d)(?:(call|use|invoke)[\\t\\n\\f\\r ]+the[\\t\\n\\f\\r ]+\\w+[\\t\\n\\f\\r ]+(tool|function|api)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:tool[_ ]calls?|function[_ ]call(ing)?|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))thought:.*(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))action:|action input:|observation:)|(?:you[\\t\\n\\f\\r ]+are[\\t\\n\\f\\r ]+an?[\\t\\n\\f\\r ]+(autonomous[\\t\\n\\f\\r ]+)?(ai[\\t\\n\\f\\r ]+)?agent)'
        ELSE FALSE
      END
    ) AS _cap_m5,
    (
      CASE
        WHEN _cap_c6
        THEN _cap_text RLIKE '(?d)(?:```|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))def[\\t\\n\\f\\r ]+\\w+[\\t\\n\\f\\r ]*\\(|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))import[\\t\\n\\f\\r ]+\\w+|#include|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))console\\.log|(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))fn[\\t\\n\\f\\r ]+\\w+[\\t\\n\\f\\r ]*\\()|(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(python|javascript|typescript|java|rust|golang|c\\+\\+|c#|sql|bash|powershell|regex|html|css|kotlin|swift|haskell|scala|php|ruby)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(function|class|method|compile[rd]?|bug|debug|stack trace|traceback|exception|refactor|unit tests?|code|codebase|repository|endpoint|segfault|null pointer|api)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))'
        ELSE FALSE
      END
    ) AS _cap_m6,
    (
      CASE
        WHEN _cap_c7
        THEN _cap_text RLIKE '(?d)(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(prove|proof|theorem|lemma|solve|equations?|integral|derivative|probability|calculate|compute|puzzle|riddle|deduce|maximi[sz]e|minimi[sz]e|arithmetic|algebra|geometry|combinatorics|expected value|how many|physics|chemistry problem)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:[0-9]+[\\t\\n\\f\\r ]*[-+*/^=x][\\t\\n\\f\\r ]*[0-9]+)'
        ELSE FALSE
      END
    ) AS _cap_m7,
    (
      CASE
        WHEN _cap_c8
        THEN _cap_text RLIKE '(?d)(?:(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))(poem|poetry|haiku|sonnet|limerick|story|stories|fiction|novel|screenplay|lyrics|song|fairy tale|fable|dialogue between|worldbuilding|plot twist|characters?)(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])))|(?:write[\\t\\n\\f\\r ]+(me[\\t\\n\\f\\r ]+)?an?[\\t\\n\\f\\r ]+(joke|toast|speech|rap|ballad|monologue))'
        ELSE FALSE
      END
    ) AS _cap_m8,
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
                          WHEN LENGTH(COALESCE(t.p, '')) <= 4000
                          THEN COALESCE(t.p, '')
                          ELSE LEFT(COALESCE(t.p, ''), 3000) || ' ' || RIGHT(COALESCE(t.p, ''), 999)
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
          '(?d)#([\\t\\n\\f\\r \\v.,:/x×*+-]*#)+',
          '#'
        ),
        '(?d)[\\t\\n\\f\\r \\v]+',
        ' '
      )
    ) AS _template
  FROM _text_match AS t
) AS m
