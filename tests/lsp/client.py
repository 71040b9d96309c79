"""client.py - a small Language Server Protocol client for the tests of
`jobc lsp`: starts the server, frames messages both ways, and waits for
answers and notifications with a time limit (a server that hangs fails the
test instead of hanging it)."""
import json
import os
import queue
import subprocess
import threading
import time


def uri(path):
    """The file URI of a path, as editors write it."""
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


class Client:
    def __init__(self, command, timeout=10.0):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        self.timeout = timeout
        self.messages = queue.Queue()
        self.seen = []          # messages read but not yet asked for
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None, "a message without Content-Length"
            self.messages.put(json.loads(out.read(length)))

    def send_raw(self, body):
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message):
        self.send_raw(json.dumps(message).encode("utf-8"))

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def request(self, method, params=None):
        """Sends a request; returns its id (see answer)."""
        id_ = self.next_id
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": id_, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return id_

    def wait(self, match, what):
        """The first message, seen or to come, for which match is true."""
        for i, m in enumerate(self.seen):
            if match(m):
                return self.seen.pop(i)
        deadline = time.monotonic() + self.timeout
        while True:
            left = deadline - time.monotonic()
            try:
                m = self.messages.get(timeout=max(left, 0.001))
            except queue.Empty:
                raise AssertionError("no %s within %.0f s" % (what, self.timeout))
            if m is None:
                raise AssertionError("the server ended before %s" % what)
            if match(m):
                return m
            self.seen.append(m)

    def answer(self, id_):
        """The whole response to request id_."""
        return self.wait(lambda m: m.get("id") == id_ and "method" not in m,
                         "answer to request %r" % id_)

    def call(self, method, params=None):
        """The result of a request; fails on an error answer."""
        m = self.answer(self.request(method, params))
        assert "error" not in m, "%s failed: %r" % (method, m["error"])
        return m["result"]

    def diagnostics(self, uri_, match=lambda d: True):
        """The next publishDiagnostics for uri_ for whose list match is true."""
        m = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri_ and match(m["params"]["diagnostics"]),
                      "diagnostics for " + uri_)
        return m["params"]["diagnostics"]

    def finish(self):
        """shutdown, exit: returns the server's exit status."""
        self.call("shutdown")
        self.notify("exit")
        self.proc.stdin.close()
        return self.proc.wait(timeout=self.timeout)
