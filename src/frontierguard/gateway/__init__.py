"""The gateway: an inline reverse proxy in front of a lab's model API.

It decides on every request before it reaches the model (allow, block,
require_verification, strip_reasoning, rate_limit) from a versioned policy file, the
``traffic`` area's CoT-elicitation rules and each account's standing from detection, and
sends every request back into the loop as an event in the store. See ``docs/gateway.md``.
"""
