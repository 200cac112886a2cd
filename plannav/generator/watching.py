"""`mkdocs serve` keeps seeing a folder that is deleted and made again (progress/ restored from a backup,
a month of reports moved away and back): mkdocs watches a folder once, at startup, and a watch ends with
its folder. Here the folder's parent is watched for the folder itself; when it comes back it is watched
again, and each coming or going rebuilds the site."""

import logging
import os
import threading

import watchdog.events

log = logging.getLogger("mkdocs.plugins.plannav")


def _rebuild(server) -> None:
    # mkdocs 1.6 (pinned) has no public call for "rebuild now"; this is what its own watch callback does.
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


# How often the plan and the reports are looked at for changes: mkdocs polls every half second, which is a
# quarter of a second of waiting on average after each save; a look at two years of reports takes ~3 ms.
EDITED_POLL_SECONDS = 0.1


def poll_edited_folders_often(server) -> None:
    """The folders watched from now on (the plan and the reports, which on_serve and mkdocs add after
    this) are looked at every EDITED_POLL_SECONDS. mkdocs 1.6 (pinned) sets its observer's interval only
    when it makes it; a watch takes the observer's interval when it is added."""
    server.observer._timeout = EDITED_POLL_SECONDS


def keep_watching(server, folder) -> None:
    folder = os.path.abspath(folder)
    parent = os.path.dirname(folder)
    lock = threading.Lock()

    def rewatch() -> None:
        with lock:
            if folder in server._watched_paths:
                try:
                    server.unwatch(folder)
                except (KeyError, OSError):  # its watch ended with the folder
                    server._watched_paths.pop(folder, None)
            if os.path.isdir(folder):
                server.watch(folder)

    def on_event(event) -> None:
        paths = {os.path.abspath(event.src_path), os.path.abspath(getattr(event, "dest_path", "") or event.src_path)}
        if folder not in paths:
            return
        log.info(f"{os.path.relpath(folder)} {'is back' if os.path.isdir(folder) else 'is gone'}: rebuilding")
        rewatch()
        _rebuild(server)

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = on_event
    if os.path.isdir(parent):
        server.observer.schedule(handler, parent, recursive=False)
    if not os.path.isdir(folder):
        return
    if folder not in server._watched_paths:
        server.watch(folder)
