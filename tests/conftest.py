import os
import tempfile

import pytest
from hypothesis import settings
from sitebuild import PLAN_DIR, SEED, build_site, copy_plan, edit_plan

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


# The sites the tests build keep what they read in a cache of their own, not in the project's .cache/.
os.environ.setdefault("PLANNAV_CACHE_DIR", tempfile.mkdtemp(prefix="plannav-test-cache-"))


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
def built_site(tmp_path_factory):
    """The real site, built once per test session."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir, result.stdout + result.stderr


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


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    """The site built from a plan whose agency name and task text try to inject markup and templates."""
    plan_dir = copy_plan(tmp_path_factory.mktemp("hostile") / "plan")
    # One hostile value in each kind of text field: names, titles, headings, prose, statements.
    for file, old, new in (
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
    ):
        edit_plan(plan_dir, file, (old, new))
    site_dir = plan_dir.parent / "site"
    result = build_site(site_dir, plan_dir=plan_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir
