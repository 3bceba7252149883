# Redline: two commands on a fresh Debian 12 / Ubuntu machine.
#   make run   - install missing system packages, build, open the viewer on the demo workspace
#   make test  - the same set-up, then every test
# Everything else the project needs is in this repository; nothing is downloaded but Debian packages.

BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc)
DEMO_WS    := $(BUILD)/demo/southwark-demo.sqlite
WERROR     ?= $(if $(REDLINE_WERROR),$(REDLINE_WERROR),OFF)

# Debian package names; `deps` installs whichever are missing.
PACKAGES := build-essential cmake ninja-build pkg-config git \
    libgdal-dev gdal-bin libgeos-dev libproj-dev proj-data proj-bin \
    libsqlite3-dev libspatialite-dev libsqlite3-mod-spatialite sqlite3 \
    libimgui-dev libstb-dev libglfw3-dev libgl-dev libegl-dev libgl1-mesa-dri libegl-mesa0 \
    libcairo2-dev nlohmann-json3-dev libgtest-dev googletest \
    xvfb xauth xdotool poppler-utils clang-format

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps configure build test run demo format format-check bench clean

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD)/build.ninja: CMakeLists.txt | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DREDLINE_WERROR=$(WERROR)

configure: deps $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@if [ ! -f $(DEMO_WS) ]; then \
	  mkdir -p $(dir $(DEMO_WS)) && $(BUILD)/src/cli/redline-cli demo $(DEMO_WS); \
	fi

run: demo
	@if [ -x $(BUILD)/src/app/redline ]; then \
	  $(BUILD)/src/app/redline $(DEMO_WS); \
	else \
	  $(BUILD)/src/cli/redline-cli layers $(DEMO_WS); \
	fi

test: build format-check
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 900

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

format-check:
	@git ls-files '*.cpp' '*.hpp' | xargs -r clang-format --dry-run --Werror

bench: build
	bench/run-all.sh $(BUILD)

clean:
	rm -rf $(BUILD)
