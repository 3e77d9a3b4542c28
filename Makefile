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
# TestClientsParse runs on the invites; a window manager with GTK 3
# and Qt 5 drop targets for the drag-out end-to-end test (ui/dragout);
# the age tool (1.4 MB), which storage/sealed's TestAgeToolDecrypts
# runs on Rapport's encrypted files; and the D-Bus daemon, for the private
# session bus on which TestSmokeTray plays the panel's tray watcher.
TEST_PKGS := xvfb xdotool imagemagick gir1.2-ical-3.0 python3-gi \
	openbox gir1.2-gtk-3.0 python3-pyqt5 age dbus-daemon

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

.PHONY: deps test-deps ics-clients build run test bench bench-startup clean

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
	$(GO) vet -tags 'smoke describe' .
	$(TEST_ENV) $(GO) test -race -count=1 ./...
	$(TEST_ENV) $(GO) test -short -count=1 -run '^$$' -bench . -benchtime 1x ./...
	$(TEST_ENV) $(GO) test -count=1 -timeout 15m -tags smoke -run 'TestSmoke' -v .
	$(TEST_ENV) $(GO) test -count=1 -timeout 10m -tags e2e -run E2E -v ./ui/dragout/

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# bench-startup times Rapport on a 5,000-person sample database against a
# minimal Fyne window (testdata/minimal) under Xvfb, alternating starts,
# and prints the ratios, peak RSS, idle CPU and binary sizes
# (startup_test.go). It fails only when something does not work.
STARTUP_RUNS ?= 7
bench-startup: deps test-deps
	$(TEST_ENV) $(GO) test -count=1 -timeout 20m -tags startup -run TestStartupFootprint -v . -startupRuns $(STARTUP_RUNS)

clean:
	rm -f $(BIN) $(BIN).exe
	rm -rf dist

# --- Packages -------------------------------------------------------------
#
# make package          dist/rapport-VERSION-linux-ARCH.tar.xz (fyne's layout:
#                       rapport/usr/local/{bin,share/applications,share/pixmaps}
#                       and a Makefile with user-install and install)
# make install-user     that package installed into ~/.local, in the menu
# make uninstall-user   removes it again
# make package-windows  dist/rapport-VERSION-windows-amd64.exe, cross-built
#                       with mingw-w64, with icon, version and manifest
# make test-package     builds both and checks them: the tarball's files and
#                       desktop entry, the .exe's resources, and the .exe
#                       run under wine on a private Xvfb display
#
# The fyne CLI is pinned and built into dist/tools. It builds a release
# binary: -trimpath, stripped (-ldflags "-s -w"), the "release" tag. It
# runs on a copy of the tree in a temporary folder, removed afterwards
# even on failure, because it writes into the folder it packages: it bumps
# Build in FyneApp.toml, adds a metadata init file and, for Windows, a
# resource file, and replaces ./rapport. The checkout is never touched.

FYNE_VERSION := v1.7.4
FYNE := dist/tools/fyne-$(FYNE_VERSION)/fyne

# Read from FyneApp.toml when a packaging target needs them.
APP_NAME = $(shell sed -n 's/^[[:space:]]*Name[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
APP_ID = $(shell sed -n 's/^[[:space:]]*ID[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
APP_VERSION = $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
GOARCH_HOST = $(shell $(GO) env GOARCH)

LINUX_PKG = dist/$(BIN)-$(APP_VERSION)-linux-$(GOARCH_HOST).tar.xz
WINDOWS_EXE = dist/$(BIN)-$(APP_VERSION)-windows-amd64.exe

# The tarball's entries get this time (the last commit's), owner and order,
# so the same binary always gives the same tarball.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

# Debian packages: tar and xz for the Linux package; the mingw-w64 C
# compiler for the Windows build (cgo SQLite and GLFW); and what
# test-package needs: Xvfb, xdotool and ImageMagick to see the window,
# wine to run the .exe, Debian's python3-pefile to read its resources,
# and desktop-file-validate.
PACKAGE_PKGS := tar xz-utils
WINDOWS_PKGS := gcc-mingw-w64-x86-64
WINDOWS_CC := x86_64-w64-mingw32-gcc
PACKAGE_TEST_PKGS := xvfb xdotool imagemagick wine wine64 python3-pefile \
	desktop-file-utils

# stage-tree copies the tree to the folder $(1), leaving out what is not
# source: git, dist, node_modules, binaries, databases, failed test images.
define stage-tree
tar -cf - --exclude=./.git --exclude=./dist --exclude=node_modules \
	--exclude=./$(BIN) --exclude=./$(BIN).exe --exclude='*.db' \
	--exclude='*.db-*' --exclude=testdata/failed . | tar -xf - -C $(1)
endef

.PHONY: package install-user uninstall-user package-windows test-package

$(FYNE):
	GOBIN=$(CURDIR)/$(dir $@) $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_VERSION)

# package writes the Linux tarball. fyne writes StartupWMClass=Name and has
# no setting for it; the entry here says the app ID, which is the Wayland
# app_id Fyne sets and the X11 WM_CLASS Rapport sets (ui/wmclass), so the
# desktop file is fixed and the tarball packed again with fixed owners,
# order and times.
package: deps $(FYNE)
	@$(call ensure-pkgs,$(PACKAGE_PKGS))
	@set -e; stage=$$(mktemp -d); trap 'rm -rf "$$stage"' EXIT; \
	mkdir "$$stage/src" "$$stage/out"; \
	$(call stage-tree,"$$stage/src"); \
	echo "fyne package -os linux -release (in a copy of the tree)"; \
	(cd "$$stage/src" && "$(CURDIR)/$(FYNE)" package -os linux -release); \
	tar -xJf "$$stage/src/$(APP_NAME).tar.xz" -C "$$stage/out"; \
	desk=$$(find "$$stage/out" -name '$(APP_ID).desktop'); \
	test -n "$$desk" || { echo "no $(APP_ID).desktop in fyne's tarball" >&2; exit 1; }; \
	sed -i 's/^StartupWMClass=.*/StartupWMClass=$(APP_ID)/' "$$desk"; \
	grep -qx 'StartupWMClass=$(APP_ID)' "$$desk" || { echo "no StartupWMClass in $$desk" >&2; exit 1; }; \
	mkdir -p dist; \
	tar --sort=name --owner=0 --group=0 --numeric-owner --mode=go-w \
		--mtime=@$(SOURCE_DATE_EPOCH) -C "$$stage/out" -cJf $(LINUX_PKG).tmp $(BIN); \
	mv $(LINUX_PKG).tmp $(LINUX_PKG)
	@ls -l $(LINUX_PKG)

# install-user installs the package with its own Makefile's user-install
# (binary in ~/.local/bin, the entry in ~/.local/share/applications with
# Exec made absolute, the icon in ~/.local/share/icons) and puts the icon
# in the hicolor theme too, where every desktop looks for it.
install-user: package
	rm -rf dist/user-install
	mkdir -p dist/user-install
	tar -xJf $(LINUX_PKG) -C dist/user-install
	$(MAKE) --no-print-directory -C dist/user-install/$(BIN) user-install
	install -Dm644 "$$HOME/.local/share/icons/$(APP_ID).png" \
		"$$HOME/.local/share/icons/hicolor/512x512/apps/$(APP_ID).png"
	rm -rf dist/user-install
	@echo "Installed $$HOME/.local/bin/$(BIN); $(APP_NAME) is in the applications menu"

uninstall-user:
	rm -f "$$HOME/.local/bin/$(BIN)" \
		"$$HOME/.local/share/applications/$(APP_ID).desktop" \
		"$$HOME/.local/share/icons/$(APP_ID).png" \
		"$$HOME/.local/share/icons/hicolor/512x512/apps/$(APP_ID).png"

# package-windows cross-builds the .exe; fyne package embeds the icon, the
# version and a manifest as resources.
package-windows: $(FYNE)
	@$(call ensure-pkgs,$(WINDOWS_PKGS))
	@set -e; stage=$$(mktemp -d); trap 'rm -rf "$$stage"' EXIT; \
	$(call stage-tree,"$$stage"); \
	echo "fyne package -os windows -release (in a copy of the tree, CC=$(WINDOWS_CC))"; \
	(cd "$$stage" && CC=$(WINDOWS_CC) GOOS=windows GOARCH=amd64 CGO_ENABLED=1 \
		"$(CURDIR)/$(FYNE)" package -os windows -release); \
	mkdir -p dist; \
	cp "$$stage/$(APP_NAME).exe" $(WINDOWS_EXE).tmp; \
	mv $(WINDOWS_EXE).tmp $(WINDOWS_EXE)
	@ls -l $(WINDOWS_EXE)

# test-package checks both packages (package_test.go, wine_smoke_test.go),
# the installers made from them (test-installers, below) and dragging an
# invite out of the window on Windows (test-windows-drag, below).
test-package: package package-windows test-installers test-windows-drag
	@$(call ensure-pkgs,$(PACKAGE_TEST_PKGS) $(WINDOWS_PKGS))
	$(TEST_ENV) RAPPORT_LINUX_PKG=$(CURDIR)/$(LINUX_PKG) RAPPORT_WINDOWS_EXE=$(CURDIR)/$(WINDOWS_EXE) \
		$(GO) test -count=1 -timeout 20m -tags package,wine -run 'TestPackage|TestWine' -v .

# --- Dragging out on Windows, under wine ----------------------------------
#
# make test-windows-drag  the cross-built .exe's drag out of the window
#                         (ui/dragout/dragout_windows.go) under wine on a
#                         private Xvfb, onto a mingw-w64 OLE drop target
#                         (testdata/wine/droptarget.c); see docs/drag-out.md

WINDOWS_DRAG_PKGS := xvfb xdotool wine wine64 $(WINDOWS_PKGS)

.PHONY: windows-drag-deps test-windows-drag

windows-drag-deps:
	@$(call ensure-pkgs,$(WINDOWS_DRAG_PKGS))

# test-windows-drag runs windrag_wine_test.go (build tags wine windrag) on
# the release .exe: a control drag from a C source, then Rapport's handle
# dropped on the target, on the desktop, back on Rapport, Esc, and again.
test-windows-drag: windows-drag-deps package-windows
	$(TEST_ENV) RAPPORT_WINDOWS_EXE=$(CURDIR)/$(WINDOWS_EXE) \
		$(GO) test -count=1 -timeout 20m -tags 'wine windrag' -run TestWindowsDragOut -v .

# --- Installers: a Debian package and a Windows MSI ------------------------
#
# make package-deb      dist/rapport_VERSION_ARCH.deb, from the tarball's
#                       binary and desktop entry, with dpkg-deb
#                       (packaging/linux/build-deb.sh)
# make package-msi      dist/rapport-VERSION-x64.msi, from the .exe, with
#                       wixl (packaging/windows/rapport.wxs)
# make test-installers  builds both and checks them (installer_test.go,
#                       installer_wine_test.go): lintian, appstreamcli
#                       validate, the MSI's tables, and the MSI installed,
#                       upgraded, started and uninstalled under wine

# Debian packages: dpkg-dev (dpkg-shlibdeps), ImageMagick (the icon's
# sizes) and the X11 and Wayland libraries GLFW opens at run time (the
# .deb depends on the packages that hold them) for the .deb; wixl and
# ImageMagick (the .ico) for the MSI; and for the checks lintian,
# appstream (appstreamcli), desktop-file-utils, man-db and msitools.
DEB_PKGS := dpkg-dev imagemagick libx11-6 libx11-xcb1 libxcursor1 libxrandr2 \
	libxinerama1 libxi6 libxxf86vm1 libxext6 libxrender1 libxkbcommon0 \
	libwayland-cursor0 libwayland-egl1 libegl1
MSI_PKGS := wixl imagemagick
INSTALLER_TEST_PKGS := lintian appstream desktop-file-utils man-db msitools

DEB_ARCH = $(shell dpkg --print-architecture 2>/dev/null || $(GO) env GOARCH)
LINUX_DEB = dist/$(BIN)_$(APP_VERSION)_$(DEB_ARCH).deb
WINDOWS_MSI = dist/$(BIN)-$(APP_VERSION)-x64.msi
# The same installer under an older version: test-installers installs it
# first, so that the real one has to upgrade it in place.
MSI_PREVIOUS_VERSION := 0.0.1
WINDOWS_MSI_PREVIOUS = dist/test/$(BIN)-$(MSI_PREVIOUS_VERSION)-x64.msi

# build-msi writes the MSI $(2) of version $(1) from the .exe, with an
# icon made from assets/icon.png. (wixl finds sources by paths relative
# to the current folder only: the icon is made beside the MSI.)
define build-msi
set -e; mkdir -p $(dir $(2)); trap 'rm -f $(2).ico' EXIT; \
convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 $(2).ico; \
wixl -a x64 -D Version=$(1) -D Exe=$(WINDOWS_EXE) -D Icon=$(2).ico \
	-o $(2).tmp packaging/windows/rapport.wxs; \
mv $(2).tmp $(2); ls -l $(2)
endef

.PHONY: package-deb package-msi package-msi-previous test-installers

package-deb: package
	@$(call ensure-pkgs,$(DEB_PKGS))
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) sh packaging/linux/build-deb.sh \
		$(LINUX_PKG) $(APP_ID) $(APP_VERSION) $(LINUX_DEB)
	@ls -l $(LINUX_DEB)

package-msi: package-windows
	@$(call ensure-pkgs,$(MSI_PKGS))
	@$(call build-msi,$(APP_VERSION),$(WINDOWS_MSI))

package-msi-previous: package-windows
	@$(call ensure-pkgs,$(MSI_PKGS))
	@$(call build-msi,$(MSI_PREVIOUS_VERSION),$(WINDOWS_MSI_PREVIOUS))

test-installers: package-deb package-msi package-msi-previous
	@$(call ensure-pkgs,$(INSTALLER_TEST_PKGS) $(PACKAGE_TEST_PKGS) $(WINDOWS_PKGS))
	$(TEST_ENV) RAPPORT_DEB=$(CURDIR)/$(LINUX_DEB) RAPPORT_MSI=$(CURDIR)/$(WINDOWS_MSI) \
		RAPPORT_MSI_PREVIOUS=$(CURDIR)/$(WINDOWS_MSI_PREVIOUS) \
		$(GO) test -count=1 -timeout 20m -tags package,wine -run 'TestInstaller' -v .
