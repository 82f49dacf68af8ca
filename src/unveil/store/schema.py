"""Tables of the unveil store and the migrations that build them.

``MIGRATIONS`` is append-only: migration *n* turns a version *n-1* store into
version *n*.  A store written by a newer unveil (higher version) is refused
rather than silently misread.  The tables are described in docs/architecture.md.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "initial schema",
        [
            """
            CREATE TABLE runs (
                run_id VARCHAR PRIMARY KEY,
                command VARCHAR NOT NULL,
                started_at TIMESTAMP NOT NULL,
                finished_at TIMESTAMP,
                status VARCHAR NOT NULL,          -- running | completed | failed (interrupted runs stay running)
                tool_version VARCHAR NOT NULL,
                engine VARCHAR,
                parameters JSON,                  -- command-line options that shape results
                inputs JSON,                      -- [{path, sha256, bytes}]
                counts JSON,                      -- accepted, unchanged, rejected, ads_total ...
                timings JSON                      -- seconds per stage
            )
            """,
            """
            CREATE TABLE ads (
                ad_key VARCHAR PRIMARY KEY,       -- source/id, see unveil.ingest.validate.ad_key
                source VARCHAR NOT NULL,
                id VARCHAR NOT NULL,
                title VARCHAR,
                body VARCHAR NOT NULL,
                url VARCHAR,
                posted_at VARCHAR,                -- as given
                posted_at_utc TIMESTAMP,          -- parsed, UTC
                city VARCHAR,
                region VARCHAR,
                country VARCHAR,
                phone VARCHAR,
                email VARCHAR,
                age INTEGER,
                lang VARCHAR,
                images VARCHAR[],
                content_hash VARCHAR NOT NULL,
                input_file VARCHAR,
                input_line BIGINT,
                run_id VARCHAR,
                ingested_at TIMESTAMP
            )
            """,
            """
            CREATE TABLE entities (
                ad_key VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                value VARCHAR NOT NULL,
                field VARCHAR NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text VARCHAR NOT NULL,
                attrs JSON
            )
            """,
            """
            CREATE TABLE indicators (
                ad_key VARCHAR NOT NULL,
                rule VARCHAR NOT NULL,
                category VARCHAR NOT NULL,
                grade VARCHAR,
                field VARCHAR,
                start INTEGER,
                "end" INTEGER,
                text VARCHAR,
                weight DOUBLE
            )
            """,
            """
            CREATE TABLE links (
                ad_a VARCHAR NOT NULL,
                ad_b VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,            -- phone | email (handle, text, image later)
                value VARCHAR NOT NULL,           -- the shared value (evidence)
                strength DOUBLE NOT NULL
            )
            """,
            """
            CREATE TABLE networks (
                network_id VARCHAR PRIMARY KEY,
                size INTEGER NOT NULL,
                risk DOUBLE NOT NULL,
                reasons JSON,
                identifiers JSON,
                cities VARCHAR[],
                countries VARCHAR[],
                first_seen TIMESTAMP,
                last_seen TIMESTAMP,
                n_phones INTEGER,
                n_emails INTEGER,
                n_flags INTEGER,
                n_minor_risk INTEGER,
                run_id VARCHAR
            )
            """,
            """
            CREATE TABLE network_members (
                network_id VARCHAR NOT NULL,
                ad_key VARCHAR PRIMARY KEY
            )
            """,
            """
            CREATE TABLE network_lineage (
                run_id VARCHAR NOT NULL,
                network_id VARCHAR NOT NULL,
                event VARCHAR NOT NULL,           -- created | grew | absorbed | split_from | dissolved
                other_id VARCHAR,
                ads INTEGER
            )
            """,
            """
            CREATE TABLE rejects (
                input_file VARCHAR NOT NULL,
                input_sha256 VARCHAR NOT NULL,
                line BIGINT NOT NULL,
                reason VARCHAR NOT NULL,
                detail VARCHAR,
                source VARCHAR,
                record_id VARCHAR,
                raw VARCHAR,
                run_id VARCHAR,
                PRIMARY KEY (input_sha256, line)
            )
            """,
            "CREATE TABLE network_ids_used (network_id VARCHAR PRIMARY KEY)",
            """
            CREATE TABLE hub_identifiers (
                kind VARCHAR NOT NULL,
                value VARCHAR NOT NULL,
                ads INTEGER NOT NULL,             -- ads that carry it
                co_phones INTEGER NOT NULL,       -- distinct other phones in those ads
                reason VARCHAR NOT NULL
            )
            """,
        ],
    ),
]

MIGRATIONS += [
    (
        2,
        "linking evidence: typed edges, image hashes, text signatures, network features",
        [
            "ALTER TABLE links ADD COLUMN evidence JSON",
            "ALTER TABLE networks ADD COLUMN features JSON",
            """
            CREATE TABLE image_hashes (
                ad_key VARCHAR NOT NULL,
                image VARCHAR NOT NULL,           -- path as given in the ad
                status VARCHAR NOT NULL,          -- ok | missing | unreadable
                detail VARCHAR,
                pdq VARCHAR,                      -- hex
                quality INTEGER
            )
            """,
        ],
    ),
    (
        3,
        "review workspace: users, tokens, audit log, labels",
        [
            # Filled by the workspace work; an empty migration only bumps the version.
        ],
    ),
]

LATEST_VERSION = MIGRATIONS[-1][0]

# Tables whose content is the result of an analysis (compared by tests).
RESULT_TABLES = (
    "ads", "entities", "indicators", "links", "networks", "network_members", "rejects", "hub_identifiers",
)
