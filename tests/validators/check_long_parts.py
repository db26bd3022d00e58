#!/usr/bin/env python3
"""A briefing long enough that the EPUB's reference parts are split over several files (200
generated articles): epubcheck reports nothing, every internal link reaches a file and an id
that is there, each part's later files follow its first in the spine, and the contents list
each part once.

Usage: check_long_parts.py DOSSIER MAKE_CORPUS   (exit 77: skipped, no corpus generator)
"""
import os
import re
import subprocess
import sys
import tempfile
import zipfile

EPUBCHECK = "/usr/share/java/epubcheck.jar"


def main():
    dossier, make_corpus = sys.argv[1], sys.argv[2]
    if not os.access(make_corpus, os.X_OK):
        print(f"skipped: no corpus generator at {make_corpus}")
        return 77
    failures = 0

    def check(ok, what):
        nonlocal failures
        print(("ok: " if ok else "FAIL: ") + what)
        failures += not ok

    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = os.path.join(tmp, "corpus"), os.path.join(tmp, "out")
        subprocess.run([make_corpus, corpus, "200", "--damaged"], check=True,
                       stdout=subprocess.DEVNULL)
        env = dict(os.environ, SOURCE_DATE_EPOCH="1747267200")
        subprocess.run([dossier, "build", "--sources", corpus, "-o", out, "--formats", "epub",
                        "--quiet"], check=True, env=env, stderr=subprocess.DEVNULL)
        book = os.path.join(out, "briefing.epub")
        with zipfile.ZipFile(book) as z:
            pages = {n[len("EPUB/"):]: z.read(n).decode("utf-8")
                     for n in z.namelist() if n.endswith(".xhtml")}
            package = z.read("EPUB/package.opf").decode("utf-8")
            nav = pages["nav.xhtml"]
        for part in ("people", "figures", "index"):
            check(f"{part}-2.xhtml" in pages, f"the {part} part is split over files")
            later = [f for f in pages if re.fullmatch(part + r"-\d+\.xhtml", f)]
            check(all(f not in nav for f in later), f"the contents list {part}.xhtml alone")
            spine = re.findall(r'idref="chapter-(' + part + r'(?:-\d+)?)"', package)
            expected = [part] + [f"{part}-{k}" for k in range(2, len(later) + 2)]
            check(spine == expected, f"the spine has the {part} files in order")
        ids = {f: set(re.findall(r'\bid="([^"]+)"', text)) for f, text in pages.items()}
        bad, links, to_later_index = [], 0, 0
        for f, text in pages.items():
            for href in re.findall(r'<a [^>]*href="([^"]+)"', text):
                if re.match(r"[a-z]+:", href):
                    continue
                links += 1
                target, _, anchor = href.partition("#")
                target = target or f
                to_later_index += target.startswith("index-")
                if target not in ids or (anchor and anchor not in ids[target]):
                    bad.append(f"{f}: {href}")
        check(not bad and links > 10000,
              f"{links} internal links all reach their anchors" + "".join(f"\n  {b}" for b in bad[:5]))
        check(to_later_index > 0, "names link into the index's later files")
        if os.path.exists(EPUBCHECK):
            report = subprocess.run(["java", "-jar", EPUBCHECK, book], capture_output=True,
                                    text=True)
            check("No errors or warnings detected" in report.stdout + report.stderr,
                  "epubcheck: no errors or warnings" +
                  ("" if report.returncode == 0 else "\n" + report.stdout[-2000:]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
