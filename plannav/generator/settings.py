"""The build's settings, read once from mkdocs' configuration into one typed object."""

from dataclasses import dataclass
from pathlib import Path

from plannav.loader import DEFAULT_PLAN_DIR


@dataclass(frozen=True)
class BuildSettings:
    plan_dir: Path  # the plan folder: extra.plan_dir (PLANNAV_PLAN_DIR), else plan/ beside mkdocs.yml
    site_url: str | None  # where the site is published, for the 404 page, the sitemap and calendar links
    use_directory_urls: bool
    docs_dir: str
    site_dir: str

    @classmethod
    def from_config(cls, config) -> "BuildSettings":
        # PLANNAV_PLAN_DIR set but empty reaches here as "": the default, as for `make check`.
        folder = config.extra.get("plan_dir") or DEFAULT_PLAN_DIR
        return cls(
            Path(config.config_file_path).parent / folder,
            config.site_url or None,
            config.use_directory_urls,
            config.docs_dir,
            config.site_dir,
        )
