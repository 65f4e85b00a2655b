"""Take the README's screenshots of the web application (docs/screenshots/*.png).

    .venv/bin/python docs/screenshots/make_screenshots.py

Builds a store in a temporary folder from the bundled examples and the real Shanghai Putuo
PDFs in ../shared/pdf (万里街道 2023–2025, so charts and compare span years), serves it on
loopback, and photographs it with Debian's Chromium (no browser download).
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from yusuan.store import Store, accounts  # noqa: E402
from yusuan.store.ingest import SerialBackend, ingest_paths  # noqa: E402

OUT = Path(__file__).resolve().parent
SHARED = ROOT.parent / "shared" / "pdf"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--force-device-scale-factor=1"]
STREET = "shanghai_putuo_wanlijiedao_{}_bumen_yusuan.pdf"


def build(db: Path) -> None:
    files = [*sorted((ROOT / "examples").glob("*.txt")), *(SHARED / STREET.format(y) for y in (2023, 2024, 2025)),
             SHARED / "shanghai_putuo_caizhengju_2025_bumen_yusuan.pdf"]
    with Store(db) as store:
        report = ingest_paths(store, files, SerialBackend())
        assert not report.failed, report.failed
        accounts.add_user(store, "zhang", "reviewer", "screenshot-only")


def serve(db: Path, port: int) -> object:
    import uvicorn

    from yusuan.web import Settings, create_app

    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=db, base_dir=ROOT)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server


def ids(page, base: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {d["file_name"]: d["id"][:16] for d in page.request.get(f"{base}/api/documents").json()}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.duckdb"
        build(db)
        server = serve(db, 8799)
        base = "http://127.0.0.1:8799"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="zh-CN")
            docs = ids(page, base)
            page.goto(f"{base}/login?next=/")
            page.fill("#name", "zhang")
            page.fill("#password", "screenshot-only")
            page.click("button[type=submit]")
            page.wait_for_url(f"{base}/")
            page.wait_for_timeout(300)
            page.screenshot(path=str(OUT / "dashboard.png"))

            doc = docs["shanghai_putuo_caizhengju_2025_bumen_yusuan.pdf"]
            page.goto(f"{base}/documents/{doc}")
            page.locator("#findings button.locate").first.click()
            page.wait_for_selector(".page-frame rect.active")
            page.wait_for_timeout(500)
            page.screenshot(path=str(OUT / "document.png"))

            street = docs[STREET.format(2025)]
            page.goto(f"{base}/documents/{street}/charts")
            page.wait_for_selector('#chart-spending[data-rendered="1"]')
            page.wait_for_timeout(500)
            page.screenshot(path=str(OUT / "charts.png"))

            page.goto(f"{base}/compare?a={docs[STREET.format(2024)]}&b={street}")
            page.wait_for_timeout(300)
            page.screenshot(path=str(OUT / "compare.png"))
            browser.close()
        server.should_exit = True  # type: ignore[attr-defined]
    print("written:", ", ".join(sorted(p.name for p in OUT.glob("*.png"))))


if __name__ == "__main__":
    main()
