# The two commands of the README, and a few more for developers.
#   make demo   install what is missing, build, create a synthetic council, serve it on :8080
#   make test   install what is missing, build, run every test (see scripts/run-tests.sh)
#   make bench  run the benchmarks and print their figures
JOBS ?= 2
DEMO_DB ?= demo/safeguard.db
DEMO_SCALE ?= council

.PHONY: demo test build bench clean

build:
	scripts/install-deps.sh build
	cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build build -j$(JOBS)

demo: build
	build/safeguard demo --db $(DEMO_DB) --scale $(DEMO_SCALE) --serve

test:
	scripts/install-deps.sh test
	JOBS=$(JOBS) scripts/run-tests.sh

bench: build
	scripts/run-benchmarks.sh

clean:
	rm -rf build build-asan
