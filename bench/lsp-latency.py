"""lsp-latency.py JOBC FOLDER [ROUNDS] - how fast `jobc lsp` answers edits.

FOLDER is a workspace, say the 10,000 sheets of
`make build/bench/gen && build/bench/gen 10000 /tmp/lsp-c10k 100`. The
script starts the server there and measures, on the wall clock of the
client:

  load      initialize + initialized, until a first request is answered
            (every file read, parsed and checked)
  open      didOpen of one file until its diagnostics come
  edit      didChange breaking one line of that file until its error is
            published, then didChange fixing it until the error is cleared:
            what a user waits for, the debounce (LSP_DEBOUNCE_MS) included
  check     didChange followed at once by a hover, which brings the model
            up to date first: the time of the re-check itself (one file
            parsed again, the whole workspace joined and validated)

Prints the median and the worst of ROUNDS (default 20) for the last three.
Not a test: numbers for docs and reports."""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "lsp"))
from client import Client, uri  # noqa: E402

jobc, folder = sys.argv[1], os.path.abspath(sys.argv[2])
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
files = sorted(f for f in os.listdir(folder) if f.endswith(".jobsheet"))
target = os.path.join(folder, files[len(files) // 2])
text = open(target, encoding="utf-8").read()
lines = text.split("\n")
line = next(i for i, l in enumerate(lines) if l.strip().startswith("family "))
column = lines[line].index("family")
word = {"start": {"line": line, "character": column},
        "end": {"line": line, "character": column + len("family")}}
broken = {"start": word["start"], "end": {"line": line, "character": column + len("famly")}}

c = Client([jobc, "lsp"], timeout=120)
t0 = time.monotonic()
c.call("initialize", {"processId": os.getpid(), "rootUri": uri(folder), "capabilities": {}})
c.notify("initialized", {})
# Any request is answered after the load; an unknown one costs nothing.
c.answer(c.request("$/loaded"))
load = time.monotonic() - t0
sheets = 0
for f in files:
    content = open(os.path.join(folder, f), encoding="utf-8").read()
    sheets += content.count("\nsheet ") + content.startswith("sheet ")
print("workspace: %d files, %d sheets; load %.0f ms" % (len(files), sheets, load * 1000))

t0 = time.monotonic()
c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(target), "languageId": "jobsheet",
                                                   "version": 1, "text": text}})
c.diagnostics(uri(target))
print("open: %.0f ms" % ((time.monotonic() - t0) * 1000))

version = 1
edit, check = [], []
for _ in range(rounds):
    version += 1
    t0 = time.monotonic()
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri(target), "version": version},
                                        "contentChanges": [{"range": word, "text": "famly"}]})
    c.diagnostics(uri(target), lambda d: d != [])
    version += 1
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri(target), "version": version},
                                        "contentChanges": [{"range": broken, "text": "family"}]})
    c.diagnostics(uri(target), lambda d: d == [])
    edit.append((time.monotonic() - t0) / 2)
    # The same edit answered at once: a hover waits for no debounce.
    for change in ((word, "famly"), (broken, "family")):
        version += 1
        t0 = time.monotonic()
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri(target), "version": version},
                                            "contentChanges": [{"range": change[0], "text": change[1]}]})
        c.call("textDocument/hover", {"textDocument": {"uri": uri(target)},
                                      "position": {"line": line, "character": column}})
        check.append(time.monotonic() - t0)
        c.diagnostics(uri(target), lambda d: (d == []) == (change[1] == "family"))


def show(name, xs):
    print("%-6s median %.0f ms, worst %.0f ms (%d runs)"
          % (name, statistics.median(xs) * 1000, max(xs) * 1000, len(xs)))


show("edit", edit)
show("check", check)
print("exit status %d" % c.finish())
