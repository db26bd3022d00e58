"""Checks briefing.json against the keys of DESIGN.md §5 and prints every source title."""
import json
import sys

TOP = ["dossier_version", "title", "subtitle", "date", "sources", "entities", "quotes",
       "dates", "figures", "conflicts"]
SOURCE = ["id", "path", "title", "subtitle", "outlet", "authors", "date", "url", "language",
          "translated_from", "category", "original_title", "status", "blocks", "fixes", "removals"]
BLOCK = ["id", "kind", "level", "text", "children", "see_also"]
FIX = ["kind", "line", "col", "before", "after"]
REMOVAL = ["line", "text", "rule"]


def need(obj, keys, where):
    missing = [k for k in keys if k not in obj]
    if missing:
        sys.exit(f"{where} lacks {missing}")


doc = json.load(open(sys.argv[1], encoding="utf-8"))
need(doc, TOP, "briefing")
for s in doc["sources"]:
    need(s, SOURCE, s.get("id", "source"))
    for value in s.values():
        if value == "":
            sys.exit(f"{s['id']}: an empty string where null belongs")
    for b in s["blocks"]:
        need(b, BLOCK, b.get("id", "block"))
        if not b["id"].startswith(s["id"] + "-p"):
            sys.exit(f"block id {b['id']} not under {s['id']}")
    for f in s["fixes"]:
        need(f, FIX, f"{s['id']} fix")
    for r in s["removals"]:
        need(r, REMOVAL, f"{s['id']} removal")
    print(s["title"] or s["path"])
