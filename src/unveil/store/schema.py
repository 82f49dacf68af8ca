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
                status VARCHAR NOT NULL,          -- ok | missing | unreadable | not_image
                detail VARCHAR,
                pdq VARCHAR,                      -- hex, 256 bits
                quality INTEGER,                  -- PDQ quality 0-100 (low: a flat picture, unreliable hash)
                file VARCHAR                      -- the file read (image resolved against the input folder)
            )
            """,
            # Link-stage bookkeeping: the ads already fingerprinted (ad_no: a compact internal number for
            # the large tables), and key/value state (settings the tables were made with, a running mark).
            "CREATE TABLE link_ads (ad_key VARCHAR NOT NULL, ad_no BIGINT NOT NULL)",
            "CREATE TABLE link_state (key VARCHAR PRIMARY KEY, value VARCHAR)",
            # Near-duplicate text (docs/linking.md): segments per ad (masked: left out of its signature),
            # b-bit MinHash signatures, LSH band hashes, boilerplate segments, verified pairs, clusters.
            "CREATE TABLE text_segments (ad_no BIGINT NOT NULL, seg BIGINT NOT NULL, masked BOOLEAN NOT NULL)",
            "CREATE TABLE text_signatures (ad_no BIGINT NOT NULL, shingles INTEGER NOT NULL, sig BLOB NOT NULL)",
            "CREATE TABLE text_bands (ad_no BIGINT NOT NULL, hash BIGINT NOT NULL)",
            """
            CREATE TABLE text_boilerplate (
                seg BIGINT NOT NULL,
                ads INTEGER NOT NULL,             -- ads containing the segment
                co_phones INTEGER NOT NULL,       -- distinct phone numbers in those ads
                text VARCHAR                      -- the segment as compared (masks shown as #)
            )
            """,
            "CREATE TABLE text_pairs (a BIGINT NOT NULL, b BIGINT NOT NULL, similarity DOUBLE NOT NULL)",
            "CREATE TABLE text_clusters (ad_no BIGINT NOT NULL, cluster BIGINT NOT NULL)",
            """
            CREATE TABLE templates (
                template_id VARCHAR NOT NULL,     -- T- + hash of the cluster's smallest ad key
                cluster BIGINT NOT NULL,
                ads INTEGER NOT NULL,
                co_phones INTEGER NOT NULL,
                hub BOOLEAN NOT NULL,             -- too many phones: not used to link
                medoid VARCHAR,                   -- ad key of the most central member
                text VARCHAR                      -- the shared text, varying slots shown as [...]
            )
            """,
            # Reused images: bands of distinct PDQ hashes, verified near-duplicate pairs, pictures
            # (components of near-duplicate hashes) and their hub status.
            "CREATE TABLE image_bands (pdq VARCHAR NOT NULL, hash BIGINT NOT NULL)",
            "CREATE TABLE image_pairs (a VARCHAR NOT NULL, b VARCHAR NOT NULL, distance INTEGER NOT NULL)",
            "CREATE TABLE pictures (pdq VARCHAR NOT NULL, cluster VARCHAR NOT NULL)",
            """
            CREATE TABLE picture_stats (
                picture VARCHAR NOT NULL,         -- smallest PDQ hash of the picture's near-duplicates
                ads INTEGER NOT NULL,
                co_phones INTEGER NOT NULL,
                hub BOOLEAN NOT NULL,
                example VARCHAR                   -- one image path showing it
            )
            """,
        ],
    ),
    (
        3,
        "review workspace: users, tokens, audit log, labels",
        [
            # Accounts of the web workspace; passwords hashed with argon2id, never stored in clear.
            """
            CREATE TABLE users (
                username VARCHAR PRIMARY KEY,
                password_hash VARCHAR NOT NULL,   -- argon2id (PHC string)
                role VARCHAR NOT NULL,            -- admin | analyst | viewer
                disabled BOOLEAN NOT NULL DEFAULT false,
                created_at TIMESTAMP NOT NULL,
                created_by VARCHAR,
                changed_at TIMESTAMP
            )
            """,
            # REST API tokens: only the SHA-256 of the token is kept; the token is shown once.
            """
            CREATE TABLE api_tokens (
                token_hash VARCHAR PRIMARY KEY,   -- SHA-256 hex of the token
                prefix VARCHAR NOT NULL,          -- first characters, to tell tokens apart
                username VARCHAR NOT NULL,
                name VARCHAR,
                created_at TIMESTAMP NOT NULL,
                revoked_at TIMESTAMP
            )
            """,
            # Browser sessions: the cookie holds a random id, the store its SHA-256.
            """
            CREATE TABLE sessions (
                session_hash VARCHAR PRIMARY KEY,
                username VARCHAR NOT NULL,
                csrf_token VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL,
                expires_at TIMESTAMP NOT NULL,
                client VARCHAR
            )
            """,
            # Append-only: the code has no UPDATE or DELETE on it; rows are hash-chained (row_hash covers
            # prev_hash), so an edit made outside unveil shows up in `unveil audit verify`.
            """
            CREATE TABLE audit_log (
                seq BIGINT PRIMARY KEY,
                logged_at TIMESTAMP NOT NULL,
                username VARCHAR,
                role VARCHAR,
                action VARCHAR NOT NULL,          -- view_ad | view_network | search | label | export | ...
                target VARCHAR,                   -- ad key, network id, user name (ids, never identifiers)
                detail JSON,
                client VARCHAR,
                via VARCHAR,                      -- page | api | cli
                prev_hash VARCHAR NOT NULL,
                row_hash VARCHAR NOT NULL
            )
            """,
            # Reviewer labels and notes; also append-only (the latest label per network is current).
            """
            CREATE TABLE labels (
                label_id VARCHAR PRIMARY KEY,
                network_id VARCHAR NOT NULL,      -- id at labelling time
                label VARCHAR NOT NULL,           -- trafficking | independent | spam | scam | massage_parlour | unknown
                likelihood INTEGER NOT NULL,      -- 0..100
                note VARCHAR,
                username VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL,
                network_size INTEGER NOT NULL
            )
            """,
            # Member ads of the network when it was labelled, so a label follows its ads across re-analysis.
            "CREATE TABLE label_members (label_id VARCHAR NOT NULL, ad_key VARCHAR NOT NULL)",
        ],
    ),
]

LATEST_VERSION = MIGRATIONS[-1][0]

# Tables whose content is the result of an analysis (compared by tests).
RESULT_TABLES = (
    "ads", "entities", "indicators", "links", "networks", "network_members", "rejects", "hub_identifiers",
)
