#!/usr/bin/env python3
"""Reading checks on real outputs.

  check_reading.py pdf-order BRIEFING.json BRIEFING.pdf
      Every paragraph's text comes back from pdftotext, in reading order, modulo hyphenation
      (running heads, folios and margin numbers are cropped away).
  check_reading.py links BRIEFING.html BRIEFING.epub
      Every internal link of the HTML and every link between the EPUB's files resolves.
  check_reading.py not-blank IMAGE...
      Each PNG or PGM image has ink on it (more than 0.5% of its pixels darker than light grey).
"""
import html.parser
import json
import re
import struct
import subprocess
import sys
import zipfile
import zlib


def squash(text):
    text = text.replace("\u00ad", "")
    text = re.sub(r"-\n", "", text)  # a hyphen at a line end joins the word
    text = text.replace("-", "")  # compounds broken at their hyphen come back without it
    return re.sub(r"\s+", " ", text).strip()


def report(problems, heading, success):
    """Prints the heading and the first ten problems (exit status 1), or the success line (0)."""
    if problems:
        print(heading)
        for p in problems[:10]:
            print("  " + p)
        return 1
    print(success)
    return 0


def pdf_order(json_path, pdf_path):
    with open(json_path, encoding="utf-8") as f:
        briefing = json.load(f)
    info = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    width, height = float(size.group(1)), float(size.group(2))
    # The text block: inside the 72 pt margins, less a little for the margin numbers.
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-r", "72", "-x", "66", "-y", "60", "-W", str(int(width - 132)),
         "-H", str(int(height - 126)), pdf_path, "-"],
        capture_output=True, text=True).stdout.replace("\f", "\n")
    pdf = squash(text)
    at, missing, checked = 0, [], 0
    for source in briefing["sources"]:
        for block in source["blocks"]:
            if block["kind"] != "paragraph":
                continue
            want = squash(block["text"])
            if len(want) < 20:
                continue
            checked += 1
            found = pdf.find(want, at)
            if found < 0:
                missing.append(f"{block['id']}: {want[:60]}…")
            else:
                at = found + len(want)
    return report(missing, f"{len(missing)} of {checked} paragraphs not found in reading order:",
                  f"{checked} paragraphs in reading order")


class Anchors(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs = set(), []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id":
                self.ids.add(v)
            if k == "href" and v is not None:
                self.hrefs.append(v)


def parse(text):
    p = Anchors()
    p.feed(text)
    return p


def links(html_path, epub_path):
    bad = []
    with open(html_path, encoding="utf-8") as f:
        page = parse(f.read())
    internal = [h for h in page.hrefs if h.startswith("#")]
    bad += [f"briefing.html {h}" for h in internal if h[1:] not in page.ids]
    epub = zipfile.ZipFile(epub_path)
    files = {n[len("EPUB/"):]: parse(epub.read(n).decode("utf-8"))
             for n in epub.namelist() if n.startswith("EPUB/") and n.endswith(".xhtml")}
    count = len(internal)
    for name, doc in files.items():
        for h in doc.hrefs:
            if re.match(r"^[a-z]+:", h):
                continue
            count += 1
            target, _, anchor = h.partition("#")
            target = target or name
            if target not in files and not target.endswith(".css"):
                bad.append(f"{name} {h}: no file")
            elif anchor and anchor not in files.get(target, parse("")).ids:
                bad.append(f"{name} {h}: no anchor")
    return report(bad, f"{len(bad)} broken links:", f"{count} internal links resolve")


def png_gray(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, bpp = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            bpp = {0: 1, 2: 3, 4: 2, 6: 4}[color] * depth // 8
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    # Gray value per pixel from the first channel.
    return [row[i] for row in rows for i in range(0, stride, bpp)]


def pgm_gray(path):
    data = open(path, "rb").read()
    parts = data.split(maxsplit=4)
    return list(parts[4])


def not_blank(paths):
    bad = 0
    for path in paths:
        pixels = png_gray(path) if path.endswith(".png") else pgm_gray(path)
        ink = sum(1 for p in pixels if p < 200) / max(1, len(pixels))
        print(f"{path.rsplit('/', 1)[-1]}: {ink:.1%} ink")
        bad += ink < 0.005
    return 1 if bad else 0


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "pdf-order":
        sys.exit(pdf_order(sys.argv[2], sys.argv[3]))
    if cmd == "links":
        sys.exit(links(sys.argv[2], sys.argv[3]))
    if cmd == "not-blank":
        sys.exit(not_blank(sys.argv[2:]))
    sys.exit(__doc__)
