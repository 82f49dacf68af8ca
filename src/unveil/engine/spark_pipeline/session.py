"""The Spark session unveil runs in, and the check that pyspark is installed."""

from __future__ import annotations

import os
import sys
import tempfile
from typing import TYPE_CHECKING

from unveil.errors import UnveilError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

INSTALL_HINT = (
    "the spark engine needs the optional Spark extra: pip install 'unveil[spark]' (pyspark, pandas<3) and "
    "Java 17 or newer on PATH (Debian/Ubuntu: apt-get install openjdk-17-jre-headless; or run "
    "scripts/install-java.sh)"
)

# Settings every unveil session needs: identifiers may be double-quoted as in DuckDB ("end"), times are UTC
# (stored timestamps are naive UTC), Parquet timestamps are plain microseconds (readable by DuckDB/pyarrow).
BASE_CONF = {
    "spark.sql.ansi.doubleQuotedIdentifiers": "true",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.cleaner.periodicGC.interval": "2min",
}


def require_pyspark() -> None:
    """Raise a clear ``UnveilError`` when pyspark cannot be imported."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise UnveilError(INSTALL_HINT) from exc


def local_cores(master: str) -> int | None:
    """Cores of a ``local[N]`` / ``local[*]`` / ``local`` master; ``None`` for a cluster master."""
    if master == "local":
        return 1
    if master.startswith("local["):
        inner = master[6:].split(",")[0].rstrip("]")
        return (os.cpu_count() or 1) if inner == "*" else int(inner)
    return None


def get_session(master: str | None = None, conf: dict[str, str] | None = None,
                app_name: str = "unveil") -> SparkSession:
    """The Spark session (created on first use; later calls return the same one).

    ``master`` defaults to ``$UNVEIL_SPARK_MASTER`` or ``local[*]``.  In local mode the driver and the Python
    workers run on this machine; shuffles are sized to its cores and the driver's memory to
    ``$UNVEIL_SPARK_DRIVER_MEMORY`` (default 4g).  On a cluster, executor resources come from ``conf``,
    ``spark-defaults.conf`` or ``PYSPARK_SUBMIT_ARGS`` (docs/spark.md).
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    master = master or os.environ.get("UNVEIL_SPARK_MASTER") or "local[*]"
    # Workers must run this interpreter (it has pyarrow and unveil); local runs bind to the loopback.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    cores = local_cores(master)
    if cores is not None:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.master(master).appName(app_name)
    settings = dict(BASE_CONF)
    # unveil keeps no Spark tables; without this Spark leaves an empty spark-warehouse/ in the current folder.
    settings["spark.sql.warehouse.dir"] = os.path.join(tempfile.gettempdir(), "unveil-spark-warehouse")
    if cores is not None:
        settings["spark.sql.shuffle.partitions"] = str(max(4, 2 * cores))
        settings["spark.default.parallelism"] = str(max(2, cores))
        settings["spark.driver.memory"] = os.environ.get("UNVEIL_SPARK_DRIVER_MEMORY", "4g")
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel(os.environ.get("UNVEIL_SPARK_LOG_LEVEL", "ERROR"))
    for key, value in BASE_CONF.items():  # a session made earlier by someone else gets them too
        if not key.startswith(("spark.ui", "spark.cleaner")):
            spark.conf.set(key, value)
    return spark
