# Two commands on a fresh clone: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TOOLKIT := $(BIN)/toolkit

.PHONY: setup demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py $(ARGS)

demo: $(STAMP)
	find output -mindepth 1 ! -name .gitkeep -delete
	$(TOOLKIT) parse examples --json -o output/parsed
	$(TOOLKIT) parse examples -o output/parsed
	mkdir -p output/summaries
	for f in examples/*.txt examples/*.md examples/*.html examples/*.docx; do \
	  $(TOOLKIT) summarize "$$f" --chars 200 --json > "output/summaries/$$(basename "$$f").json" || exit 1; done
	$(TOOLKIT) summarize examples/haiwaicang_plain.txt --chars 200
	$(TOOLKIT) convert examples --to twp -o output/converted-tw --quiet
	$(TOOLKIT) convert examples --to hk -o output/converted-hk --quiet
	$(TOOLKIT) convert examples --to twp --terms examples/house-terms.csv -o output/converted-tw-locked --quiet
	$(TOOLKIT) glossary examples -o output/glossary.xlsx
	$(TOOLKIT) glossary examples -o output/glossary.csv
	$(TOOLKIT) glossary examples -o output/glossary.tbx
	$(TOOLKIT) glossary examples --format tbx3 -o output/glossary.v3.tbx
	$(TOOLKIT) glossary examples -o output/glossary.tsv
	$(TOOLKIT) glossary examples -o output/glossary.md
	$(TOOLKIT) glossary examples --script tw -o output/glossary.tw.md
	$(TOOLKIT) brief examples -o output/briefings
	$(TOOLKIT) brief examples --format md -o output/briefings
	$(TOOLKIT) brief examples --format html -o output/briefings
	$(TOOLKIT) brief examples --combined -o output/digest.docx
	$(TOOLKIT) brief examples --combined --format html -o output/digest.html
	$(TOOLKIT) brief examples --script tw -o output/briefings-tw
	@echo "demo outputs are in output/:"; ls output

clean:
	rm -rf output/* build dist .pytest_cache
	touch output/.gitkeep
