"""The web application in a real browser: Debian's Chromium driven by Playwright against a live server.

login → upload a seed → its findings → the finding boxed on the page image → review → compare two
years → charts render; and the refusals: a viewer cannot upload, a form without its CSRF token is
refused. Screenshots go to ``test-artifacts/web/``. No browser is ever downloaded: without
/usr/bin/chromium (or the playwright package) these tests skip, saying so.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.generate_corpus import transform_numbers
from tests.conftest import EXAMPLES, ROOT
from tests.web.conftest import PASSWORD
from yusuan.store import Store
from yusuan.store.ingest import SerialBackend, ingest_paths

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts" / "web"
UPLOAD = ROOT / "tests" / "data" / "000_87792da19c622395.pdf"
TIMEOUT = 30_000

if not CHROMIUM.exists():
    pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium; .ci/run installs it)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package (the dev extra)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(base_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server on loopback over a copy of the test store plus last year's 002 (so two years compare)."""
    import uvicorn

    from yusuan.web import Settings, create_app

    folder = tmp_path_factory.mktemp("browser")
    db = folder / "s.duckdb"
    shutil.copy(base_store, db)
    last_year = folder / "002_2024.txt"
    text = (EXAMPLES / "002_df00543b5fb556ea.txt").read_text("utf-8")
    last_year.write_text(transform_numbers(text, 2, -1), "utf-8")
    with Store(db) as store:
        assert not ingest_paths(store, [last_year], SerialBackend()).failed
    port = _free_port()
    app = create_app(Settings(db=db, base_dir=ROOT))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1440, "height": 900}, base_url=server, locale="zh-CN")
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def shot(pg, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def sign_in(pg, name: str) -> None:  # type: ignore[no-untyped-def]
    pg.goto("/login?next=/upload")
    pg.fill("#name", name)
    pg.fill("#password", PASSWORD)
    pg.click("button[type=submit]")
    pg.wait_for_url("**/upload")


def test_upload_review_compare_and_charts(page) -> None:  # type: ignore[no-untyped-def]
    expect = sync_api.expect
    sign_in(page, "rita")
    page.set_input_files("#files", str(UPLOAD))
    row = page.locator("#queue tbody tr").first
    expect(row.locator("td").nth(3)).to_contain_text("已入库", timeout=60_000)
    expect(row.locator("td").nth(3)).to_contain_text("读出：抚顺市")
    shot(page, "01-upload-done")

    row.get_by_role("link", name="确认信息").click()
    expect(page.locator("#department")).not_to_have_value("")
    page.get_by_role("button", name="确认").click()
    expect(page.get_by_text("已确认，再次保存")).to_be_visible()
    page.get_by_role("link", name="查看文件与问题 ›").click()

    expect(page.locator("#findings .finding").first).to_be_visible()
    locate = page.locator("#findings button.locate").first
    finding = locate.get_attribute("data-finding")
    locate.click()
    active = page.locator(f'.page-frame rect.active[data-finding="{finding}"]')
    expect(active.first).to_be_visible()
    page.wait_for_function("() => { const i = document.querySelector('.page-frame img'); return i && i.complete && i.naturalWidth > 500; }")
    inside = active.first.evaluate("""r => { const b = r.getBoundingClientRect(), f = r.closest('.page-frame').getBoundingClientRect();
                                            return b.width > 0 && b.left >= f.left && b.right <= f.right && b.top >= f.top; }""")
    assert inside, "the finding's box is not drawn on the page image"
    shot(page, "02-finding-on-page-image")

    card = page.locator(f"#f{finding}")
    card.locator("textarea").fill("核对原件，确有此问题")
    card.get_by_role("button", name="确认问题").click()
    expect(page.locator(f"#f{finding} .badge.confirmed")).to_have_text("确认")
    expect(page.locator(f"#f{finding} .decision")).to_contain_text("rita")
    page.locator(f"#f{finding}").get_by_role("button", name="撤销审核").click()
    expect(page.locator(f"#f{finding} .badge.confirmed")).to_have_count(0)
    shot(page, "03-reviewed")

    page.click('.finding-filter [data-show="error"]')
    errors = page.locator("#findings .finding:visible").count()
    assert errors >= 1 and errors == page.locator("#findings .finding.error:visible").count()
    page.click('.finding-filter [data-show="all"]')
    assert page.locator("#findings .finding:visible").count() > errors

    page.goto("/compare")
    options = page.locator("#a option").all_inner_texts()
    a = next(o for o in options if "科技和工信部门 · 2024年" in o)
    b = next(o for o in options if "科技和工信部门 · 2025年" in o and o.endswith(".txt"))
    page.select_option("#a", label=a)
    page.select_option("#b", label=b)
    page.get_by_role("button", name="比较").click()
    expect(page.locator("#cmp-1 tbody tr.down").first).to_be_visible()  # 2025 spends half of last year's doubled figures
    shot(page, "04-compare")

    page.goto("/")
    page.get_by_role("link", name="科技和工信部门").first.click()
    page.get_by_role("link", name="图表").first.click()
    for chart in ("chart-functions", "chart-basic-project", "chart-spending"):
        expect(page.locator(f'#{chart}[data-rendered="1"] svg').first).to_be_visible()
    page.locator("#chart-spending").scroll_into_view_if_needed()
    shot(page, "05-charts")


def test_viewer_cannot_upload(page) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, "victor")
    expect = sync_api.expect
    expect(page.get_by_text("无权上传文件")).to_be_visible()
    assert page.locator("#files").count() == 0
    token = page.locator('meta[name="csrf-token"]').get_attribute("content")
    answer = page.request.post("/api/documents", multipart={"files": {"name": "a.txt", "mimeType": "text/plain",
                               "buffer": UPLOAD.read_bytes()}}, headers={"X-CSRF-Token": token})
    assert answer.status == 403 and "无权上传" in answer.json()["error"]["message"]


def test_form_without_csrf_token_is_refused(page) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, "rita")
    page.goto("/")
    href = page.locator("#documents tbody a").first.get_attribute("href")
    page.evaluate("""href => {
        const f = document.createElement('form');
        f.method = 'post'; f.action = href + '/findings/0/review';
        const d = document.createElement('input'); d.name = 'decision'; d.value = 'confirmed'; f.appendChild(d);
        document.body.appendChild(f); f.submit();
    }""", href)
    page.wait_for_load_state()
    sync_api.expect(page.locator("p.flash.error")).to_contain_text("CSRF")
    shot(page, "06-csrf-refused")
