#!/usr/bin/env python3
"""Whole-pipeline benchmark: dossier over generated corpora of several sizes.

For each size it writes N damaged articles (bench/make_corpus, deterministic), builds them
once per format and once with every format (each build --repeat times, default 3, keeping
the fastest; --no-cache, so every build does all the work), and reports wall time, peak RSS (from
/usr/bin/time -v), MB/s and articles/s, plus dossier's own per-stage timings (build -v).
Where pandoc is installed (--install-pandoc installs Debian's), it also times pandoc turning
the same articles, as clean Markdown, into HTML and into EPUB, and prints dossier's HTML+EPUB
speed as a multiple of pandoc's. Up to --rebuild-max articles it times an incremental rebuild:
every format, with the cache a build of the same articles left, after one article changed
(another one each repeat), as a share of the clean build. Peak RSS is set against 3x the
input plus 64 MiB. Prints a table; --json FILE writes the figures as JSON.

Usage: bench/pipeline_bench.py BUILD_DIR [--sizes 100,1000,10000] [--pandoc-max 1000]
                               [--rebuild-max 1000] [--install-pandoc] [--json FILE]
                               [--work DIR] [--repeat N]
A measurement to run by hand, not a test: it takes minutes at 10,000 articles.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FORMATS = ["html", "epub", "pdf", "md", "json"]


def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS in KiB, stderr)."""
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", proc.stderr)
    hours = float(wall.group(1) or 0)
    seconds = hours * 3600 + float(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    return seconds, rss, proc.stderr


def fastest(cmd, repeat):
    """timed(cmd) `repeat` times; the fastest run. The machines this runs on are shared or
    virtual, and a run is only ever slowed by its neighbours, never sped up."""
    return min((timed(cmd) for _ in range(repeat)), key=lambda run: run[0])


def stage_times(stderr):
    """dossier build -v lines: '  name   123.4 ms'."""
    times = {}
    for line in stderr.splitlines():
        if line.startswith("per source:"):
            break
        m = re.match(r"^ {2,4}(\S.*?)\s+([\d.]+) ms", line)
        if m:
            times[m.group(1).strip()] = float(m.group(2)) / 1000
    return times


def pdf_pages(path):
    """Pages in a PDF dossier wrote: pdfinfo's count where poppler is installed, else the page
    objects libharu writes ("/Type /Page" not followed by "s")."""
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", out, re.M)
        if m:
            return int(m.group(1))
    with open(path, "rb") as f:
        return len(re.findall(rb"/Type /Page(?!s)", f.read()))


def rebuild_time(dossier, corpus, work, n, repeat):
    """Every format built again after one article changed, from the cache a build of the same
    articles left: the fastest of `repeat` rebuilds, each after another article had a sentence
    added."""
    sources = os.path.join(work, f"rebuild-{n}")
    out = os.path.join(work, f"out-{n}-rebuild")
    for folder in (sources, out):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(corpus, sources)
    cmd = [dossier, "build", "--sources", sources, "-o", out, "-q"]
    timed(cmd)  # fills the cache
    names = sorted(os.listdir(sources))
    runs = []
    for k in range(repeat):
        edited = os.path.join(sources, names[(len(names) // 2 + k) % len(names)])
        with open(edited, "a", encoding="utf-8") as f:
            f.write(f"\nOne more sentence, added for rebuild {k + 1}.\n")
        runs.append(timed(cmd))
    wall, rss, _ = min(runs, key=lambda run: run[0])
    return {"wall_s": wall, "peak_rss_kib": rss}


def corpus_bytes(folder):
    return sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))


def markdown_copy(src, dst):
    """The clean articles as Markdown: the first line becomes the title heading."""
    os.makedirs(dst, exist_ok=True)
    names = []
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), encoding="utf-8") as f:
            text = f.read()
        title, _, rest = text.partition("\n")
        md = os.path.join(dst, name[:-4] + ".md")
        with open(md, "w", encoding="utf-8") as f:
            f.write("# " + title + "\n" + rest)
        names.append(md)
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir")
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--pandoc-max", type=int, default=1000,
                    help="largest corpus to give pandoc (it is slow)")
    ap.add_argument("--rebuild-max", type=int, default=1000,
                    help="largest corpus to time an incremental rebuild of")
    ap.add_argument("--install-pandoc", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--work", help="folder for corpora and outputs (default: a temporary one)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of each build, pandoc's too; the fastest is reported")
    args = ap.parse_args()

    dossier = os.path.abspath(os.path.join(args.build_dir, "dossier"))
    make_corpus = os.path.abspath(os.path.join(args.build_dir, "bench", "make_corpus"))
    for tool in (dossier, make_corpus):
        if not os.access(tool, os.X_OK):
            sys.exit(f"missing {tool}: build with -DDOSSIER_BENCH=ON")
    if args.install_pandoc and not shutil.which("pandoc"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "pandoc"], check=True)
    pandoc = shutil.which("pandoc")
    work = args.work or tempfile.mkdtemp(prefix="dossier-bench-")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1747267200")
    os.environ.update(env)

    results = []
    for n in [int(s) for s in args.sizes.split(",")]:
        damaged = os.path.join(work, f"damaged-{n}")
        if not os.path.isdir(damaged):
            subprocess.run([make_corpus, damaged, str(n), "--damaged"], check=True,
                           capture_output=True)
        size = corpus_bytes(damaged)
        mb = size / 1e6
        row = {"articles": n, "input_bytes": size, "runs": {}}
        for fmt in FORMATS + ["all"]:
            out = os.path.join(work, f"out-{n}-{fmt}")
            cmd = [dossier, "build", "--sources", damaged, "-o", out, "-v", "--no-cache"]
            if fmt != "all":
                cmd += ["--formats", fmt]
            wall, rss, err = fastest(cmd, args.repeat)
            row["runs"][fmt] = {"wall_s": wall, "peak_rss_kib": rss, "mb_per_s": mb / wall,
                                "articles_per_s": n / wall, "stages_s": stage_times(err)}
            if fmt == "pdf":
                pdf = os.path.join(out, "briefing.pdf")
                pages = pdf_pages(pdf)
                writer_s = row["runs"][fmt]["stages_s"].get("pdf", wall)
                row["pdf"] = {"pages": pages, "bytes": os.path.getsize(pdf),
                              "writer_s": writer_s, "pages_per_s": pages / writer_s,
                              "bytes_per_page": os.path.getsize(pdf) / max(pages, 1)}
        if n <= args.rebuild_max:
            row["rebuild"] = rebuild_time(dossier, damaged, work, n, args.repeat)
            row["rebuild"]["share_of_clean"] = (row["rebuild"]["wall_s"] /
                                                row["runs"]["all"]["wall_s"])
        if pandoc and n <= args.pandoc_max:
            clean = os.path.join(work, f"clean-{n}")
            if not os.path.isdir(clean):
                subprocess.run([make_corpus, clean, str(n)], check=True, capture_output=True)
            md_files = markdown_copy(clean, os.path.join(work, f"markdown-{n}"))
            pandoc_wall = 0.0
            for ext in ("html", "epub"):
                target = os.path.join(work, f"pandoc-{n}.{ext}")
                wall, _, _ = fastest([pandoc, "-s", "--metadata", "title=Bench", "-o", target]
                                     + md_files, args.repeat)
                row["pandoc_" + ext + "_s"] = wall
                pandoc_wall += wall
            out = os.path.join(work, f"out-{n}-html-epub-clean")
            wall, _, _ = fastest([dossier, "build", "--sources", clean, "-o", out, "--formats",
                                  "html,epub", "-q", "--no-cache"], args.repeat)
            row["dossier_html_epub_clean_s"] = wall
            row["speed_vs_pandoc"] = pandoc_wall / wall
        results.append(row)

    print(f"{'articles':>8} {'MB':>7} {'format':>6} {'wall s':>8} {'MB/s':>7} {'art/s':>8} "
          f"{'peak RSS MiB':>12}")
    for row in results:
        for fmt, run in row["runs"].items():
            print(f"{row['articles']:>8} {row['input_bytes'] / 1e6:>7.1f} {fmt:>6} "
                  f"{run['wall_s']:>8.2f} {run['mb_per_s']:>7.2f} {run['articles_per_s']:>8.0f} "
                  f"{run['peak_rss_kib'] / 1024:>12.0f}")
        if "pdf" in row:
            p = row["pdf"]
            print(f"         PDF: {p['pages']} pages, writer {p['writer_s']:.2f}s "
                  f"({p['pages_per_s']:.0f} pages/s), {p['bytes_per_page'] / 1024:.1f} KiB/page")
        stages = row["runs"]["all"]["stages_s"]
        print("         stages (all formats): " +
              ", ".join(f"{k} {v:.2f}s" for k, v in stages.items()))
        target_mib = 3 * row["input_bytes"] / 2**20 + 64
        print(f"         peak RSS (all) {row['runs']['all']['peak_rss_kib'] / 1024:.0f} MiB; "
              f"3x input + 64 MiB = {target_mib:.0f} MiB")
        if "rebuild" in row:
            r = row["rebuild"]
            print(f"         rebuild after one article changed: {r['wall_s']:.2f}s, "
                  f"{100 * r['share_of_clean']:.0f}% of the clean build, "
                  f"peak RSS {r['peak_rss_kib'] / 1024:.0f} MiB")
        if "speed_vs_pandoc" in row:
            print(f"         pandoc HTML {row['pandoc_html_s']:.2f}s + EPUB "
                  f"{row['pandoc_epub_s']:.2f}s; dossier HTML+EPUB "
                  f"{row['dossier_html_epub_clean_s']:.2f}s: "
                  f"{row['speed_vs_pandoc']:.1f}x pandoc's speed")
    if len(results) > 1:
        small, large = results[-2], results[-1]
        ratio = large["runs"]["all"]["wall_s"] / small["runs"]["all"]["wall_s"]
        print(f"scaling {small['articles']} -> {large['articles']} articles: "
              f"{ratio:.1f}x the time for {large['articles'] / small['articles']:.0f}x the work")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"results": results}, f, indent=2)
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
