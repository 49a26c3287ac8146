# 秘书处工作台 — build, run and test.
#
#   make run     install missing system packages, build, open the program on demo.db
#   make test    install missing system packages, run every test and a short fuzz run
#   make race    the store and command-line tests under the race detector
#   make bench   benchmarks (figures for docs/PERFORMANCE.md)
#   make smoke   open the real window under Xvfb and take a screenshot (.ci/smoke)
#   make windows bin/secdesk.exe (cross-built with mingw-w64) and bin/secdesk-windows.zip
#   make wine-check  run bin/secdesk.exe under Wine and compare with bin/secdesk (.ci/wine-check)
#   make fuzz    fuzz the Excel importer longer (FUZZTIME=10m)
#   make build | deps | clean

# Go: the one on PATH, else the official tarball's place (Go is often
# installed there without PATH being set for root or for make).
GO := $(shell command -v go 2>/dev/null || { test -x /usr/local/go/bin/go && echo /usr/local/go/bin/go; })
ifneq ($(GO),)
# Tests and tools started by the tests find the same go.
export PATH := $(dir $(GO)):$(PATH)
endif
# The Go version go.mod asks for, e.g. 1.26.8.
GO_WANT := $(shell awk '$$1 == "go" { print $$2 }' go.mod)

# fyneDo = true in FyneApp.toml: this tag switches Fyne to the fyne.Do threading model.
TAGS := migrated_fynedo
BIN  := bin/secdesk
DB   := demo.db
# C compiler and the OpenGL/X11 headers that Fyne's cgo driver (GLFW) builds against.
SYS_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev
# The PostgreSQL server, whose binaries store/postgres's tests and benchmarks start
# throwaway clusters with (store/postgres/pgtest); a cluster Debian's package may
# start as a service is not used. Only `make test` and `make bench` need it.
TEST_PKGS := postgresql
# Windows: Debian's mingw-w64 C compiler for cgo (GLFW), zip for the zip.
WIN_PKGS := gcc-mingw-w64-x86-64 zip

.PHONY: all deps test-deps win-deps go build run test race fuzz bench smoke windows wine-check clean
all: build

deps:
	@.ci/apt-need $(SYS_PKGS)

test-deps: deps
	@.ci/apt-need $(TEST_PKGS)

win-deps:
	@.ci/apt-need $(WIN_PKGS)

# We cannot download a toolchain here (GOTOOLCHAIN=auto would try), so check
# the local Go against the version go.mod asks for and say so plainly.
go:
	@if [ -z "$(GO)" ]; then \
		echo "Go is not installed. Install Go $(GO_WANT) or newer from https://go.dev/dl/ (into /usr/local/go), then run make again." >&2; \
		exit 1; \
	fi
	@have=$$(GOTOOLCHAIN=local $(GO) env GOVERSION); \
	if [ "$$(printf '%s\n' go$(GO_WANT) $$have | sort -V | head -n1)" != go$(GO_WANT) ]; then \
		echo "$(GO) is $$have; this project needs Go $(GO_WANT) or newer (https://go.dev/dl/)." >&2; \
		exit 1; \
	fi

build: deps go
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/secdesk

# The demo file is made under a temporary name and renamed when complete, so
# an interrupted first run does not leave a half-filled demo.db that later
# runs would open as if it were whole.
run: build
	@if [ ! -e $(DB) ]; then \
		echo "creating $(DB) with the sample group"; \
		rm -f $(DB).tmp && $(BIN) demo --db $(DB).tmp && mv $(DB).tmp $(DB); \
	fi
	$(BIN) --db $(DB)

# `make test` ends with a short fuzz run of the Excel importer; `make fuzz
# FUZZTIME=10m` runs it longer. The target's existence is checked first,
# because `go test -fuzz` with a pattern that matches nothing passes silently.
FUZZ_PKG := ./store/xlsx/
FUZZ     := FuzzReadMembers
FUZZTIME ?= 15s
test: test-deps go
	$(GO) test -tags $(TAGS) -count=1 ./...
	@$(MAKE) --no-print-directory fuzz

fuzz: deps go
	@$(GO) test -tags $(TAGS) -list '^$(FUZZ)$$' $(FUZZ_PKG) | grep -qx '$(FUZZ)' || \
		{ echo "fuzz target $(FUZZ) not found in $(FUZZ_PKG)" >&2; exit 1; }
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^$(FUZZ)$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 3s $(FUZZ_PKG)

# -race needs cgo (it is on with gcc installed by deps). ui is left out:
# its tests run background work inline (kittest.Inline), so there is no
# second goroutine to race with. store/postgres's tests need the server.
race: test-deps go
	$(GO) test -tags $(TAGS) -race -count=1 ./store/... ./cmd/...

bench: test-deps go
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

smoke: build
	.ci/smoke

# Windows. Version and build number come from FyneApp.toml, into the exe's
# file properties (the .syso) and the 关于 page (-X, cmd/secdesk/version.go).
# go-winres turns cmd/secdesk/winres/ (icon, manifest, version info) into a
# .syso that go build links into the exe; it is made fresh here, not kept
# in git. -H windowsgui: no console window on a double-click (the verbs
# attach to cmd.exe's console themselves, cmd/secdesk/console_windows.go).
VERSION   := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
BUILDNUM  := $(shell sed -n 's/^ *Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)
WINRES    := github.com/tc-hib/go-winres@v0.3.3
WIN_SYSO  := cmd/secdesk/rsrc_windows_amd64.syso
WIN_ENV   := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
WIN_LDFLAGS := -H windowsgui -s -w -X main.version=$(VERSION) -X main.build=$(BUILDNUM)
# The quick-start guide that goes into the zip: the clerk's guide once it exists.
GUIDE     := $(firstword $(wildcard docs/使用说明.md) README.md)
windows: win-deps go
	GOOS= GOARCH= $(GO) run $(WINRES) make --in cmd/secdesk/winres/winres.json \
		--arch amd64 --out cmd/secdesk/rsrc \
		--product-version $(VERSION) --file-version $(VERSION).$(BUILDNUM)
	$(WIN_ENV) $(GO) build -tags $(TAGS) -ldflags '$(WIN_LDFLAGS)' -o $(BIN).exe ./cmd/secdesk
	rm -rf bin/zip bin/secdesk-windows.zip.tmp && mkdir -p bin/zip
	cp $(BIN).exe "$(GUIDE)" bin/zip/
	if [ -d docs/guide ]; then cp -r docs/guide bin/zip/; fi # the guide's pictures
	cd bin/zip && zip -q -X -r -UN=UTF8 ../secdesk-windows.zip.tmp .
	mv bin/secdesk-windows.zip.tmp bin/secdesk-windows.zip && rm -rf bin/zip
	@ls -l $(BIN).exe bin/secdesk-windows.zip

wine-check: windows build
	.ci/wine-check

# demo.db is left alone: a clerk may have typed into it.
clean:
	rm -rf bin $(WIN_SYSO)
