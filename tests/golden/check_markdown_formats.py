#!/usr/bin/env python3
"""The golden Markdown files (tests/golden/markdown/NN-*.md) built to EPUB and PDF.

One build of every file, then:
- EPUB: epubcheck reports no error and no warning; every image the sources show is a file of
  the book, listed in its manifest; every chapter parses as XML.
- PDF: each construct's chapter, read back with pdftotext, gives exactly the text of
  NN-*.pdf.txt beside it (lines stripped, empty lines dropped): the text and its order,
  footnote marks, list markers, table cells, wrapped code included; `pdfimages -list` shows
  every image the sources place.
- Each source balances the ledger (--verify-ledger).

After an intended change, DOSSIER_UPDATE_GOLDEN=1 rewrites the .pdf.txt files; review the
diff.

Usage: check_markdown_formats.py DOSSIER GOLDEN_FOLDER
"""
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def chapter_texts(pdf, files):
    """Each source's chapter text: from its 'File:' line to its end note (or the next chapter)."""
    # The text area of an A4 page, in points: without the paragraph numbers in the left
    # margin, the running heads and the folios.
    text = run(["pdftotext", "-q", "-x", "68", "-y", "64", "-W", "466", "-H", "714", str(pdf),
                "-"]).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    starts = {}
    for i, line in enumerate(lines):
        m = re.fullmatch(r"File: \./(\S+\.md)", line)
        if m:
            starts[m.group(1)] = i + 1
    out = {}
    for name in files:
        if name not in starts:
            continue
        body = []
        for line in lines[starts[name]:]:
            # The chapter ends at its end note, the next chapter's running head or the index.
            if line == "Repairs and removals" or re.match(r"^S\d+$", line) or line == "Index":
                break
            body.append(line)
        out[name] = body
    return out


def main():
    dossier, folder = sys.argv[1], Path(sys.argv[2])
    update = bool(os.environ.get("DOSSIER_UPDATE_GOLDEN"))
    failures = []
    files = sorted(p.name for p in folder.glob("*.md"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        env = dict(os.environ, SOURCE_DATE_EPOCH="1747267200")
        sources = [f"./{name}" for name in files]
        build = run([dossier, "build", "--sources", *sources, "-o", str(out), "--formats",
                     "epub,pdf", "--quiet", "--verify-ledger", "--no-cache"], cwd=folder, env=env)
        if build.returncode != 0:
            print(f"FAIL: build exited {build.returncode}: {build.stderr}")
            return 1

        # EPUB
        epub = out / "briefing.epub"
        if EPUBCHECK.exists():
            report = run(["java", "-jar", str(EPUBCHECK), str(epub)])
            if "No errors or warnings detected" not in report.stdout + report.stderr:
                failures.append(f"epubcheck: {report.stdout}{report.stderr}")
        else:
            print("note: epubcheck not installed; the EPUB is checked without it")
        with zipfile.ZipFile(epub) as z:
            names = set(z.namelist())
            opf = z.read("EPUB/package.opf").decode() if "EPUB/package.opf" in names else ""
            images = sorted(n for n in names if n.startswith("EPUB/images/"))
            if not images:
                failures.append("the EPUB holds no image files")
            for image in images:
                if image.removeprefix("EPUB/") not in opf:
                    failures.append(f"{image} is not in the manifest")
            for n in names:
                if n.endswith(".xhtml"):
                    try:
                        ElementTree.fromstring(z.read(n))
                    except ElementTree.ParseError as e:
                        failures.append(f"{n} does not parse: {e}")

        # PDF: text and order per construct
        pdf = out / "briefing.pdf"
        chapters = chapter_texts(pdf, files)
        for name in files:
            expected_file = folder / (name.removesuffix(".md") + ".pdf.txt")
            got = chapters.get(name)
            if got is None:
                failures.append(f"{name}: no chapter found in the PDF text")
                continue
            if update:
                expected_file.write_text("\n".join(got) + "\n", encoding="utf-8")
                continue
            if not expected_file.exists():
                failures.append(f"{expected_file.name} missing (DOSSIER_UPDATE_GOLDEN=1 writes it)")
                continue
            expected = [l.strip() for l in expected_file.read_text(encoding="utf-8").splitlines()
                        if l.strip()]
            if got != expected:
                failures.append(f"{name}: the PDF text differs from {expected_file.name}:\n"
                                + "\n".join(f"  - {l}" for l in expected if l not in got)
                                + "\n" + "\n".join(f"  + {l}" for l in got if l not in expected))

        # PDF: images placed, as many as the sources show on their own paragraphs
        listing = run(["pdfimages", "-list", str(pdf)]).stdout.splitlines()[2:]
        placed = len([l for l in listing if l.split()[2:3] == ["image"]])
        shown = sum(len(re.findall(r"^\s*(?:[-*>]\s*)?!\[", (folder / f).read_text(), re.M))
                    for f in files)
        if placed != shown:
            failures.append(f"pdfimages lists {placed} images; the sources show {shown}")

    for f in failures:
        print(f"FAIL: {f}")
    if failures:
        return 1
    print(f"ok: {len(files)} constructs to EPUB (epubcheck 0/0) and PDF (text, order, images)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
