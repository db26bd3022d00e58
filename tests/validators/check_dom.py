"""Checks that the DOM Chromium dumped shows every title listed in a file, one per line."""
import html
import re
import sys

dom = open(sys.argv[1], encoding="utf-8").read()
text = html.unescape(re.sub(r"<[^>]+>", " ", dom))
text = re.sub(r"\s+", " ", text)
missing = [t for t in open(sys.argv[2], encoding="utf-8").read().splitlines()
           if t and re.sub(r"\s+", " ", t) not in text]
if missing or len(dom) < 200:
    print("missing:", missing, "dom bytes:", len(dom))
    sys.exit(1)
