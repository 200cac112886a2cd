"""`make serve` lists the theme's files once per process (plannav.generator.themefiles): each rebuild then
copies the files mkdocs would have found itself."""

import jinja2
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from sitebuild import ROOT

from plannav.generator import themefiles


def _theme_files(config) -> list[tuple[str, str]]:
    """The theme's files mkdocs adds to a build (mkdocs.commands.build does the same)."""
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted((file.src_uri, file.abs_src_path) for file in files)


def test_the_theme_is_listed_once_and_gives_the_files_mkdocs_finds(monkeypatch, tmp_path):
    found = _theme_files(load_config(str(ROOT / "mkdocs.yml")))
    sources = {src for src, _ in found}
    assert "assets/images/favicon.png" in sources and not any(src.startswith(".icons/") for src in sources)
    listings = []
    real = jinja2.Environment.list_templates

    def counted(env, *args, **kwargs):
        listings.append(env.loader.searchpath)
        return real(env, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "list_templates", counted)
    monkeypatch.setattr(themefiles, "_LISTED", {})
    rebuilds = []
    for _ in range(3):  # as mkdocs serve's rebuilds: a new configuration each time
        config = load_config(str(ROOT / "mkdocs.yml"))
        themefiles.list_theme_once(config.theme)
        rebuilds.append(_theme_files(config))
    assert rebuilds == [found] * 3 and len(listings) == 1
    # Another theme folder (another site's overrides) is listed for itself.
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "extra.css").write_text("a {}", encoding="utf-8")
    config = load_config(str(ROOT / "mkdocs.yml"), theme={"name": "material", "custom_dir": str(tmp_path / "overrides")})
    themefiles.list_theme_once(config.theme)
    assert "extra.css" in {src for src, _ in _theme_files(config)} and len(listings) == 2


def test_a_watched_theme_is_listed_on_every_build():
    """`mkdocs serve --watch-theme` watches the theme's folders: they are not listed once then."""
    from types import SimpleNamespace

    theme = load_config(str(ROOT / "mkdocs.yml")).theme
    plain = SimpleNamespace(_watched_paths={str(ROOT / "docs"): 1, str(ROOT / "plan"): 1})
    assert not themefiles.theme_watched(plain, theme)
    watching = SimpleNamespace(_watched_paths={**plain._watched_paths, theme.dirs[-1]: 1})
    assert themefiles.theme_watched(watching, theme)
