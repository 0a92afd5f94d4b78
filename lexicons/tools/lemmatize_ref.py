#!/usr/bin/env python3
"""Reference French lemmatizer of Verbatim (port target for Swift). Stdlib only.

    python3 lexicons/tools/lemmatize_ref.py --lex lexicons/fr in.conllu > out.conllu

Reads a CoNLL-U file with gold tokenization (FORM column), writes it back with
LEMMA and UPOS predicted and MISC "LemmaSrc=<source>" explaining the choice.
The algorithm is specified in lexicons/fr/ALGORITHM.md; section numbers in the
comments (§n) refer to it.
"""
import argparse
import math
import os
import sys
import unicodedata
from collections import defaultdict

TAGS = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
        "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"]
CLOSED_TAGS = {"DET", "PRON", "ADP", "SCONJ", "CCONJ", "AUX"}
OPEN_TAGS = ["NOUN", "PROPN", "ADJ", "VERB", "ADV", "X", "INTJ", "NUM"]

# §3 weights (pseudo-counts)
BETA_LEX = 2.0       # weight of the lexicon distribution added to UD counts
DICO_SHARE = 0.05    # share given to Dicollecte-only analyses of a Lexique form
LEXFREQ_TO_COUNT = 0.0005   # Lexique freq (hundredths per million, 2 corpora) -> UD-train counts
KEY_FLOOR = 0.02     # frequency floor of a key known only to Dicollecte
PROPN_CAP = 1.0      # pseudo-count of the PROPN reading of a capitalised, non-initial known word
MIN_PROB = 0.001     # analyses below this probability are dropped (§3.5)
FOLD_PENALTY = 1.0   # weight of accent variants in an accentless sentence (§4)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def norm_form(s):
    return nfc(s).replace("’", "'").replace("ʼ", "'").lower()


def fold(s):
    s = s.lower().replace("œ", "oe").replace("æ", "ae").replace("’", "'").replace("ʼ", "'")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return nfc(s)


def lemma_order(l_):
    return [ord(ch) for ch in l_]


def best_analysis(c):
    """Highest weight; ties -> smallest UPOS name, then smallest lemma (code points)."""
    best = None
    for (u, l_), v in c.items():
        if best is None or v > best[0] or (v == best[0] and (u, lemma_order(l_)) < (best[1], lemma_order(best[2]))):
            best = (v, u, l_)
    return best[1], best[2]


def has_accent(s):
    return any(ord(c) > 127 and c.isalpha() for c in s)


def shape(form, first):
    if any(ch.isdigit() for ch in form):
        return "D"
    if not any(ch.isalpha() for ch in form):
        return "P"
    if form[0].isupper():
        if form.isupper() and len(form) > 1:
            return "U"
        return "C0" if first else "C"
    return "L"


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            yield line.rstrip("\n").split("\t")


class Lemmatizer:
    def __init__(self, lexdir):
        self.ud = defaultdict(dict)      # key -> {(upos, lemma): count}
        for f_, l_, u, c in read_tsv(os.path.join(lexdir, "ud-lemmas.tsv")):
            self.ud[f_][(u, l_)] = float(c)
        self.cc = defaultdict(dict)
        for f_, l_, u, w in read_tsv(os.path.join(lexdir, "closed-class.tsv")):
            self.cc[f_][(u, l_)] = float(w)
        self.lex = defaultdict(dict)
        for f_, l_, u, fr in read_tsv(os.path.join(lexdir, "lexique.tsv")):
            self.lex[f_][(u, l_)] = float(fr)
        self.dico = defaultdict(set)
        for f_, l_, u in read_tsv(os.path.join(lexdir, "dicollecte.tsv")):
            self.dico[f_].add((u, l_))
        self.repl = {}
        for name in ("housing.tsv", "sms.tsv"):
            for f_, r in read_tsv(os.path.join(lexdir, name)):
                self.repl[f_] = r
        # fold index: folded key -> sorted list of keys
        fi = defaultdict(set)
        for d in (self.ud, self.lex, self.dico):
            for k in d:
                fi[fold(k)].add(k)
        self.foldidx = {k: sorted(v) for k, v in fi.items()}
        self.amb = defaultdict(dict)     # ambiguity class -> upos -> factor
        for cls, u, fac in read_tsv(os.path.join(lexdir, "ud-ambclass.tsv")):
            self.amb[cls][u] = float(fac)
        self._load_hmm(os.path.join(lexdir, "ud-upos-ngrams.tsv"))
        self._load_suffix(os.path.join(lexdir, "ud-suffix.tsv"))
        self.cache = {}

    # ---- §5 tagger model -------------------------------------------------
    def _load_hmm(self, path):
        tri, bi, uni = {}, {}, {}
        for o, a, b, c, n in read_tsv(path):
            n = float(n)
            if o == "3":
                tri[(a, b, c)] = n
            elif o == "2":
                bi[(b, c)] = n
            else:
                uni[c] = n
        # TnT deleted interpolation
        l1 = l2 = l3 = 0.0
        ctx2 = defaultdict(float)
        for (a, b, c), n in tri.items():
            ctx2[(a, b)] += n
        ctx1 = defaultdict(float)
        for (b, c), n in bi.items():
            ctx1[b] += n
        total = sum(v for k, v in uni.items() if k != "<S>")
        for (a, b, c), n in sorted(tri.items()):
            f3 = (n - 1) / (ctx2[(a, b)] - 1) if ctx2[(a, b)] > 1 else 0.0
            f2 = (bi.get((b, c), 0) - 1) / (ctx1[b] - 1) if ctx1[b] > 1 else 0.0
            f1 = (uni.get(c, 0) - 1) / (total - 1)
            m = max(f1, f2, f3)
            if f3 == m:
                l3 += n
            elif f2 == m:
                l2 += n
            else:
                l1 += n
        s = l1 + l2 + l3
        self.lam = (l1 / s, l2 / s, l3 / s)
        tags = TAGS + ["</S>"]
        self.ptag = {t: uni.get(t, 0.5) / total for t in TAGS}
        self.logtrans = {}
        prevs = ["<S>"] + TAGS
        for a in prevs:
            for b in prevs:
                if a != "<S>" and b == "<S>":
                    continue
                for c in tags:
                    p3 = tri.get((a, b, c), 0) / ctx2[(a, b)] if ctx2.get((a, b)) else 0.0
                    p2 = bi.get((b, c), 0) / ctx1[b] if ctx1.get(b) else 0.0
                    p1 = uni.get(c, 0) / total
                    p = self.lam[0] * p1 + self.lam[1] * p2 + self.lam[2] * p3
                    self.logtrans[(a, b, c)] = math.log(max(p, 1e-9))

    def _load_suffix(self, path):
        self.suf = defaultdict(lambda: defaultdict(float))   # (shape, suffix) -> upos -> n
        for sh, sf, u, n in read_tsv(path):
            self.suf[(sh, sf)][u] += float(n)

    def unknown_dist(self, key, sh):
        """§6: P(upos | shape, suffix) by successive abstraction (TnT), top 4 tags."""
        base = self.suf.get((sh, ""))
        if not base:
            base = self.suf[("L", "")]
        tot = sum(base.values())
        p = {u: n / tot for u, n in base.items()}
        theta = 0.1
        for n in range(1, 5):
            if n > len(key):
                break
            d = self.suf.get((sh, key[-n:]))
            if not d:
                break
            t = sum(d.values())
            p = {u: (d.get(u, 0.0) + theta * p.get(u, 0.0)) / (t + theta) for u in set(p) | set(d)}
        items = sorted(p.items(), key=lambda x: (-x[1], x[0]))[:4]
        s = sum(v for _, v in items)
        return {u: v / s for u, v in items}

    # ---- §3 candidates of one key -----------------------------------------
    def key_dist(self, key):
        """Context-free distribution {(upos, lemma): weight} of an exact key and the
        key's frequency weight W(key) (in UD-train count units), plus source tag."""
        if key in self.cache:
            return self.cache[key]
        cand = defaultdict(float)
        src = None
        udd = self.ud.get(key)
        n_ud = 0.0
        if udd:
            for a, c in udd.items():
                cand[a] += c
                n_ud += c
            src = "ud"
        ccd = self.cc.get(key)
        if ccd:
            for a, w in ccd.items():
                cand[a] += w
            src = src or "closed"
        lexd = self.lex.get(key)
        dicd = self.dico.get(key)
        if ccd:
            # UD conventions rule closed-class words: drop the lexicons' closed-class readings
            if lexd:
                lexd = {a: v for a, v in lexd.items() if a[0] not in CLOSED_TAGS} or None
            if dicd:
                dicd = {a for a in dicd if a[0] not in CLOSED_TAGS} or None
        lexfreq = 0.0
        if lexd or dicd:
            share = {}
            if lexd:
                cls = ",".join(sorted(set(u for u, _ in lexd)))
                fac = self.amb.get(cls, {})
                raw = {a: (v + 1.0) * fac.get(a[0], 1.0) for a, v in lexd.items()}
                tot = sum(raw.values())
                for a, v in raw.items():
                    share[a] = v / tot * (1.0 - (DICO_SHARE if dicd else 0.0))
                lexfreq = sum(lexd.values())
            if dicd:
                extra = [a for a in sorted(dicd) if a not in share]
                if extra:
                    m = (DICO_SHARE if lexd else 1.0) / len(extra)
                    for a in extra:
                        share[a] = share.get(a, 0.0) + m
            z = sum(share.values())
            beta = BETA_LEX if (udd or ccd) else 1.0
            for a, v in share.items():
                cand[a] += beta * v / z
            src = src or ("lexique" if lexd else "dicollecte")
        weight = n_ud + LEXFREQ_TO_COUNT * lexfreq + (KEY_FLOOR if cand else 0.0)
        res = (dict(cand), weight, src)
        self.cache[key] = res
        return res

    def candidates(self, form, first, accentless_sentence):
        """§2-§4: candidate analyses {(upos, lemma): prob} and a source label."""
        key = norm_form(form)
        sh = shape(form, first)
        cand, w, src = self.key_dist(key)
        known_ud = key in self.ud or key in self.cc
        replaced = False
        if not known_ud and key in self.repl:
            # §3.6 SMS / housing replacement (authoritative: no accent restoration after it)
            parts = self.repl[key].split(" ")
            if len(parts) == 1:
                c2, _, s2 = self.key_dist(norm_form(parts[0]))
                if c2:
                    cand, src, replaced = c2, "repl:" + s2, True
            else:
                lem, up = [], "X"
                for p in parts:
                    c2, _, _ = self.key_dist(norm_form(p))
                    if c2:
                        up, l_ = best_analysis(c2)
                        lem.append(l_)
                    else:
                        lem.append(norm_form(p))
                cand, src, replaced = {(up, " ".join(lem)): 1.0}, "repl-multi", True
        # §4 accent restoration
        fk = fold(key)
        variants = [k for k in self.foldidx.get(fk, ()) if k != key] if not replaced else []
        if variants and (not cand or (accentless_sentence and not has_accent(key))):
            mix = defaultdict(float)
            tot = 0.0
            if cand:
                s = sum(cand.values())
                for a, v in cand.items():
                    mix[a] += w * v / s
                tot += w
            for k in variants:
                c2, w2, _ = self.key_dist(k)
                if not c2:
                    continue
                s = sum(c2.values())
                ww = w2 * (FOLD_PENALTY if cand else 1.0)
                for a, v in c2.items():
                    mix[a] += ww * v / s
                tot += ww
            if tot > 0:
                cand = dict(mix)
                src = (src + "+fold") if src else "fold"
        if cand:
            # capitalised word inside a sentence: PROPN reading keeps the form
            if sh in ("C", "U") and not any(u == "PROPN" for u, _ in cand):
                s = sum(cand.values())
                cand = {a: v / s for a, v in cand.items()}
                cand[("PROPN", nfc(form))] = PROPN_CAP / (1.0 + PROPN_CAP)
            s = sum(cand.values())
            cand = {a: v / s for a, v in cand.items()}
            # prune analyses below MIN_PROB (keeps the Viterbi small)
            kept = {a: v for a, v in cand.items() if v >= MIN_PROB}
            s = sum(kept.values())
            return {a: v / s for a, v in kept.items()}, src
        # §6 unknown word: lemma = lowercased form, flagged as a guess
        if sh == "P":
            return {("PUNCT", key): 0.9, ("SYM", key): 0.1}, "guess"
        dist = self.unknown_dist(key, sh)
        return {(u, key): p for u, p in dist.items()}, "guess"

    # ---- §5 Viterbi --------------------------------------------------------
    def tag_sentence(self, forms):
        accentless = not any(has_accent(f) for f in forms)
        cands, srcs = [], []
        for i, f in enumerate(forms):
            c, s = self.candidates(f, i == 0, accentless)
            cands.append(c)
            srcs.append(s)
        # emission: P(t|w)/P(t)
        emis = []
        for c in cands:
            pt = defaultdict(float)
            for (u, _), p in c.items():
                pt[u] += p
            emis.append({u: math.log(p / self.ptag.get(u, 1e-4)) for u, p in pt.items()})
        # trigram Viterbi over candidate tags; state = (t_{i-1}, t_i)
        V = {("<S>", "<S>"): (0.0, None)}
        back = []
        for i in range(len(forms)):
            NV = {}
            for (a, b), (sc, _) in V.items():
                for t, e in emis[i].items():
                    s2 = sc + self.logtrans[(a, b, t)] + e
                    k = (b, t)
                    if k not in NV or s2 > NV[k][0] or (s2 == NV[k][0] and a < NV[k][1]):
                        NV[k] = (s2, a)
            back.append(NV)
            V = NV
        best, bk = None, None
        for (a, b), (sc, _) in sorted(V.items()):
            s2 = sc + self.logtrans[(a, b, "</S>")]
            if best is None or s2 > best:
                best, bk = s2, (a, b)
        tags = [None] * len(forms)
        a, b = bk
        for i in range(len(forms) - 1, -1, -1):
            tags[i] = b
            prev = back[i][(a, b)][1]
            a, b = prev, a
        out = []
        for i, t in enumerate(tags):
            _, l_ = best_analysis({a: p for a, p in cands[i].items() if a[0] == t})
            if t == "PROPN" and l_.lower() == nfc(forms[i]).lower():
                l_ = nfc(forms[i])   # proper nouns keep the surface case
            out.append((l_, t, srcs[i]))
        return out


def load_multiwords(lexdir):
    """§7: expression (tuple of lowercase tokens) -> unit."""
    mw = {}
    for expr, unit in read_tsv(os.path.join(lexdir, "multiwords.tsv")):
        mw[tuple(expr.split(" "))] = unit
    return mw


def multiword_units(mw, forms, maxlen=6):
    """§7: greedy longest match, left to right, on norm_form(token) (then on fold()
    if no exact match). Returns [(start, end_exclusive, unit)]."""
    keys = [norm_form(f) for f in forms]
    fmw = {tuple(fold(t) for t in k): u for k, u in sorted(mw.items())}
    out, i = [], 0
    while i < len(keys):
        hit = None
        for n in range(min(maxlen, len(keys) - i), 1, -1):
            t = tuple(keys[i:i + n])
            u = mw.get(t) or fmw.get(tuple(fold(x) for x in t))
            if u:
                hit = (i, i + n, u)
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def read_sentences(path):
    sent, lines = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if lines:
                    yield lines
                lines = []
                continue
            lines.append(line)
    if lines:
        yield lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lex", default=os.path.join(os.path.dirname(__file__), "..", "fr"))
    ap.add_argument("conllu")
    args = ap.parse_args()
    lem = Lemmatizer(args.lex)
    w = sys.stdout.write
    for lines in read_sentences(args.conllu):
        words = [l_.split("\t") for l_ in lines if not l_.startswith("#") and l_.split("\t")[0].isdigit()]
        res = lem.tag_sentence([c[1] for c in words])
        j = 0
        for l_ in lines:
            c = l_.split("\t")
            if l_.startswith("#") or not c[0].isdigit():
                w(l_ + "\n")
                continue
            lemma, upos, src = res[j]
            j += 1
            c[2], c[3] = lemma, upos
            c[9] = ("LemmaSrc=" + src) if c[9] == "_" else c[9] + "|LemmaSrc=" + src
            w("\t".join(c) + "\n")
        w("\n")


if __name__ == "__main__":
    main()
