#!/usr/bin/env python3
"""measure-bad.py - are the bad-input cases reported at their mistakes?

    tests/measure-bad.py [-v] JOBC

Runs `jobc --check` on every case of tests/bad/ (and tests/bad/known/) as
tests/run-bad.sh does, and compares the diagnostics (errors and warnings;
not notes, nor the closing "too many errors" and "-Werror" lines) with the
mistakes tests/bad/mistakes.txt lists for the case:

  at-mistake   the first diagnostic is at the line of a mistake (a
               mistake with no line: a diagnostic with none);
  bounded      at most two diagnostics per mistake: no cascade;
  each         every mistake has a diagnostic at its line.

Prints the cases that miss one (all of them with -v), then the counts.
Exit status 0; 2 if a case has no line in mistakes.txt or the table names
a case that does not exist (the table must be kept with the suite).
"""
import os
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
BAD = os.path.join('tests', 'bad')
DIAG = re.compile(r'^(.+?):(\d+):\d+: (error|warning): ')
PLACELESS = re.compile(r'^(.+?): (error|warning): ')
SUMMARY = re.compile(r'^jobc: error: (too many errors, stopping|\d+ warnings? treated as)')


def read_table():
    table = {}
    with open(os.path.join(ROOT, BAD, 'mistakes.txt'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            name, *marks = line.split()
            mistakes = []
            for m in marks:
                r = re.fullmatch(r'(\d+)-(\d+)', m)
                if r:
                    mistakes += [str(n) for n in range(int(r.group(1)), int(r.group(2)) + 1)]
                else:
                    mistakes.append(m)
            table[name] = mistakes
    return table


def cases():
    """(name, input paths, extra args) of every case, as run-bad.sh runs them."""
    for sub in ('', 'known'):
        folder = os.path.join(BAD, sub)
        if not os.path.isdir(os.path.join(ROOT, folder)):
            continue
        for entry in sorted(os.listdir(os.path.join(ROOT, folder))):
            if not entry[0].isdigit():
                continue
            path = os.path.join(folder, entry)
            if entry.endswith('.jobsheet'):
                name = entry[:-len('.jobsheet')]
                files = [path]
            elif os.path.isdir(os.path.join(ROOT, path)):
                name = entry
                listed = os.path.join(ROOT, path, 'inputs')
                if os.path.exists(listed):
                    with open(listed, encoding='utf-8') as f:
                        files = [os.path.join(path, l.strip()) for l in f if l.strip()]
                else:
                    files = [os.path.join(path, f) for f in sorted(os.listdir(os.path.join(ROOT, path)))
                             if f.endswith('.jobsheet')]
            else:
                continue
            args = []
            argfile = os.path.join(ROOT, folder, name + '.args')
            if os.path.exists(argfile):
                with open(argfile, encoding='utf-8') as f:
                    args = f.read().split()
            yield (os.path.join(sub, name) if sub else name), files, args


def diagnostics(jobc, files, args):
    """The (file, line) of each error and warning, in order; line None if it has none."""
    run = subprocess.run([jobc, '--check'] + args + files, cwd=ROOT, capture_output=True,
                         env=dict(os.environ, LC_ALL='C'))
    found = []
    for line in run.stderr.decode('utf-8', 'replace').splitlines():
        m = DIAG.match(line)
        if m:
            found.append((m.group(1), m.group(2)))
        elif SUMMARY.match(line):
            continue
        elif PLACELESS.match(line) and not line.startswith(' '):
            found.append((PLACELESS.match(line).group(1), None))
    return found


def eof_line(path):
    with open(os.path.join(ROOT, path), 'rb') as f:
        return str(f.read().count(b'\n') + 1)


def place(mark, files):
    """A mistake as (file, line): file None for a folder case's default."""
    if mark == '-':
        return None, None
    file, _, line = mark.rpartition(':')
    path = next((p for p in files if os.path.basename(p) == file), files[0]) if file else files[0]
    if line == 'eof':
        line = eof_line(path)
    return path, line


def measure(jobc, verbose):
    table = read_table()
    counts = {'cases': 0, 'at-mistake': 0, 'bounded': 0, 'both': 0, 'each': 0}
    unknown = []
    for name, files, args in cases():
        if name not in table:
            unknown.append(name)
            continue
        mistakes = [place(m, files) for m in table.pop(name)]
        if not mistakes:
            continue
        found = diagnostics(jobc, files, args)
        at = bool(found) and (found[0][1] is None and (None, None) in mistakes or
                              any(found[0] == m for m in mistakes))
        bounded = len(found) <= 2 * len(mistakes)
        reported = [m for m in mistakes
                    if any(d == m or (m[1] is None and d[1] is None) for d in found)]
        each = len(reported) == len(mistakes)
        counts['cases'] += 1
        counts['at-mistake'] += at
        counts['bounded'] += bounded
        counts['both'] += at and bounded
        counts['each'] += each
        if verbose or not (at and bounded and each):
            first = '%s:%s' % found[0] if found else 'nothing'
            print('%-45s %s %s %s  %d diagnostics for %d mistakes, first at %s' % (
                name, 'at-mistake' if at else 'ELSEWHERE ', 'bounded' if bounded else 'CASCADE',
                'each' if each else 'MISSED', len(found), len(mistakes), first))
    for name in unknown:
        print('%s: no line in %s/mistakes.txt' % (name, BAD))
    for name in table:
        print('%s/mistakes.txt names %s, which is no case' % (BAD, name))
    print('measure-bad: %(cases)d cases: %(at-mistake)d first reported at the mistake, '
          '%(bounded)d with at most two diagnostics per mistake, %(both)d both; '
          '%(each)d with every mistake reported at its line' % counts)
    return 2 if unknown or table else 0


if __name__ == '__main__':
    argv = sys.argv[1:]
    verbose = bool(argv) and argv[0] == '-v'
    if verbose:
        argv = argv[1:]
    if len(argv) != 1:
        sys.exit('usage: measure-bad.py [-v] JOBC')
    sys.exit(measure(os.path.abspath(argv[0]), verbose))
