# Bilingual Reader — two commands: `make run` opens the reader, `make test` runs the whole suite (and the
# wheel smoke test; the suite type-checks reader/core with mypy); `make lint` runs ruff and mypy; `make dist`
# builds the Linux desktop bundle, `make dist-check` also starts it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DIST_STAMP := $(VENV)/.installed-dist
# Debian packages the GUI needs on a bare machine: Qt's xcb/offscreen plugins and fonts, and for Read aloud
# Qt's speech module (it links libpulse) with a speech engine that has a Mandarin voice.
DEB_GUI := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 \
	libxcb-render-util0 libxcb-image0 libnss3 libasound2 \
	libpulse0 speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
DEB_TEST := poppler-utils  # PDF-to-PNG for the PDF export tests
# Packages the project used to depend on; removed from an existing .venv (the licence test checks it).
DROPPED := ebooklib krippendorff

.PHONY: run test wheel-check dist dist-check lint bench screenshot clean deb-deps deb-deps-gui deb-install translations

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml setup.py | $(PY)
	$(PY) -m pip install --quiet -e .
	-@$(PY) -m pip uninstall --quiet --yes $(DROPPED) 2>/dev/null
	touch $@

$(TEST_STAMP): pyproject.toml setup.py | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	-@$(PY) -m pip uninstall --quiet --yes $(DROPPED) 2>/dev/null
	touch $(STAMP) $@

$(DIST_STAMP): pyproject.toml setup.py | $(PY)
	$(PY) -m pip install --quiet -e ".[dist]"
	touch $@

deb-deps-gui:
	@$(MAKE) --no-print-directory deb-install PACKAGES="$(DEB_GUI)"

deb-deps:
	@$(MAKE) --no-print-directory deb-install PACKAGES="$(DEB_GUI) $(DEB_TEST)"

deb-install:
	@command -v dpkg >/dev/null || { echo "not a Debian system: install the Qt, PulseAudio and speech-dispatcher libraries yourself"; exit 0; }; \
	missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

run: $(STAMP) deb-deps-gui
	$(PY) main.py

test: $(TEST_STAMP) deb-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	@$(MAKE) --no-print-directory wheel-check

# Build the wheel, install it into a fresh venv in a temp folder and run it from outside the checkout.
wheel-check:
	PYTHON=$(PYTHON) bash packaging/smoke.sh wheel

# The desktop bundle (PyInstaller, one folder): dist/bilingual-reader/.
dist: $(DIST_STAMP) deb-deps-gui
	rm -rf build/bundle dist/bilingual-reader
	QT_QPA_PLATFORM=offscreen $(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/bundle packaging/bilingual-reader.spec
	QT_QPA_PLATFORM=offscreen $(PY) packaging/make_icons.py dist/bilingual-reader/share/icons >/dev/null
	install -D -m 644 packaging/io.github.bilingualreader.BilingualReader.desktop \
		dist/bilingual-reader/share/applications/io.github.bilingualreader.BilingualReader.desktop
	install -D -m 644 packaging/io.github.bilingualreader.BilingualReader.metainfo.xml \
		dist/bilingual-reader/share/metainfo/io.github.bilingualreader.BilingualReader.metainfo.xml
	install -m 755 packaging/install-desktop-entry.sh dist/bilingual-reader/
	@du -sh dist/bilingual-reader

# The bundle starts offscreen, renders a screenshot and runs the command line from outside the checkout.
dist-check: dist
	bash packaging/smoke.sh bundle dist/bilingual-reader

lint: $(TEST_STAMP)
	$(PY) -m ruff check reader reader_bench tests main.py
	$(PY) -m mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) main.py bench

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

# Refresh the interface translations after adding GUI strings (fails while a string is untranslated).
translations: $(STAMP)
	$(PY) resources/translations/update_translations.py
