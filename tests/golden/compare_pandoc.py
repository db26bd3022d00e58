#!/usr/bin/env python3
"""dossier's HTML for the golden Markdown files against pandoc's, block structure only.

For each tests/golden/markdown/NN-*.md, pandoc (-f gfm -t html) and dossier's expected chapter
(NN-*.html) are reduced to their block elements as an indented outline: paragraphs, headings
(dossier's shifted back by one: its chapters are level 2), lists and items, quotes, code,
tables and their rows and cells, rules, figures, note sections. dossier's own furniture is
left out: the chapter header, paragraph marks, the end note and the div that holds a
numbered block. The differences that remain are written as unified diffs per file and must
equal pandoc-differences.txt beside the files, where each is explained (README, "Markdown
against pandoc"): a new difference fails the test until it is understood and recorded
(DOSSIER_UPDATE_GOLDEN=1 rewrites the file; review the diff).

Exit 77 (skipped) when pandoc is not installed.

Usage: compare_pandoc.py GOLDEN_FOLDER
"""
import difflib
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
          "table", "thead", "tbody", "tr", "th", "td", "hr", "figure", "figcaption", "section",
          "div", "aside", "header", "img"}
VOID = {"hr", "img", "br", "input", "meta", "link"}


class Outline(HTMLParser):
    """Block elements as (depth, label) lines; `dossier` drops dossier's furniture."""

    def __init__(self, dossier):
        super().__init__()
        self.dossier = dossier
        self.lines = []
        self.stack = []  # per open element: whether it was kept (a line written)
        self.depth = 0
        self.skip = 0  # inside an element left out with its content

    def label(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.dossier:
            tag = f"h{int(tag[1]) - 1}"
        extra = []
        if tag == "ol" and a.get("start") not in (None, "1"):
            extra.append(f"start={a['start']}")
        if tag in ("th", "td"):
            align = a.get("class") if self.dossier else a.get("align")
            style = a.get("style", "")
            if not align and "text-align:" in style:
                align = style.split("text-align:")[1].split(";")[0].strip()
            if align:
                extra.append(f"align={align}")
        if tag in ("section", "div", "p") and a.get("class"):
            extra.append(f".{a['class'].split()[0]}")
        return " ".join([tag] + extra)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.skip:
            if tag not in VOID:
                self.skip += 1
            return
        if self.dossier and (tag == "header" or (tag == "aside" and a.get("class") == "end-note")
                             or (tag == "a" and a.get("class") == "pilcrow")):
            if tag not in VOID:
                self.skip = 1
            return
        keep = tag in BLOCKS and not (
            self.dossier and ((tag == "div" and a.get("class") == "block")
                              or (tag == "section" and a.get("class") == "source")))
        if keep:
            self.lines.append("  " * self.depth + self.label(tag, attrs))
        if tag in VOID:
            return
        self.stack.append(keep)
        if keep:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.skip:
            if tag not in VOID:
                self.skip -= 1
            return
        if tag in VOID or not self.stack:
            return
        if self.stack.pop():
            self.depth -= 1


def outline(html, dossier):
    parser = Outline(dossier)
    parser.feed(html)
    return parser.lines


def main():
    folder = Path(sys.argv[1])
    pandoc = shutil.which("pandoc")
    if not pandoc:
        print("skipped: pandoc is not installed")
        return 77
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
    report = []
    for md in sorted(folder.glob("*.md")):
        theirs = subprocess.run([pandoc, "-f", "gfm", "-t", "html", str(md)], capture_output=True,
                                text=True, check=True).stdout
        ours = md.with_suffix(".html").read_text(encoding="utf-8")
        diff = list(difflib.unified_diff(outline(theirs, False), outline(ours, True),
                                         f"pandoc/{md.name}", f"dossier/{md.name}", n=1,
                                         lineterm=""))
        report.extend(diff)
    text = "\n".join(report) + "\n"
    expected_file = folder / "pandoc-differences.txt"
    print(f"compared with {version.splitlines()[0]}")
    if os.environ.get("DOSSIER_UPDATE_GOLDEN"):
        expected_file.write_text(text, encoding="utf-8")
        print(f"wrote {expected_file}")
        return 0
    expected = expected_file.read_text(encoding="utf-8") if expected_file.exists() else ""
    if text != expected:
        print("FAIL: the differences from pandoc changed; explain them and record them in "
              f"{expected_file.name} (DOSSIER_UPDATE_GOLDEN=1):")
        print("\n".join(difflib.unified_diff(expected.splitlines(), text.splitlines(),
                                             "recorded", "now", lineterm="")))
        return 1
    files = len(list(folder.glob("*.md")))
    differing = sum(1 for line in report if line.startswith("+++ "))
    print(f"ok: {files} files; {differing} differ from pandoc in block structure, as recorded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
