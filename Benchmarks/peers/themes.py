#!/usr/bin/env python3
"""Theme tagging and intent: `verbatim bench themes` beside a supervised scikit-learn baseline,
on the labelled dev set Benchmarks/data/themes-dev.tsv (id, text, themes joined by ';', intent).

    Benchmarks/peers/run.sh                    # runs this with the other peer comparisons
    python themes.py --verbatim BIN [--gold FILE] [--train FILE | --no-train] [--folds 5] [--seed 42]
                     [--out FILE]

Verbatim: `verbatim bench themes --gold FILE --format json` (its taxonomy, intent rules and the
model learned from Benchmarks/data/themes-train.tsv; the dev set is only scored, never learned
from). Its per-theme tp/fp/fn are summed again here for micro P/R/F1, so the figures are not
rounded twice.

Baseline: TF-IDF (word 1–2-grams + char_wb 2–5-grams, accents stripped, sublinear tf) then one
LinearSVC per theme (one-vs-rest, class_weight='balanced'), and the same features + a multiclass
LinearSVC for intent. Scored by k-fold cross-validation ON the dev set (KFold, shuffled, fixed
random_state): each answer is predicted by the model trained on the other folds (vectorizer
included), then all answers are scored together exactly as Verbatim's scorer does
(ThemeBench.score: per theme, answer-level TP/FP/FN; micro = sums over themes; macro = mean F1
over themes with gold support). The baseline thus learns from 80 % of the very answers it is
scored on; Verbatim does not learn from them at all.

Train baseline (`sklearn_train`, skipped with --no-train or when the file is missing): the same
two pipelines fitted once on ALL the answers of a separate labelled file (--train, by default
Benchmarks/data/themes-train.tsv, the file Verbatim's model learns from; same format as the gold),
then used to predict the gold answers, scored the same way. This is the like-for-like comparison
with Verbatim's learned model: both learn from the training file only.
"""
import argparse
import collections
import csv
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEV_TSV = os.path.join(ROOT, "Benchmarks", "data", "themes-dev.tsv")
TRAIN_TSV = os.path.join(ROOT, "Benchmarks", "data", "themes-train.tsv")
CLASSIFIER_NAMES = {"svc": "LinearSVC", "logreg": "LogisticRegression"}
CLASSIFIERS = list(CLASSIFIER_NAMES)


def log(msg):
    print("[themes] " + msg, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------------- scoring

def read_gold(path):
    """[(id, text, [themes], intent)] in file order (TSV, no quoting, header id text themes intent)."""
    with open(path, encoding="utf-8", newline="") as f:
        return [(r["id"], r["text"], sorted(t for t in r["themes"].split(";") if t.strip()), r.get("intent") or "")
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold, predicted):
    """Verbatim's ThemeBench.score in Python: gold and predicted are lists of theme sets, one per
    answer. Per theme TP/FP/FN over answers; micro from their sums; macro = mean F1 of the themes
    that occur in the gold labels."""
    per = collections.defaultdict(lambda: [0, 0, 0])
    for g, p in zip(gold, predicted):
        for t in set(g) | set(p):
            per[t][0 if t in g and t in p else 1 if t in p else 2] += 1
    tp, fp, fn = (sum(v[i] for v in per.values()) for i in range(3))
    mp, mr, mf = prf(tp, fp, fn)
    supported = [prf(*v)[2] for v in per.values() if v[0] + v[2] > 0]
    return {"micro_f1": mf, "micro_precision": mp, "micro_recall": mr,
            "macro_f1": statistics.mean(supported) if supported else 0.0, "tp": tp, "fp": fp, "fn": fn,
            "per_theme": {t: dict(zip(["tp", "fp", "fn"], v), f1=prf(*v)[2]) for t, v in sorted(per.items())}}


# ---------------------------------------------------------------------------------- Verbatim

def verbatim_themes(binary, gold_path):
    """`verbatim bench themes --format json`; micro P/R/F1 recomputed from its per-theme counts."""
    cmd = [binary, "bench", "themes", "--gold", gold_path, "--format", "json"]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    wall = time.perf_counter() - t0
    j = json.loads(out)
    tp, fp, fn = (sum(t[k] for t in j["themes"]) for k in ("tp", "fp", "fn"))
    mp, mr, mf = prf(tp, fp, fn)
    assert abs(mf - j["microF1"]) < 0.0015, (mf, j["microF1"])  # JSON rounds to 3 decimals
    return {"command": " ".join(["verbatim"] + cmd[1:]), "answers": j["answers"],
            "micro_f1": mf, "micro_precision": mp, "micro_recall": mr, "macro_f1": j["macroF1"],
            "intent_accuracy": j["intentAccuracy"], "tp": tp, "fp": fp, "fn": fn,
            # analyze + tag, warm, 1 thread (the bench repeats the answers to ≥ 50,000)
            "answers_per_s": j["answersPerSecond"], "tagging_answers_per_s": j["taggingAnswersPerSecond"],
            "process_wall_s": wall, "json": j}


# ---------------------------------------------------------------------------------- baseline

def features():
    """Word 1–2-grams and character 2–5-grams within word boundaries, accents stripped (many
    answers are typed without them), sublinear tf; fitted on the training folds only."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion
    return FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), strip_accents="unicode", sublinear_tf=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), strip_accents="unicode",
                                 sublinear_tf=True, min_df=2)),
    ])


def classifier(kind, seed):
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC
    if kind == "svc":
        return LinearSVC(C=1.0, class_weight="balanced", random_state=seed, max_iter=10000)
    return LogisticRegression(C=1.0, class_weight="balanced", random_state=seed, max_iter=2000)


def describe(kind):
    clf = ("LinearSVC(C=1, class_weight='balanced')" if kind == "svc"
           else "LogisticRegression(C=1, class_weight='balanced')")
    return ("FeatureUnion(TfidfVectorizer(word, 1-2-grams, strip_accents='unicode', sublinear_tf), "
            "TfidfVectorizer(char_wb, 2-5-grams, min_df=2, strip_accents='unicode', sublinear_tf)); themes: "
            "OneVsRestClassifier(%s) on the theme indicator matrix (MultiLabelBinarizer); intent: %s "
            "(multiclass, one-vs-rest)" % (clf, clf))


def scored(gold_themes, predicted, gold_intent, pred_intent):
    """The theme scores of `predicted` (lists of theme ids) and the intent accuracy against the
    majority class, as both baselines report them."""
    s = score(gold_themes, predicted)
    labelled = [(g, p) for g, p in zip(gold_intent, pred_intent) if g]
    majority = collections.Counter(g for g, _ in labelled).most_common(1)[0]
    s.update({
        "intent_accuracy": sum(g == p for g, p in labelled) / len(labelled),
        "intent_majority_class": majority[0], "intent_majority_accuracy": majority[1] / len(labelled),
        "answers": len(gold_themes), "answers_without_prediction": sum(not p for p in predicted),
    })
    return s


def baseline_cv(rows, folds, seed, kind):
    """k-fold CV on `rows`: for each fold, fit themes and intent pipelines on the other folds and
    predict it. Returns the scores of the pooled out-of-fold predictions and the timings."""
    import warnings
    import numpy as np
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.model_selection import KFold
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import MultiLabelBinarizer
    warnings.simplefilter("ignore", ConvergenceWarning)
    warnings.filterwarnings("ignore", message="Label not present in all training examples")

    texts = [r[1] for r in rows]
    gold_themes = [r[2] for r in rows]
    gold_intent = [r[3] for r in rows]
    mlb = MultiLabelBinarizer(classes=sorted({t for g in gold_themes for t in g}))
    y = mlb.fit_transform(gold_themes)
    pred_y = np.zeros_like(y)
    pred_intent = [None] * len(rows)
    fit_s = predict_s = 0.0
    models = []
    t0 = time.perf_counter()
    for train, test in KFold(n_splits=folds, shuffle=True, random_state=seed).split(texts):
        x_train, x_test = [texts[i] for i in train], [texts[i] for i in test]
        t1 = time.perf_counter()
        themes_model = Pipeline([("tfidf", features()), ("clf", OneVsRestClassifier(classifier(kind, seed)))])
        themes_model.fit(x_train, y[train])
        intent_model = Pipeline([("tfidf", features()), ("clf", classifier(kind, seed))])
        intent_model.fit(x_train, [gold_intent[i] for i in train])
        t2 = time.perf_counter()
        pred_y[test] = themes_model.predict(x_test)
        for i, p in zip(test, intent_model.predict(x_test)):
            pred_intent[i] = p
        t3 = time.perf_counter()
        fit_s, predict_s = fit_s + t2 - t1, predict_s + t3 - t2
        models.append((themes_model, intent_model, x_test))
    cv_s = time.perf_counter() - t0

    # Prediction speed, warm: every held-out fold through its two models again (vectorize + predict,
    # themes and intent, like Verbatim's analyze + tag), best of 3 passes over the 409 answers.
    passes = []
    for _ in range(3):
        t = time.perf_counter()
        for themes_model, intent_model, x_test in models:
            themes_model.predict(x_test)
            intent_model.predict(x_test)
        passes.append(time.perf_counter() - t)

    s = scored(gold_themes, [list(mlb.classes_[np.flatnonzero(row)]) for row in pred_y], gold_intent, pred_intent)
    s.update({
        "cv_seconds": cv_s, "fit_seconds": fit_s, "predict_seconds": predict_s,
        "answers_per_s": len(rows) / min(passes), "predict_passes_s": [round(p, 4) for p in passes],
    })
    return s


def baseline_train(train_rows, gold_rows, kind, seed=42):
    """Fit the themes and intent pipelines of baseline_cv once on ALL of `train_rows`, predict
    `gold_rows`, and score them like baseline_cv (same keys). The theme indicator matrix covers the
    theme ids of both files, so a gold theme the training file lacks is simply never predicted."""
    import warnings
    import numpy as np
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import MultiLabelBinarizer
    warnings.simplefilter("ignore", ConvergenceWarning)
    warnings.filterwarnings("ignore", message="Label not present in all training examples")

    x_train = [r[1] for r in train_rows]
    texts = [r[1] for r in gold_rows]
    gold_themes = [r[2] for r in gold_rows]
    gold_intent = [r[3] for r in gold_rows]
    mlb = MultiLabelBinarizer(classes=sorted({t for r in list(train_rows) + list(gold_rows) for t in r[2]}))
    y_train = mlb.fit_transform([r[2] for r in train_rows])

    t1 = time.perf_counter()
    themes_model = Pipeline([("tfidf", features()), ("clf", OneVsRestClassifier(classifier(kind, seed)))])
    themes_model.fit(x_train, y_train)
    intent_model = Pipeline([("tfidf", features()), ("clf", classifier(kind, seed))])
    intent_model.fit(x_train, [r[3] for r in train_rows])
    t2 = time.perf_counter()
    pred_y = themes_model.predict(texts)
    pred_intent = list(intent_model.predict(texts))
    t3 = time.perf_counter()

    # Prediction speed, warm: the gold answers through both models again (vectorize + predict,
    # themes and intent), best of 3 passes.
    passes = []
    for _ in range(3):
        t = time.perf_counter()
        themes_model.predict(texts)
        intent_model.predict(texts)
        passes.append(time.perf_counter() - t)

    s = scored(gold_themes, [list(mlb.classes_[np.flatnonzero(row)]) for row in pred_y], gold_intent, pred_intent)
    train_texts = {r[1].strip().lower() for r in train_rows}
    s.update({
        "train_answers": len(train_rows),
        # leakage check: gold answers whose text (case-folded) also occurs in the training file
        "gold_texts_in_train": sum(t.strip().lower() in train_texts for t in texts),
        "fit_seconds": t2 - t1, "predict_seconds": t3 - t2,
        "answers_per_s": len(gold_rows) / min(passes), "predict_passes_s": [round(p, 4) for p in passes],
    })
    return s


# ------------------------------------------------------------------------------------ report

def run(args):
    """{"verbatim": …, "sklearn": …, "setup": …}; Verbatim is left out when there is no binary."""
    rows = read_gold(args.gold)
    res = {"gold": os.path.relpath(args.gold, ROOT), "answers": len(rows),
           "themes": sorted({t for r in rows for t in r[2]}),
           "sklearn_setup": {"pipeline": describe(args.classifier), "cv": "KFold(n_splits=%d, shuffle=True, "
                             "random_state=%d) on the dev set; out-of-fold predictions pooled, then scored like "
                             "ThemeBench.score" % (args.folds, args.seed), "folds": args.folds, "seed": args.seed,
                             "classifier": args.classifier,
                             "caveat": "trained on %d/%d of the very set it is scored on; Verbatim never learns "
                                       "from it" % (args.folds - 1, args.folds)}}
    if args.verbatim and os.access(args.verbatim, os.X_OK):
        log("verbatim bench themes --gold %s --format json" % res["gold"])
        res["verbatim"] = verbatim_themes(args.verbatim, args.gold)
    else:
        log("WARNING: no Verbatim binary at %s: Verbatim left out" % args.verbatim)
    log("scikit-learn: TF-IDF + one-vs-rest %s, %d-fold CV (random_state=%d)" % (
        CLASSIFIER_NAMES[args.classifier], args.folds, args.seed))
    res["sklearn"] = baseline_cv(rows, args.folds, args.seed, args.classifier)
    if args.no_train:
        log("scikit-learn trained on a separate file: skipped (--no-train)")
    elif not os.path.isfile(args.train):
        log("WARNING: no training file at %s: scikit-learn train baseline left out" % args.train)
    elif os.path.realpath(args.train) == os.path.realpath(args.gold):
        log("WARNING: --train is the gold file itself: scikit-learn train baseline left out")
    else:
        train_rows = read_gold(args.train)
        train_name = os.path.relpath(args.train, ROOT) if os.path.abspath(args.train).startswith(ROOT + os.sep) \
            else args.train
        log("scikit-learn: TF-IDF + one-vs-rest %s, trained on %s (%d answers)" % (
            CLASSIFIER_NAMES[args.classifier], train_name, len(train_rows)))
        res["sklearn_train"] = baseline_train(train_rows, rows, args.classifier, args.seed)
        res["sklearn_train"]["train_file"] = train_name
        if res["sklearn_train"]["gold_texts_in_train"]:
            log("WARNING: %d gold answers also occur in %s" % (res["sklearn_train"]["gold_texts_in_train"],
                                                             train_name))
    return res


def report(res):
    v, s, st = res.get("verbatim"), res["sklearn"], res.get("sklearn_train")
    clf_name = CLASSIFIER_NAMES[res["sklearn_setup"]["classifier"]]
    folds = res["sklearn_setup"]["folds"]
    lines = ["### Themes and intent on %s (%d answers, %d themes)" % (res["gold"], res["answers"], len(res["themes"])),
             "", "| method | micro P | micro R | micro F1 | macro F1 | intent acc. | answers/s | time s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    methods = [("Verbatim (taxonomy, rules and model)", v, v and v["process_wall_s"]),
               ("scikit-learn TF-IDF + one-vs-rest %s, %d-fold CV" % (clf_name, folds), s, s["cv_seconds"])]
    if st:
        methods.append(("scikit-learn TF-IDF + one-vs-rest %s, trained on %s (%d answers)" % (
            clf_name, os.path.basename(st["train_file"]), st["train_answers"]), st,
            st["fit_seconds"] + st["predict_seconds"]))
    for label, r, t in methods:
        if r:
            lines.append("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %.2f |" % (
                label, r["micro_precision"], r["micro_recall"], r["micro_f1"], r["macro_f1"], r["intent_accuracy"],
                "{:,}".format(round(r["answers_per_s"])).replace(",", " "), t))
    verbatim_train = os.path.basename(TRAIN_TSV)
    if st:
        train_name = os.path.basename(st["train_file"])
        timing = "; train baseline time = one fit on %s + one prediction of the %d answers" % (
            train_name, st["answers"])
        learners = ("the train baseline and Verbatim's model learn from %s only" % train_name
                    if train_name == verbatim_train else
                    "the train baseline learns from %s only, Verbatim's model from %s only" % (
                        train_name, verbatim_train))
    else:
        timing, learners = "", "Verbatim's model learns from %s only" % verbatim_train
    lines += ["", "Verbatim time = the whole `verbatim bench themes` process (it also times itself on ≥ 50,000 "
              "answers); CV baseline time = the %d fits and predictions of the cross-validation%s. answers/s: "
              "warm, one thread; Verbatim analyze + tag, scikit-learn vectorize + predict (themes and intent). "
              "The CV baseline is trained on %d %% of the very set it is scored on (each answer predicted by the "
              "model of the other folds), while %s. Majority-class intent (%s): %.3f." % (
                  folds, timing, round(100 * (folds - 1) / folds), learners,
                  s["intent_majority_class"], s["intent_majority_accuracy"])]
    return "\n".join(lines)


def parser():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verbatim", default=os.path.join(ROOT, ".build", "release", "verbatim"))
    ap.add_argument("--gold", default=DEV_TSV)
    ap.add_argument("--train", default=TRAIN_TSV,
                    help="labelled training file (same format as --gold) for the scikit-learn baseline trained "
                         "apart; default Benchmarks/data/themes-train.tsv, the file Verbatim's model learns from")
    ap.add_argument("--no-train", action="store_true", help="skip the baseline trained on --train")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=42, help="KFold and classifier random_state")
    ap.add_argument("--classifier", choices=CLASSIFIERS, default="svc",
                    help="svc = LinearSVC (default), logreg = LogisticRegression (slower)")
    ap.add_argument("--out", help="write the figures as JSON here")
    return ap


def main():
    args = parser().parse_args()
    res = run(args)
    res["date"] = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    res["python"] = platform.python_version()
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1, ensure_ascii=False)
            f.write("\n")
    print(report(res))


if __name__ == "__main__":
    main()
