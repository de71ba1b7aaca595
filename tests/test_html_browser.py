"""The HTML reports in a real browser: headless Chromium runs axe-core over the diff and
the history reports in light and dark (no accessibility violations), and prints the diff
to PDF (the two Istanbul reports fit on eight A4 pages, where they took 6 and 46 Letter
pages before).

Skipped, with the reason, where Chromium or npm is absent or axe-core cannot be installed;
`.ci/run` installs Chromium where apt-get can. axe-core (pinned) is installed once per
machine into a cache directory outside the repository.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tui.cli import main

AXE = "4.10.3"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")
SCHEMES = {"light": "--blink-settings=preferredColorScheme=1", "dark": "--force-dark-mode"}
RUN_AXE = """<script>%s</script><script>
axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
  var out = document.createElement("pre"); out.id = "axe-result";
  out.textContent = JSON.stringify(r.violations.map(function (v) {
    return {id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map(function (n) {
      return n.target.join(" ") + ": " + n.failureSummary; })}; }));
  document.body.appendChild(out); });
</script>"""


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """A command line that runs headless Chromium with a throwaway profile."""
    found = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
    if found is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    return [found, *FLAGS, f"--user-data-dir={profile}"]


@pytest.fixture(scope="session")
def axe_script():
    """axe-core's script, installed with npm into a cache directory the first time (into a
    folder of this process's own, then renamed: test workers may install at once)."""
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    folder = cache / "ceasefire-tests" / f"axe-core-{AXE}"
    script = Path("node_modules", "axe-core", "axe.min.js")
    if not (folder / script).exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("no npm on this machine to install axe-core")
        own = folder.with_name(f"{folder.name}.{os.getpid()}")
        own.mkdir(parents=True, exist_ok=True)
        done = subprocess.run([npm, "install", "--prefix", str(own), "--no-audit", "--no-fund",
                               f"axe-core@{AXE}"], capture_output=True, text=True, timeout=180)
        if done.returncode or not (own / script).exists():
            pytest.skip(f"cannot install axe-core {AXE}: {done.stderr.strip()[-300:]}")
        try:
            own.rename(folder)
        except OSError:  # another worker's install got there first
            shutil.rmtree(own, ignore_errors=True)
    return (folder / script).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reports(tmp_path_factory):
    """The HTML reports of the two Istanbul examples, written as a user writes them."""
    folder = tmp_path_factory.mktemp("reports")
    written = {}
    for example in ("istanbul-2025-05-16", "istanbul-2025-06-02"):
        path = folder / f"{example}.html"
        assert main(["diff", "--example", example, "-o", str(path)]) == 1
        written[example] = path
    written["history"] = folder / "history.html"
    assert main(["history", "--example", "istanbul-2025-05-16", "--example",
                 "istanbul-2025-06-02", "-o", str(written["history"])]) == 1
    return written


@pytest.mark.parametrize("report", ["istanbul-2025-06-02", "history"])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_core_finds_no_violations(chromium, axe_script, reports, tmp_path, scheme, report):
    page = tmp_path / "checked.html"
    report = reports[report].read_text(encoding="utf-8")
    page.write_text(report.replace("</body>", RUN_AXE % axe_script + "</body>"),
                    encoding="utf-8")
    dom = subprocess.run([*chromium, SCHEMES[scheme], "--virtual-time-budget=15000",
                          "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=90).stdout
    found = re.search(r'<pre id="axe-result">(.*?)</pre>', dom, re.S)
    assert found, "axe-core did not report"
    violations = json.loads(found.group(1).replace("&lt;", "<").replace("&gt;", ">")
                            .replace("&quot;", '"').replace("&amp;", "&"))
    assert violations == [], json.dumps(violations, indent=1)


@pytest.mark.parametrize("example", ["istanbul-2025-05-16", "istanbul-2025-06-02"])
def test_the_report_prints_on_at_most_eight_a4_pages(chromium, reports, tmp_path, example):
    pdf = tmp_path / "report.pdf"
    subprocess.run([*chromium, f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                    reports[example].as_uri()], capture_output=True, timeout=90)
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-z])", data))
    sizes = {tuple(round(float(n)) for n in box.split()[2:])
             for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)}
    assert sizes == {(595, 842)}, f"not A4: {sizes}"
    assert 1 <= pages <= 8, f"{example}: {pages} pages"
