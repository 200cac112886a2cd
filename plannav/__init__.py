"""Core of the plan-navigation site for Decision 468/QĐ-UBND (Đắk Nông, 01/03/2022).

Loads the plan YAML in ``plan/`` into typed models, checks it, and computes everything the
site shows. Knows nothing of mkdocs: the site's ``macros.py`` only glues this package in.
"""
