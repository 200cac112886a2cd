"""The build's settings, read once from mkdocs' configuration into one typed object."""

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from plannav.buildcache import OFF, BuildCache
from plannav.loader import DEFAULT_PLAN_DIR, DEFAULT_PROGRESS_DIR


def _day(value: str | None) -> dt.date | None:
    """PLANNAV_AS_OF as a day: None where it is not set; a clear message where it is not a day."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PluginError(f"PLANNAV_AS_OF: '{value}' is not a day; give one as YYYY-MM-DD, e.g. 2026-10-18") from None


@dataclass(frozen=True)
class BuildSettings:
    plan_dir: Path  # the plan folder: extra.plan_dir (PLANNAV_PLAN_DIR), else plan/ beside mkdocs.yml
    progress_dir: Path  # the reports: extra.progress_dir (PLANNAV_PROGRESS_DIR), else progress/
    as_of: dt.date | None  # statuses as of this day (PLANNAV_AS_OF), else the latest report's date
    site_url: str | None  # where the site is published, for the 404 page, the sitemap and calendar links
    cache: BuildCache  # what builds keep of unchanged reports (PLANNAV_CACHE_DIR; "off" for nothing)
    use_directory_urls: bool
    docs_dir: str
    site_dir: str

    @classmethod
    def from_config(cls, config) -> "BuildSettings":
        base = Path(config.config_file_path).parent
        # PLANNAV_PLAN_DIR set but empty is unset: the default, as for `make check`.
        # `cache_dir: off` written in mkdocs.yml's extra is YAML's false, and reaches here as "False".
        cache = _setting(config, "cache_dir")
        return cls(
            base / (_setting(config, "plan_dir") or DEFAULT_PLAN_DIR),
            base / (_setting(config, "progress_dir") or DEFAULT_PROGRESS_DIR),
            _day(_setting(config, "as_of")),
            config.site_url or None,
            BuildCache.from_setting(OFF if cache in ("False", OFF) else cache),
            config.use_directory_urls,
            config.docs_dir,
            config.site_dir,
        )


# Read here as typed, not through mkdocs.yml's !ENV, which reads a variable as YAML: off as false, a day as
# a date, and 2026-13-45 as an error inside mkdocs. mkdocs.yml's `extra` may still set them.
ENVIRONMENT = {
    "plan_dir": "PLANNAV_PLAN_DIR",  # another plan folder, for tests and previews
    "progress_dir": "PLANNAV_PROGRESS_DIR",  # the monthly reports (progress/README.md)
    "as_of": "PLANNAV_AS_OF",  # statuses as of this day (YYYY-MM-DD); by default the latest report's
    "cache_dir": "PLANNAV_CACHE_DIR",  # what builds keep (plannav/buildcache.py): .cache/plannav, or "off"
}


def _setting(config, key: str) -> str | None:
    value = os.environ.get(ENVIRONMENT[key])
    if value is None:
        value = config.extra.get(key)
    return None if value is None or value == "" else str(value)
