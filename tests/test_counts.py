"""The plan holds the whole decision: the counts of each part match the text."""


def test_part_two_has_28_tasks_in_four_sections(plan):
    assert [len(s.tasks) for s in plan.tasks.sections] == [11, 12, 3, 2]
    assert len(plan.task_refs) == 28


def test_appendix_two_has_44_tasks_numbered_1_to_44(plan):
    assert [r.number for r in plan.appendix_task_refs] == list(range(1, 45))


def test_appendix_one_has_25_procedures_numbered_1_to_25(plan):
    assert [p.number for p in plan.procedures.procedures] == list(range(1, 26))


def test_part_four_has_24_sections_and_59_duties(plan):
    sections = plan.responsibilities.sections
    assert [s.number for s in sections] == list(range(1, 25))
    lettered = [d for s in sections for d in s.duties if d.letter]
    single = [s for s in sections if len(s.duties) == 1 and s.duties[0].letter is None]
    assert len(lettered) == 43
    assert len({s.number for s in sections if any(d.letter for d in s.duties)}) == 8
    assert len(single) == 16
    assert len(plan.duty_refs) == 59


def test_five_utility_groups_each_with_one_specific_objective(plan):
    assert [g.number for g in plan.objectives.general.groups] == [1, 2, 3, 4, 5]
    assert [o.letter for o in plan.objectives.specific.objectives] == ["a", "b", "c", "d", "đ"]
    assert [o.group for o in plan.objectives.specific.objectives] == [1, 2, 3, 4, 5]


def test_five_requirements_two_funding_items(plan):
    assert [r.letter for r in plan.requirements.requirements] == ["a", "b", "c", "d", "đ"]
    assert [i.number for i in plan.funding.items] == [1, 2]


def test_related_documents_list_has_18_entries_and_the_earlier_list_is_inside_it(plan):
    related = plan.documents.related
    assert [e.number for e in related] == list(range(1, 19))
    earlier = plan.documents.earlier_related
    assert len(earlier) == 6
    assert {e.document for e in earlier} <= {e.document for e in related}


def test_decision_header_articles_and_metadata(plan):
    d = plan.decision
    assert d.metadata.number == "468/QĐ-UBND"
    assert d.metadata.issued_date == "2022-03-01" == d.header.date
    assert d.metadata.signer == "Hồ Văn Mười"
    assert [a.number for a in d.articles] == [1, 2, 3]
    assert len(d.legal_basis) == 4


def test_supplied_headings_are_exactly_those_lost_in_the_copy(plan):
    supplied = []
    if plan.tasks.sections[0].heading.supplied:
        supplied.append("part-2-section-1")
    if plan.funding.part.supplied:
        supplied.append("part-3")
    if plan.responsibilities.part.supplied:
        supplied.append("part-4")
    if plan.appendix_tasks.groups[0].heading.supplied:
        supplied.append("appendix-2-group-1")
    supplied += [f"article-{a.number}" for a in plan.decision.articles if a.label.supplied]
    assert supplied == ["part-2-section-1", "part-3", "part-4", "appendix-2-group-1", "article-3"]
    assert not any(s.heading.supplied for s in plan.tasks.sections[1:])
    assert not any(o.heading.supplied for o in plan.objectives.specific.objectives)
