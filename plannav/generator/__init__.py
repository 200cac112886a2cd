"""The site generator's side: everything that knows about mkdocs, its theme's search index or the
build command. The core (the rest of `plannav`) computes what the site shows and imports nothing here.

- `settings`: the build's typed settings, read from mkdocs' configuration;
- `plugin`: one object that owns a build's state (the model, the second process) and handles mkdocs'
  events; `hooks.py` and `macros.py` only hand it over to mkdocs;
- `stash`: the HTML blocks of a page set aside around the Markdown step;
- `worker`, `finishing`: the downloads and page checks, in a second process;
- `searchindex`: diacritics-free fields in the theme's search index;
- `publish`, `buildrun`: the build command, atomic publishing and its failures said in one line.
"""
