# SPDX-License-Identifier: Apache-2.0
"""The HTML report of the bundled sample in a real browser (Debian's
headless Chromium): the DOM it builds holds the numbers of the JSON report,
the charts' elements and no unmasked value; the page sends no request (a
local proxy sees every request the browser makes, and a control page shows
that it would see the page's); its style applies (no Content-Security-
Policy violation in the console); and screenshots at phone and desktop
widths are kept in build/test-artefacts/."""
import csv
import json
import re
import shutil
import socket
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO

ARTEFACTS = REPO / "build" / "test-artefacts"
# Hosts that Chromium itself calls (clock, component updates, accounts),
# whatever the page; anything else that reaches the proxy came from a page.
BROWSER_HOSTS = re.compile(rb"(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)(:\d+)?$")


def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.fail("chromium not found: scripts/setup.sh installs Debian's package")
    return path


class Proxy:
    """A TCP listener given to Chromium as its proxy: it records the host of
    every request and answers none."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(32)
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.hosts: list[bytes] = []
        self.stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.stop:
            try:
                conn, _ = self.server.accept()
            except (socket.timeout, OSError):
                continue
            with conn:
                conn.settimeout(2)
                try:
                    head = conn.recv(4096)
                except OSError:
                    continue
                first = head.split(b"\r\n", 1)[0].split(b" ")
                if len(first) >= 2:
                    target = first[1]
                    host = re.sub(rb"^[a-z]+://", b"", target).split(b"/", 1)[0]
                    self.hosts.append(host)

    def page_requests(self) -> list[bytes]:
        return [h for h in self.hosts if not BROWSER_HOSTS.search(h)]

    def close(self):
        self.stop = True
        self.thread.join()
        self.server.close()


@pytest.fixture
def browse(tmp_path):
    """Runs headless Chromium on a file with its own profile and the proxy;
    returns (stdout, console lines, hosts the page asked for)."""
    def _browse(page: Path, *args: str):
        proxy = Proxy()
        try:
            result = subprocess.run(
                [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-pings", f"--user-data-dir={tmp_path / 'profile'}",
                 f"--proxy-server=http://127.0.0.1:{proxy.port}", "--proxy-bypass-list=<-loopback>",
                 "--enable-logging=stderr", "--v=0", *args, page.as_uri()],
                capture_output=True, timeout=120)
        finally:
            proxy.close()
        console = [line for line in result.stderr.decode(errors="replace").splitlines()
                   if ":CONSOLE" in line]
        return result.stdout.decode("utf-8", errors="replace"), console, proxy.page_requests()
    return _browse


class Dom(HTMLParser):
    """The elements of the dumped DOM by id and class, and its text."""

    def __init__(self, html: str):
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.elements: list[tuple[str, dict, tuple]] = []  # tag, attrs, ancestors' ids
        self.text: list[str] = []
        self.section_text: dict[str, list[str]] = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        ids = tuple(x.get("id") for _, x in self.stack if x.get("id"))
        self.elements.append((tag, a, ids + ((a["id"],) if a.get("id") else ())))
        if tag not in ("meta", "br", "img", "link", "input"):  # HTML's void elements
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        if all(t != tag for t, _ in self.stack):
            return
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        for _, a in self.stack:
            if a.get("id"):
                self.section_text.setdefault(a["id"], []).append(data)

    def within(self, element_id: str, tag: str, cls: str | None = None) -> list[dict]:
        return [a for t, a, ids in self.elements if t == tag and element_id in ids
                and (cls is None or cls in a.get("class", "").split())]

    def text_of(self, element_id: str) -> str:
        return " ".join(self.section_text.get(element_id, []))


def test_control_pages_show_what_the_checks_catch(browse, tmp_path):
    # A page that loads an image: the proxy sees the request.
    loud = tmp_path / "loud.html"
    loud.write_text('<html><body><img src="http://example.com/a.png"></body></html>')
    _, _, requests = browse(loud, "--dump-dom")
    assert b"example.com" in requests
    # The same under a policy that forbids it, with a style it does not
    # allow: no request, and the console tells of both refusals.
    strict = tmp_path / "strict.html"
    strict.write_text("<html><head><meta http-equiv=\"Content-Security-Policy\" "
                      "content=\"default-src 'none'\"><style>p{color:red}</style></head>"
                      '<body><img src="http://example.com/b.png"><p>x</p></body></html>')
    _, console, requests = browse(strict, "--dump-dom")
    assert requests == []
    assert any("Content Security Policy" in line for line in console)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_sample_report_in_a_browser(run, browse, tmp_path, sample_dir, lang):
    page = tmp_path / f"report-{lang}.html"
    assert run("report", "--lang", lang, "-o", page, sample_dir).returncode == 0
    data = json.loads(run("report", "--format", "json", sample_dir).stdout)

    dom_html, console, requests = browse(page, "--dump-dom")
    assert requests == [], requests
    assert not [line for line in console if "Content Security Policy" in line], console
    dom = Dom(dom_html)
    assert re.search(rf'<html lang="{lang}"', dom_html)

    # The key figures.
    figures = dom.text_of("figures")
    assert str(data["people"]["persons"]["count"]) in figures
    assert str(data["special"]["health"]["records"]) in figures
    assert ("très élevée" if lang == "fr" else "very high") in figures
    todo = dom.text_of("todo")
    assert "CNIL" in todo and "72" in todo and ("34" in todo)

    # The charts: a bar per category, a bar per health kind, a cell per
    # column and kind of the CSV, each chart titled for screen readers.
    assert len(dom.within("chart-categories", "g", "bar")) == len(data["categories"])
    health = next(c for c in data["categories"] if c["category"] == "health")
    assert len(dom.within("chart-health", "g", "bar")) == len(health["kinds"])
    (csv_file,) = [f for f in data["files"] if f.get("columns")]
    kinds = {k["kind"] for c in csv_file["columns"] for k in c["kinds"]}
    cells = dom.within("heatmap-2", "rect", "cell")
    assert len(cells) == len(csv_file["columns"]) * len(kinds)
    assert sum(float(c["fill-opacity"]) > 0 for c in cells) == \
        sum(len(c["kinds"]) for c in csv_file["columns"])
    for chart in ("chart-categories", "chart-health", "heatmap-2"):
        (svg,) = [a for t, a, _ in dom.elements if t == "svg" and a.get("id") == chart]
        assert svg["role"] == "img" and svg["aria-labelledby"] == chart + "-title"
    # Each chart has its table.
    for table in ("table-categories", "table-health", "table-severity", "table-files"):
        assert dom.within(table, "tr"), table

    # No value of the sample, in any form.
    with open(sample_dir / "patients_labo.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";"))[1:]
    text = " ".join(dom.text)
    for row in rows:
        for value in (row[0], row[6], row[7], row[8], re.sub(r"\D", "", row[8])):
            assert value not in text, value

    # Screenshots, phone and desktop, kept for a person to look at.
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for name, size in (("phone", "412,2400"), ("desktop", "1280,3200")):
        shot = ARTEFACTS / f"report-sample-{lang}-{name}.png"
        shot.unlink(missing_ok=True)
        _, _, requests = browse(page, f"--screenshot={shot}", f"--window-size={size}",
                                "--hide-scrollbars")
        assert requests == []
        png = shot.read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert (width, height) == tuple(int(x) for x in size.split(","))
