"""Pydantic models of the REST API's request and response bodies (they make the OpenAPI document)."""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from unveil.web.labels import LABELS

LabelClass = Literal["trafficking", "independent", "spam", "scam", "massage_parlour", "unknown"]
assert set(get_args(LabelClass)) == set(LABELS)
Role = Literal["viewer", "analyst", "admin"]
ExportFormat = Literal["json", "ads_csv", "networks_csv", "graphml", "html"]


class AdIn(BaseModel):
    """One ad in the input contract (docs/input.md). Types are checked here; limits, dates and the
    country code are checked by the same validator as ``unveil analyze``, with the same reject reasons."""

    model_config = ConfigDict(extra="allow", strict=True)

    id: str = Field(description="Identifier of the ad, unique within its source.")
    body: str = Field(description="Full text of the ad as posted.")
    title: str | None = None
    source: str | None = None
    url: str | None = None
    posted_at: str | None = Field(default=None, description="ISO 8601 date or date-time")
    city: str | None = None
    region: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code")
    phone: str | None = None
    email: str | None = None
    age: int | None = None
    lang: str | None = None
    images: list[str] | None = None

    def record(self) -> dict[str, Any]:
        """The ad as a plain record for the validator (fields not sent stay absent)."""
        return self.model_dump(exclude_unset=True)


class ScreenIn(AdIn):
    """An ad to screen; ``id`` may be left out when the ad has none yet."""

    id: str = Field(default="screen", description="Identifier of the ad, if it has one.")


class EntityOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    kind: str
    value: str
    field: str
    start: int
    end: int
    text: str


class FlagOut(BaseModel):
    rule: str
    category: str
    grade: str | None = None
    field: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    weight: float | None = None


class Reason(BaseModel):
    model_config = ConfigDict(extra="allow")

    feature: str
    value: Any = None
    points: float
    text: str


class NetworkSummary(BaseModel):
    network_id: str
    size: int
    risk: float
    minor_risk: int
    reasons: list[Reason]
    identifiers: list[dict[str, Any]]
    cities: list[str]
    countries: list[str]
    first_seen: str | None
    last_seen: str | None
    n_phones: int
    n_emails: int
    n_flags: int
    features: Any = None
    label: dict[str, Any] | None = None


class NetworkList(BaseModel):
    total: int
    limit: int
    offset: int
    networks: list[NetworkSummary]


class LabelOut(BaseModel):
    label_id: str
    network_id: str = Field(description="Network id when the label was given")
    label: LabelClass
    likelihood: int
    note: str | None
    username: str
    created_at: str
    network_size: int
    shared_ads: int = Field(description="Labelled ads that are in this network now")
    current: bool
    carried_over: bool = Field(description="Given under another id and carried over by shared ads")


class LabelIn(BaseModel):
    label: LabelClass
    likelihood: int = Field(ge=0, le=100, description="0-100: how likely the reviewer thinks the label is")
    note: str | None = Field(default=None, max_length=5000)


class MemberOut(BaseModel):
    ad_key: str
    source: str
    id: str
    title: str | None
    city: str | None
    country: str | None
    posted_at_utc: str | None
    url: str | None
    n_flags: int


class LinkOut(BaseModel):
    ad_a: str
    ad_b: str
    kind: str
    value: str
    strength: float
    evidence: Any = None


class NetworkDetail(NetworkSummary):
    members: list[MemberOut]
    links: list[LinkOut]
    indicators: list[dict[str, Any]]
    labels: list[LabelOut]
    lineage: list[dict[str, Any]]


class AdOut(BaseModel):
    ad_key: str
    source: str
    id: str
    title: str | None
    body: str
    url: str | None
    posted_at: str | None
    posted_at_utc: str | None
    city: str | None
    region: str | None
    country: str | None
    phone: str | None
    email: str | None
    age: int | None
    lang: str | None
    images: list[str]
    content_hash: str
    input_file: str | None
    input_line: int | None
    ingested_at: str | None
    network_id: str | None
    entities: list[EntityOut]
    flags: list[FlagOut]


class SearchIn(BaseModel):
    query: str = Field(min_length=1, max_length=500, description="Phone, email, handle, name or words")


class SearchAd(BaseModel):
    ad_key: str
    matched: list[str]
    via: Literal["identifier", "text"]
    title: str | None
    city: str | None
    country: str | None
    posted_at: str | None
    network_id: str | None


class SearchNetwork(BaseModel):
    network_id: str
    size: int | None
    risk: float | None
    matched_ads: int


class SearchOut(BaseModel):
    query: str
    identifiers: list[dict[str, str]]
    words: list[str]
    ads: list[SearchAd]
    networks: list[SearchNetwork]
    truncated: bool


class IngestReject(BaseModel):
    index: int = Field(description="Position of the record in the posted list (0-based)")
    reason: str
    detail: str | None
    record_id: str | None


class IngestOut(BaseModel):
    batch: str
    run_id: str
    records: int
    accepted: int
    unchanged: int
    rejected: int
    rejects: list[IngestReject]
    ads_total: int
    networks: int


class CandidateNetwork(BaseModel):
    network_id: str
    size: int | None
    risk: float | None
    minor_risk: int
    cities: list[str]
    shared_identifiers: list[dict[str, Any]]


class ScreenOut(BaseModel):
    ad_key: str
    entities: list[EntityOut]
    flags: list[FlagOut]
    score: float = Field(description="0-100, the network score of this ad alone")
    reasons: list[Reason]
    network: CandidateNetwork | None = Field(description="The known network it would join, if any")
    candidates: list[CandidateNetwork]
    hub_identifiers: list[dict[str, Any]]
    stored: bool
    stored_network_id: str | None = None


class AuditRow(BaseModel):
    seq: int
    logged_at: str
    username: str | None
    role: str | None
    action: str
    target: str | None
    detail: Any = None
    client: str | None
    via: str | None


class AuditPage(BaseModel):
    total: int
    rows: list[AuditRow]


class UserIn(BaseModel):
    username: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._@-]*$")
    password: str = Field(min_length=10, max_length=1024)
    role: Role


class UserOut(BaseModel):
    username: str
    role: str
    disabled: bool
    created_at: str | None = None
    created_by: str | None = None
    tokens: int = 0


class TokenOut(BaseModel):
    username: str
    token: str = Field(description="Shown once; only its hash is stored")


class Me(BaseModel):
    username: str
    role: str


class Stats(BaseModel):
    model_config = ConfigDict(extra="allow")

    ads: int
    networks: int
    networks_multi: int
    networks_minor: int
    rejects: int
