# Verbatim — the two commands of the README, and a few more.
#   make demo   install what is missing, build, run the pipeline on the bundled example
#   make test   install what is missing, build, run the tests
SWIFT ?= swift

.PHONY: deps demo test build release corpus bench-text bench-pipeline bench-store bench-peers

deps:
	@.ci/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product verbatim

demo: release
	.build/release/verbatim demo

test: deps
	$(SWIFT) test

# The 1,000,000-word benchmark text assembled from ../shared/ud (see Benchmarks/README.md).
corpus: Benchmarks/corpus/fr-1M.txt
Benchmarks/corpus/fr-1M.txt:
	Benchmarks/corpus/make-corpus.sh

# Text stage only (normalize + tokenize + segment).
bench-text: release corpus
	.build/release/verbatim analyze --input Benchmarks/corpus/fr-1M.txt --format summary --no-lemmas

# Text stage + lemmatizer, lexicon load included.
bench-pipeline: release corpus
	.build/release/verbatim analyze --input Benchmarks/corpus/fr-1M.txt --format summary

# `verbatim run` on 100,000 generated answers, then search latency (p50/p95).
bench-store: release
	.build/release/verbatim bench store --answers 100000

# spaCy (sm, md) and simplemma beside Verbatim: accuracy on UD dev, tokens/s on the 1M-word text.
bench-peers: release corpus
	Benchmarks/peers/run-peers.sh
