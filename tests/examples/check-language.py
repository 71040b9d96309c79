#!/usr/bin/python3
"""check-language.py EN-LABELS LABELS HTML-DIR BOOKLET.txt - an example
catalogue's outputs speak its language: no English label is left.

EN-LABELS and LABELS are what `jobc --labels=en` and `jobc --labels=TAG`
print. Every English label that TAG says otherwise is cut at its
placeholders ({n}...), and none of its pieces (words of three letters or
more) may be found in the text, titles and ARIA labels of the site's pages
or in the booklet's text (pdftotext), as whole words. Each page's lang must
be TAG.
"""
import glob
import os
import re
import sys
from html.parser import HTMLParser


def read_labels(path):
    labels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*([a-z][a-z.-]*)\s+((?:"(?:[^"\\]|\\.)*"\s*)+)$', line)
            if m:
                texts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2))
                labels[m.group(1)] = [re.sub(r"\\(.)", r"\1", t) for t in texts]
    return labels


class Words(HTMLParser):
    """The text a reader meets: element text, titles, ARIA labels; not
    scripts (JSON-LD holds data, not labels) nor class names."""

    def __init__(self):
        super().__init__()
        self.parts, self.lang, self.script = [], None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        self.script = tag == "script"
        self.parts += [a[k] for k in ("title", "aria-label") if a.get(k)]

    def handle_endtag(self, tag):
        self.script = False

    def handle_data(self, data):
        if not self.script:
            self.parts.append(data)


def pieces(text):
    """The parts of a label between its placeholders, as whole-word patterns."""
    for part in re.split(r"\{[a-z-]+\}", text):
        part = part.strip(" .:;,()")
        if len(part) >= 3 and re.search(r"[A-Za-z]{3}", part):
            yield part, re.compile(r"(?<![\w])" + re.escape(part) + r"(?![\w])")


def main(argv):
    en, other, html_dir, booklet = read_labels(argv[0]), read_labels(argv[1]), argv[2], argv[3]
    texts = {}
    lang = set()
    for page in sorted(glob.glob(os.path.join(html_dir, "**", "*.html"), recursive=True)):
        w = Words()
        with open(page, encoding="utf-8") as f:
            w.feed(f.read())
        texts[page] = " ".join(w.parts)
        lang.add(w.lang)
    with open(booklet, encoding="utf-8") as f:
        texts[booklet] = f.read()
    checked, found = 0, []
    for key, texts_en in en.items():
        if key not in other or other[key] == texts_en:
            continue
        for text in texts_en:
            for part, pattern in pieces(text):
                checked += 1
                found += [f"{where}: {key} {part!r}" for where, t in texts.items()
                          if pattern.search(t)]
    for f in found[:10]:
        print(f"check-language: English left in {f}", file=sys.stderr)
    langs = ", ".join(sorted(str(x) for x in lang))
    print(f"check-language: {len(texts) - 1} pages (lang {langs}) and the booklet: "
          f"{checked} pieces of English labels looked for, {len(found)} found")
    return 1 if found or len(lang) != 1 or None in lang else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
