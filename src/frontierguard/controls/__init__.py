"""Export controls: AI-chip classification, licence determination, diversion red flags and party screening."""
