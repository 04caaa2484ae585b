"""Traffic routes and pages: events, detection runs, campaigns, accounts and analyst feedback."""
