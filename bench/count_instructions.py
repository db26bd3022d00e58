#!/usr/bin/env python3
"""Instructions a build executes, per stage and per writer: a measure of CPU work that, unlike
wall or CPU time, does not move with the machine's load (on a shared 2-core VM, a clean
1,000-article build took anywhere from 2.3 to 4.0 s within an hour; its instruction count is
the same to a few parts in a thousand).

Runs `dossier build` under valgrind's callgrind on one thread (-j1, --no-cache) over N
generated damaged articles (bench/make_corpus, deterministic) and prints each stage's
instructions, inclusive of what it calls. Give two build folders to compare them: the second
column is then the first build's count and the third the change.

Usage: bench/count_instructions.py BUILD_DIR [BASE_BUILD_DIR] [--articles 200] [--work DIR]
A measurement to run by hand (about a minute per build at 200 articles), not a test.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# What is reported, as (label, the function's name in callgrind's output). Inclusive counts of
# functions the others call overlap: the rows are not meant to add up.
STAGES = [
    ("per-source stages", "dossier::cli::process_sources("),
    ("  normalize", "dossier::normalize::normalize("),
    ("  structure", "dossier::structure::structure("),
    ("  annotate", "dossier::annotate::annotate("),
    ("cross-reference", "dossier::crossref::cross_reference("),
    ("writers", "dossier::emit::write_outputs("),
    ("  html", "dossier::emit::write_html("),
    ("  epub", "dossier::emit::write_epub("),
    ("  pdf", "dossier::emit::write_pdf("),
    ("  md", "dossier::emit::write_markdown("),
    ("  json", "dossier::emit::write_json("),
]


def count(build, corpus, work):
    """Total instructions and each stage's inclusive count for one build's dossier."""
    out_file = os.path.join(work, "callgrind.out")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    # dossier restarts itself once to turn on glibc's huge pages; valgrind cannot follow that.
    env["GLIBC_TUNABLES"] = "glibc.malloc.hugetlb=0"
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}",
           os.path.join(build, "dossier"), "build", "--sources", corpus,
           "-o", os.path.join(work, "out"), "--no-cache", "-q", "-j1"]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    report = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--auto=no",
                             "--threshold=100", out_file],
                            capture_output=True, text=True, check=True).stdout
    total = int(re.search(r"^([\d,]+) .*PROGRAM TOTALS", report, re.M).group(1).replace(",", ""))
    stages = {}
    for label, name in STAGES:
        best = 0
        for line in report.splitlines():
            if name in line:
                m = re.match(r"^\s*([\d,]+)", line)
                if m:
                    best = max(best, int(m.group(1).replace(",", "")))
        stages[label] = best
    os.remove(out_file)
    return total, stages


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("build")
    parser.add_argument("base", nargs="?")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--work")
    args = parser.parse_args()
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    work = args.work or tempfile.mkdtemp(prefix="dossier-instructions-")
    corpus = os.path.join(work, f"d{args.articles}")
    if not os.path.isdir(corpus):
        subprocess.run([os.path.join(args.build, "bench", "make_corpus"), corpus,
                        str(args.articles), "--damaged"], check=True, capture_output=True)
    builds = [args.build] + ([args.base] if args.base else [])
    results = [count(b, corpus, work) for b in builds]
    millions = lambda n: f"{n / 1e6:,.0f} M"
    print(f"{args.articles} generated articles, one thread, instructions (inclusive)")
    header = f"{'':22}{'this build':>14}"
    if args.base:
        header += f"{'base':>14}{'change':>10}"
    print(header)
    rows = [("whole build", results[0][0], results[-1][0])]
    rows += [(label, results[0][1][label], results[-1][1][label]) for label, _ in STAGES]
    for label, mine, base in rows:
        line = f"{label:22}{millions(mine):>14}"
        if args.base:
            change = f"{(mine - base) / base * 100:+.1f}%" if base else "-"
            line += f"{millions(base):>14}{change:>10}"
        print(line)


if __name__ == "__main__":
    main()
