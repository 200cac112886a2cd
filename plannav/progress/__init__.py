"""Progress: what each agency reports, month by month, beside the plan and never mixed into it.

`progress/<YYYY-MM>/<agency-id>.yaml` holds one agency's report for one month (`models`). `reporters`
says which bodies report on which items; `loader` reads the folder and checks every report against
the plan; `status` derives, as of a date, each item's status per agency and overall.
"""
