"""Reading a decision's plain text into a draft plan folder in the plan's own schema (make draft-plan).

What is read with certainty is written as the plan's data; what is uncertain is read as well as it can
be and written with a review note beside it (review.yaml), which `make check` lists as a warning and the
site announces with a "Bản nháp" banner on every page. Nothing here knows any one decision: the shapes are
those every plan of this kind shares (a decision, its articles, a plan in Roman-numbered parts, lettered
tasks with "Cơ quan thực hiện" and a deadline, duties per agency, appendix tables).
"""
