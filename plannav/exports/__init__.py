"""Downloads built with the site: the whole plan as JSON (with its JSON Schema), CSV and Excel
tables of tasks, procedures and duties, and iCalendar files of deadlines; for the whole plan and
for each agency. Each module returns bytes; the site glue writes them under /tai-ve/."""
