"""End to end in real headless Chromium: log in, search an obscured phone, open the network, label it,
export the HTML case file, open an ad; every view lands in the audit log.

The server runs in a thread (uvicorn) on a free port over a private copy of the demo store.  Chromium is
Debian's (``scripts/install-browser.sh``); Playwright cannot download browsers here.  Screenshots of the
dashboard, a network and an ad are taken on every run, into the test's temporary folder; with
``UNVEIL_UPDATE_SCREENSHOTS=1`` they replace the ones in ``docs/screenshots/`` (a test run leaves the
work tree clean otherwise).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from unveil.per_ad import analyse_ad

from .conftest import PASSWORD, Corpus, Workspace, make_workspace

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@pytest.fixture(scope="module")
def server(demo_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any, Workspace]]:
    import uvicorn

    from unveil.web.app import create_app

    ws = make_workspace(demo_corpus, tmp_path_factory.mktemp("e2e"))
    app = create_app(ws.settings)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:  # poll until the server answers
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("workspace server did not start")
        time.sleep(0.1)
    yield base, app, ws
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed: run scripts/install-browser.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def obscured_forms(e164: str) -> list[str]:
    """A UK number written as reviewers meet it: in words first, then as spaced national digits."""
    national = "0" + e164.removeprefix("+44")
    return [" ".join(DIGIT_WORDS[int(d)] for d in national), " ".join(national)]


def first_readable_form(e164: str) -> str:
    """The first obscured form the current extractors read back to ``e164`` (words once de-obfuscation lands)."""
    for form in obscured_forms(e164):
        if any(e.value == e164 for e in analyse_ad({"body": form, "country": "GB"}).entities):
            return form
    raise AssertionError(f"no obscured form of {e164} is read")


def pick_network(app: Any) -> tuple[str, str]:
    """The riskiest network of 3+ ads with a UK phone that is not a hub: (network id, phone)."""
    with app.state.unveil.db.use() as store:
        row = store.rows(
            "SELECT n.network_id, e.value FROM networks n JOIN network_members m ON m.network_id = n.network_id "
            "JOIN entities e ON e.ad_key = m.ad_key WHERE n.size >= 3 AND e.kind = 'phone' AND e.value LIKE '+44%' "
            "AND NOT EXISTS (SELECT 1 FROM hub_identifiers h WHERE h.value = e.value) "
            "GROUP BY n.network_id, n.risk, e.value ORDER BY n.risk DESC, COUNT(*) DESC, e.value LIMIT 1")[0]
    return row["network_id"], row["value"]


def test_review_flow_in_chromium(server: tuple[str, Any, Workspace], browser: Any, tmp_path: Path) -> None:
    base, app, _ws = server
    network_id, phone = pick_network(app)
    query = first_readable_form(phone)
    dialogs: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    views: list[str] = []  # every ad or network page the browser loaded
    page.on("response", lambda r: views.append(r.url) if r.status == 200 and r.request.resource_type == "document"
            and ("/ads/" in r.url or "/networks/N-" in r.url) else None)

    # Log in (the first page asked for is the login form).
    page.goto(base + "/")
    assert page.url.startswith(base + "/login")
    page.fill("input[name=username]", "analyst")
    page.fill("input[name=password]", PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url(base + "/")
    assert page.locator("h1").inner_text() == "Dashboard"
    shots = DOCS_SCREENSHOTS if os.environ.get("UNVEIL_UPDATE_SCREENSHOTS") == "1" else tmp_path / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)

    # Search the phone written in an obscured form; the stored E.164 value is found.
    page.click("nav >> text=Search")
    page.fill("input[name=q]", query)
    page.click("form.search button[type=submit]")
    page.wait_for_selector(f"code.ident >> text=phone {phone}")
    page.click(f"table >> a[href='/networks/{network_id}']")

    # The network page: graph, timeline, reasons.
    page.wait_for_url(f"{base}/networks/{network_id}")
    assert page.locator("svg.graph circle").count() >= 3
    assert page.locator("svg.timeline circle").count() >= 3
    assert page.locator("table.reasons tbody tr").count() >= 1

    # Label it.
    page.select_option("form.label-form select[name=label]", "trafficking")
    page.fill("form.label-form input[name=likelihood]", "70")
    page.fill("form.label-form textarea[name=note]", "Same template in three cities <b>checked</b>")
    page.click("form.label-form button[type=submit]")
    card = page.locator(".label-card.current")
    card.wait_for()
    assert "trafficking" in card.inner_text() and "70%" in card.inner_text()
    assert "<b>checked</b>" in card.inner_text()  # shown as text
    page.screenshot(path=str(shots / "network.png"), full_page=True)

    # Export the HTML case file and read it.
    page.select_option("form.export select[name=format]", "html")
    with page.expect_download() as download_info:
        page.click("form.export button[type=submit]")
    download = download_info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    case = target.read_text(encoding="utf-8")
    assert target.name == f"unveil-case-{network_id}.html"
    assert "unveil case file" in case and f"Network {network_id}" in case
    assert "content SHA-256" in case and "source URL" in case and "trafficking (70%)" in case
    assert "<script" not in case and "default-src 'none'" in case
    members = page.locator("table.members tbody tr").count()
    assert case.count('class="ad"') == members

    # Open an ad of the network: highlighted evidence, blurred images revealed on click.
    page.click("table.members tbody tr >> nth=0 >> a")
    page.wait_for_selector("h1:has-text('Ad ')")
    assert page.locator(".adtext mark").count() >= 1
    ad_url = page.url
    if page.locator("button.blurred").count():
        page.locator("button.blurred").first.click()
        assert "revealed" in (page.locator("button.blurred").first.get_attribute("class") or "")
    page.screenshot(path=str(shots / "ad.png"), full_page=True)

    # Markup in an ad is shown as text and never runs.
    page.goto(base + "/ads/hostile.example/x-1")
    assert "<script>alert('body')</script>" in page.locator(".adtext[data-field=body]").inner_text()
    assert "<img src=x onerror=alert(1)>" in page.locator("h1").inner_text() + page.locator(
        ".adtext[data-field=title]").inner_text()
    assert dialogs == []

    # Every view, the search, the label and the export are in the audit log.
    with app.state.unveil.db.use() as store:
        rows = store.rows("SELECT action, target, detail FROM audit_log WHERE username = 'analyst' ORDER BY seq")
    seen = {(r["action"], r["target"]) for r in rows}
    ad_key = ad_url.removeprefix(base + "/ads/")
    for expected in [("login", None), ("view_network", network_id), ("label", network_id), ("export", network_id),
                     ("view_ad", ad_key), ("view_ad", "hostile.example/x-1")]:
        assert expected in seen, expected
    searches = [r for r in rows if r["action"] == "search"]
    assert len(searches) == 1 and query in searches[0]["detail"]
    assert [r["action"] for r in rows].count("view_network") == 2  # before and after labelling
    viewed = sorted(("view_ad", u.removeprefix(base + "/ads/")) if "/ads/" in u else
                    ("view_network", u.removeprefix(base + "/networks/").split("#")[0]) for u in views)
    logged = sorted((r["action"], r["target"]) for r in rows if r["action"] in ("view_ad", "view_network"))
    assert viewed == logged and len(viewed) == 4  # one audit row for every page view, no more
    context.close()


def test_admin_reads_the_audit_log_in_the_browser(server: tuple[str, Any, Workspace], browser: Any) -> None:
    base, _app, _ws = server
    page = browser.new_page()
    page.goto(base + "/login")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url(base + "/")
    page.click("nav >> text=Audit log")
    page.wait_for_selector("table.audit")
    text = page.locator("table.audit").inner_text()
    assert "view_network" in text and "search" in text and "login" in text
    page.reload()
    assert "view_audit" in page.locator("table.audit").inner_text()  # reading the log is recorded too
    page.close()
