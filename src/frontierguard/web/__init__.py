"""The frontierguard service: a REST API (``/api/v1``) and server-rendered pages."""
