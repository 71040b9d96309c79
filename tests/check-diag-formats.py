#!/usr/bin/env python3
"""check-diag-formats.py JOBC OUTDIR - one run with errors, warnings, notes
and a fix-it, rendered in the four --diagnostics-format values: each gives
the same (file, line, column, kind) set, the same exit status, and escapes
what its format reserves (the file name holds , : % and a space; a message
quotes " \\ % , :). The SARIF log is left in OUTDIR for tests/sarif/validate.sh.
"""
import json
import os
import re
import subprocess
import sys
import urllib.parse

jobc, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
odd = "tests/diag/odd, name: 100% sure.jobsheet"
files = ["tests/diag/catalogue.jobsheet", odd]
failures = []


def fail(msg):
    failures.append(msg)
    print("check-diag-formats: FAIL: " + msg, file=sys.stderr)


def run(fmt):
    p = subprocess.run([jobc, "--check", "--diagnostics-format=" + fmt] + files,
                       capture_output=True)
    if p.stdout:
        fail(fmt + ": standard output is not empty")
    return p.returncode, p.stderr.decode("utf-8")


results = {}
status = {}

status["text"], text = run("text")
results["text"] = {(m[0], int(m[1]), int(m[2]), m[3]) for m in
                   re.findall(r"^(.+?):(\d+):(\d+): (error|warning): ", text, re.M)}

status["json"], js = run("json")
doc = json.loads(js)
results["json"] = {(d["locations"][0]["caret"]["file"], d["locations"][0]["caret"]["line"],
                    d["locations"][0]["caret"]["column"], d["kind"]) for d in doc}

status["sarif"], sarif_text = run("sarif")
with open(os.path.join(out, "formats.sarif"), "w", encoding="utf-8") as f:
    f.write(sarif_text)
sarif = json.loads(sarif_text)
run0 = sarif["runs"][0]
rules = run0["tool"]["driver"]["rules"]
results["sarif"] = set()
for r in run0["results"]:
    loc = r["locations"][0]["physicalLocation"]
    if rules[r["ruleIndex"]]["id"] != r["ruleId"]:
        fail("sarif: ruleIndex %d is not rule %s" % (r["ruleIndex"], r["ruleId"]))
    results["sarif"].add((urllib.parse.unquote(loc["artifactLocation"]["uri"]),
                          loc["region"]["startLine"], loc["region"]["startColumn"], r["level"]))

status["github"], gh = run("github")
results["github"] = set()
for line in gh.splitlines():
    m = re.match(r"^::(error|warning) (.*?)::(.*)$", line)
    if not m:
        fail("github: not a workflow command: " + line)
        continue
    props = dict(p.split("=", 1) for p in m[2].split(","))
    name = props["file"].replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n") \
        .replace("%0D", "\r").replace("%25", "%")
    results["github"].add((name, int(props["line"]), int(props["col"]), m[1]))

# The same diagnostics, the same status, in every format.
want = results["text"]
if len(want) < 4 or not any(k == "warning" for *_, k in want) or not any(k == "error" for *_, k in want):
    fail("the run does not give errors and warnings enough to compare: %r" % want)
for fmt, got in results.items():
    if got != want:
        fail("%s gives %r, text gives %r" % (fmt, sorted(got), sorted(want)))
    if status[fmt] != 1:
        fail("%s: exit status %d, expected 1" % (fmt, status[fmt]))

# Escaping, each in its own way.
title = 'Quote " back\\slash 100% a,b: c'
if "group '%s' has no tasks" % title not in text:
    fail("text: the message does not quote the title as it is")
if not any(d["message"] == "group '%s' has no tasks" % title for d in doc):
    fail("json: the message does not read back as the title")
gh_title = title.replace("%", "%25")
if "::group '%s' has no tasks" % gh_title not in gh:
    fail("github: '%' in a message is not written %25")
if "file=tests/diag/odd%2C name%3A 100%25 sure.jobsheet," not in gh:
    fail("github: the file property does not escape , : %")
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run0["results"]}
if "tests/diag/odd%2C%20name%3A%20100%25%20sure.jobsheet" not in uris:
    fail("sarif: the file is not a percent-encoded URI: %r" % uris)
if not any(f["fixits"][0]["string"] == "K" for f in doc if "fixits" in f):
    fail("json: no fix-it for the misspelt level 'k'")
if not any("fixes" in r and r["fixes"][0]["artifactChanges"][0]["replacements"][0]
           ["insertedContent"]["text"] == "K" for r in run0["results"]):
    fail("sarif: no fix for the misspelt level 'k'")
if not any("relatedLocations" in r for r in run0["results"]):
    fail("sarif: notes are not related locations")
if "%0Anote: " not in gh:
    fail("github: notes are not lines of the message")

if failures:
    sys.exit(1)
print("check-diag-formats: %d diagnostics, the same in text, json, sarif and github; "
      "each escapes its reserved characters" % len(want))
