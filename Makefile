# Explainer — the front door. `make` builds the site, `make test` runs the tests.
SWIFT        ?= swift
BIN          := .build/release/explainer
SHARED       ?= ../shared
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev wordnet-base
SUDO         := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: all deps release site test serve new eval bench clean help

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

serve: release ## Preview the site at http://127.0.0.1:8000/ with live reload (PORT=8000)
	$(BIN) serve --port $(or $(PORT),8000)

new: release ## Start a hand-written explainer: make new TITLE="Why the bridge is closing"
	@[ -n "$(TITLE)" ] || { echo 'usage: make new TITLE="Your title"'; exit 2; }
	$(BIN) new "$(TITLE)"

test: deps ## Run the whole test suite
	$(SWIFT) test

eval: release ## Score the explainer engine on ../shared/articles
	$(SHARED)/tools/qa-eval --tool $(BIN) $(SHARED)/articles

clean: ## Remove build products and the generated site
	rm -rf .build public .preview build-reports
