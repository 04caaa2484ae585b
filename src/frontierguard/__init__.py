"""frontierguard: working tools for keeping a frontier-AI lead.

Areas (each a subpackage that imports only :mod:`frontierguard.core`):

* :mod:`frontierguard.traffic` -- distillation defence on model-API traffic;
* :mod:`frontierguard.controls` -- AI-chip export controls and party screening;
* :mod:`frontierguard.transparency` -- model-documentation transparency audits;
* :mod:`frontierguard.gap` -- the US-China frontier capability gap.
"""

__version__ = "0.1.0"
