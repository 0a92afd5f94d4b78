#!/usr/bin/env python3
"""Every peer comparison in one run, one summary table: Verbatim beside simplemma, spaCy
fr_core_news_sm / _md and scikit-learn, on the same inputs and the same Verbatim binary.

    Benchmarks/peers/run.sh                   # sets up the venv, snapshots the binary, runs this file
    python run_all.py --verbatim BIN [--parts lemmas,themes,discovery] [--details] [--out FILE]

Parts (each one the existing script's own code, imported):
  lemmas     peers.py: lemma accuracy on the UD French dev files, clean and accent-stripped
             (Verbatim, simplemma, spaCy sm, spaCy md), and tokens/s on the 1M-word text;
  themes     themes.py: theme micro/macro F1 and intent accuracy on Benchmarks/data/themes-dev.tsv,
             `verbatim bench themes` against TF-IDF + one-vs-rest LinearSVC scored by 5-fold CV,
             and the same baseline trained on Benchmarks/data/themes-train.tsv (as Verbatim's model);
  discovery  discovery.py: `verbatim discover` (reinert, kmeans) against TF-IDF + KMeans / NMF,
             time on the 100k-answer database and agreement (AMI, ARI) with the gold themes.

Prints ONE Markdown table on standard output (one row per measure; progress on standard error;
`--details` adds each part's own tables after it) and writes every figure, with the date,
`uname -a`, nproc, versions and Verbatim's commit, to results-all.json.
"""
import argparse
import datetime
import hashlib
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import peers  # noqa: E402
import themes  # noqa: E402
import discovery  # noqa: E402

PARTS = ["lemmas", "themes", "discovery"]
COLUMNS = [("verbatim", "Verbatim"), ("simplemma", "simplemma"), ("spacy-sm", "spaCy sm"),
           ("spacy-md", "spaCy md"), ("sklearn", "scikit-learn")]
SK_NAMES = {"kmeans": "KMeans", "nmf": "NMF"}
CAT_NAMES = {"a": "(a) all words but PUNCT/SYM/NUM", "b": "(b) (a) without PRON", "c": "(c) NOUN/VERB/ADJ/ADV",
             "d": "(d) VERB"}


def log(msg):
    print("[run] " + msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------- summary rows
#
# A row: {"measure", "unit", "kind", "values": {column: number}, "labels": {column: note},
#         "verbatim_x": text}. kind "higher" (accuracy: Verbatim minus the best peer),
#         "rate" (speed, higher is better: Verbatim / fastest peer) or "seconds" (time, lower is
#         better: fastest peer's seconds / Verbatim's). "Verbatim ×" > 1 means Verbatim is faster.

def row(measure, unit, kind, values, labels=None, nd=2):
    values = {k: v for k, v in values.items() if v is not None}
    r = {"measure": measure, "unit": unit, "kind": kind, "values": values, "labels": labels or {}, "decimals": nd}
    v = values.get("verbatim")
    others = {k: x for k, x in values.items() if k != "verbatim"}
    r["best_peer"] = r["verbatim_x"] = None
    if v is not None and others:
        if kind == "higher":
            best = max(others, key=others.get)
            r["verbatim_x"] = "%+.*f vs %s" % (nd, v - others[best], name_of(best, r["labels"]))
        elif kind == "rate":
            best = max(others, key=others.get)
            r["verbatim_x"] = "%s vs %s" % (peers.times(v / others[best]), name_of(best, r["labels"]))
        else:
            best = min(others, key=others.get)
            r["verbatim_x"] = "%s vs %s" % (peers.times(others[best] / v), name_of(best, r["labels"]))
        r["best_peer"] = best
    return r


def name_of(column, labels):
    return labels.get(column) or dict(COLUMNS)[column]


def lemma_rows(res):
    rows, p = [], res["peers"]
    acc = {n: p[n]["accuracy"] for n in p}
    for variant, tag in [("original", ""), ("stripped", ", accents stripped")]:
        for k in "abcd":
            rows.append(row("Lemma accuracy %s%s, %%" % (CAT_NAMES[k], tag), "%", "higher",
                            {n: acc[n][variant]["macro"][k] for n in acc}))
    rows.append(row("UPOS accuracy, %", "%", "higher", {n: acc[n]["original"]["macro"]["upos"] for n in acc}))
    sp = {n: p[n]["speed"] for n in p}
    star = {n: "*" for n in sp if not sp[n]["whole_text"]}  # prefix measure, extrapolated
    rows.append(row("Lemmatizing %s, tokens/s" % os.path.basename(res["inputs"]["corpus"]), "tokens/s", "rate",
                    {n: sp[n]["tokens_per_s"] for n in sp}, nd=0))
    rows.append(row("Lemmatizing %s, tokens/s with load" % os.path.basename(res["inputs"]["corpus"]), "tokens/s",
                    "rate", {n: sp[n]["tokens_per_s_with_load"] for n in sp}, nd=0))
    for r in rows[-2:]:
        r["marks"] = star
    return rows


def theme_rows(res):
    v, s, st = res.get("verbatim") or {}, res["sklearn"], res.get("sklearn_train")
    rows = [
        row("Themes micro-F1 (themes-dev), %", "%", "higher",
            {"verbatim": v.get("micro_f1") and 100 * v["micro_f1"], "sklearn": 100 * s["micro_f1"]}, nd=1),
        row("Themes macro-F1 (themes-dev), %", "%", "higher",
            {"verbatim": v.get("macro_f1") and 100 * v["macro_f1"], "sklearn": 100 * s["macro_f1"]}, nd=1),
        row("Intent accuracy (themes-dev), %", "%", "higher",
            {"verbatim": v.get("intent_accuracy") and 100 * v["intent_accuracy"], "sklearn": 100 * s["intent_accuracy"]},
            nd=1),
        row("Themes + intent, answers/s (warm, 1 thread)", "answers/s", "rate",
            {"verbatim": v.get("answers_per_s"), "sklearn": s["answers_per_s"]}, nd=0),
    ]
    if st:
        # the same baseline fitted on the training file (like Verbatim's model), not on the dev set;
        # each row goes right under its cross-validated counterpart
        train = os.path.basename(st["train_file"])
        tag, label = os.path.splitext(train)[0], {"sklearn": "scikit-learn trained on " + train}
        rows.insert(1, row("Themes micro-F1 (themes-dev, baseline trained on %s), %%" % tag, "%", "higher",
                           {"verbatim": v.get("micro_f1") and 100 * v["micro_f1"], "sklearn": 100 * st["micro_f1"]},
                           labels=label, nd=1))
        rows.insert(4, row("Intent accuracy (themes-dev, baseline trained on %s), %%" % tag, "%", "higher",
                           {"verbatim": v.get("intent_accuracy") and 100 * v["intent_accuracy"],
                            "sklearn": 100 * st["intent_accuracy"]}, labels=label, nd=1))
    return rows


def discovery_rows(res):
    rows = []
    sp, ag = res.get("speed"), res.get("agreement")
    if sp:
        # Whole process on both sides (like for like): Verbatim's `discover` process, scikit-learn's
        # fresh Python process (start, imports, read, vectorize, fit); the fit-only times go in the notes.
        t = sp["methods"]
        fastest = min(discovery.SKLEARN_METHODS, key=lambda x: t["sklearn-" + x]["process_s"])
        for m in discovery.VERBATIM_METHODS:
            rows.append(row("Discovery %s, 100k answers, k = %d, s (whole process)" % (m, sp["k"]), "s", "seconds",
                            {"verbatim": t["verbatim-" + m]["process_s"], "sklearn": t["sklearn-" + fastest]["process_s"]},
                            labels={"sklearn": "scikit-learn " + SK_NAMES[fastest]}))
    if ag:
        for metric in ["ami", "ari"]:
            for m in discovery.VERBATIM_METHODS:
                a = ag["methods"]
                if "verbatim-" + m not in a:
                    continue
                val = {x: a["sklearn-" + x]["excerpt"][metric]["mean"] for x in discovery.SKLEARN_METHODS}
                best = max(val, key=val.get)
                rows.append(row("Discovery %s, %s with gold themes (excerpts, mean of %d seed%s)" % (
                    m, metric.upper(), len(ag["seeds"]), "s" if len(ag["seeds"]) > 1 else ""), metric, "higher",
                    {"verbatim": a["verbatim-" + m]["excerpt"][metric]["mean"], "sklearn": val[best]},
                    labels={"sklearn": "scikit-learn " + SK_NAMES[best]}, nd=3))
    return rows


def fmt_value(r, column):
    x = r["values"].get(column)
    if x is None:
        return ""
    text = peers.fmt_int(x) if r["decimals"] == 0 else "%.*f" % (r["decimals"], x)
    text += r.get("marks", {}).get(column, "")
    label = r["labels"].get(column)
    return "%s (%s)" % (text, label.replace("scikit-learn ", "")) if label and column == "sklearn" else text


def table(rows):
    lines = ["| measure | " + " | ".join(c for _, c in COLUMNS) + " | Verbatim × |",
             "|---|" + "---:|" * len(COLUMNS) + "---|"]
    for r in rows:
        lines.append("| %s | %s | %s |" % (r["measure"], " | ".join(fmt_value(r, c) for c, _ in COLUMNS),
                                           r["verbatim_x"] or ""))
    return lines


def notes(res):
    """The lines under the table: what each group of rows is, the settings used, the caveats."""
    out = [""]
    s = res["settings"]
    if "lemmas" in res:
        lp = res["lemmas"]["peers"]
        star = ["%s %s" % (dict(COLUMNS)[n], lp[n]["speed"]["measured_on"]) for n in lp if not lp[n]["speed"]["whole_text"]]
        out.append("- **Lemmas**: macro over the 4 UD French dev files, gold tokens, lexicons/tools/score.py rules; "
                   "accents stripped from the forms only. Verbatim × = Verbatim minus the best peer, in points. "
                   "Verbatim's lexicon comes from the train splits of 3 of the 4 treebanks (see README).")
        out.append("- **tokens/s**: the whole 1M-word text, each peer its own tokens, one process and one thread each"
                   "%s; Verbatim × = Verbatim's tokens/s / the fastest peer's." % (
                       "" if not star else " (* = " + "; ".join(star) + ")"))
    if "themes" in res:
        t = res["themes"]
        out.append("- **Themes/intent**: %d answers, %d themes; answer-level multi-label scoring as "
                   "`verbatim bench themes` (per-theme TP/FP/FN summed for micro). scikit-learn = TF-IDF word "
                   "1–2 + char_wb 2–5-grams, one-vs-rest %s (class_weight balanced), %d-fold CV (random_state "
                   "%d): **the baseline is trained on %d %% of the very set it is scored on, while Verbatim never "
                   "saw it** (taxonomy and rules written apart, model learned from themes-train.tsv). "
                   "Majority-class intent: %.1f %%. answers/s: Verbatim analyze + tag, scikit-learn vectorize + predict; CV time %.1f s. Verbatim × = points." % (
                       t["answers"], len(t["themes"]), themes.CLASSIFIER_NAMES[t["sklearn_setup"]["classifier"]],
                       t["sklearn_setup"]["folds"], t["sklearn_setup"]["seed"],
                       round(100 * (t["sklearn_setup"]["folds"] - 1) / t["sklearn_setup"]["folds"]),
                       100 * t["sklearn"]["intent_majority_accuracy"], t["sklearn"]["cv_seconds"]))
        if t.get("sklearn_train"):
            st = t["sklearn_train"]
            out[-1] += (" Rows marked \"trained on %s\": the same baseline fitted once on the %d answers of "
                        "%s, the file Verbatim's model learns from, and scored on the dev set (like for like; "
                        "fit %.1f s, predict %.2f s)." % (
                            os.path.basename(st["train_file"]), st["train_answers"], st["train_file"],
                            st["fit_seconds"], st["predict_seconds"]))
    if "discovery" in res:
        d = res["discovery"]
        bits = []
        if d.get("speed"):
            t = d["speed"]["methods"]
            bits.append("time on the %s excerpts of `bench store --answers 100000`, median of %d run(s), each a "
                        "fresh process end to end (scikit-learn: Python start, imports, read, TF-IDF, fit; the "
                        "faster of KMeans/NMF shown; TF-IDF + fit alone: KMeans %.2f s, NMF %.2f s); Verbatim × = "
                        "scikit-learn's seconds / Verbatim's; largest class: Verbatim reinert %.0f %%, kmeans "
                        "%.0f %%, scikit-learn KMeans %.0f %%, NMF %.0f %% of the excerpts" % (
                            peers.fmt_int(t["sklearn-kmeans"]["excerpts"]), d["speed"]["runs"],
                            t["sklearn-kmeans"]["seconds"], t["sklearn-nmf"]["seconds"],
                            *(100 * t[x]["largest_class_share"] for x in ["verbatim-reinert", "verbatim-kmeans",
                                                                          "sklearn-kmeans", "sklearn-nmf"])))
        if d.get("agreement"):
            a = d["agreement"]
            bits.append("agreement on the %d excerpts of single-theme dev answers, k = %d, seeds %s, best of "
                        "KMeans/NMF shown (random assignment: AMI %.3f, ARI %.3f); differences of 0.02–0.03 are "
                        "within the spread over seeds" % (
                            a["single_theme_excerpts"], a["k"], ",".join(map(str, a["seeds"])),
                            a["methods"]["random"]["excerpt"]["ami"]["mean"],
                            a["methods"]["random"]["excerpt"]["ari"]["mean"]))
        out.append("- **Discovery**: " + "; ".join(bits) + ".")
    if s.get("reduced"):
        out.append("- **Non-default settings** (not the full run): " + ", ".join(s["reduced"]) + ".")
    m, v = res["machine"], res["verbatim"]
    out += ["", "%s — `%s` — nproc %s — Verbatim %s (commit %s, binary sha256 %s…) — run %.0f s; other processes "
            "used %s cores on average meanwhile." % (
                res["date"], m["uname"], m["nproc"], v["version"], res["verbatim_commit"], v["sha256"][:12],
                m["run_seconds"], peers.fmt(m.get("other_processes_cores")))]
    if (m.get("other_processes_cores") or 0) > 0.25:
        out += ["", "**Warning:** other processes kept the machine busy during the run: speeds are noisy."]
    return out


# ------------------------------------------------------------------------------------ main

def git_commit():
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=ROOT).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "Sources"], capture_output=True, text=True,
                               cwd=ROOT).stdout.strip()
        return (head + ("+uncommitted Sources" if dirty else "")) or None
    except OSError:
        return None


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verbatim", default=os.path.join(ROOT, ".build", "release", "verbatim"),
                    help="the binary every part uses (run.sh passes a snapshot of .build/release/verbatim)")
    ap.add_argument("--verbatim-origin", help="where the snapshot was copied from (recorded only)")
    ap.add_argument("--ud", default=os.path.join(ROOT, "..", "shared", "ud"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "Benchmarks", "corpus", "fr-1M.txt"))
    ap.add_argument("--out", default=os.path.join(HERE, "results-all.json"))
    ap.add_argument("--parts", default=",".join(PARTS), help="comma-separated subset of " + ",".join(PARTS))
    ap.add_argument("--details", action="store_true", help="also print each part's own tables")
    # lemmas (peers.py)
    ap.add_argument("--peers", default=",".join(peers.PEERS), help="lemma peers (peers.py --peers)")
    ap.add_argument("--sm-words", type=int, default=0, help="peers.py --sm-words (0 = whole text)")
    ap.add_argument("--md-words", type=int, default=0, help="peers.py --md-words (0 = whole text)")
    # themes (themes.py)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--classifier", choices=themes.CLASSIFIERS, default="svc")
    # discovery (discovery.py)
    ap.add_argument("--runs", type=int, default=3, help="discovery.py --runs (timed runs per method)")
    ap.add_argument("--seeds", default="42,43,44,45,46", help="discovery.py --seeds (agreement)")
    ap.add_argument("--skip-discovery-speed", action="store_true", help="discovery.py --skip-speed")
    args = ap.parse_args()
    parts = args.parts.split(",")
    assert set(parts) <= set(PARTS), parts
    if not os.access(args.verbatim, os.X_OK):
        sys.exit("no Verbatim binary at %s: build it with `make release` (this script never builds)" % args.verbatim)

    wall0, busy0, own0 = time.perf_counter(), peers.busy_cpu_seconds(), peers.own_cpu_seconds()
    version = subprocess.run([args.verbatim, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    origin = args.verbatim_origin or args.verbatim
    res = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"uname": subprocess.run(["uname", "-a"], capture_output=True, text=True).stdout.strip(),
                    "nproc": len(os.sched_getaffinity(0)), "loadavg_start": [round(x, 2) for x in os.getloadavg()],
                    "part_seconds": {}},
        "versions": dict(peers.versions(), **discovery.versions(), verbatim=version),
        "verbatim_commit": git_commit(),
        "verbatim": {"version": version, "binary": os.path.relpath(origin, ROOT) if origin.startswith(ROOT) else origin,
                     # run.sh copies with cp -p, so the snapshot keeps the build's modification time
                     "binary_mtime": datetime.datetime.fromtimestamp(os.path.getmtime(args.verbatim)).astimezone()
                     .isoformat(timespec="seconds"),
                     "sha256": sha256(args.verbatim),
                     "note": "one copy of the binary is used by every part, so a rebuild during the run "
                             "cannot mix two versions"},
        "settings": {"parts": parts, "reduced": []},
    }
    s = res["settings"]
    if args.sm_words or args.md_words:
        s["reduced"].append("spaCy speed on a prefix (sm %s, md %s words), extrapolated" % (
            args.sm_words or "all", args.md_words or "all"))
    if args.peers != ",".join(peers.PEERS):
        s["reduced"].append("lemma peers " + args.peers)
    if args.runs != 3:
        s["reduced"].append("discovery %d timed run(s) per method instead of 3" % args.runs)
    if args.seeds != "42,43,44,45,46":
        s["reduced"].append("discovery seeds %s instead of 42–46" % args.seeds)
    if args.skip_discovery_speed:
        s["reduced"].append("discovery speed skipped")
    if args.folds != 5 or args.classifier != "svc":
        s["reduced"].append("themes baseline %d folds, %s" % (args.folds, themes.CLASSIFIER_NAMES[args.classifier]))
    if parts != PARTS:
        s["reduced"].append("parts " + ",".join(parts))

    rows, details = [], []
    if "lemmas" in parts:
        log("lemmas: peers.py (accuracy on the UD dev files, speed on %s)" % os.path.basename(args.corpus))
        t = time.perf_counter()
        pargs = peers.parser().parse_args(["--ud", args.ud, "--corpus", args.corpus, "--verbatim", args.verbatim,
                                           "--peers", args.peers, "--sm-words", str(args.sm_words),
                                           "--md-words", str(args.md_words)])
        res["lemmas"] = peers.run(pargs)
        res["machine"]["part_seconds"]["lemmas"] = round(time.perf_counter() - t, 1)
        rows += lemma_rows(res["lemmas"])
        details.append(peers.report(res["lemmas"]))
    if "themes" in parts:
        log("themes: themes.py (verbatim bench themes, scikit-learn %d-fold CV and trained on themes-train)"
            % args.folds)
        t = time.perf_counter()
        targs = themes.parser().parse_args(["--verbatim", args.verbatim, "--folds", str(args.folds),
                                            "--classifier", args.classifier])
        res["themes"] = themes.run(targs)
        res["machine"]["part_seconds"]["themes"] = round(time.perf_counter() - t, 1)
        rows += theme_rows(res["themes"])
        details.append(themes.report(res["themes"]))
    if "discovery" in parts:
        log("discovery: discovery.py (runs %d, seeds %s)" % (args.runs, args.seeds))
        t = time.perf_counter()
        dargs = discovery.parser().parse_args(["--verbatim", args.verbatim, "--runs", str(args.runs),
                                               "--seeds", args.seeds] +
                                              (["--skip-speed"] if args.skip_discovery_speed else []))
        res["discovery"] = discovery.run(dargs)
        res["machine"]["part_seconds"]["discovery"] = round(time.perf_counter() - t, 1)
        rows += discovery_rows(res["discovery"])
        details.append(discovery.report(res["discovery"]))

    res["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    wall, busy1 = time.perf_counter() - wall0, peers.busy_cpu_seconds()
    res["machine"]["run_seconds"] = round(wall, 1)
    if busy0 is not None and busy1 is not None:
        other = max(0.0, (busy1 - busy0) - (peers.own_cpu_seconds() - own0))
        res["machine"]["other_processes_cores"] = round(other / wall, 2)

    text = "\n".join(["## Verbatim beside its peers", ""] + table(rows) + notes(res))
    res["summary"] = [{k: r[k] for k in ("measure", "unit", "values", "labels", "best_peer", "verbatim_x")}
                      for r in rows]
    res["summary_markdown"] = text
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(res, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(text)
    if args.details:
        print("\n\n# Details\n\n" + "\n\n".join(details))
    log("results written to %s" % os.path.relpath(args.out, os.getcwd()))


if __name__ == "__main__":
    main()
