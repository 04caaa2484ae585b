"""Running the detection pipeline on Apache Spark (see docs/scaling.md)."""
