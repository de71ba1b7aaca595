"""The YAML language server that VS Code and Neovim run, pinned, and a small LSP client for it.

`python3 tests/yaml_server.py install` puts the pinned npm package into a cache folder outside
the repository (CI runs it before the suite); the editor tests call `installed()`, which
installs it the same way when it is missing and says why when it cannot (no node, no npm, no
network). Standard library only, so that CI can run it before the project is installed.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

VERSION = "1.19.2"
"""The yaml-language-server release the editor tests run (the one VS Code's YAML extension
shipped in 2025); a new release is one edit here."""

SETTINGS = {"yaml": {"validate": True, "completion": True, "hover": True,
                     "schemaStore": {"enable": False}, "schemas": {}, "format": {"enable": False}}}
"""What an editor sends: validation and completion on, and no schema store (it would download
a catalogue; the proposal's schema comes from the file's modeline)."""

TIMEOUT = 30.0


def folder() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "ceasefire-tests" / f"yaml-language-server-{VERSION}"


def entry_point() -> Path:
    return folder() / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"


def installed() -> tuple[Path | None, str]:
    """The server's entry point, installed when missing; or None and the reason it cannot be."""
    if shutil.which("node") is None:
        return None, "node is not installed"
    if entry_point().exists():
        return entry_point(), ""
    npm = shutil.which("npm")
    if npm is None:
        return None, "npm is not installed"
    # into a folder of this process's own, then renamed: test workers may install at once
    own = folder().with_name(f"{folder().name}.{os.getpid()}")
    own.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(
            [npm, "install", "--prefix", str(own), "--no-audit", "--no-fund",
             "--no-save", "--loglevel=error", "--fetch-retries=1", "--fetch-retry-mintimeout=2000",
             f"yaml-language-server@{VERSION}"],
            capture_output=True, text=True, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        shutil.rmtree(own, ignore_errors=True)
        return None, f"npm install yaml-language-server@{VERSION} took over 5 minutes"
    if done.returncode != 0:
        shutil.rmtree(own, ignore_errors=True)
        said = [line for line in done.stderr.splitlines() if "complete log" not in line]
        return None, f"npm install yaml-language-server@{VERSION} failed: " + (
            said[0] if said else f"exit status {done.returncode}")
    try:
        own.rename(folder())
    except OSError:  # another worker was first
        shutil.rmtree(own, ignore_errors=True)
    return (entry_point(), "") if entry_point().exists() else (
        None, f"npm install yaml-language-server@{VERSION} installed no {entry_point().name}")


class LanguageServer:
    """One server process over stdio: open documents, read their diagnostics, ask completions.

    Requests the server makes of the editor (its settings, capabilities to register) are
    answered as an editor would; notifications are kept in a queue for the waiting call."""

    def __init__(self, entry: Path) -> None:
        self.process = subprocess.Popen(
            ["node", str(entry), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.replies: dict[int, queue.Queue[dict[str, Any]]] = {}
        self.notifications: queue.Queue[dict[str, Any]] = queue.Queue()
        self.versions: dict[str, int] = {}
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {
            "processId": os.getpid(), "rootUri": None, "capabilities": {
                "workspace": {"configuration": True},
                "textDocument": {"completion": {"completionItem": {"snippetSupport": True}},
                                 "publishDiagnostics": {}}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    # --- JSON-RPC ---------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not line:
                return
            message = json.loads(stream.read(length))
            if "id" in message and "method" in message:
                self._answer(message)
            elif "id" in message:
                self.replies.setdefault(message["id"], queue.Queue()).put(message)
            else:
                self.notifications.put(message)

    def _answer(self, request: dict[str, Any]) -> None:
        result: Any = None
        if request["method"] == "workspace/configuration":
            result = [SETTINGS.get(item.get("section", ""), None)
                      for item in request["params"]["items"]]
        self._send({"id": request["id"], "result": result})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        box = self.replies.setdefault(self.next_id, queue.Queue())
        self._send({"id": self.next_id, "method": method, "params": params})
        reply = box.get(timeout=TIMEOUT)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply["result"]

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    # --- what an editor does ------------------------------------------------------------------

    def _sync(self, uri: str, text: str) -> int:
        """Open `uri` with `text`, or replace its text; its new version."""
        version = self.versions[uri] = self.versions.get(uri, 0) + 1
        if version == 1:
            self.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "yaml", "version": version, "text": text}})
        else:
            self.notify("textDocument/didChange", {"textDocument": {
                "uri": uri, "version": version}, "contentChanges": [{"text": text}]})
        return version

    def diagnose(self, documents: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
        """Open (or replace) documents by URI and return the diagnostics published for each.
        All at once: the server waits 200 ms after each change before it validates."""
        waiting = {uri: self._sync(uri, text) for uri, text in documents.items()}
        found: dict[str, list[dict[str, Any]]] = {}
        while len(found) < len(waiting):
            params = self.notifications.get(timeout=TIMEOUT).get("params", {})
            uri = params.get("uri")
            if uri in waiting and params.get("version", waiting[uri]) == waiting[uri] and \
                    "diagnostics" in params:
                found[uri] = params["diagnostics"]
        return found

    def complete(self, uri: str, text: str, line: int, character: int) -> list[dict[str, Any]]:
        """The completion items at a place (0-based) of `text`, opened as `uri`."""
        self._sync(uri, text)
        found = self.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
        return found["items"] if isinstance(found, dict) else (found or [])

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=5)
        except (OSError, RuntimeError, queue.Empty, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


if __name__ == "__main__":
    if sys.argv[1:] != ["install"]:
        sys.exit("usage: python3 tests/yaml_server.py install")
    entry, reason = installed()
    print(f"yaml-language-server {VERSION}: {entry or reason}")
