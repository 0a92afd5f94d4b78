# Verbatim — the two commands of the README, and a few more.
#   make demo   install what is missing, build, run the pipeline on the bundled example
#   make test   install what is missing, build, run the tests
SWIFT ?= swift

.PHONY: deps demo test build release corpus bench-text bench-pipeline bench-store bench-peers bench-all-peers bench-stages bench-stages-check

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

# Every peer comparison in one run (lemmas, speed, themes vs scikit-learn, discovery): one table.
bench-all-peers: release corpus
	Benchmarks/peers/run.sh

# Suites per stage (ordo-one/benchmark, its own package in Benchmarks/): p0–p100 per metric.
bench-stages: deps
	cd Benchmarks && $(SWIFT) package benchmark

# The same, checked against the thresholds in Benchmarks/Thresholds (exit 2 on a regression).
bench-stages-check: deps
	cd Benchmarks && $(SWIFT) package benchmark thresholds check
