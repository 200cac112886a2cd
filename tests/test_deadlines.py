"""Every deadline wording of the decision reads into the kind and value staff expect."""

import pytest

from plannav.deadlines import DeadlineError, read_deadline
from plannav.traversal import deadline_references

STAGED_2E = (
    "Tại Trung tâm phục vụ hành chính công tỉnh từ ngày 01 tháng 6 năm 2022; Bộ phận Một cửa cấp huyện "
    "từ ngày 01 tháng 12 năm 2022; Bộ phận Một cửa cấp xã từ ngày 01 tháng 6 năm 2023."
)

# Every distinct wording in the decision, with what it must read as.
REAL_WORDINGS = [
    ("Tháng 3/2022", {"kind": "month", "month": "2022-03"}),
    ("Tháng 03/2022", {"kind": "month", "month": "2022-03"}),
    ("Trong tháng 03 năm 2022.", {"kind": "month", "month": "2022-03"}),
    ("Trong tháng 3 năm 2022.", {"kind": "month", "month": "2022-03"}),
    ("Tháng 4/2022", {"kind": "month", "month": "2022-04"}),
    ("Tháng 5/2022", {"kind": "month", "month": "2022-05"}),
    ("Tháng 6/2022", {"kind": "month", "month": "2022-06"}),
    ("Trong tháng 6/2022.", {"kind": "month", "month": "2022-06"}),
    ("Trong tháng 6 năm 2022.", {"kind": "month", "month": "2022-06"}),
    ("Tháng 9/2022", {"kind": "month", "month": "2022-09"}),
    ("Trong tháng 9 năm 2022.", {"kind": "month", "month": "2022-09"}),
    ("Tháng 12/2022", {"kind": "month", "month": "2022-12"}),
    ("Trong tháng 01 năm 2023.", {"kind": "month", "month": "2023-01"}),
    ("Tháng 6/2023", {"kind": "month", "month": "2023-06"}),
    ("Trong tháng 6 năm 2023.", {"kind": "month", "month": "2023-06"}),
    ("Tháng 12/2023", {"kind": "month", "month": "2023-12"}),
    ("Năm 2022", {"kind": "year", "year": 2022}),
    ("Trong năm 2022.", {"kind": "year", "year": 2022}),
    ("trong năm 2022", {"kind": "year", "year": 2022}),
    ("Năm 2023", {"kind": "year", "year": 2023}),
    ("Trong năm 2023.", {"kind": "year", "year": 2023}),
    ("trước ngày 20/3/2022", {"kind": "date", "date": "2022-03-20", "before": True}),
    (
        STAGED_2E,
        {
            "kind": "staged",
            "stages": [
                {"level": "province", "start": "2022-06-01"},
                {"level": "district", "start": "2022-12-01"},
                {"level": "commune", "start": "2023-06-01"},
            ],
        },
    ),
    ("Cấp tỉnh từ ngày 01/6/2022", {"kind": "staged", "stages": [{"level": "province", "start": "2022-06-01"}]}),
    ("Định kỳ ngày 18 hàng tháng", {"kind": "recurring", "every": "month", "day": 18}),
    ("trước ngày 22 hàng tháng", {"kind": "recurring", "every": "month", "day": 22, "before": True}),
    ("Hàng tháng", {"kind": "recurring", "every": "month"}),
    ("Hàng năm", {"kind": "recurring", "every": "year"}),
    ("hằng năm", {"kind": "recurring", "every": "year"}),
    ("Thường xuyên", {"kind": "continuous"}),
    ("Thường xuyên.", {"kind": "continuous"}),
    ("Ngay sau khi Chính phủ ban hành Nghị định.", {"kind": "event", "event": "nghi-dinh"}),
    ("Ngay sau Nghị định ban hành", {"kind": "event", "event": "nghi-dinh"}),
    ("Ngay sau khi Luật ban hành.", {"kind": "event", "event": "luat"}),
    ("Ngay sau khi Luật ban hành", {"kind": "event", "event": "luat"}),
    ("Theo Thông tư của các Bộ, ngành.", {"kind": "event", "event": "thong-tu"}),
    ("Theo Thông tư của các Bộ, ngành", {"kind": "event", "event": "thong-tu"}),
    ("Thực hiện theo hướng dẫn của các Bộ, ngành.", {"kind": "event", "event": "huong-dan"}),
    ("Theo hướng dẫn của các Bộ, ngành", {"kind": "event", "event": "huong-dan"}),
    ("Thực hiện theo Kế hoạch của các Bộ, ngành.", {"kind": "event", "event": "ke-hoach"}),
]


@pytest.mark.parametrize(("wording", "expected"), REAL_WORDINGS, ids=[w[:40] for w, _ in REAL_WORDINGS])
def test_real_wording_reads_as_expected(wording, expected):
    assert read_deadline(wording) == expected


def test_the_table_covers_every_deadline_in_the_plan(plan):
    in_plan = {deadline.text for _, deadline in deadline_references(plan)}
    assert in_plan - {w for w, _ in REAL_WORDINGS} == set()


def test_every_kind_occurs_in_the_plan(plan):
    kinds = {deadline.kind for _, deadline in deadline_references(plan)}
    assert kinds == {"month", "year", "date", "staged", "recurring", "continuous", "event"}


def test_whitespace_and_case_do_not_matter():
    assert read_deadline("  TRONG   tháng 3   năm 2022 ") == {"kind": "month", "month": "2022-03"}


@pytest.mark.parametrize(
    ("wording", "message"),
    [
        ("trước ngày 31/02/2022", "impossible date 31/02/2022"),
        ("Tháng 13/2022", "month 13, which does not exist"),
        ("Cấp tỉnh từ ngày 30/2/2022", "impossible date 30/2/2022"),
        ("Bộ phận Một cửa từ ngày 01/6/2022", "needs a level"),
        ("Sớm nhất có thể", "is not a deadline form"),
        ("", "is not a deadline form"),
    ],
)
def test_bad_wordings_are_refused_with_a_reason(wording, message):
    with pytest.raises(DeadlineError, match=message):
        read_deadline(wording)
