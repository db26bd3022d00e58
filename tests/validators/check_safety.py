#!/usr/bin/env python3
"""Hostile sources through the whole pipeline: text from an input never becomes active content.

Builds a plain-text and a Markdown source full of script tags, event attributes and
javascript: links to HTML and EPUB, then parses the HTML page and every XHTML file of the EPUB
as XML and fails on any script, iframe, object or embed element, any on... attribute, and any
href or src that is not a web, mail or in-document address. The hostile text itself must still
be there, as text (nothing lost), and the ledger must balance (--verify-ledger).

Usage: check_safety.py DOSSIER
"""
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

PLAIN = """Hostile text in a plain source

<script>alert('plain')</script> and <img src=x onerror=alert(1)> sit in this paragraph.

A line with onload=alert(2) and javascript:alert(3) written out as text.
"""

MARKDOWN = """# Hostile Markdown

Click [here](javascript:alert(1)) or [there](JaVaScRiPt:alert(2)) or [data](data:text/html,x).

<script>alert("block")</script>

Inline <span onclick="x()">html</span> and ![image](javascript:alert(3)) here.

<iframe src="https://example.org"></iframe>
"""

ACTIVE = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "form"}
SAFE_PREFIXES = ("http://", "https://", "mailto:", "#")

failures = 0


def fail(message):
    global failures
    failures += 1
    print("FAIL:", message)


def local(name):
    return name.rsplit("}", 1)[-1].lower()


def check_tree(label, text):
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as e:
        fail(f"{label}: not well-formed XML: {e}")
        return ""
    for el in root.iter():
        name = local(el.tag)
        if name in ACTIVE:
            fail(f"{label}: active element <{name}>")
        for attr, value in el.attrib.items():
            a = local(attr)
            if a.startswith("on"):
                fail(f"{label}: event attribute {a}={value!r} on <{name}>")
            if a in ("href", "src", "action", "formaction") and value:
                v = "".join(value.split()).lower()
                scheme = re.match(r"^([a-z][a-z0-9+.-]*):", v)
                image_data = name == "img" and v.startswith("data:image/")
                if scheme and not v.startswith(SAFE_PREFIXES) and not image_data:
                    fail(f"{label}: {a}={value!r} on <{name}> is not a web, mail or local address")
    return "".join(root.itertext())


def main():
    dossier = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "hostile.txt").write_text(PLAIN)
        (tmp / "hostile.md").write_text(MARKDOWN)
        run = subprocess.run([dossier, "build", "--sources", "hostile.txt", "hostile.md", "-o", "out",
                              "--formats", "html,epub", "--quiet", "--verify-ledger", "--no-cache"],
                             cwd=tmp, capture_output=True, text=True)
        if run.returncode != 0:
            fail(f"build exited {run.returncode}: {run.stderr}")
            return
        html_text = check_tree("HTML", (tmp / "out/briefing.html").read_text())
        epub_text = ""
        with zipfile.ZipFile(tmp / "out/briefing.epub") as z:
            for name in z.namelist():
                if name.endswith((".xhtml", ".opf", ".ncx")):
                    epub_text += check_tree(f"EPUB {name}", z.read(name).decode())
        # Nothing lost: the hostile text is still there, as text.
        for label, text in (("HTML", html_text), ("EPUB", epub_text)):
            for words in ("<script>alert('plain')</script>", "onload=alert(2)", "javascript:alert(3)",
                          "<img src=x onerror=alert(1)>"):
                if words not in text:
                    fail(f"{label}: the text {words!r} is missing")
        if failures == 0:
            print("ok: hostile text reaches the HTML and the EPUB as text only, and is all there")


main()
sys.exit(1 if failures else 0)
