"""The site's search as staff use it: everyday queries typed into the search box in Chromium, each with
the page it must bring. Names with and without diacritics, partial names, abbreviations, months and
years in the forms staff type, document numbers and references. The misses are printed."""

from urllib.parse import urlsplit

import pytest
from browser_fixtures import search

pytestmark = pytest.mark.browser  # Chromium and nginx: `make test-all`

QUERIES = [
    ("so tu phap", "co-quan/so-tu-phap/"),
    ("Sở Tư pháp", "co-quan/so-tu-phap/"),
    ("cong an tinh", "co-quan/cong-an-tinh/"),
    ("van phong ubnd", "co-quan/van-phong-ubnd-tinh/"),
    ("UBND tinh", "co-quan/ubnd-tinh/"),
    ("BHXH", "co-quan/bao-hiem-xa-hoi-tinh/"),
    ("LĐTBXH", "co-quan/so-lao-dong-thuong-binh-xa-hoi/"),
    ("TT&TT", "co-quan/so-thong-tin-truyen-thong/"),
    ("so y te", "co-quan/so-y-te/"),
    ("dien luc", "co-quan/dien-luc-dak-nong/"),
    ("bien phong", "co-quan/bo-chi-huy-bien-phong-tinh/"),
    ("so giao duc", "co-quan/so-giao-duc-dao-tao/"),
    ("GD&ĐT", "co-quan/so-giao-duc-dao-tao/"),
    ("KH&ĐT", "co-quan/so-ke-hoach-dau-tu/"),
    ("tai nguyen moi truong", "co-quan/so-tai-nguyen-moi-truong/"),
    ("dang ky khai sinh", "thu-tuc/9/"),
    ("Đăng ký khai sinh", "thu-tuc/9/"),
    ("khai tu", "thu-tuc/10/"),
    ("đăng ký thường trú", "thu-tuc/3/"),
    ("tam tru", "thu-tuc/4/"),
    ("ket hon", "thu-tuc/11/"),
    ("ho chieu", "thu-tuc/12/"),
    ("CCCD", "thu-tuc/2/"),
    ("can cuoc cong dan", "thu-tuc/2/"),
    ("trung hoc pho thong", "thu-tuc/21/"),
    ("thang 3/2022", "thoi-han/2022-03/"),
    ("tháng 5/2022", "thoi-han/2022-05/"),
    ("thang 5 2022", "thoi-han/2022-05/"),
    ("3/2022", "thoi-han/2022-03/"),
    ("T3/2022", "thoi-han/2022-03/"),
    ("năm 2023", "thoi-han/2023/"),
    ("nam 2022", "thoi-han/2022/"),
    ("468/QĐ-TTg", "van-ban/qd-468-qd-ttg-2021/"),
    ("06/QĐ-TTg", "van-ban/qd-06-qd-ttg-2022/"),
    ("luat can cuoc cong dan", "van-ban/luat-can-cuoc-cong-dan-2014/"),
    ("137/2015/NĐ-CP", "van-ban/nd-137-2015-nd-cp/"),
    ("bao ve du lieu ca nhan", "van-ban/nghi-dinh-bao-ve-du-lieu-ca-nhan/"),
    ("II.2.đ", "nhiem-vu/2-dd/"),
    ("PL II-16", "nhiem-vu/phu-luc-16/"),
    ("cong dan so", "muc-tieu/cong-dan-so/"),
    ("CMND", "thu-tuc/1/"),
    ("VNeID", "nhiem-vu/2-h/"),  # the task of rolling out the app
    ("T5/2022", "thoi-han/2022-05/"),
    ("05/2022", "thoi-han/2022-05/"),
    ("thang 12 2022", "thoi-han/2022-12/"),
    ("khai sinh", "thu-tuc/9/"),
    ("dang ky xe", "thu-tuc/7/"),
    ("II.2.d", "nhiem-vu/2-d/"),
    ("cong an tinh lam dong", "co-quan/cong-an-tinh-lam-dong/"),  # a body formed since (successors.yaml)
    ("tien do", "thoi-han/tien-do/"),
    ("doi chieu", "doi-chieu/"),
]

# A second set, written after the first was tuned against, none of whose queries the tests had used:
# names by their initials and their everyday short forms, procedures by the words staff use, documents
# by their numbers. Held to the same bar.
NEW_QUERIES = [
    ("SNV", "co-quan/so-noi-vu/"),
    ("SKHĐT", "co-quan/so-ke-hoach-dau-tu/"),
    ("SKHDT", "co-quan/so-ke-hoach-dau-tu/"),
    ("STNMT", "co-quan/so-tai-nguyen-moi-truong/"),
    ("SGTVT", "co-quan/so-giao-thong-van-tai/"),
    ("SNN&PTNT", "co-quan/so-nong-nghiep-phat-trien-nong-thon/"),
    ("SKHCN", "co-quan/so-khoa-hoc-cong-nghe/"),
    ("BCHQS tinh", "co-quan/bo-chi-huy-quan-su-tinh/"),
    ("BHXH tỉnh", "co-quan/bao-hiem-xa-hoi-tinh/"),
    ("BHXH Viet Nam", "co-quan/bao-hiem-xa-hoi-viet-nam/"),
    ("NHNN Việt Nam", "co-quan/ngan-hang-nha-nuoc-viet-nam/"),
    ("VPCP", "co-quan/van-phong-chinh-phu/"),
    ("TTPVHCC", "co-quan/trung-tam-phuc-vu-hanh-chinh-cong/"),
    ("VKSND tỉnh Lâm Đồng", "co-quan/vien-kiem-sat-nhan-dan-tinh-lam-dong/"),
    ("STP Lam Dong", "co-quan/so-tu-phap-lam-dong/"),
    ("bo cong an", "co-quan/bo-cong-an/"),
    ("chu tich ubnd tinh", "co-quan/chu-tich-ubnd-tinh/"),
    ("to cong tac", "co-quan/to-cong-tac-de-an/"),
    ("cuc thue", "co-quan/cuc-thue-tinh/"),
    ("cuc thong ke", "co-quan/cuc-thong-ke-tinh/"),
    ("ngan hang nha nuoc", "co-quan/ngan-hang-nha-nuoc-tinh/"),
    ("vien kiem sat", "co-quan/vien-kiem-sat-tinh/"),
    ("thanh tra tinh", "co-quan/thanh-tra-tinh/"),
    ("so noi vu lam dong", "co-quan/so-noi-vu-lam-dong/"),
    ("ubnd tinh lam dong", "co-quan/ubnd-tinh-lam-dong/"),
    ("tam vang", "thu-tuc/5/"),
    ("luu tru", "thu-tuc/6/"),
    ("bien so xe may", "thu-tuc/7/"),
    ("nop phat giao thong", "thu-tuc/8/"),
    ("con dau", "thu-tuc/13/"),
    ("ly lich tu phap", "thu-tuc/22/"),
    ("tro cap that nghiep", "thu-tuc/23/"),
    ("dang ky thue", "thu-tuc/18/"),
    ("bao hiem y te ho gia dinh", "thu-tuc/17/"),
    ("cap dien moi", "thu-tuc/24/"),
    ("107/2021/NĐ-CP", "van-ban/nd-107-2021-nd-cp/"),
    ("61/2018", "van-ban/nd-61-2018-nd-cp/"),
    ("1911/QĐ-TTg", "van-ban/qd-1911-qd-ttg-2021/"),
    ("nghi quyet 128", "van-ban/nq-128-nq-cp-2021/"),
    ("luat ngan sach", "van-ban/luat-ngan-sach-nha-nuoc-2015/"),
]

# The bar: the expected page among the first three results for 95 % of the queries, and among the
# first ten for every one.
TOP_THREE_SHARE = 0.95


def _ranks(page, queries: list[tuple[str, str]], name: str) -> dict[str, int | None]:
    """Each query typed, and the rank of its expected page among the results (None: not shown); the misses
    printed, and the bar held: 95 % in the top three, every one in the top ten."""
    ranks = {}
    for query, expected in queries:
        found = [urlsplit(href).path.lstrip("/") for _, href in search(page, query)]
        ranks[query] = found.index(expected) + 1 if expected in found else None
    misses = {query: rank for query, rank in ranks.items() if rank is None or rank > 3}
    print(f"search, {name}: {len(queries) - len(misses)} of {len(queries)} in the top three; misses (rank): {misses}")
    assert sum(1 for rank in ranks.values() if rank and rank <= 3) >= TOP_THREE_SHARE * len(queries), misses
    assert all(rank and rank <= 10 for rank in ranks.values()), misses
    return ranks


def test_everyday_queries_find_their_page(nginx, tab):
    page, _ = tab
    page.goto(nginx["root"])
    ranks = _ranks(page, QUERIES, "everyday")
    # A month or a year typed in any of the forms staff use brings its deadline page first.
    months = {query: ranks[query] for query, expected in QUERIES if expected.startswith("thoi-han/20")}
    assert len(months) >= 10 and all(rank == 1 for rank in months.values()), months


def test_queries_the_search_was_not_tuned_against_find_their_page(nginx, tab):
    assert not {q for q, _ in NEW_QUERIES} & {q for q, _ in QUERIES}
    page, _ = tab
    page.goto(nginx["root"])
    _ranks(page, NEW_QUERIES, "new set")


def test_todays_name_finds_the_body_and_the_one_whose_work_it_carries(nginx, tab):
    page, _ = tab
    page.goto(nginx["root"])
    for query in ("cong an tinh lam dong", "Công an tỉnh Lâm Đồng"):
        found = [urlsplit(href).path.lstrip("/") for _, href in search(page, query)][:3]
        assert "co-quan/cong-an-tinh-lam-dong/" in found and "co-quan/cong-an-tinh/" in found, (query, found)


def test_enter_opens_the_first_result_shown(nginx, tab):
    """The theme's Enter opens the result it scored highest; the reordered results keep their scores in order."""
    page, _ = tab
    page.goto(nginx["root"])
    for query, expected in (("khai tu", "thu-tuc/10/"), ("+cong +dan +so", "muc-tieu/cong-dan-so/")):
        shown = [urlsplit(href).path.lstrip("/") for _, href in search(page, query)]
        assert shown[0] == expected, (query, shown[:3])
        page.locator("input.md-search__input").press("Enter")
        page.wait_for_url(f"**/{expected}**")
        page.goto(nginx["root"])


def test_a_body_is_found_by_its_initials(nginx, tab):
    """Initials derived from every name (plannav.initials), with and without diacritics: the body's page first."""
    page, _ = tab
    page.goto(nginx["root"])
    for query, expected in (
        ("NHNN", "co-quan/ngan-hang-nha-nuoc-tinh/"),
        ("VKSND tinh", "co-quan/vien-kiem-sat-tinh/"),
        ("TAND tinh", "co-quan/toa-an-tinh/"),
        ("TAND tỉnh Lâm Đồng", "co-quan/toa-an-nhan-dan-tinh-lam-dong/"),
    ):
        found = [urlsplit(href).path.lstrip("/") for _, href in search(page, query)]
        assert found and found[0] == expected, (query, found[:3])
