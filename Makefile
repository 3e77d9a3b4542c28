# Rapport: build, run and test on Debian/Ubuntu (other systems: install the
# equivalents of BUILD_PKGS and TEST_PKGS by hand; the targets then work).

GO  ?= go
BIN := rapport

# Debian packages needed to build (cgo SQLite, GLFW for X11 and Wayland).
BUILD_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev \
	libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
	libwayland-dev libxkbcommon-dev wayland-protocols

# Extra Debian packages the tests need: the window smoke test's;
# libical's GObject binding for Debian's Python, which storage/ics's
# TestClientsParse runs on the invites; and a window manager with GTK 3
# and Qt 5 drop targets for the drag-out end-to-end test (ui/dragout).
TEST_PKGS := xvfb xdotool imagemagick gir1.2-ical-3.0 python3-gi \
	openbox gir1.2-gtk-3.0 python3-pyqt5

# Node.js and npm for ical.js, the other parser TestClientsParse runs,
# installed only when there is no npm: Debian's npm conflicts with a
# Node.js from elsewhere that bundles its own.
NODE_PKGS := nodejs npm

# Where ical.js is installed (npm ci, from the lockfile there).
ICS_CLIENTS := storage/ics/testdata/clients
ICS_CLIENTS_STAMP := $(ICS_CLIENTS)/node_modules/.installed

# Tests run under a locale Fyne knows, with no terminal needed, and with
# the invite checkers required (missing, they fail instead of skipping).
TEST_ENV := LANG=en_US.UTF-8 RAPPORT_REQUIRE_CLIENTS=1

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

.PHONY: deps test-deps ics-clients build run test bench clean

deps:
	@$(call ensure-pkgs,$(BUILD_PKGS))

test-deps:
	@$(call ensure-pkgs,$(TEST_PKGS))
	@command -v npm >/dev/null 2>&1 || { $(call ensure-pkgs,$(NODE_PKGS)); }

# ics-clients installs ical.js for storage/ics's TestClientsParse, again
# only when package.json or the lockfile changed since the last install.
ics-clients: $(ICS_CLIENTS_STAMP)

$(ICS_CLIENTS_STAMP): $(ICS_CLIENTS)/package.json $(ICS_CLIENTS)/package-lock.json | test-deps
	cd $(ICS_CLIENTS) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

build:
	$(GO) build -o $(BIN) .

run: deps build
	./$(BIN)

test: deps test-deps ics-clients
	$(GO) vet ./...
	$(TEST_ENV) $(GO) test -race -count=1 ./...
	$(TEST_ENV) $(GO) test -short -count=1 -run '^$$' -bench . -benchtime 1x ./...
	$(TEST_ENV) $(GO) test -count=1 -timeout 15m -tags smoke -run 'TestSmoke' -v .
	$(TEST_ENV) $(GO) test -count=1 -timeout 10m -tags e2e -run E2E -v ./ui/dragout/

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -f $(BIN) $(BIN).exe
