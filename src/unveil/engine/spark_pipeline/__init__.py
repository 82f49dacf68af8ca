"""Running unveil on Apache Spark (``pip install 'unveil[spark]'``, Java 17+): see docs/spark.md.

* :mod:`.session` builds the Spark session (lazily imports pyspark, with a clear message when
  it is missing);
* :mod:`.ingest` reads, validates and runs the per-ad stages over Arrow batches
  (``mapInArrow``);
* :mod:`.link` runs the cross-ad stages as Spark SQL jobs through
  :class:`unveil.engine.spark.SparkEngine`, reusing the SQL of :mod:`unveil.link` and :mod:`unveil.score`;
* :mod:`.run` is ``unveil analyze --engine spark``: everything, then the result tables into a
  DuckDB store (``--db``) and/or Parquet (``--out``);
* :mod:`.parquet` reads such a Parquet output back (``unveil networks --parquet``).
"""
