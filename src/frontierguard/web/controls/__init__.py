"""Export-control routes and pages: chips, licences, red flags, party screening and its audit log."""
