import os

import pytest
from hypothesis import settings
from sitebuild import PLAN_DIR, SAMPLE_MONTHS, SEED, build_site, copy_plan, edit_plan, sample_progress_site, shared_folder

from plannav.items import ItemIndex
from plannav.loader import load_plan
from plannav.problems import report

pytest_plugins = ["browser_fixtures"]

# Under .ci/run (PLANNAV_CI=1) the property tests replay the same examples each run, so that a release
# is judged on what was tested before it; `make test` keeps exploring new ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("PLANNAV_CI"):
    settings.load_profile("ci")


def _missing_tools() -> list[str]:
    """What the browser-marked tests need from outside Python and this machine lacks, as the way to get it."""
    import shutil
    from pathlib import Path

    from browser_fixtures import AXE, CHROMIUM, NGINX

    axe = Path(AXE).parents[1]
    needs = {
        "chromium (apt-get install chromium)": Path(CHROMIUM).exists(),
        "nginx (apt-get install nginx)": Path(NGINX).exists(),
        "LibreOffice (apt-get install libreoffice-writer-nogui)": bool(shutil.which("soffice")),
        "pdftotext (apt-get install poppler-utils)": bool(shutil.which("pdftotext")),
        "Java (apt-get install default-jre-headless)": bool(shutil.which("java")),
        "axe-core, Lighthouse and vnu-jar (npm ci --prefix tests/axe)": (axe / "vnu-jar").is_dir() and Path(AXE).is_file(),
    }
    return [what for what, present in needs.items() if not present]


def pytest_collection_modifyitems(config, items):
    """Without the programs they need, the browser tests are skipped, saying which are missing; `make test-all`
    (PLANNAV_REQUIRE_TOOLS=1, and so CI) fails them instead, so that nothing is skipped where they must run."""
    browser = [item for item in items if item.get_closest_marker("browser")]
    if not browser or os.environ.get("PLANNAV_REQUIRE_TOOLS") == "1":
        return
    missing = _missing_tools()
    if missing:
        skip = pytest.mark.skip(reason="needs " + "; ".join(missing) + " (make test-all installs none: .ci/run does)")
        for item in browser:
            item.add_marker(skip)


# The sites the tests build keep what they read in a cache of their own, not in the project's .cache/: the
# run's (build_cache below), unless PLANNAV_CACHE_DIR was given ("off": none).
CACHE_GIVEN = os.environ.get("PLANNAV_CACHE_DIR")


@pytest.fixture(scope="session")
def plan():
    loaded, problems = load_plan(PLAN_DIR)
    assert not problems, report(problems)
    return loaded


@pytest.fixture(scope="session")
def index(plan):
    return ItemIndex(plan)


@pytest.fixture(scope="session")
def seed_lines():
    where = f"the decision's text is expected at {SEED} (set PLANNAV_SEED to point elsewhere)"
    if not SEED.is_file():
        # A clone on its own can still run every other test; `make test-all` (and CI) insist on the text.
        if os.environ.get("PLANNAV_REQUIRE_SEED") == "1":
            pytest.fail(where)
        pytest.skip(where)
    return SEED.read_text(encoding="utf-8").split("\n")


@pytest.fixture
def plan_copy(tmp_path):
    """A writable copy of the real plan, for tests that break it."""
    return copy_plan(tmp_path / "plan")


@pytest.fixture(scope="session")
def runs(tmp_path_factory):
    """A folder all the test processes of this run share (each of pytest-xdist's workers has its own
    temporary folder beneath the run's): the sites the tests only read are made there once."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared"


@pytest.fixture(scope="session", autouse=True)
def build_cache(runs):
    """The build cache of the run's builds (in this process or as a command) but those given one of their
    own, shared by the test processes: a build of data another built already takes what that one made. Two
    processes may use it at once: a result is written whole or not at all, one the other removed is made again."""
    if CACHE_GIVEN is None:
        os.environ["PLANNAV_CACHE_DIR"] = str(runs / "cache")
    return os.environ["PLANNAV_CACHE_DIR"]


def _built(folder, **settings):
    """A site built at folder/site, its output kept at folder/output.txt."""
    result = build_site(folder / "site", **settings)
    (folder / "output.txt").write_text(result.stdout + result.stderr, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def built_site(runs):
    """The real site, built once per run and read by every test process; with what the build printed. Its
    build cache is its own (site/../cache), cold: a test builds the same plan again from what it left."""
    folder = shared_folder(runs, "plan-site", lambda folder: _built(folder, cache_dir=folder / "cache"))
    return folder / "site", (folder / "output.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site(built_site):
    return built_site[0]


@pytest.fixture(scope="session")
def page():
    """page(site, 'co-quan/cong-an-tinh/') -> parsed HTML of that page."""
    from bs4 import BeautifulSoup

    cache = {}

    def load(site_dir, url):
        path = site_dir / url / "index.html" if not url.endswith(".html") else site_dir / url
        if path not in cache:
            cache[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return cache[path]

    return load


HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> {{ 7*7 }} {% raw %}"
# One hostile value in each kind of text field: names, titles, headings, prose, statements.
HOSTILE_EDITS = [
    ("agencies.yaml", "    name: Sở Y tế\n", f"    name: 'Sở Y tế {HOSTILE}'\n"),
    (
        "tasks.yaml",
        "    text: Triển khai thực hiện Thông tư quy định về danh mục, sản phẩm được khai thác từ Cơ sở "
        "dữ liệu quốc gia về dân cư.\n",
        f"    text: 'Triển khai thực hiện Thông tư {HOSTILE}'\n",
    ),
    ("tasks.yaml", "  heading: {text: '2. Phục vụ", f"  heading: {{text: '{HOSTILE} 2. Phục vụ"),
    ("procedures.yaml", "  name: Đăng ký khai sinh\n", f"  name: 'Đăng ký khai sinh {HOSTILE}'\n"),
    (
        "documents.yaml",
        "  title: Quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước\n",
        f"  title: 'Quản lý dữ liệu số {HOSTILE}'\n",
    ),
    (
        "objectives.yaml",
        "      - Tiếp tục hoàn thiện thể chế, chính sách để tạo điều kiện phát triển, cung cấp ứng dụng, "
        "dịch vụ số liên quan đến thông tin dân cư.\n",
        f"      - 'Tiếp tục hoàn thiện {HOSTILE}'\n",
    ),
    ("requirements.yaml", "  text: Phải xác định người dân", f"  text: '{HOSTILE}' #"),
    (
        "decision.yaml",
        "- Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n",
        f"- 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; {HOSTILE}'\n",
    ),
]


@pytest.fixture(scope="session")
def hostile_site(runs):
    """The site built from a plan whose agency name and task text try to inject markup and templates."""

    def make(folder):
        plan_dir = copy_plan(folder / "plan")
        for file, old, new in HOSTILE_EDITS:
            edit_plan(plan_dir, file, (old, new))
        _built(folder, plan_dir=plan_dir)

    return shared_folder(runs, "hostile", make) / "site"


@pytest.fixture(scope="session")
def two_years(runs):
    """The sample: a site built from 24 months of made-up reports from every reporting agency (the
    benchmark's, scripts/sample_progress.py), made once per run. Its folder: site/, progress/, cache/."""
    return shared_folder(runs, "two-years", lambda folder: sample_progress_site(folder, SAMPLE_MONTHS))


def pytest_sessionfinish(session):
    """The run is over: pytest's last garbage collection, which only looks for errors in finalizers, need not
    walk the parsed pages and built models the tests leave behind (1.5-2.5 s in each test process)."""
    import gc

    gc.freeze()
