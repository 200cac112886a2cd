"""`make serve`: the theme's files are listed once per process, not on every rebuild.

On each build mkdocs lists every file of the theme's folders to find the static files to copy:
mkdocs-material's are some 14,000, its icons included, and listing and filtering them is a tenth of a
second of every rebuild. `make serve` does not watch the theme (mkdocs' default, without --watch-theme),
so a file added there is only seen by a new process anyway; `mkdocs serve --watch-theme` lists them on
every build, as mkdocs does.
"""

import os

_LISTED: dict[tuple, list[str]] = {}  # (theme folders, static templates, extensions): the names listed


def list_theme_once(theme) -> None:
    """Each Jinja environment `theme` (mkdocs.theme.Theme) makes from now on lists its files once per
    process. mkdocs 1.6 (pinned) lists them in one place only (Files.add_files_from_theme), always with the
    same filter, which depends on nothing but the theme's static templates."""
    make_env = theme.get_env

    def get_env():
        env = make_env()
        listing = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            key = (tuple(theme.dirs), tuple(sorted(theme.static_templates)), extensions)
            if key not in _LISTED:
                _LISTED[key] = listing(extensions, filter_func)
            return list(_LISTED[key])

        env.list_templates = list_templates
        return env

    theme.get_env = get_env


def theme_watched(server, theme) -> bool:
    """Whether `mkdocs serve` watches a folder of the theme (--watch-theme): mkdocs 1.6 (pinned) keeps the
    folders it watches in the server's _watched_paths."""
    return any(os.path.abspath(folder) in server._watched_paths for folder in theme.dirs)
