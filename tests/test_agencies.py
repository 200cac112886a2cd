"""Every 'who' in the decision resolves to registry entries; groups reach their members."""

import pytest

from plannav.checks.roles import unresolved_phrases
from plannav.registry import AgencyRegistry
from plannav.texts import iter_texts


@pytest.fixture(scope="module")
def registry(plan):
    return AgencyRegistry(plan.agencies)


def test_no_who_wording_is_left_unresolved(plan):
    who_texts = [ref.text for ref in iter_texts(plan) if ref.who]
    assert len(who_texts) == 28 + 2 * 44 + 2 * 25  # Part II lines; lead and coordinator cells of both appendices
    assert {text: left for text in who_texts if (left := unresolved_phrases(plan.registry, text))} == {}


@pytest.mark.parametrize(
    ("wording", "agency"),
    [
        ("Sở Tài Chính", "so-tai-chinh"),
        ("Sở Tài chính", "so-tai-chinh"),
        ("Sở khoa học và Công nghệ", "so-khoa-hoc-cong-nghe"),
        ("Văn phòng UBND tỉnh", "van-phong-ubnd-tinh"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "van-phong-ubnd-tinh"),
        ("Toà án nhân dân tỉnh", "toa-an-tinh"),
        ("Sở Lao động -Thương binh và Xã hội", "so-lao-dong-thuong-binh-xa-hoi"),
        ("Sở Kế hoạch và Đầu tư tỉnh", "so-ke-hoach-dau-tu"),
        ("Điện lực tỉnh Đắk Nông", "dien-luc-dak-nong"),
        ("các Sở, Ban, ngành, địa phương liên quan", "so-ban-nganh-dia-phuong"),
        ("các ngành, địa phương có liên quan", "so-ban-nganh-dia-phuong"),
        ("các đơn vị có liên quan", "don-vi-lien-quan"),
        ("các cơ quan, tổ chức có liên quan", "co-quan-to-chuc-lien-quan"),
    ],
)
def test_wording_variants_resolve_to_one_body(registry, wording, agency):
    assert registry.who_matcher.targets(wording) == [agency]


def test_longest_wording_wins(registry):
    text = "Văn phòng UBND tỉnh và Chủ tịch Ủy ban nhân dân tỉnh báo cáo UBND tỉnh"
    assert registry.prose_matcher.targets(text) == ["van-phong-ubnd-tinh", "chu-tich-ubnd-tinh", "ubnd-tinh"]


def test_bare_wordings_are_matched_only_in_who_fields(registry):
    text = "Công an tỉnh; Văn phòng UBND tỉnh và địa phương"
    assert registry.who_matcher.targets(text) == ["cong-an-tinh", "van-phong-ubnd-tinh", "dia-phuong"]
    assert "dia-phuong" not in registry.prose_matcher.targets("các hệ thống thông tin của địa phương")


def test_bodies_named_only_in_passing_are_in_the_registry(registry):
    for agency in (
        "dien-luc-dak-nong",
        "trung-tam-phuc-vu-hanh-chinh-cong",
        "ban-chi-dao-an-ninh-mang",
        "to-cong-tac-de-an",
        "ubnd-huyen-thanh-pho",
        "bo-cong-an",
        "van-phong-chinh-phu",
        "bo-tu-phap",
        "bao-hiem-xa-hoi-viet-nam",
        "ngan-hang-nha-nuoc-viet-nam",
        "to-chuc-doanh-nghiep",
    ):
        assert agency in registry.by_id


def test_groups_reach_their_members_through_nested_groups(registry):
    reached = registry.members("so-ban-nganh-dia-phuong")
    assert "cong-an-tinh" in reached and "ubnd-huyen-thanh-pho" in reached and "so-tu-phap" in reached
    assert "bo-cong-an" not in reached
    assert "so-ban-nganh-dia-phuong" in registry.groups_reaching("so-y-te")
    assert registry.members("cong-an-tinh") == []


def test_joint_leads_when_no_body_is_said_to_lead(plan):
    who = plan.task_by_key["2.c"].task.who
    assert "chủ trì" not in who.text
    assert who.lead == ["cong-an-tinh", "van-phong-ubnd-tinh", "so-ban-nganh-dia-phuong"]
    assert who.coordinators == []


def test_phoi_hop_voi_x_makes_the_section_coordinate_and_x_lead_where_the_decision_says_so(plan):
    duty = plan.duty_by_key["1.e"].duty  # Công an tỉnh: "Phối hợp với Sở Tư pháp chủ trì ..."
    assert duty.lead == ["so-tu-phap"] and duty.coordinators == ["cong-an-tinh"] and duty.roles_note


def test_every_agency_is_referenced_and_every_item_has_a_lead(index):
    referenced = {a for item in index.items for a in (*item.lead, *item.coordinators, *item.mentions)}
    # Every item has a lead, but for the duties whose lead the decision does not state (IV.12.b, IV.12.c).
    assert {item.uid for item in index.items if not item.lead} == {"duty:12.b", "duty:12.c"}
    assert all(item.lead_unstated == (not item.lead) for item in index.items)
    unreferenced = {a.id for a in index.registry.named} - referenced  # bodies formed since: no item names them
    # The rest are named in the decision's other parts (articles, objectives, headings).
    assert unreferenced <= {
        "ubnd-tinh",
        "chu-tich-ubnd-tinh",
        "thu-tuong-chinh-phu",
        "bo-nganh-trung-uong",
        "toa-an-nhan-dan",
        "ngan-hang-nha-nuoc-viet-nam",
        "bo-thong-tin-truyen-thong",
        "trung-tam-du-lieu-quoc-gia-dan-cu",
        "bo-cong-an",
        "van-phong-chinh-phu",
        "bao-hiem-xa-hoi-viet-nam",
        "bo-tu-phap",
        "dia-phuong",
        "to-chuc-doanh-nghiep",
    }
