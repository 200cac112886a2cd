"""Browser tests: the built site served by nginx (configured from deploy/nginx/, as IT staff will),
and a copy opened from disk, driven by Playwright in Debian's Chromium."""

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from sitebuild import ROOT, build_site, shared_folder

CHROMIUM = os.environ.get("PLANNAV_CHROMIUM", "/usr/bin/chromium")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SUBPATH = "/ke-hoach-06/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_block(conf: str, port: int, site_dir: Path) -> str:
    """The committed sample configuration, pointed at a test folder and a loopback port."""
    text = (ROOT / "deploy" / "nginx" / conf).read_text(encoding="utf-8")
    assert "listen 80;" in text and "/var/www/ke-hoach-06" in text
    return text.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("/var/www/ke-hoach-06", str(site_dir))


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory):
    port = _free_port()
    site_dir = tmp_path_factory.mktemp("subpath") / "site"
    result = build_site(site_dir, base_url=f"http://127.0.0.1:{port}{SUBPATH}")
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir, port


@pytest.fixture(scope="session")
def offline_site(runs):
    """The copy to open from disk (`make build-offline`), built once per run."""

    def make(folder):
        result = build_site(folder / "site", offline=True)
        assert result.returncode == 0, result.stdout + result.stderr

    return shared_folder(runs, "offline", make) / "site"


@pytest.fixture(scope="session")
def nginx(site, subpath_site, tmp_path_factory):
    """nginx on 127.0.0.1 serving the root build and the sub-path build; yields their base URLs."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed: apt-get install nginx (.ci/run does)")
    prefix = tmp_path_factory.mktemp("nginx")
    root_port = _free_port()
    subpath_dir, subpath_port = subpath_site
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"""
user root;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    {_server_block("ke-hoach-06-root.conf", root_port, site)}
    {_server_block("ke-hoach-06-subpath.conf", subpath_port, subpath_dir.parent / "published")}
}}
""",
        encoding="utf-8",
    )
    # The sub-path sample aliases /var/www/ke-hoach-06/; publish the build there, as staff would.
    (subpath_dir.parent / "published").symlink_to(subpath_dir)
    started = subprocess.run([NGINX, "-p", str(prefix), "-c", str(conf)], capture_output=True, text=True)
    assert started.returncode == 0, started.stderr
    root_url, subpath_url = f"http://127.0.0.1:{root_port}/", f"http://127.0.0.1:{subpath_port}{SUBPATH}"
    for url in (root_url, subpath_url):
        for _ in range(50):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                time.sleep(0.1)
    yield {"root": root_url, "subpath": subpath_url}
    subprocess.run([NGINX, "-p", str(prefix), "-c", str(conf), "-s", "stop"], capture_output=True)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: apt-get install chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


class Watcher:
    """Records console errors, page errors, failed responses and every requested URL of a page."""

    def __init__(self, page):
        self.page, self.errors, self.requests, self.failures = page, [], [], []
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("response", lambda r: self.failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    def reset(self):
        self.errors.clear()
        self.requests.clear()
        self.failures.clear()


@pytest.fixture
def tab(browser):
    context = browser.new_context()
    context.add_init_script(COUNT_SEARCH_MESSAGES)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page, Watcher(page)
    context.close()


AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as loaded, one line each."""
    if not AXE.is_file():
        pytest.fail(f"axe-core is not installed at {AXE}: npm ci --prefix tests/axe (make test-all does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['help']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# Counts the queries the page sends to the search worker and the results it gets back, so that a test
# reads the results of the query it typed, not those of a prefix still on screen (Material's message
# types: 2 is a query, 3 its result).
COUNT_SEARCH_MESSAGES = """(() => {
  const Native = window.Worker;
  if (!Native) return;
  window.__searchMessages = {sent: 0, answered: 0, last: null};
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", ev => {
        if (ev.data && ev.data.type === 3) window.__searchMessages.answered++;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) {
        window.__searchMessages.sent++;
        window.__searchMessages.last = message.data;
      }
      super.postMessage(message, ...rest);
    }
  };
})()"""


# The first ten results shown, each as (its title, its address), read in one call rather than two per result.
SHOWN_RESULTS = """() => [...document.querySelectorAll("li.md-search-result__item > a")].slice(0, 10).map(a => {
  const title = a.querySelector("h1, h2");
  return [title ? title.innerText : null, a.getAttribute("href")];
})"""


def search(page, query: str) -> list[tuple[str, str]]:
    """Put a query into the site's search box; return (title, href) of the results shown for it."""
    box = page.locator("input.md-search__input")
    box.click()
    # The query is put in whole, as an input method or a paste puts it: what the results show depends on the
    # text alone, and the worker answers one query rather than one per letter. Material reads the box on
    # keyup, which no input method sends for a letter such as "đ": a key that changes nothing ends the
    # typing as the keyboard does.
    box.fill(query)
    box.press("End")
    counted = page.evaluate("() => !!window.__searchMessages && window.__searchMessages.sent > 0")
    if counted:
        page.wait_for_function(
            "q => { const m = window.__searchMessages; return m.last === q && m.sent === m.answered; }", arg=query
        )
    page.locator(".md-search-result__item").first.wait_for()

    def shown():
        return [tuple(result) for result in page.evaluate(SHOWN_RESULTS)]

    # The list as it stands once it stops changing: from one frame to the next once the worker has answered
    # the query, and over 120 ms where its messages are not counted (a copy opened from disk runs it in an
    # iframe).
    last, deadline = None, time.monotonic() + 5
    while time.monotonic() < deadline:
        current = shown()
        if current == last:
            return current
        last = current
        if counted:
            page.evaluate(_NEXT_FRAMES)
        else:
            page.wait_for_timeout(120)
    return last


_NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


# The tables of items, which read as one block per row on a phone (site.css, table-cards.js).
ITEM_TABLES = "article table.cards"
# For each visible item table, its first rows: where each cell lies, how it is laid out and labelled.
MEASURE_ROWS = """sel => [...document.querySelectorAll(sel)].filter(t => t.offsetParent !== null).map(t =>
  [...t.tBodies[0].rows].filter(r => !r.hidden).slice(0, 5).map(r => [...r.cells].map(c => {
    const box = c.getBoundingClientRect();
    return {left: box.left, right: box.right, display: getComputedStyle(c).display,
            label: c.dataset.label || '', shown: getComputedStyle(c, '::before').content !== 'none',
            text: c.textContent.trim().slice(0, 20)};
  })))"""


def cells_off_screen(page, width: int) -> list:
    """(text, left, right) of each cell of the first rows of the page's item tables that lies outside
    a screen `width` pixels wide."""
    return [
        (cell["text"], round(cell["left"]), round(cell["right"]))
        for table in page.evaluate(MEASURE_ROWS, ITEM_TABLES)
        for row in table
        for cell in row
        if cell["left"] < -0.5 or cell["right"] > width + 0.5
    ]
