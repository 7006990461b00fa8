# Banka: `make run` opens the app, `make test` runs every test. Both install what is missing.
.PHONY: setup ui run test lint unit ui-test e2e fuzz bench bench-window bundle bindings ui-fixtures reference sqlx-prepare clean

# Xvfb for the real window; DMA-BUF rendering does not work under Xvfb.
XVFB := xvfb-run -a -s "-screen 0 1280x1024x24"
export WEBKIT_DISABLE_DMABUF_RENDERER := 1

setup:
	./scripts/setup.sh

ui: setup
	npm --prefix ui run build

run: ui
	cargo run --features custom-protocol --bin banka-app

test: lint unit ui-test e2e fuzz
	@echo "make test: all suites passed"

lint: ui
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --all-features -- -D warnings
	npm --prefix ui run check
	./scripts/sqlx-prepare.sh --check

unit: ui
	cargo test --workspace

ui-test: setup
	npm --prefix ui test

# The real app, in a real window under Xvfb; screenshots land in tests/screenshots/.
e2e: ui
	$(XVFB) cargo test --features custom-protocol --test e2e -- --nocapture --test-threads=1

# A short run of every fuzz target (longer: make fuzz FUZZ_SECONDS=600).
FUZZ_SECONDS ?= 30
fuzz: setup
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run validators -- -max_total_time=$(FUZZ_SECONDS)
	cd fuzz && mkdir -p corpus/photos && RUSTC_BOOTSTRAP=1 cargo fuzz run photos corpus/photos seeds/photos -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048
	cd fuzz && mkdir -p corpus/bundle && RUSTC_BOOTSTRAP=1 cargo fuzz run bundle corpus/bundle seeds/bundle -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048
	cd fuzz && mkdir -p corpus/agency && RUSTC_BOOTSTRAP=1 cargo fuzz run agency corpus/agency seeds/agency -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -rss_limit_mb=2048

bench:
	cargo bench -p banka-cli
	cargo bench -p banka-cases --features testing
	cargo bench -p banka-photos
	cargo bench -p banka-agency

# The real window, release build, under Xvfb: launch, step changes, memory with 10,000 cases.
bench-window: ui
	cargo build --release --features custom-protocol --example bare_window
	$(XVFB) cargo bench --features custom-protocol --bench window

# An installer: .deb (and AppImage, whose tools the bundler downloads) in target/release/bundle/.
bundle: ui
	npx --yes @tauri-apps/cli@2.12.5 build --bundles deb

bindings:
	UPDATE_BINDINGS=1 cargo test --test bindings

# The engine's evaluations the UI tests answer with (ui/src/test/engine/evaluations.json): every
# answer set the UI tests reach now, asked of the engine through `banka flow evaluate`.
ui-fixtures: setup
	cargo build -q -p banka-cli
	BANKA_RECORD_ENGINE=$(CURDIR)/target/debug/banka npm --prefix ui test
	cargo test -q -p banka-flows --test ui_fixtures

# docs/flows.md, the field paths of every flow, from the definitions.
reference:
	UPDATE_REFERENCE=1 cargo test -p banka-flows --test reference

# The sqlx offline query metadata (.sqlx/), after changing a query or a migration.
sqlx-prepare:
	./scripts/sqlx-prepare.sh

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules tests/screenshots
