"""Property-based API tests from the OpenAPI document (Schemathesis), against the ASGI app with a token.

Every operation gets a bounded number of generated requests (valid and invalid); none may answer with a
server error, and answers must match the documented schemas and content types.  The document is built
from the app without a store; the calls go to an app running on a private copy of the demo store
(ingest, labels and user management write to it).  The schema is loaded eagerly rather than with
``schemathesis.pytest.from_fixture``, whose lazy mode does not run under pytest 9.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from unveil.web.app import build_openapi, create_app
from unveil.web.settings import Settings

from .conftest import TestClient, Workspace

MAX_EXAMPLES = 12
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
# Batch ingest runs the whole pipeline per call: fewer examples, and no coverage phase (which enumerates
# dozens of bodies for a list of objects with fourteen fields).
CONFIG = SchemathesisConfig.from_dict({
    "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
    "operations": [{"include-path": "/api/v1/ads", "include-method": "POST",
                    "phases": {"coverage": {"enabled": False}}, "generation": {"max-examples": 4}}],
})

schema = schemathesis.openapi.from_dict(build_openapi(create_app(Settings(db=Path("unused"), secret_key=b"-"))),
                                        config=CONFIG)


@pytest.fixture(scope="module")
def running_app(workspace: Workspace) -> Iterator[tuple[Any, dict[str, str]]]:
    app = create_app(workspace.settings)
    with TestClient(app):  # runs the lifespan: the store stays open while Schemathesis calls the app
        yield app, workspace.headers("admin")


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_with_a_server_error(case: Any, running_app: tuple[Any, dict[str, str]]) -> None:
    app, headers = running_app
    case.call_and_validate(app=app, headers=headers, checks=CHECKS)


def test_generated_ingests_reached_the_pipeline(workspace: Workspace) -> None:
    """The fuzzed batch ingest was not only refused: some generated batches ran through `analyze`."""
    batches = list(workspace.settings.ingest_root.glob("*/api.jsonl"))
    assert batches, "no generated batch was accepted for ingest"
