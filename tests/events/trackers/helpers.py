"""A tracker site on 127.0.0.1: serves the files of a directory with an ETag and a
Last-Modified, answers 304 to a matching conditional GET, and counts what it answered."""

import hashlib
import shutil
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Copies of ../shared/trackers (sources, dates and licences in fixtures/snapshots/SOURCES.md).
SNAPSHOTS = Path(__file__).resolve().parent / "fixtures" / "snapshots"
SNAPSHOT_FILES = {
    "confs-tech-opensource": ("confs_tech", "confs-tech/2026-opensource.json", 33),
    "confs-tech-general": ("confs_tech", "confs-tech/2026-general.json", 46),
    "python-deadlines": ("python_deadlines", "python-deadlines/conferences.yml", 58),
    "developers-events-cfps": ("developers_events_cfps", "developers-events/all-cfps.json", 400),
    "developers-events": ("developers_events", "developers-events/all-events.sample.json", 300),
}


class TrackerSite:
    def __init__(self, root):
        self.root = Path(root)
        self.answers = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                path = site.root / self.path.lstrip("/").split("?")[0]
                if not path.is_file():
                    site.answers.append(404)
                    self.send_response(404)
                    self.end_headers()
                    return
                body = path.read_bytes()
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    site.answers.append(304)
                    self.send_response(304)
                    self.end_headers()
                    return
                site.answers.append(200)
                self.send_response(200)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", formatdate(path.stat().st_mtime, usegmt=True))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, name):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{name}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def copy_snapshots(target):
    for _kind, relative, _count in SNAPSHOT_FILES.values():
        destination = Path(target) / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SNAPSHOTS / relative, destination)
    return Path(target)
