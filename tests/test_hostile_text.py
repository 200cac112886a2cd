"""Property: whatever a text field of the plan holds (Markdown over several paragraphs, HTML, template
syntax, control and invisible characters), the plan is refused with a problem or its pages hold exactly
the elements and links they hold for plain text: plan text never becomes markup.

Pages go through the same steps as in the build: the core renders the body and sets its HTML blocks
aside, Python-Markdown converts the rest with the site's extensions, and the blocks are put back.
"""

from collections import Counter

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sitebuild import copy_plan, edit_plan

from plannav.generator.stash import restore_html_blocks, stash_html_blocks
from plannav.sitemodel import PlanProblems, SiteModel

# (file, the line holding the text, what comes before the text on its new lines, the pages that show it)
FIELDS = {
    "task text": (
        "tasks.yaml",
        "    text: Triển khai thực hiện Nghị định của Chính phủ về bảo vệ dữ liệu cá nhân.\n",
        "    text: ",
        ["nhiem-vu/1-d.md", "co-quan/cong-an-tinh.md", "toan-van.md", "nhiem-vu/index.md"],
    ),
    "agency name": (
        "agencies.yaml",
        "    name: Sở Y tế\n",
        "    name: ",
        ["co-quan/so-y-te.md", "co-quan/index.md", "index.md"],
    ),
    "duty note": (
        "responsibilities.yaml",
        "    note: 'Đính chính: Nghị định số 107/2021/NĐ-CP do Chính phủ ban hành, không phải Thủ tướng Chính phủ.'\n",
        "    note: ",
        ["trach-nhiem/index.md", "toan-van.md", "doi-chieu.md"],
    ),
    "appendix note": (
        "appendix_tasks.yaml",
        "    note: Ô “Cơ quan chủ trì” ghi “Bộ Công an”",
        "    note: ",
        ["nhiem-vu/phu-luc-31.md"],
    ),
    "phase label": (
        "objectives.yaml",
        "    - label: Giai đoạn 2023 - 2025\n",
        "    - label: ",
        ["muc-tieu/thu-tuc-hanh-chinh.md"],
    ),
    "objective heading": (
        "objectives.yaml",
        "  heading: {text: 1. Mục tiêu tổng quát}\n",
        "  heading:\n    text: ",
        ["muc-tieu/index.md"],
    ),
    "document title": (
        "documents.yaml",
        "  title: Quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước\n",
        "  title: ",
        ["van-ban/nd-47-2020-nd-cp.md", "van-ban/index.md"],
    ),
}
PLAIN = "chữ thường"
HOSTILE = [
    "\n\n",
    "\n",
    "[Xem hướng dẫn](javascript:alert(1))",
    "# ",
    "## ",
    "- ",
    "1. ",
    "* ",
    "> ",
    "    ",
    "```",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<b>",
    "</td></tr></table>",
    "&amp;",
    "&#60;",
    "{{ 7*7 }}",
    "{% raw %}",
    "{ #id }",
    "*",
    "_",
    "`",
    "|",
    "---",
    "===",
    "<!--",
    "-->",
    "\\",
    "\x1b[2J",
    "\u202e",
    "\u200b",
    "\u2028",
    "[x]: javascript:alert(1)",
    "<https://example.com>",
    "https://example.com",
    "đ",
]


def _yaml_block(prefix: str, text: str) -> str:
    """The text as a YAML literal block after its key, as an editor would write a multi-paragraph value."""
    indent = " " * (len(prefix.rsplit("\n", 1)[-1]) - len(prefix.rsplit("\n", 1)[-1].lstrip(" -")) + 2)
    return prefix + "|-\n" + "\n".join(indent + line if line else "" for line in text.split("\n")) + "\n"


def _pages(plan_dir, urls):
    model = SiteModel.from_folder(plan_dir)
    converter = markdown.Markdown(extensions=["attr_list", "toc"], extension_configs={"toc": {"permalink": True}})
    out = {}
    for src in urls:
        body, blocks = stash_html_blocks(model.render(src, lambda page, anchor="": page + (f"#{anchor}" if anchor else "")))
        html = converter.reset().convert(body)
        html = restore_html_blocks(restore_html_blocks(html, blocks, excluded=False), blocks, excluded=True)
        out[src] = BeautifulSoup(html, "html.parser")
    return out


# Elements whose number follows the text by design: its paragraphs, and the words a Part II task and its
# Appendix II row do not share (the reconciliation marks them).
_BY_TEXT = {"del", "ins"}


def _shape(soup):
    """What a page is made of: its elements by tag (those that follow the text aside), and every link."""
    tags = Counter(
        el.name
        for el in soup.find_all(True)
        if el.name not in _BY_TEXT and not (el.name == "span" and "paragraph" in el.get("class", []))
    )
    return tags, sorted(a.get("href", "") for a in soup.find_all("a"))


def _plan_with(tmp_path_factory, field, text):
    file, line, prefix, _ = FIELDS[field]
    plan_dir = copy_plan(tmp_path_factory.mktemp("hostile-text") / "plan")
    original = (plan_dir / file).read_text(encoding="utf-8")
    start = original.index(line)
    whole_line = original[start : original.index("\n", start) + 1]
    edit_plan(plan_dir, file, (whole_line, _yaml_block(prefix, text)))
    return plan_dir


_BASELINES = {}


def _baseline(tmp_path_factory, field):
    if field not in _BASELINES:
        _BASELINES[field] = {
            src: _shape(soup) for src, soup in _pages(_plan_with(tmp_path_factory, field, PLAIN), FIELDS[field][3]).items()
        }
    return _BASELINES[field]


hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(alphabet="abcxyz ", min_size=1, max_size=6)), min_size=1, max_size=8
).map("".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(sorted(FIELDS)), text=hostile_text)
@example(field="task text", text="Triển khai.\n\n[Xem hướng dẫn](javascript:alert(1))\n\n# Tiêu đề\n\n- một\n\n1. hai")
@example(field="agency name", text="Sở Y tế\n\n<script>alert(1)</script>")
@example(field="duty note", text="ghi chú\n\n## giả\n\n> trích\n\n    mã")
@example(field="document title", text="{{ 7*7 }} {% raw %} [x](javascript:alert(1))")
def test_plan_text_never_becomes_markup(tmp_path_factory, field, text):
    plan_dir = _plan_with(tmp_path_factory, field, f"{PLAIN} {text}")
    try:
        pages = _pages(plan_dir, FIELDS[field][3])
    except PlanProblems as refused:  # control and invisible characters, a blank text, a too long name
        assert refused.problems and all(p.hint for p in refused.problems)
        return
    expected = _baseline(tmp_path_factory, field)
    for src, soup in pages.items():
        assert _shape(soup) == expected[src], (field, src, text)
        assert not any(a.get("href", "").lower().startswith(("javascript", "http")) for a in soup.find_all("a"))
