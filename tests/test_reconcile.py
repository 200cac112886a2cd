"""Part II tasks and their Appendix II restatements: links both ways and the known differences."""

import pytest

from plannav.reconcile import reconcile


@pytest.fixture(scope="module")
def reconciled(index):
    return {r.task_key: r for r in reconcile(index)}


def _fields(reconciliation):
    return {d.field: d for d in reconciliation.differences}


def test_appendix_rows_1_to_23_restate_a_part_two_task(plan, reconciled):
    assert sorted(r.appendix_number for r in reconciled.values()) == list(range(1, 24))
    restated = set(reconciled)
    assert set(plan.task_by_key) - restated == {"1.b", "3.b", "3.c", "4.a", "4.b"}


def test_counterparts_link_both_ways(index):
    body = index.by_uid["task:2.đ"]
    appendix = index.counterpart(body)
    assert appendix.uid == "appendix-task:15"
    assert index.counterpart(appendix).uid == "task:2.đ"
    assert index.counterpart(index.by_uid["task:1.b"]) is None  # no Appendix II row for the fee circular
    assert index.counterpart(index.by_uid["appendix-task:31"]) is None


def test_so_tu_phap_in_the_body_is_bo_tu_phap_in_the_appendix(reconciled):
    named = _fields(reconciled["2.d"])["named-agencies"]
    assert "so-tu-phap" in named.body and "bo-tu-phap" in named.appendix


def test_deadline_differences_are_found(reconciled):
    assert _fields(reconciled["1.c"])["deadline"].body == ("Thực hiện theo Kế hoạch của các Bộ, ngành.",)
    assert _fields(reconciled["1.c"])["deadline"].appendix == ("Theo hướng dẫn của các Bộ, ngành",)
    assert "deadline" in _fields(reconciled["2.e"])  # three staged dates in the body, one in the appendix


def test_lead_differences_are_found(reconciled):
    lead = _fields(reconciled["1.l"])["lead"]
    assert lead.body == ("so-khoa-hoc-cong-nghe",)
    assert set(lead.appendix) == {"so-khoa-hoc-cong-nghe", "cong-an-tinh"}
    assert set(_fields(reconciled["2.đ"])["lead"].appendix) == {"cong-an-tinh", "van-phong-ubnd-tinh"}


def test_wording_differences_carry_word_level_changes(reconciled):
    wording = _fields(reconciled["2.g"])["wording"]
    changed = [c for c in wording.changes if c.op != "equal"]
    assert any("tỉnh" in c.body and "quốc gia" in c.appendix for c in changed)


def test_identical_rows_have_no_differences(reconciled):
    assert reconciled["1.k"].differences == ()
    assert reconciled["2.a"].differences == ()
