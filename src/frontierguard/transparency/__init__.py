"""Transparency audits: score model documentation against indicator catalogs, with evidence.

Readers (:mod:`.readers`) turn Markdown, HTML, text and PDF into positioned lines;
fact extractors (:mod:`.facts`) find key disclosures; catalogs (:mod:`.catalog`) hold
indicators and detection rules as versioned YAML; :mod:`.audit` evaluates them.
"""
