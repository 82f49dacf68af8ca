"""Fixtures of the Spark tests: one local Spark session for the whole test session, and an engine fixture
parametrised over DuckDB and Spark for the engine contract."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from unveil.engine import Engine

SPARK_MASTER = "local[2]"


@pytest.fixture(scope="session")
def spark_session() -> Iterator[Any]:
    """The local Spark session, started once per test session (about 10 s)."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("pyspark is not installed: `make test` installs '.[test,spark]'")
        pytest.skip("pyspark is not installed (pip install '.[spark]')")
    from unveil.engine.spark_pipeline.session import get_session

    spark = get_session(master=SPARK_MASTER, conf={"spark.sql.shuffle.partitions": "4"})
    yield spark
    spark.stop()


@pytest.fixture(params=["duckdb", "spark"])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    if request.param == "duckdb":
        from unveil.engine.duckdb import DuckDBEngine

        eng: Engine = DuckDBEngine(None)
    else:
        from unveil.engine.spark import SparkEngine

        eng = SparkEngine(request.getfixturevalue("spark_session"))
    yield eng
    eng.close()
