#!/usr/bin/env python3
"""Verbatim beside its peers (simplemma, spaCy fr_core_news_sm / _md): lemma accuracy on the
UD French dev files and speed on the same 1M-word text, in one run.

    Benchmarks/peers/run-peers.sh            # sets up the venv, then runs this file
    python peers.py --ud DIR --corpus FILE --verbatim BIN --out results-latest.json

Accuracy uses gold tokenization and exactly the scorer of lexicons/tools/score.py (imported):
lowercased lemma match on (a) all words but PUNCT/SYM/NUM, (b) (a) without PRON,
(c) NOUN/VERB/ADJ/ADV, (d) VERB, per file and macro average, on the original forms and on
forms with every accent stripped (score.strip_accents). Verbatim is scored by its own
`verbatim bench lemmas`, which applies the same rules.

Speed: tokens/s on the 1M-word text, each peer counting its own tokens, model load measured
apart (import + load). Each peer runs in a fresh process (`peers.py --speed-only PEER`) with
one BLAS/OpenMP thread, one after the other.
"""
import argparse
import datetime
import resource
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "lexicons", "tools"))
import score  # noqa: E402  (the project's scorer: DEV, read_conllu, strip_accents, score_file)

PEERS = ["simplemma", "spacy-sm", "spacy-md"]
SPACY_MODELS = {"spacy-sm": "fr_core_news_sm", "spacy-md": "fr_core_news_md"}
# The lemmatizer needs tok2vec + morphologizer (POS) + attribute_ruler; the rest is not loaded.
SPACY_EXCLUDE = ["parser", "ner", "senter"]
CATS = ["a", "b", "c", "d", "u"]


# ---------------------------------------------------------------------------------- accuracy

def read_words_and_spaces(path):
    """Per sentence: the gold words (same rows as score.read_conllu) and their SpaceAfter flags."""
    sent, spaces, range_end, range_nospace = [], [], 0, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent, spaces
                sent, spaces = [], []
                continue
            if line.startswith("#"):
                continue
            c = line.split("\t")
            if "-" in c[0]:  # multiword token "3-4": its SpaceAfter belongs to its last word
                range_end, range_nospace = int(c[0].split("-")[1]), "SpaceAfter=No" in c[9]
            elif c[0].isdigit():
                nospace = "SpaceAfter=No" in c[9] or (int(c[0]) == range_end and range_nospace)
                sent.append(c[1])
                spaces.append(not nospace)
    if sent:
        yield sent, spaces


class Replay:
    """Plays the role of score.py's lemmatizer: tag_sentence(forms) returns the next
    precomputed [(lemma, upos, source)], so score.score_file does all the scoring."""

    def __init__(self, results):
        self.results = iter(results)

    def tag_sentence(self, forms):
        words, out = next(self.results)
        assert words == forms, (words, forms)
        return out


class Simplemma:
    def __init__(self):
        import simplemma
        self.lemmatize = simplemma.lemmatize

    def tag_sentence(self, forms):
        return [(self.lemmatize(f, lang="fr"), None, "simplemma") for f in forms]


def spacy_predictions(nlp, path, stripped):
    """Runs the pipeline on Docs built from the gold words (gold tokenization), in batches."""
    from spacy.tokens import Doc

    def docs():
        for words, spaces in read_words_and_spaces(path):
            if stripped:
                words = [score.strip_accents(w) for w in words]
            yield Doc(nlp.vocab, words=words, spaces=spaces)

    for doc in nlp.pipe(docs(), batch_size=256):
        yield [t.text for t in doc], [(t.lemma_, t.pos_, "spacy") for t in doc]


def score_peer(peer, ud, nlp=None):
    """{"original"|"stripped": {"files": {name: {a,b,c,d,upos,words}}, "macro": {...}}}"""
    out = {}
    for stripped in (False, True):
        files = {}
        for name in score.DEV:
            path = os.path.join(ud, name + ".conllu")
            if peer == "simplemma":
                lem = Simplemma()
            else:
                lem = Replay(spacy_predictions(nlp, path, stripped))
            r, ntok, dt = score.score_file(lem, path, stripped, "hmm")
            files[name] = {"a": r["a"], "b": r["b"], "c": r["c"], "d": r["d"],
                           "upos": None if peer == "simplemma" else r["u"], "words": ntok,
                           "seconds": round(dt, 3)}
        out["stripped" if stripped else "original"] = {"files": files, "macro": macro(files)}
    return out


def macro(files):
    m = {}
    for k in ["a", "b", "c", "d", "upos"]:
        vals = [f[k] for f in files.values()]
        m[k] = None if None in vals else sum(vals) / len(vals)
    m["words"] = sum(f["words"] for f in files.values())
    return m


def verbatim_accuracy(binary, ud):
    out = {}
    paths = [os.path.join(ud, name + ".conllu") for name in score.DEV]
    for stripped in (False, True):
        cmd = [binary, "bench", "lemmas", *paths, "--format", "json"]
        if stripped:
            cmd.append("--strip-accents")
        j = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout)
        assert j["strippedAccents"] == stripped
        files = {f["file"]: {k: f[k] for k in ["a", "b", "c", "d", "upos", "words"]} for f in j["files"]}
        assert list(files) == score.DEV, list(files)
        out["stripped" if stripped else "original"] = {
            "files": files, "macro": {k: j["macro"][k] for k in ["a", "b", "c", "d", "upos", "words"]},
            "lexicon_load_s": j.get("lexiconLoadSeconds"),
            "lemmatizer_tokens_per_s": j.get("tokensPerSecond")}
    return out


# ------------------------------------------------------------------------------------- speed

def corpus_lines(path, max_words):
    """The text's lines, or its first lines holding at least max_words words (0 = all)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    total_words = sum(len(line.split()) for line in lines)
    if max_words:
        taken, words = [], 0
        for line in lines:
            if words >= max_words:
                break
            taken.append(line)
            words += len(line.split())
        lines = taken
    return lines, total_words


def speed_only(peer, corpus, max_words):
    """Runs in a fresh process: times import + model load, then lemmatizing the text."""
    lines, total_words = corpus_lines(corpus, max_words)
    words = sum(len(line.split()) for line in lines)
    t0 = time.perf_counter()
    if peer == "simplemma":
        import simplemma
        simplemma.lemmatize("maisons", lang="fr")  # loads the French dictionary
        load = time.perf_counter() - t0
        tokenize, lemmatize = simplemma.simple_tokenizer, simplemma.lemmatize
        t1 = time.perf_counter()
        ntok = 0
        for line in lines:
            for tok in tokenize(line):
                lemmatize(tok, lang="fr")
                ntok += 1
    else:
        import spacy
        nlp = spacy.load(SPACY_MODELS[peer], exclude=SPACY_EXCLUDE)
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        ntok = 0
        for doc in nlp.pipe(lines, batch_size=256):
            ntok += len(doc)
            for t in doc:
                t.lemma_
    seconds = time.perf_counter() - t1
    return {"tokens": ntok, "words": words, "lines": len(lines), "seconds": seconds,
            "load_s": load, "corpus_words": total_words, "whole_text": words >= total_words}


def with_totals(s):
    """Adds tokens/s without and with load; a prefix measure is extrapolated to the whole text."""
    scale = s["corpus_words"] / s["words"]
    s["tokens_per_s"] = s["tokens"] / s["seconds"]
    s["whole_text_tokens"] = round(s["tokens"] * scale)
    s["whole_text_seconds"] = s["seconds"] * scale
    s["whole_text_seconds_with_load"] = s["whole_text_seconds"] + s["load_s"]
    s["tokens_per_s_with_load"] = s["whole_text_tokens"] / s["whole_text_seconds_with_load"]
    s["measured_on"] = ("whole text" if s["whole_text"] else
                        "first %d words (%d lines), extrapolated" % (s["words"], s["lines"]))
    return s


def peer_speed(peer, corpus, max_words):
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, os.path.abspath(__file__), "--speed-only", peer, "--corpus", corpus,
           "--max-words", str(max_words)]
    p = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    return with_totals(json.loads(p.stdout))


def verbatim_speed(binary, corpus, runs=3):
    """`verbatim analyze --format summary` (lemmas on), median of `runs` runs by time."""
    results = []
    for _ in range(runs):
        out = subprocess.run([binary, "analyze", "--input", corpus, "--format", "summary"],
                             check=True, capture_output=True, text=True, cwd=ROOT).stdout
        kv = {}
        for line in out.splitlines():
            key, _, rest = line.partition(" ")
            kv[key] = rest.split()
        # "tokens 1241239 (1034043 words)", "time 1.419 s", "lexicon 90.5 ms load"
        results.append({"tokens": int(kv["tokens"][0]), "seconds": float(kv["time"][0]),
                        "load_s": float(kv["lexicon"][0]) / 1000.0, "summary": out})
        assert kv["time"][1] == "s" and kv["lexicon"][1] == "ms", out
    s = sorted(results, key=lambda r: r["seconds"])[len(results) // 2]
    s["runs_seconds"] = [r["seconds"] for r in results]
    with open(corpus, encoding="utf-8") as f:
        s["words"] = s["corpus_words"] = sum(len(line.split()) for line in f)
    s["lines"], s["whole_text"] = None, True
    return with_totals(s)


# ------------------------------------------------------------------------------------ report

def fmt(x, nd=2):
    return "–" if x is None else "%.*f" % (nd, x)


def fmt_int(x):
    return "–" if x is None else "{:,}".format(round(x)).replace(",", " ")


def times(x):
    return "%.0f×" % x if x >= 10 else "%.1f×" % x


def ratio(v, p, key):
    return "–" if not v or not p else times(v[key] / p[key])


def report(res):
    names = [n for n in ["verbatim"] + PEERS if n in res["peers"]]
    vs = res["peers"].get("verbatim", {}).get("speed")
    lines = []
    lines.append("## Lemma accuracy (macro over the 4 UD dev files, gold tokens) and speed on fr-1M.txt")
    lines.append("")
    lines.append("| peer | (a) | (b) | (c) | (d) | macro (a–d) | stripped (c) | tokens/s | tokens/s with load "
                 "| load s | Verbatim × (with load) | Verbatim × (no load) |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in names:
        acc, sp = res["peers"][n]["accuracy"], res["peers"][n]["speed"]
        m, ms = acc["original"]["macro"], acc["stripped"]["macro"]
        mean = sum(m[k] for k in "abcd") / 4
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            res["peers"][n]["label"], fmt(m["a"]), fmt(m["b"]), fmt(m["c"]), fmt(m["d"]), fmt(mean),
            fmt(ms["c"]), fmt_int(sp["tokens_per_s"]), fmt_int(sp["tokens_per_s_with_load"]),
            fmt(sp["load_s"]), "–" if n == "verbatim" else ratio(vs, sp, "tokens_per_s_with_load"),
            "–" if n == "verbatim" else ratio(vs, sp, "tokens_per_s")))
    lines.append("")
    lines.append("(a) all words but PUNCT/SYM/NUM, (b) (a) without PRON, (c) NOUN/VERB/ADJ/ADV, (d) VERB; "
                 "lowercased lemma match (lexicons/tools/score.py). macro (a–d) = mean of the four. "
                 "stripped = every accent removed from the forms.")
    lines.append("")

    lines.append("### Accent-stripped forms (macro)")
    lines.append("")
    lines.append("| peer | (a) | (b) | (c) | (d) | (c) vs original |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for n in names:
        acc = res["peers"][n]["accuracy"]
        m, ms = acc["original"]["macro"], acc["stripped"]["macro"]
        lines.append("| %s | %s | %s | %s | %s | %s |" % (res["peers"][n]["label"], fmt(ms["a"]), fmt(ms["b"]),
                                                       fmt(ms["c"]), fmt(ms["d"]), "%+.2f" % (ms["c"] - m["c"])))
    lines.append("")

    lines.append("### Per file (original | accent-stripped)")
    lines.append("")
    lines.append("| peer | file | (a) | (b) | (c) | (d) | upos | strip (a) | strip (b) | strip (c) | strip (d) |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in names:
        acc = res["peers"][n]["accuracy"]
        for f in score.DEV + ["MACRO"]:
            o = acc["original"]["macro"] if f == "MACRO" else acc["original"]["files"][f]
            s = acc["stripped"]["macro"] if f == "MACRO" else acc["stripped"]["files"][f]
            lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                res["peers"][n]["label"], f.replace("-ud-dev", ""), fmt(o["a"]), fmt(o["b"]), fmt(o["c"]),
                fmt(o["d"]), fmt(o["upos"]), fmt(s["a"]), fmt(s["b"]), fmt(s["c"]), fmt(s["d"])))
    lines.append("")

    lines.append("### Speed details (%s)" % os.path.basename(res["inputs"]["corpus"]))
    lines.append("")
    lines.append("| peer | measured on | tokens counted | time s | load s | whole text s (with load) | tokens/s "
                 "| Verbatim × (same text, with load) |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|")
    for n in names:
        sp = res["peers"][n]["speed"]
        same_text = "–"
        if vs and n != "verbatim":
            same_text = times(sp["whole_text_seconds_with_load"] / vs["whole_text_seconds_with_load"])
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            res["peers"][n]["label"], sp["measured_on"], fmt_int(sp["tokens"]), fmt(sp["seconds"]),
            fmt(sp["load_s"]), fmt(sp["whole_text_seconds_with_load"], 1), fmt_int(sp["tokens_per_s"]),
            same_text))
    lines.append("")
    lines.append("Each peer counts its own tokens (punctuation included): Verbatim its tokenizer, spaCy its "
                 "tokenizer, simplemma `simple_tokenizer`. Load = lexicon load for Verbatim, "
                 "import + model load for the Python peers. One process at a time, one thread each. "
                 "simplemma caches lemmas (LRU, 65,536 entries): the text repeats the UD sentences, "
                 "so most of its lookups are cache hits.")
    m = res["machine"]
    lines.append("")
    other = m.get("other_processes_cores")
    lines.append("%s — `%s` — nproc %s — run %.0f s; other processes used %s cores on average meanwhile." % (
        res["date"], m["uname"], m["nproc"], m["run_seconds"], fmt(other)))
    if other is not None and other > 0.25:
        lines.append("")
        lines.append("**Warning:** other processes kept the machine busy during the run: speeds are noisy.")
    return "\n".join(lines)


# -------------------------------------------------------------------------------------- main

def busy_cpu_seconds():
    """CPU seconds spent by the whole machine (all processes) since boot, from /proc/stat."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
    except OSError:
        return None
    idle = v[3] + v[4]  # idle + iowait
    return (sum(v[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds():
    r, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime + c.ru_utime + c.ru_stime


def versions():
    from importlib import metadata
    v = {}
    for pkg in ["spacy", "thinc", "numpy", "simplemma", "fr-core-news-sm", "fr-core-news-md"]:
        try:
            v[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            v[pkg] = None
    v["python"] = platform.python_version()
    return v


def parser():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ud", default=os.path.join(ROOT, "..", "shared", "ud"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "Benchmarks", "corpus", "fr-1M.txt"))
    ap.add_argument("--verbatim", default=os.path.join(ROOT, ".build", "release", "verbatim"))
    ap.add_argument("--out", default=os.path.join(HERE, "results-latest.json"))
    ap.add_argument("--sm-words", type=int, default=0,
                    help="speed of spaCy sm on the first N words of the text (0 = whole text; default)")
    ap.add_argument("--md-words", type=int, default=0,
                    help="speed of spaCy md on the first N words, extrapolated (0 = whole text; default)")
    ap.add_argument("--peers", default=",".join(PEERS), help="comma-separated subset of " + ",".join(PEERS))
    ap.add_argument("--speed-only", choices=PEERS, help=argparse.SUPPRESS)
    ap.add_argument("--max-words", type=int, default=0, help=argparse.SUPPRESS)
    return ap


def log(msg):
    print("[peers] " + msg, file=sys.stderr, flush=True)


def run(args):
    """Every figure of one run (accuracy and speed of Verbatim and of the --peers), as a dict;
    run.sh's run_all.py calls this too."""
    v = versions()
    wall0, busy0, own0 = time.perf_counter(), busy_cpu_seconds(), own_cpu_seconds()
    res = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"uname": subprocess.run(["uname", "-a"], capture_output=True, text=True).stdout.strip(),
                    "nproc": len(os.sched_getaffinity(0)),
                    "loadavg_start": [round(x, 2) for x in os.getloadavg()]},
        "versions": v,
        "inputs": {"ud_dev": [n + ".conllu" for n in score.DEV], "corpus": os.path.relpath(args.corpus, ROOT)},
        "method": {
            "accuracy": "gold tokenization; lexicons/tools/score.py rules (lowercased lemma match; "
                        "(a) all but PUNCT/SYM/NUM, (b) (a) minus PRON, (c) NOUN/VERB/ADJ/ADV, (d) VERB); "
                        "stripped = score.strip_accents on every form; macro = mean over the 4 files",
            "spacy": "spacy.load(model, exclude=%s); accuracy: Doc(vocab, words=gold, spaces=gold SpaceAfter) "
                     "through nlp.pipe; speed: nlp.pipe(lines, batch_size=256), tokens = len(doc)" % SPACY_EXCLUDE,
            "simplemma": "accuracy: simplemma.lemmatize(word, lang='fr') per gold word; speed: "
                         "simple_tokenizer(line) then lemmatize each token",
            "verbatim": "accuracy: verbatim bench lemmas --format json [--strip-accents]; speed: verbatim analyze "
                        "--input TEXT --format summary (lemmas on), median of 3 runs",
            "speed": "fresh process per peer, OMP/OPENBLAS/MKL_NUM_THREADS=1; load = import + model load "
                     "(Verbatim: lexicon load); tokens/s with load = whole-text tokens / (load + whole-text time)",
        },
        "peers": {},
    }
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
        res["verbatim_commit"] = out.stdout.strip() or None
    except OSError:
        res["verbatim_commit"] = None

    if os.access(args.verbatim, os.X_OK):
        log("verbatim: accuracy")
        acc = verbatim_accuracy(args.verbatim, args.ud)
        log("verbatim: speed (3 runs)")
        sp = verbatim_speed(args.verbatim, args.corpus)
        ver = subprocess.run([args.verbatim, "--version"], capture_output=True, text=True).stdout.strip()
        res["versions"]["verbatim"] = ver
        res["peers"]["verbatim"] = {"label": "Verbatim %s" % ver, "accuracy": acc, "speed": sp}
    else:
        log("WARNING: no Verbatim binary at %s (build it with `make release`): Verbatim left out" % args.verbatim)

    labels = {"simplemma": "simplemma %s" % v["simplemma"],
              "spacy-sm": "spaCy %s fr_core_news_sm %s" % (v["spacy"], v["fr-core-news-sm"]),
              "spacy-md": "spaCy %s fr_core_news_md %s" % (v["spacy"], v["fr-core-news-md"])}
    for peer in args.peers.split(","):
        log("%s: accuracy" % peer)
        nlp = None
        if peer in SPACY_MODELS:
            import spacy
            nlp = spacy.load(SPACY_MODELS[peer], exclude=SPACY_EXCLUDE)
        acc = score_peer(peer, args.ud, nlp)
        del nlp
        max_words = {"spacy-sm": args.sm_words, "spacy-md": args.md_words}.get(peer, 0)
        log("%s: speed (%s)" % (peer, "first %d words" % max_words if max_words else "whole text"))
        sp = peer_speed(peer, args.corpus, max_words)
        res["peers"][peer] = {"label": labels[peer], "accuracy": acc, "speed": sp}

    res["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    wall, busy1 = time.perf_counter() - wall0, busy_cpu_seconds()
    res["machine"]["run_seconds"] = round(wall, 1)
    if busy0 is not None and busy1 is not None:
        # CPU time used by everything but this run, in cores: ~0 on a quiet machine.
        other = max(0.0, (busy1 - busy0) - (own_cpu_seconds() - own0))
        res["machine"]["other_processes_cores"] = round(other / wall, 2)
    return res


def main():
    args = parser().parse_args()
    if args.speed_only:
        print(json.dumps(speed_only(args.speed_only, args.corpus, args.max_words)))
        return
    res = run(args)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(res, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(report(res))
    log("results written to %s" % os.path.relpath(args.out, os.getcwd()))


if __name__ == "__main__":
    main()
