#!/usr/bin/env python3
"""Theme discovery: `verbatim discover` (reinert, kmeans) beside scikit-learn (TF-IDF + KMeans,
TF-IDF + NMF), in speed and in agreement with hand-labelled themes.

    Benchmarks/peers/run-discovery.sh          # sets up the venv, then runs this file
    python discovery.py --verbatim BIN [--runs 3] [--seeds 42,43,44,45,46] [--out FILE]

Speed: on the 100,000-answer database of `verbatim bench store` (made if missing), wall time of
`verbatim discover --db DB --all --k 10 --method M` in a fresh process, and, in a fresh Python
process each, scikit-learn on the same excerpts (`SELECT id, lemmas FROM excerpt ORDER BY id`):
TfidfVectorizer with Verbatim's term filter, then KMeans(10, n_init='auto', random_state=42) or
NMF(10, random_state=42), vectorize + fit timed together. Median of --runs runs each.

Agreement: a database made by `verbatim run` from Benchmarks/data/themes-dev.tsv (id and text
only: the gold columns are read by this script for scoring, never given to Verbatim). Every
method clusters the whole database (k = 16, the number of gold themes); the answers with exactly
one gold theme are scored with NMI, AMI and ARI (sklearn.metrics) against that theme, at excerpt
level (an excerpt gets its answer's theme) and at answer level. Verbatim's classes come from
`discover --members FILE`; scikit-learn clusters excerpts' lemmas for the excerpt level and each
answer's lemmas (its excerpts joined) for the answer level. Over several seeds.
"""
import argparse
import collections
import csv
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from peers import busy_cpu_seconds, own_cpu_seconds, fmt, times  # noqa: E402

SPEED_DB = "/tmp/verbatim-disc-100k.sqlite"
DEV_TSV = os.path.join(ROOT, "Benchmarks", "data", "themes-dev.tsv")
DEV_DB = "/tmp/vdev.sqlite"
VERBATIM_METHODS = ["reinert", "kmeans"]
SKLEARN_METHODS = ["kmeans", "nmf"]
LABELS = {"verbatim-reinert": "Verbatim reinert", "verbatim-kmeans": "Verbatim kmeans",
          "sklearn-kmeans": "sklearn TF-IDF + KMeans", "sklearn-nmf": "sklearn TF-IDF + NMF",
          "random": "random (uniform, k classes)"}
# Verbatim's own list, read from its source below; this copy is used only if the source is absent.
IGNORED_LEMMAS_FALLBACK = [
    "etre", "avoir", "faire", "pouvoir", "falloir", "aller", "devoir", "vouloir", "dire", "mettre", "voir",
    "savoir", "venir", "prendre", "donner", "rester", "trouver", "passer", "chose", "fois", "gens", "tout",
    "bien", "tres", "plus", "moins", "aussi", "meme", "encore", "toujours", "jamais", "rien", "quand", "plaire",
    "s'il", "lui", "soi", "moi", "son", "leur", "celui", "cela", "ceci", "comme", "peu", "trop", "vraiment", "merci",
]


def log(msg):
    print("[discovery] " + msg, file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------- term filter

def fold(word):
    """Lowercase, accents removed (NFD, combining marks dropped), œ → oe, æ → ae."""
    word = word.lower().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def ignored_words():
    """Verbatim's discovery filter: the folded stopword list plus DiscoverJob.ignoredLemmas."""
    words = set()
    with open(os.path.join(ROOT, "lexicons", "fr", "stopwords.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(fold(line))
    source = os.path.join(ROOT, "Sources", "VerbatimCore", "DiscoverJob.swift")
    extra, origin = IGNORED_LEMMAS_FALLBACK, "copy in discovery.py"
    try:
        with open(source, encoding="utf-8") as f:
            m = re.search(r"ignoredLemmas: Set<String> = \[(.*?)\]", f.read(), re.S)
        if m:
            extra, origin = re.findall(r'"([^"]*)"', m.group(1)), os.path.relpath(source, ROOT)
    except OSError:
        pass
    return words | set(extra), origin


IGNORE, IGNORE_ORIGIN = ignored_words()


def analyzer(lemmas):
    """The lemmas of an excerpt as Verbatim's TermMatrix keeps them: ≥ 3 characters, not a
    stopword or ignored lemma, not all digits (min_df = 3 is TfidfVectorizer's)."""
    return [w for w in lemmas.split() if len(w) >= 3 and w not in IGNORE and not w.isnumeric()]


def vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer
    return TfidfVectorizer(analyzer=analyzer, min_df=3)


def sklearn_cluster(method, docs, k, seed):
    """Vectorizes and clusters `docs`; returns (labels with -1 for documents with no term, info)."""
    import numpy as np
    from sklearn.cluster import KMeans
    from sklearn.decomposition import NMF
    x = vectorizer().fit_transform(docs)
    live = np.flatnonzero(x.getnnz(axis=1) > 0)
    x = x[live]
    if method == "kmeans":
        model = KMeans(n_clusters=k, n_init="auto", random_state=seed)
        pred = model.fit_predict(x)
    else:
        model = NMF(n_components=k, random_state=seed)
        pred = model.fit_transform(x).argmax(axis=1)
    labels = np.full(len(docs), -1, dtype=np.int64)
    labels[live] = pred
    return labels, {"terms": int(x.shape[1]), "clustered": int(len(live)), "n_iter": int(model.n_iter_)}


# ------------------------------------------------------------------------------------- speed

def sklearn_speed_only(method, db, k, seed):
    """Runs in a fresh process: import, read the excerpts, then vectorize + fit (timed together)."""
    t0 = time.perf_counter()
    import sqlite3
    import warnings
    import numpy as np
    import sklearn.cluster  # noqa: F401
    import sklearn.decomposition  # noqa: F401
    import sklearn.feature_extraction.text  # noqa: F401
    from sklearn.exceptions import ConvergenceWarning
    warnings.simplefilter("ignore", ConvergenceWarning)
    t1 = time.perf_counter()
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    docs = [r[1] for r in con.execute("SELECT id, lemmas FROM excerpt ORDER BY id")]
    con.close()
    t2 = time.perf_counter()
    labels, info = sklearn_cluster(method, docs, k, seed)
    t3 = time.perf_counter()
    sizes = np.bincount(labels[labels >= 0], minlength=k).tolist()
    return dict(info, excerpts=len(docs), import_s=t1 - t0, read_s=t2 - t1, seconds=t3 - t2, sizes=sizes)


def sklearn_speed(method, db, k, seed, threads):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads),
               MKL_NUM_THREADS=str(threads))
    cmd = [sys.executable, os.path.abspath(__file__), "--sklearn-speed", method, "--speed-db", db,
           "--k-speed", str(k), "--seed", str(seed)]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    s = json.loads(p.stdout)
    s["process_s"] = time.perf_counter() - t0
    return s


def verbatim_speed(binary, method, db, k, seed):
    cmd = [binary, "discover", "--db", db, "--all", "--k", str(k), "--method", method, "--seed", str(seed)]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    wall = time.perf_counter() - t0
    # "kmeans, k = 10, seed = 42: 132903 of 135316 excerpts clustered (the others have no term)"
    m = re.search(r": (\d+) of (\d+) ", out.splitlines()[0])
    sizes = [int(x) for x in re.findall(r"^class \d+: (\d+) excerpts", out, re.M)]
    return {"seconds": wall, "process_s": wall, "clustered": int(m.group(1)), "excerpts": int(m.group(2)),
            "sizes": sizes, "first_line": out.splitlines()[0]}


def median_run(fn, runs):
    results = [fn() for _ in range(runs)]
    s = dict(sorted(results, key=lambda r: r["seconds"])[len(results) // 2])
    s["runs_seconds"] = [round(r["seconds"], 3) for r in results]
    s["runs_process_s"] = [round(r["process_s"], 3) for r in results]
    return s


def speed(args):
    db = args.speed_db
    if not os.path.exists(db):
        log("making %s (verbatim bench store --answers 100000 --repeats 1)" % db)
        subprocess.run([args.verbatim, "bench", "store", "--answers", "100000", "--repeats", "1", "--db", db],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    out = {}
    for m in VERBATIM_METHODS:
        log("speed: verbatim discover --method %s (%d runs)" % (m, args.runs))
        out["verbatim-" + m] = median_run(lambda: verbatim_speed(args.verbatim, m, db, args.k_speed, 42), args.runs)
    for m in SKLEARN_METHODS:
        log("speed: sklearn %s (%d runs, %d thread(s))" % (m, args.runs, args.threads))
        out["sklearn-" + m] = median_run(lambda: sklearn_speed(m, db, args.k_speed, 42, args.threads), args.runs)
    for s in out.values():
        s["largest_class_share"] = max(s["sizes"]) / max(1, sum(s["sizes"]))
    return {"db": db, "k": args.k_speed, "seed": 42, "runs": args.runs, "sklearn_threads": args.threads,
            "methods": out}


# --------------------------------------------------------------------------------- agreement

def read_gold(path):
    """{respondent code: [themes]} from the labelled TSV (id, text, themes, intent)."""
    with open(path, encoding="utf-8", newline="") as f:
        return {r["id"]: [t for t in r["themes"].split(";") if t.strip()]
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}


def make_dev_db(binary, tsv, db):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    subprocess.run([binary, "run", tsv, "--db", db, "--id-col", "id", "--text-col", "text",
                    "--input-format", "tsv", "--quiet"], check=True, cwd=ROOT)


def read_dev(db):
    import sqlite3
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    rows = con.execute("""SELECT e.id, e.answerId, r.code, e.lemmas FROM excerpt e
        JOIN answer a ON a.id = e.answerId JOIN respondent r ON r.id = a.respondentId
        ORDER BY e.answerId, e.ordinal""").fetchall()
    con.close()
    return rows


def verbatim_members(binary, db, method, k, seed):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "members.tsv")
        subprocess.run([binary, "discover", "--db", db, "--all", "--k", str(k), "--method", method,
                        "--seed", str(seed), "--members", path], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            assert header == ["excerptId", "class"], header
            return {int(e): int(c) for e, c in (line.rstrip("\n").split("\t") for line in f if line.strip())}


def answer_class(classes):
    """An answer's class from its excerpts' classes (in excerpt order, None = not clustered): the
    most frequent one; a tie goes to the class met first. None when no excerpt was clustered."""
    counts = collections.Counter(c for c in classes if c is not None)
    if not counts:
        return None
    top = max(counts.values())
    return next(c for c in classes if c is not None and counts[c] == top)


def scores(gold, pred):
    """NMI, AMI, ARI of `pred` (None = left unclustered, counted as one more class) against `gold`."""
    from sklearn import metrics
    p = ["-" if c is None else str(c) for c in pred]
    return {"nmi": metrics.normalized_mutual_info_score(gold, p),
            "ami": metrics.adjusted_mutual_info_score(gold, p),
            "ari": metrics.adjusted_rand_score(gold, p),
            "coverage": sum(c is not None for c in pred) / len(pred),
            "classes_used": len({c for c in pred if c is not None})}


def agreement(args):
    import random
    import warnings
    from sklearn.exceptions import ConvergenceWarning
    warnings.simplefilter("ignore", ConvergenceWarning)
    binary = args.verbatim
    log("agreement: verbatim run %s → %s" % (os.path.relpath(args.dev_tsv, ROOT), args.dev_db))
    make_dev_db(binary, args.dev_tsv, args.dev_db)
    gold = read_gold(args.dev_tsv)
    rows = read_dev(args.dev_db)
    answers = collections.OrderedDict()  # answerId → (code, [excerpt ids], [lemmas])
    for eid, aid, code, lemmas in rows:
        a = answers.setdefault(aid, (code, [], []))
        a[1].append(eid)
        a[2].append(lemmas)
    missing = [a[0] for a in answers.values() if a[0] not in gold]
    assert not missing, "answers without a gold row: %s" % missing[:5]
    single = [aid for aid, a in answers.items() if len(gold[a[0]]) == 1]
    ex_items = [(eid, gold[answers[aid][0]][0]) for aid in single for eid in answers[aid][1]]
    ans_gold = [gold[answers[aid][0]][0] for aid in single]
    ex_gold = [g for _, g in ex_items]

    help_text = subprocess.run([binary, "discover", "--help"], capture_output=True, text=True).stdout
    has_members = "--members" in help_text
    if not has_members:
        log("WARNING: this verbatim discover has no --members option: Verbatim's agreement is left out")

    seeds = [int(s) for s in args.seeds.split(",")]
    per_seed = collections.defaultdict(lambda: {"excerpt": [], "answer": []})
    ex_docs = [r[3] for r in rows]  # every excerpt of the database, answer order
    ex_index = {r[0]: i for i, r in enumerate(rows)}
    ans_ids = list(answers)
    ans_docs = [" ".join(answers[aid][2]) for aid in ans_ids]
    ans_index = {aid: i for i, aid in enumerate(ans_ids)}
    for seed in seeds:
        log("agreement: seed %d" % seed)
        if has_members:
            for m in VERBATIM_METHODS:
                cls = verbatim_members(binary, args.dev_db, m, args.k_dev, seed)
                ex_pred = [cls.get(eid) for eid, _ in ex_items]
                ans_pred = [answer_class([cls.get(e) for e in answers[aid][1]]) for aid in single]
                per_seed["verbatim-" + m]["excerpt"].append(scores(ex_gold, ex_pred))
                per_seed["verbatim-" + m]["answer"].append(scores(ans_gold, ans_pred))
        for m in SKLEARN_METHODS:
            labels, _ = sklearn_cluster(m, ex_docs, args.k_dev, seed)
            ex_pred = [None if labels[ex_index[eid]] < 0 else int(labels[ex_index[eid]]) for eid, _ in ex_items]
            per_seed["sklearn-" + m]["excerpt"].append(scores(ex_gold, ex_pred))
            labels, _ = sklearn_cluster(m, ans_docs, args.k_dev, seed)
            ans_pred = [None if labels[ans_index[aid]] < 0 else int(labels[ans_index[aid]]) for aid in single]
            per_seed["sklearn-" + m]["answer"].append(scores(ans_gold, ans_pred))
        rng = random.Random(seed)
        per_seed["random"]["excerpt"].append(scores(ex_gold, [rng.randrange(args.k_dev) for _ in ex_gold]))
        per_seed["random"]["answer"].append(scores(ans_gold, [rng.randrange(args.k_dev) for _ in ans_gold]))

    def summary(runs):
        out = {}
        for key in runs[0]:
            vals = [r[key] for r in runs]
            out[key] = {"seed_%d" % seeds[0]: vals[0], "mean": statistics.mean(vals),
                        "sd": statistics.stdev(vals) if len(vals) > 1 else 0.0, "per_seed": vals}
        return out

    return {
        "dev_tsv": os.path.relpath(args.dev_tsv, ROOT), "db": args.dev_db, "k": args.k_dev, "seeds": seeds,
        "answers": len(answers), "excerpts": len(rows), "single_theme_answers": len(single),
        "single_theme_excerpts": len(ex_items), "gold_themes": len(set(ans_gold)),
        "gold_theme_counts": dict(collections.Counter(ans_gold).most_common()),
        "verbatim_members_option": has_members,
        "methods": {name: {level: summary(r) for level, r in v.items()} for name, v in per_seed.items()},
    }


# ------------------------------------------------------------------------------------ report

def report(res):
    lines = []
    sp = res.get("speed")
    if sp:
        v = sp["methods"]
        first = v["sklearn-kmeans"]
        lines += ["### Speed: %s excerpts of `verbatim bench store --answers 100000`, k = %d, seed 42" % (
            "{:,}".format(first["excerpts"]).replace(",", " "), sp["k"]), "",
            "| method | seconds | process wall s | clustered | terms | largest class | "
            "Verbatim reinert × | Verbatim kmeans × |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for name in ["verbatim-reinert", "verbatim-kmeans", "sklearn-kmeans", "sklearn-nmf"]:
            s = v[name]
            lines.append("| %s | %s | %s | %s | %s | %.1f%% | %s | %s |" % (
                LABELS[name], fmt(s["seconds"]), fmt(s["process_s"]),
                "{:,}".format(s["clustered"]).replace(",", " "), "{:,}".format(s["terms"]).replace(",", " ")
                if "terms" in s else "–", 100 * s["largest_class_share"],
                times(s["seconds"] / v["verbatim-reinert"]["seconds"]),
                times(s["seconds"] / v["verbatim-kmeans"]["seconds"])))
        lines += ["", "seconds: Verbatim = wall time of the whole `verbatim discover --db DB --all --k %d` process "
                  "(read, term table, clustering, description, output); sklearn = TfidfVectorizer.fit_transform + "
                  "fit only (reading the excerpts and importing sklearn excluded: see process wall s, which is "
                  "the fresh Python process end to end). Median of %d runs; sklearn with %d BLAS/OpenMP thread(s), "
                  "Verbatim single-threaded. Verbatim × = this row's seconds / that Verbatim method's seconds "
                  "(> 1: Verbatim is faster)." % (sp["k"], sp["runs"], sp["sklearn_threads"]), ""]
    ag = res.get("agreement")
    if ag:
        for level, what in [("excerpt", "excerpts of single-theme answers (%d)" % ag["single_theme_excerpts"]),
                            ("answer", "single-theme answers (%d)" % ag["single_theme_answers"])]:
            lines += ["### Agreement with the gold theme, %s level: %s, k = %d, seeds %s" % (
                level, what, ag["k"], ",".join(map(str, ag["seeds"]))), "",
                "| method | NMI (seed %d) | ARI (seed %d) | NMI mean ± sd | AMI mean ± sd | ARI mean ± sd | "
                "coverage | classes used |" % (ag["seeds"][0], ag["seeds"][0]),
                "|---|---:|---:|---:|---:|---:|---:|---:|"]
            for name in ["verbatim-reinert", "verbatim-kmeans", "sklearn-kmeans", "sklearn-nmf", "random"]:
                if name not in ag["methods"]:
                    lines.append("| %s | – | – | – | – | – | – | – |" % LABELS[name])
                    continue
                s = ag["methods"][name][level]
                s0 = "seed_%d" % ag["seeds"][0]
                lines.append("| %s | %.3f | %.3f | %.3f ± %.3f | %.3f ± %.3f | %.3f ± %.3f | %.1f%% | %.1f |" % (
                    LABELS[name], s["nmi"][s0], s["ari"][s0], s["nmi"]["mean"], s["nmi"]["sd"],
                    s["ami"]["mean"], s["ami"]["sd"], s["ari"]["mean"], s["ari"]["sd"],
                    100 * s["coverage"]["mean"], s["classes_used"]["mean"]))
            lines.append("")
        lines += ["Every method clusters the whole dev database (%d answers, %d excerpts, k = %d); only the "
                  "answers with exactly one gold theme (%d, %d themes) are scored. Items a method leaves "
                  "unclustered (no term) count as one extra class. Verbatim's answer class = the most frequent "
                  "class of its excerpts (tie: the first excerpt's); sklearn clusters answers directly (their "
                  "excerpts' lemmas joined) at answer level and excerpts at excerpt level." % (
                      ag["answers"], ag["excerpts"], ag["k"], ag["single_theme_answers"], ag["gold_themes"]), ""]
        if not ag["verbatim_members_option"]:
            lines += ["**Verbatim left out:** this binary's `discover` has no `--members FILE` option "
                      "(excerptId<TAB>class per clustered excerpt), so excerpt memberships cannot be read "
                      "from its output (it prints 5 representatives per class only).", ""]
    m = res["machine"]
    lines.append("%s — `%s` — nproc %s — Verbatim %s (%s) — scikit-learn %s, numpy %s, scipy %s, Python %s — run "
                 "%.0f s; other processes used %s cores on average meanwhile." % (
                     res["date"], m["uname"], m["nproc"], res["versions"].get("verbatim"),
                     res.get("verbatim_commit"), res["versions"]["scikit-learn"], res["versions"]["numpy"],
                     res["versions"]["scipy"], res["versions"]["python"], m["run_seconds"],
                     fmt(m.get("other_processes_cores"))))
    if (m.get("other_processes_cores") or 0) > 0.3:
        lines += ["", "**Warning:** other processes kept the machine busy during the run: speeds are noisy."]
    return "\n".join(lines)


# -------------------------------------------------------------------------------------- main

def versions():
    from importlib import metadata
    v = {}
    for pkg in ["scikit-learn", "numpy", "scipy", "threadpoolctl", "joblib"]:
        try:
            v[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            v[pkg] = None
    v["python"] = platform.python_version()
    return v


def parser():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verbatim", default=os.path.join(ROOT, ".build", "release", "verbatim"))
    ap.add_argument("--speed-db", default=SPEED_DB, help="the 100k-answer database (made when missing)")
    ap.add_argument("--dev-tsv", default=DEV_TSV)
    ap.add_argument("--dev-db", default=DEV_DB, help="rebuilt from --dev-tsv on every run")
    ap.add_argument("--out", default=os.path.join(HERE, "results-discovery.json"))
    ap.add_argument("--runs", type=int, default=3, help="timed runs per method (median kept)")
    ap.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads for sklearn's speed runs")
    ap.add_argument("--k-speed", type=int, default=10)
    ap.add_argument("--k-dev", type=int, default=16)
    ap.add_argument("--seeds", default="42,43,44,45,46", help="seeds for the agreement runs (first = reported)")
    ap.add_argument("--seed", type=int, default=42, help=argparse.SUPPRESS)
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-agreement", action="store_true")
    ap.add_argument("--sklearn-speed", choices=SKLEARN_METHODS, help=argparse.SUPPRESS)
    return ap


def run(args):
    """Every figure of one run (speed and/or agreement), as a dict; run.sh's run_all.py calls this too."""
    wall0, busy0, own0 = time.perf_counter(), busy_cpu_seconds(), own_cpu_seconds()
    v = versions()
    v["verbatim"] = subprocess.run([args.verbatim, "--version"], capture_output=True, text=True).stdout.strip()
    res = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"uname": subprocess.run(["uname", "-a"], capture_output=True, text=True).stdout.strip(),
                    "nproc": len(os.sched_getaffinity(0)),
                    "loadavg_start": [round(x, 2) for x in os.getloadavg()]},
        "versions": v,
        "method": {
            "term_filter": "lemmas split on spaces; kept: >= 3 characters, not numeric, not in the folded "
                           "lexicons/fr/stopwords.txt (NFD, combining marks dropped, lowercase, oe/ae) nor in "
                           "DiscoverJob.ignoredLemmas (read from %s), in >= 3 documents (min_df=3)" % IGNORE_ORIGIN,
            "sklearn": "TfidfVectorizer(analyzer=<term filter>, min_df=3) (default idf smoothing, l2 norm, raw "
                       "counts); documents with no term are left out; KMeans(n_clusters=k, n_init='auto', "
                       "random_state=seed) or NMF(n_components=k, random_state=seed) with class = argmax of W",
            "verbatim": "verbatim discover --db DB --all --k K --method reinert|kmeans --seed S "
                        "[--members FILE for the memberships]; binary term table, terms in >= 3 excerpts",
            "speed": "fresh process per run; Verbatim: whole-process wall time; sklearn: vectorize + fit "
                     "(read and import apart); median of runs",
            "agreement": "sklearn.metrics NMI (arithmetic), AMI, ARI against the single gold theme; "
                         "unclustered items = one extra class",
        },
    }
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "Sources"], capture_output=True, text=True,
                               cwd=ROOT).stdout.strip()
        res["verbatim_commit"] = (out.stdout.strip() + ("+uncommitted Sources" if dirty else "")) or None
    except OSError:
        res["verbatim_commit"] = None

    if not args.skip_speed:
        res["speed"] = speed(args)
    if not args.skip_agreement:
        res["agreement"] = agreement(args)

    res["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    wall, busy1 = time.perf_counter() - wall0, busy_cpu_seconds()
    res["machine"]["run_seconds"] = round(wall, 1)
    if busy0 is not None and busy1 is not None:
        other = max(0.0, (busy1 - busy0) - (own_cpu_seconds() - own0))
        res["machine"]["other_processes_cores"] = round(other / wall, 2)
    return res


def main():
    args = parser().parse_args()
    if args.sklearn_speed:
        print(json.dumps(sklearn_speed_only(args.sklearn_speed, args.speed_db, args.k_speed, args.seed)))
        return
    if not os.access(args.verbatim, os.X_OK):
        sys.exit("no Verbatim binary at %s: build it with `make release` (this script never builds)" % args.verbatim)
    res = run(args)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(res, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(report(res))
    log("results written to %s" % os.path.relpath(args.out, os.getcwd()))


if __name__ == "__main__":
    main()
