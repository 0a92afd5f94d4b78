#!/usr/bin/env python3
"""Score the reference lemmatizer on UD French dev files (clean + accent-stripped).

    python3 lexicons/tools/score.py --lex lexicons/fr --ud ../shared/ud [--mode hmm|baseline]

Figures (lowercased string match of predicted vs gold LEMMA, gold tokenization,
multiword range lines skipped):
  (a) all words except UPOS PUNCT/SYM/NUM   (b) (a) minus PRON
  (c) NOUN/VERB/ADJ/ADV                      (d) VERB
plus UPOS tagging accuracy (all words) for information.
"""
import argparse
import os
import sys
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lemmatize_ref import Lemmatizer, best_analysis  # noqa: E402

DEV = ["fr_gsd-ud-dev", "fr_sequoia-ud-dev", "fr_parisstories-ud-dev", "fr_rhapsodie-ud-dev"]


def strip_accents(s):
    s = s.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", s)


def read_conllu(path):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            if line.startswith("#"):
                continue
            c = line.split("\t")
            if c[0].isdigit():
                sent.append((c[1], c[2], c[3]))
    if sent:
        yield sent


def baseline(lem, forms):
    out = []
    for i, f in enumerate(forms):
        c, s = lem.candidates(f, i == 0, False)
        u, l_ = best_analysis(c)
        out.append((l_, u, s))
    return out


def score_file(lem, path, stripped, mode, errors=None):
    cnt = {k: [0, 0] for k in "abcdu"}
    ntok, t0 = 0, time.perf_counter()
    for sent in read_conllu(path):
        forms = [strip_accents(f) if stripped else f for f, _, _ in sent]
        res = lem.tag_sentence(forms) if mode == "hmm" else baseline(lem, forms)
        ntok += len(forms)
        for (form, gl, gu), (pl, pu, src) in zip(sent, res):
            ok = pl.lower() == gl.lower()
            cnt["u"][0] += pu == gu
            cnt["u"][1] += 1
            if gu in ("PUNCT", "SYM", "NUM"):
                continue
            cats = ["a"]
            if gu != "PRON":
                cats.append("b")
            if gu in ("NOUN", "VERB", "ADJ", "ADV"):
                cats.append("c")
            if gu == "VERB":
                cats.append("d")
            for k in cats:
                cnt[k][0] += ok
                cnt[k][1] += 1
            if errors is not None and not ok and gu != "PRON":
                errors.append((gu, pu, src))
    dt = time.perf_counter() - t0
    return {k: 100.0 * a / b for k, (a, b) in cnt.items()}, ntok, dt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lex", default="lexicons/fr")
    ap.add_argument("--ud", default="../shared/ud")
    ap.add_argument("--mode", default="hmm", choices=["hmm", "baseline"])
    ap.add_argument("--categories", action="store_true",
                    help="print aggregate error categories (gold UPOS, predicted UPOS, source)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    lem = Lemmatizer(args.lex)
    print("load: %.1f s" % (time.perf_counter() - t0))
    for stripped in (False, True):
        print("\n== %s dev files, mode=%s" % ("ACCENT-STRIPPED" if stripped else "clean", args.mode))
        print("%-24s %7s %7s %7s %7s %7s" % ("file", "(a)", "(b)", "(c)", "(d)", "upos"))
        tot = {k: 0.0 for k in "abcdu"}
        ntok_all, dt_all = 0, 0.0
        errors = [] if args.categories else None
        for name in DEV:
            r, ntok, dt = score_file(lem, os.path.join(args.ud, name + ".conllu"), stripped, args.mode,
                                     errors)
            ntok_all += ntok
            dt_all += dt
            print("%-24s %7.2f %7.2f %7.2f %7.2f %7.2f" % (name, r["a"], r["b"], r["c"], r["d"], r["u"]))
            for k in tot:
                tot[k] += r[k] / len(DEV)
        print("%-24s %7.2f %7.2f %7.2f %7.2f %7.2f" % ("MACRO", tot["a"], tot["b"], tot["c"], tot["d"],
                                                        tot["u"]))
        print("python speed: %d tokens in %.2f s = %.0f tokens/s" % (ntok_all, dt_all, ntok_all / dt_all))
        if errors is not None:
            from collections import Counter
            print("error categories (gold upos, predicted upos, source):")
            for k, v in Counter(errors).most_common(25):
                print("  %5d  %s" % (v, " ".join(str(x) for x in k)))


if __name__ == "__main__":
    main()
