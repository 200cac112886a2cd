"""Who is responsible, exactly as the decision says: agency pages, item pages and the exported JSON.

An agency page's "Chủ trì" and "Phối hợp" send work to an office. These tests read the built site and
ke-hoach.json for each reading rule of plan/responsibilities.yaml and each case of collective wordings:
open wordings never make a body lead or coordinate, recipients are not assignees, and every role read
from another part of the decision carries its basis where staff see the item.
"""

import json

import pytest

from plannav import schedule

# Sections of an agency page that give the agency a role.
ROLE_SECTIONS = ("trach-nhiem", "chu-tri", "phoi-hop", "thu-tuc", "kinh-phi", "qua-nhom")


@pytest.fixture(scope="module")
def exported(site):
    data = json.loads((site / "tai-ve" / "ke-hoach.json").read_text(encoding="utf-8"))
    return data, {item["uid"]: item for item in data["items"]}


# find/find_all rather than CSS selectors: the same elements, without a walk of the whole page for each
# selector; these read every row of sixty agency pages (the open wordings' test: 9.7 s → 1.8 s).
def _rows(soup, section):
    table = soup.find("table", attrs={"data-section": section})
    return {} if table is None else {tr["data-item"]: tr for tr in table.tbody.find_all("tr")}


def _cells(table_row):
    """Cells of an item row by their column header."""
    headers = [th.get_text(strip=True) for th in table_row.find_parent("table").thead.find_all("th")]
    return dict(zip(headers, table_row.find_all("td", recursive=False), strict=True))


def _roles(soup):
    """{uid: role shown} over every section that gives the page's agency a role."""
    found = {}
    for section in ROLE_SECTIONS:
        for uid, tr in _rows(soup, section).items():
            found[uid] = _cells(tr)["Vai trò"].get_text(strip=True)
    return found


# ---- 1. Groups never put an agency where the decision does not


def test_dien_luc_lists_exactly_appendix_i_rows_24_and_25(site, page, exported):
    soup = page(site, "co-quan/dien-luc-dak-nong/")
    listed = {tr["data-item"] for tr in soup.select("article table.items tbody tr")}
    assert listed == {"procedure:24", "procedure:25"}
    assert _roles(soup) == {"procedure:24": "Chủ trì", "procedure:25": "Chủ trì"}
    data, _ = exported
    groups = {a["id"]: a for a in data["agencies"]["agencies"]}
    assert groups["to-chuc-doanh-nghiep"]["members"] == [] and groups["to-chuc-doanh-nghiep"]["open"]


def test_no_page_gives_a_role_through_an_open_wording(site, page, plan, index):
    open_groups = {a.id for a in plan.agencies.agencies if a.open}
    assert open_groups == {"don-vi-lien-quan", "co-quan-to-chuc-lien-quan", "to-chuc-doanh-nghiep"}
    checked = 0
    for agency in plan.agencies.agencies:
        if agency.kind == "group":
            continue
        soup = page(site, f"co-quan/{agency.id}/")
        for uid, tr in _rows(soup, "qua-nhom").items():
            via = {a["href"].strip("./").split("/")[-1] for a in _cells(tr)["Qua nhóm"].select("a")}
            assert not via & open_groups, (agency.id, uid, via)
        roles = _roles(soup)
        for item in index.items:
            reached = set(item.lead + item.coordinators)
            closed = {g for g in reached if g not in open_groups and agency.id in index.registry.group_members.get(g, ())}
            mine = {agency.id, *index.registry.predecessors.get(agency.id, ())}  # and the work it carries
            if not mine & reached and not closed and reached & open_groups:
                assert item.uid not in roles, (agency.id, item.uid)
                checked += 1
    assert checked > 100


def test_open_wordings_reach_sở_pages_only_in_their_own_list(site, page, index):
    soup = page(site, "co-quan/so-y-te/")
    possibly = _rows(soup, "co-the-lien-quan")
    # II.4.a: "Công an tỉnh và các đơn vị liên quan"; IV.1.i: Công an tỉnh "phối hợp với các đơn vị liên quan".
    assert {"task:4.a", "duty:1.i", "task:3.b"} <= set(possibly)
    assert not set(possibly) & set(_roles(soup))
    assert "Vai trò" not in _cells(possibly["task:4.a"])
    heading = soup.select_one("article h2#co-the-lien-quan").get_text()
    assert "Có thể liên quan" in heading
    assert "Không tính là việc chủ trì hay phối hợp" in soup.select_one("p.note.possibly").get_text()
    # Tasks led: only what names Sở Y tế itself (Appendix II row 32); the open wordings once added nine as Chủ trì.
    led = [i for i in index.items if i.kind in ("task", "appendix-task") and "so-y-te" in i.lead]
    assert [i.uid for i in led] == ["appendix-task:32"]
    assert "1 nhiệm vụ chủ trì" in soup.select_one("ul.summary").get_text(" ", strip=True)


def test_an_open_wording_shows_its_items_on_its_own_page(site, page, index):
    soup = page(site, "co-quan/don-vi-lien-quan/")
    expected = {i.uid for i in index.items if "don-vi-lien-quan" in i.lead + i.coordinators}
    shown = set(_rows(soup, "trach-nhiem")) | set(_rows(soup, "chu-tri")) | set(_rows(soup, "phoi-hop"))
    assert shown == expected and {"task:4.a", "duty:1.i"} <= shown
    assert "Cách gọi mở" in soup.select_one("p.members.open").get_text()


@pytest.mark.parametrize(("duty", "reason"), [("duty:2.b", "nơi nhận kế hoạch"), ("duty:2.k", "nơi nhận báo cáo")])
def test_recipients_are_not_assignees(site, page, exported, duty, reason):
    for agency in ("cong-an-tinh", "van-phong-ubnd-tinh"):
        soup = page(site, f"co-quan/{agency}/")
        assert duty not in _roles(soup), agency
        assert duty in _rows(soup, "duoc-neu-ten"), agency  # their name is in the text, as recipients
    assert duty in _roles(page(site, "co-quan/so-y-te/"))  # other departments still carry it, through the group
    _, items = exported
    assert items[duty]["not_for"] == [
        {"agency": "cong-an-tinh", "reason": reason},
        {"agency": "van-phong-ubnd-tinh", "reason": reason},
    ]
    row = page(site, "trach-nhiem/").select_one(f'tr[data-item="{duty}"]')
    assert (
        f"Không áp dụng cho: Công an tỉnh ({reason}); Văn phòng Ủy ban nhân dân tỉnh ({reason})."
        in row.select_one("p.not-for").get_text()
    )


def test_who_the_departments_group_holds_is_stated_on_its_page(site, page, index):
    soup = page(site, "co-quan/so-ban-nganh/")
    kind = soup.select_one("article p.kind").get_text()
    assert "không gồm Tòa án nhân dân tỉnh và Viện Kiểm sát nhân dân tỉnh" in kind
    members = {a["href"].strip("./").split("/")[-1] for a in soup.select("article p.members a")}
    assert {"cuc-thue-tinh", "bo-chi-huy-quan-su-tinh", "so-y-te"} <= members
    assert not {"toa-an-tinh", "vien-kiem-sat-tinh"} & members
    assert members == set(index.registry.members("so-ban-nganh"))


# ---- 2. Part IV sentences read by written rules


def test_military_commands_coordinate_12b_and_12c_whose_lead_is_unstated(site, page, exported):
    _, items = exported
    for uid in ("duty:12.b", "duty:12.c"):
        assert items[uid]["lead"] == [] and items[uid]["lead_unstated"]
        assert items[uid]["coordinators"] == ["bo-chi-huy-quan-su-tinh", "bo-chi-huy-bien-phong-tinh"]
    for agency in ("bo-chi-huy-quan-su-tinh", "bo-chi-huy-bien-phong-tinh"):
        soup = page(site, f"co-quan/{agency}/")
        roles = _roles(soup)
        assert roles["duty:12.a"] == "Chủ trì" and roles["duty:12.b"] == roles["duty:12.c"] == "Phối hợp"
        lead_cell = _cells(_rows(soup, "trach-nhiem")["duty:12.b"])["Chủ trì"]
        assert lead_cell.get_text(strip=True) == "Không nêu"


def test_phoi_hop_voi_x_makes_the_section_coordinate_iv_1_d(site, page, exported):
    _, items = exported
    assert items["duty:1.d"]["lead"] == ["van-phong-ubnd-tinh"]
    assert set(items["duty:1.d"]["coordinators"]) == {
        "cong-an-tinh",
        "so-tu-phap",
        "so-lao-dong-thuong-binh-xa-hoi",
        "bao-hiem-xa-hoi-tinh",
        "ubnd-huyen-thanh-pho",
    }
    assert "Phụ lục I, dòng 15 và 16" in items["duty:1.d"]["roles_note"]
    for agency in ("so-tu-phap", "so-lao-dong-thuong-binh-xa-hoi", "bao-hiem-xa-hoi-tinh", "cong-an-tinh"):
        assert _roles(page(site, f"co-quan/{agency}/"))["duty:1.d"] == "Phối hợp", agency
    assert _roles(page(site, "co-quan/van-phong-ubnd-tinh/"))["duty:1.d"] == "Chủ trì"


def test_guidance_is_not_led_by_those_who_receive_it_iv_1_b(exported):
    _, items = exported
    assert items["duty:1.b"]["lead"] == ["van-phong-ubnd-tinh"]  # as IV.3.a says
    assert "IV.3.a" in items["duty:1.b"]["roles_note"]


@pytest.mark.parametrize("uid", ["duty:1.c", "duty:3.b", "duty:3.c"])
def test_chu_tri_cung_voi_makes_joint_leads(site, page, exported, uid):
    _, items = exported
    assert {"cong-an-tinh", "van-phong-ubnd-tinh"} <= set(items[uid]["lead"])
    for agency in ("cong-an-tinh", "van-phong-ubnd-tinh"):
        assert _roles(page(site, f"co-quan/{agency}/"))[uid] == "Chủ trì"


def test_section_2_reads_chu_dong_phoi_hop_the_same_way_in_c_d_and_i(exported):
    _, items = exported
    for uid in ("duty:2.c", "duty:2.d", "duty:2.i"):
        assert items[uid]["lead"] == ["so-ban-nganh", "ubnd-huyen-thanh-pho"], uid
        assert "cong-an-tinh" in items[uid]["coordinators"] or "so-thong-tin-truyen-thong" in items[uid]["coordinators"]
        assert "Mục 2" in items[uid]["roles_note"], uid


def test_every_role_read_from_elsewhere_shows_its_basis_where_staff_see_the_duty(site, page, plan, index):
    with_basis = [i for i in index.items if i.roles_note]
    assert [i.key for i in with_basis] == [
        "1.b",
        "1.d",
        "1.đ",
        "1.e",
        "1.k",
        "1.l",
        "2.c",
        "2.d",
        "2.i",
        "5.a",
        "10.d",
        "13",
        "17.b",
        "19",
    ]
    duty_index = page(site, "trach-nhiem/")
    full_text = page(site, "toan-van/")
    for item in with_basis:
        row = duty_index.select_one(f'tr[data-item="{item.uid}"]')
        assert item.roles_note in row.select_one("p.roles-note").get_text(), item.uid
        anchor = full_text.select_one(f"#iv-{item.key.replace('.', '-').replace('đ', 'dd')}")
        if anchor is not None and anchor.name == "div":  # lettered duties; single paragraphs sit under their heading
            assert item.roles_note in anchor.get_text(), item.uid
        for agency in item.lead + item.coordinators:
            if index.registry.by_id[agency].kind != "group":
                agency_row = _rows(page(site, f"co-quan/{agency}/"), "trach-nhiem")[item.uid]
                assert item.roles_note in agency_row.get_text(), (agency, item.uid)


def test_every_duty_follows_the_reading_rules_or_gives_its_basis(plan):
    from plannav.checks.duties import duty_roles
    from plannav.checks.findings import Findings

    report = Findings(plan)
    duty_roles(plan, report)
    assert report.problems == []


def test_iv_7_a_is_yearly_like_iv_7_c_and_iii_1(site, page, exported):
    _, items = exported
    for uid in ("duty:7.a", "duty:7.c", "funding:1"):
        kinds = [(d["deadline"]["kind"], d["deadline"].get("every")) for d in items[uid]["deadlines"]]
        assert kinds == [("recurring", "year")], uid
    assert "duty:7.a" in _rows(page(site, "thoi-han/dinh-ky/"), "danh-sach")


def test_an_agency_page_shows_only_the_deadlines_that_bind_it(site, page):
    for agency, section in (("ubnd-huyen-thanh-pho", "trach-nhiem"), ("so-y-te", "qua-nhom")):
        cell = _cells(_rows(page(site, f"co-quan/{agency}/"), section)["duty:2.k"])["Thời hạn"].get_text(" ", strip=True)
        assert "Ngày 18 hằng tháng" in cell and "22" not in cell, agency
    working_group = _cells(_rows(page(site, "co-quan/to-cong-tac-de-an/"), "trach-nhiem")["duty:2.k"])["Thời hạn"]
    assert "Trước ngày 22 hằng tháng" in working_group.get_text() and "18" not in working_group.get_text()
    # Where every deadline is shown, each says whom it binds.
    cell = page(site, "trach-nhiem/").select_one('tr[data-item="duty:2.k"] td.deadline')
    assert [span.get_text(" ", strip=True) for span in cell.select("span.applies-to")] == [
        "Áp dụng cho: Các Sở, Ban, ngành ; Ủy ban nhân dân các huyện, thành phố",
        "Áp dụng cho: Tổ công tác thực hiện Đề án của tỉnh",
    ]


# ---- 3. Oddities of the source stay verbatim but are flagged


ODDITIES = [
    ("appendix-task:31", "nhiem-vu/phu-luc-31/", "cuc-thue-tinh", "Bộ Công an"),
    ("appendix-task:41", "nhiem-vu/phu-luc-41/", "bo-chi-huy-quan-su-tinh", "Bộ Chỉ huy Quân sự tỉnh"),
    ("appendix-task:42", "nhiem-vu/phu-luc-42/", "so-ke-hoach-dau-tu", "IV.24"),
    ("procedure:18", "thu-tuc/18/", "so-tai-chinh", "Cục Thuế tỉnh"),
]


@pytest.mark.parametrize(("uid", "url", "agency", "phrase"), ODDITIES, ids=[o[0] for o in ODDITIES])
def test_oddities_keep_their_roles_and_carry_a_shown_note(site, page, exported, index, uid, url, agency, phrase):
    item = index.by_uid[uid]
    assert phrase in item.note and "giữ đúng như Quyết định ghi" in item.note
    _, items = exported
    assert items[uid]["note"] == item.note and agency in items[uid]["lead"]  # the roles stay as written
    item_page = page(site, url).select_one("article")
    assert item.note in item_page.select_one("p.note").get_text()
    agency_page = page(site, f"co-quan/{agency}/")
    row = next(rows[uid] for section in ROLE_SECTIONS if uid in (rows := _rows(agency_page, section)))
    assert item.note in row.select_one("p.note").get_text()
    reconciliation = _rows(page(site, "doi-chieu/"), "ghi-chu")
    assert item.note in reconciliation[uid].select_one("p.note").get_text()
    assert item.text not in item.note  # the note stands beside the wording, never in it


# ---- 4. Defects found while reviewing the code


def test_the_every_deadline_table_is_in_date_order_without_javascript(site, page, index):
    soup = page(site, "thoi-han/")
    table = soup.select_one("article table.items[data-filterable]")
    shown = [tr["data-item"] for tr in table.select("tbody tr")]
    pairs = [(deadline, item) for item in index.items for deadline in item.deadlines]
    order = {item.uid: i for i, item in enumerate(index.items)}
    expected = [item.uid for deadline, item in sorted(pairs, key=lambda p: (schedule.sort_key(p[0]), order[p[1].uid]))]
    assert shown == expected
    # The data-sort text the browser sorts by gives the same order.
    keys = [td["data-sort"] for td in table.select("tbody td.deadline")]
    assert keys == sorted(keys)
    assert shown.index("procedure:1") < shown.index("task:2.g")  # March 2022 before December 2022


def test_the_home_page_links_every_section_of_the_navigation(site, page):
    home = page(site, "")
    linked = {a["href"].strip("./") for a in home.select("article a")}
    navigation = {a["href"].strip("./") for a in home.select("nav.md-nav--primary a.md-nav__link[href]")}
    sections = {href for href in navigation if href and "#" not in href and "/" not in href}  # not the pages under one
    assert "trach-nhiem" in sections
    assert sections <= linked


@pytest.mark.parametrize(
    "agency, uids, basis",
    [
        ("so-khoa-hoc-cong-nghe", ["duty:17.b"], "Phụ lục II, dòng 10"),
        ("so-noi-vu", ["duty:1.đ", "duty:5.a"], "Phụ lục II, dòng 30"),
        ("cong-an-tinh", ["duty:1.đ", "duty:5.a", "duty:17.b"], ""),
    ],
)
def test_the_same_work_given_opposite_leads_is_led_jointly_as_appendix_ii_says(site, page, index, agency, uids, basis):
    """IV.17.b and II.1.l, IV.1.đ and IV.5.a: each sentence says "I coordinate with the other" about work that
    Appendix II gives both to lead. Both lead, on each page, with the basis shown where staff see the duty."""
    roles = _roles(page(site, f"co-quan/{agency}/"))
    for uid in uids:
        item = index.by_uid[uid]
        assert len(item.lead) == 2 and not set(item.lead) & set(item.coordinators), uid
        assert roles[uid] == "Chủ trì", (agency, uid)
        if basis:
            assert basis in item.roles_note, uid
