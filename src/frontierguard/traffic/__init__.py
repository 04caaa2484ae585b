"""Distillation defence: model-API traffic ingest, simulation, detection and evaluation."""
