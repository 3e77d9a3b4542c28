# Rapport: build, run and test on Debian/Ubuntu (other systems: install the
# equivalents of BUILD_PKGS and TEST_PKGS by hand; the targets then work).

GO  ?= go
BIN := rapport

# Debian packages needed to build (cgo SQLite, GLFW for X11 and Wayland).
BUILD_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev \
	libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
	libwayland-dev libxkbcommon-dev wayland-protocols

# Extra Debian packages the window smoke test needs.
TEST_PKGS := xvfb xdotool imagemagick

# Tests run under a locale Fyne knows, with no terminal needed.
TEST_ENV := LANG=en_US.UTF-8

# ensure-pkgs installs whichever of the Debian packages in $(1) are missing:
# directly as root, through sudo when it needs no password, and otherwise
# prints the command to run and fails. It never prompts. Without dpkg-query
# (not Debian or Ubuntu) it only says what it would have checked.
define ensure-pkgs
if ! command -v dpkg-query >/dev/null 2>&1; then \
	echo "dpkg-query not found (not Debian/Ubuntu): skipping the package check; make sure you have the equivalents of: $(strip $(1))"; \
	exit 0; \
fi; \
missing=""; \
for p in $(1); do \
	case "$$(dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null)" in \
	*" ok installed") ;; \
	*) missing="$$missing $$p" ;; \
	esac; \
done; \
if [ -z "$$missing" ]; then exit 0; fi; \
echo "Missing Debian packages:$$missing"; \
if [ "$$(id -u)" -eq 0 ]; then \
	as=""; \
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	as="sudo"; \
else \
	echo "Install them with:"; \
	echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends$$missing"; \
	exit 1; \
fi; \
set -e; \
$$as apt-get -o DPkg::Lock::Timeout=300 update </dev/null; \
$$as env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends $$missing </dev/null
endef

.PHONY: deps test-deps build run test bench clean

deps:
	@$(call ensure-pkgs,$(BUILD_PKGS))

test-deps:
	@$(call ensure-pkgs,$(TEST_PKGS))

build:
	$(GO) build -o $(BIN) .

run: deps build
	./$(BIN)

test: deps test-deps
	$(GO) vet ./...
	$(TEST_ENV) $(GO) test -race -count=1 ./...
	$(TEST_ENV) $(GO) test -short -count=1 -run '^$$' -bench . -benchtime 1x ./...
	$(TEST_ENV) $(GO) test -count=1 -timeout 15m -tags smoke -run TestSmokeWindow -v .

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -f $(BIN) $(BIN).exe
