#!/usr/bin/env python3
"""Scores dossier's annotations against tests/gold/annotations.yaml.

Builds the example job and the shared corpus to JSON, matches what dossier found against the
hand-written gold, and prints precision and recall per kind (quote speakers, alias merging,
entities by type, roles, dates, figures, conflicts) with the cases that still fail. Exits 1
when quote-speaker precision is below 90% or alias merging below 95% (precision or recall).

usage: score_annotations.py DOSSIER PROJECT_DIR [--verbose]
"""
import itertools
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

import yaml

SPEAKER_PRECISION = 0.90
ALIAS_MERGING = 0.95


def fold(text):
    """Case and diacritics folded, typographic apostrophes straightened."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("ı", "i")


def quote_text(text):
    return fold(text.strip().lstrip("\"“‘'"))


class Score:
    def __init__(self, name):
        self.name, self.tp_p, self.n_p, self.tp_r, self.n_r = name, 0, 0, 0, 0
        self.misses = []

    def precision(self):
        return self.tp_p / self.n_p if self.n_p else 1.0

    def recall(self):
        return self.tp_r / self.n_r if self.n_r else 1.0

    def add(self, other):
        self.tp_p += other.tp_p
        self.n_p += other.n_p
        self.tp_r += other.tp_r
        self.n_r += other.n_r
        self.misses += other.misses

    def line(self):
        return (f"  {self.name:<24} precision {self.precision():6.1%} ({self.tp_p}/{self.n_p})"
                f"   recall {self.recall():6.1%} ({self.tp_r}/{self.n_r})")


def entity_forms(entity):
    return {fold(f) for f in [entity["name"], *entity.get("aliases", [])]}


def gold_forms(entity):
    return {fold(f) for f in (entity.get("aliases") or [entity["name"]])} | {fold(entity["name"])}


def score_quotes(gold, out):
    by_id = {e["id"]: e for e in out["entities"]}
    gold_entities = {g["name"]: g for g in gold["entities"]}
    found, speakers = Score("quotations"), Score("quote speakers")
    matched = set()
    for g in gold["quotes"]:
        candidates = [q for q in out["quotes"]
                      if q["block"] == g["block"] and quote_text(q["text"]).startswith(quote_text(g["starts"]))]
        if not candidates:
            found.misses.append(f"quote not found: {g['block']} “{g['starts']}…”")
            continue
        q = candidates[0]
        matched.add(q["id"])
        found.tp_r += 1
        predicted = by_id.get(q["speaker"]) if q["speaker"] else None
        if g["speaker"] is not None:
            speakers.n_r += 1
        if predicted is None:
            if g["speaker"] is not None:
                speakers.misses.append(f"no speaker: {g['block']} “{g['starts']}…” (gold: {g['speaker']})")
            continue
        speakers.n_p += 1
        right = False
        if g["speaker"] is not None:
            forms = gold_forms(gold_entities.get(g["speaker"], {"name": g["speaker"]}))
            right = bool(forms & entity_forms(predicted))
        if right:
            speakers.tp_p += 1
            speakers.tp_r += 1
        else:
            speakers.misses.append(f"wrong speaker: {g['block']} “{g['starts']}…” "
                                   f"→ {predicted['name']} (gold: {g['speaker']})")
    found.n_r = len(gold["quotes"])
    found.n_p = len(out["quotes"])
    found.tp_p = len(matched)
    for q in out["quotes"]:
        if q["id"] not in matched:
            found.misses.append(f"extra quote: {q['block']} “{q['text'][:40]}…”")
    return [found, speakers]


def score_aliases(gold, out):
    """Pairs of surface forms: merged by dossier vs. the same entity in the gold."""
    owner = {}
    for g in gold["entities"]:
        for f in gold_forms(g):
            owner[f] = g["name"]
    predicted = {}
    for e in out["entities"]:
        for f in entity_forms(e):
            predicted.setdefault(f, e["id"])
    s = Score("alias merging")
    for a, b in itertools.combinations(sorted(owner), 2):
        gold_same = owner[a] == owner[b]
        both = a in predicted and b in predicted
        pred_same = both and predicted[a] == predicted[b]
        if gold_same:
            s.n_r += 1
            s.tp_r += pred_same
            if not pred_same:
                s.misses.append(f"not merged: {a} / {b}")
        if pred_same:
            s.n_p += 1
            s.tp_p += gold_same
            if not gold_same:
                s.misses.append(f"wrongly merged: {a} / {b}")
    return [s]


def score_entities(gold, out):
    scores = []
    for kind in ("person", "organization", "place"):
        s = Score(f"entities: {kind}")
        golds = [g for g in gold["entities"] if g["type"] == kind]
        preds = [e for e in out["entities"] if e["type"] == kind]
        s.n_p, s.n_r = len(preds), len(golds)
        for e in preds:
            if any(entity_forms(e) & gold_forms(g) for g in golds):
                s.tp_p += 1
            else:
                s.misses.append(f"extra {kind}: {e['name']}")
        for g in golds:
            if any(entity_forms(e) & gold_forms(g) for e in preds):
                s.tp_r += 1
            else:
                s.misses.append(f"missed {kind}: {g['name']}")
        scores.append(s)
    roles = Score("roles (recall)")
    for g in gold["entities"]:
        for role in g.get("roles", []):
            roles.n_r += 1
            match = [e for e in out["entities"] if entity_forms(e) & gold_forms(g)]
            got = [fold(r) for e in match for r in e["roles"]]
            if any(fold(role) in r or r in fold(role) for r in got):
                roles.tp_r += 1
            else:
                roles.misses.append(f"role missing: {g['name']}: {role}")
    roles.tp_p = roles.n_p = 0
    scores.append(roles)
    return scores


def score_dates(gold, out):
    s, iso = Score("dates"), Score("date values")
    used = set()
    for g in gold["dates"]:
        hit = next((i for i, d in enumerate(out["dates"]) if i not in used and d["block"] == g["block"]
                    and fold(d["text"]) == fold(g["text"])), None)
        if hit is None:
            s.misses.append(f"date missed: {g['block']} {g['text']}")
            continue
        used.add(hit)
        s.tp_r += 1
        d = out["dates"][hit]
        iso.n_p += 1
        iso.n_r += 1
        want = None if g["iso"] is None else str(g["iso"])
        if d["iso"] == want and d["precision"] == g["precision"]:
            iso.tp_p += 1
            iso.tp_r += 1
        else:
            iso.misses.append(f"date value: {g['block']} {g['text']} → {d['iso']} {d['precision']}"
                              f" (gold: {want} {g['precision']})")
    s.n_r, s.n_p, s.tp_p = len(gold["dates"]), len(out["dates"]), len(used)
    for i, d in enumerate(out["dates"]):
        if i not in used:
            s.misses.append(f"extra date: {d['block']} {d['text']}")
    return [s, iso]


def score_figures(gold, out):
    s = Score("figures")
    used = set()
    for g in gold["figures"]:
        hit = next((i for i, f in enumerate(out["figures"]) if i not in used and f["block"] == g["block"]
                    and abs(f["value"] - g["value"]) <= 0.005 * abs(g["value"])
                    and f["unit"] == g["unit"]), None)
        if hit is None:
            s.misses.append(f"figure missed: {g['block']} {g['value']} {g['unit']}")
            continue
        used.add(hit)
    s.n_r, s.n_p, s.tp_r, s.tp_p = len(gold["figures"]), len(out["figures"]), len(used), len(used)
    for i, f in enumerate(out["figures"]):
        if i not in used:
            s.misses.append(f"extra figure: {f['block']} {f['text']}")
    c = Score("conflicts")
    c.n_r, c.n_p = len(gold["conflicts"]), len(out["conflicts"])
    for g in gold["conflicts"]:
        if any(set(g["blocks"]) <= set(p["blocks"]) for p in out["conflicts"]):
            c.tp_r += 1
        else:
            c.misses.append(f"conflict missed: {g['blocks']}")
    for p in out["conflicts"]:
        if any(set(g["blocks"]) <= set(p["blocks"]) for g in gold["conflicts"]):
            c.tp_p += 1
        else:
            c.misses.append(f"extra conflict: {p['blocks']} ({p['about']})")
    return [s, c]


def build(dossier, project, gold):
    with tempfile.TemporaryDirectory() as tmp:
        if "job" in gold:
            subprocess.run([dossier, "build", gold["job"], "--formats", "json", "-o", tmp, "--quiet"],
                           cwd=project, check=True)
            with open(os.path.join(tmp, "briefing.json"), encoding="utf-8") as f:
                return json.load(f)
        out = subprocess.run([dossier, "inspect", *gold["sources"]], cwd=project, check=True,
                             capture_output=True)
        return json.loads(out.stdout)


def main():
    dossier, project = sys.argv[1], sys.argv[2]
    verbose = "--verbose" in sys.argv
    with open(os.path.join(project, "tests/gold/annotations.yaml"), encoding="utf-8") as f:
        gold = yaml.safe_load(f)
    totals = {}
    for name, part in gold.items():
        paths = part.get("sources", [])
        if any(not os.path.exists(os.path.join(project, p)) for p in paths):
            print(f"{name}: skipped (sources not found: ../shared is not beside the project)")
            continue
        out = build(dossier, project, part)
        print(f"{name}:")
        for s in (score_quotes(part, out) + score_aliases(part, out) + score_entities(part, out)
                  + score_dates(part, out) + score_figures(part, out)):
            print(s.line())
            if verbose:
                for m in s.misses:
                    print(f"      {m}")
            totals.setdefault(s.name, Score(s.name)).add(s)
    print("all:")
    for s in totals.values():
        print(s.line())
    failures = []
    sp, al = totals["quote speakers"], totals["alias merging"]
    if sp.precision() < SPEAKER_PRECISION:
        failures.append(f"quote-speaker precision {sp.precision():.1%} < {SPEAKER_PRECISION:.0%}")
    if al.precision() < ALIAS_MERGING or al.recall() < ALIAS_MERGING:
        failures.append(f"alias merging {al.precision():.1%}/{al.recall():.1%} < {ALIAS_MERGING:.0%}")
    print("still failing:")
    for s in totals.values():
        for m in s.misses:
            print(f"  {m}")
    for f in failures:
        print(f"FAIL: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
