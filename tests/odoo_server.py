"""A real Odoo server for the suite-level tests that talk to it (browser,
RPC): bin/odoo serving the test database on a free local port, its log in
the artifacts folder, and the external JSON-RPC API."""
import json
import os
import re
import socket
import subprocess
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTIFACTS = os.path.join(ROOT, "var", "artifacts", "browser")
ADMIN = ("admin", "admin")
SERVER_ERROR = re.compile(r" (ERROR|CRITICAL) |Traceback \(most recent call last\)|\" 500 ")


class RpcError(Exception):
    """An error answered by the server to a JSON-RPC call (its message and
    the server's exception type are in ``args``)."""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """bin/odoo serving the test database, with its log in the artifacts."""

    def __init__(self, database, log_name="server.log"):
        self.database = database
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        os.makedirs(ARTIFACTS, exist_ok=True)
        self.log_path = os.path.join(ARTIFACTS, log_name)
        self.process = None

    def start(self):
        env = {k: v for k, v in os.environ.items() if k not in ("USER", "HOST", "PORT", "PASSWORD")}
        self.process = subprocess.Popen(
            [os.path.join(ROOT, "bin", "odoo"), "-d", self.database,
             "--db-filter=^%s$" % self.database, "--http-interface=127.0.0.1",
             "--http-port=%d" % self.port, "--max-cron-threads=0", "--workers=0",
             "--log-level=info", "--logfile=%s" % self.log_path],
            cwd=ROOT, env=env)
        deadline = time.time() + 180
        while time.time() < deadline:
            assert self.process.poll() is None, "the server stopped:\n" + self.log_tail()
            try:
                with urllib.request.urlopen(self.url + "/web/login", timeout=10) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(1)
        raise AssertionError("the server did not answer in 180 s:\n" + self.log_tail())

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def log_tail(self, lines=60):
        if not os.path.exists(self.log_path):
            return ""
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return "".join(handle.readlines()[-lines:])

    def errors_since(self, offset):
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            handle.seek(offset)
            return [line for line in handle.read().splitlines() if SERVER_ERROR.search(line)]

    def log_size(self):
        return os.path.getsize(self.log_path) if os.path.exists(self.log_path) else 0

    def rpc(self, model, method, *args, **kwargs):
        """The external JSON-RPC API as the administrator (it carries None,
        which XML-RPC cannot)."""
        return self.rpc_as(ADMIN, model, method, *args, **kwargs)

    def rpc_as(self, credentials, model, method, *args, **kwargs):
        """``model.method(*args, **kwargs)`` through the external JSON-RPC API
        as the user of ``credentials`` (login, password), as any client
        program would call it: whatever ``context`` it sends is plain JSON."""
        login, password = credentials
        uid = self._call("common", "authenticate", self.database, login, password, {})
        if not uid:
            raise RpcError("authentication failed for %s" % login)
        return self._call("object", "execute_kw", self.database, uid, password,
                          model, method, list(args), kwargs)

    def _call(self, service, method, *args):
        payload = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": {
            "service": service, "method": method, "args": args}}).encode()
        request = urllib.request.Request(self.url + "/jsonrpc", payload,
                                         {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            answer = json.loads(response.read())
        if "error" in answer:
            data = answer["error"].get("data") or {}
            raise RpcError(data.get("name"), data.get("message") or answer["error"],
                           data.get("debug"))
        return answer.get("result")  # absent when the method returns None
