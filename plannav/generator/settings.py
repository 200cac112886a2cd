"""The build's settings, read once from mkdocs' configuration into one typed object."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from plannav.buildcache import BuildCache
from plannav.loader import DEFAULT_PLAN_DIR, DEFAULT_PROGRESS_DIR


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
        # PLANNAV_PLAN_DIR set but empty reaches here as "": the default, as for `make check`.
        folder = config.extra.get("plan_dir") or DEFAULT_PLAN_DIR
        base = Path(config.config_file_path).parent
        as_of = config.extra.get("as_of") or None
        return cls(
            base / folder,
            base / (config.extra.get("progress_dir") or DEFAULT_PROGRESS_DIR),
            dt.date.fromisoformat(as_of) if as_of else None,
            config.site_url or None,
            BuildCache.from_setting(config.extra.get("cache_dir") or None),
            config.use_directory_urls,
            config.docs_dir,
            config.site_dir,
        )
