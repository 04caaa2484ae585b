"""What several areas share: errors, data files, storage, settings, scoring and reports."""
