"""US-China frontier gap: data model, loaders, lag methods, uncertainty, scenarios, report."""
