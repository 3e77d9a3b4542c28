#!/bin/sh
# build-deb.sh TARBALL ID VERSION OUT: writes the Debian package OUT from the
# Linux tarball of `make package` (its release binary and desktop entry),
# with dpkg-deb. make package-deb runs it; see the Makefile.
#
# The package holds /usr/bin/rapport, the desktop entry, the icon in the
# hicolor sizes, the AppStream metainfo, the manual page rapport(1) written
# by the binary itself (rapport help --man, from the same list as --help),
# the copyright file and a changelog. Depends is what dpkg-shlibdeps finds
# for the binary's shared libraries. Every file gets the time
# $SOURCE_DATE_EPOCH and root as owner, so the same binary gives the same
# package.
set -eu

tarball=$1 id=$2 version=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
: "${SOURCE_DATE_EPOCH:=0}"
export SOURCE_DATE_EPOCH

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root=$stage/debian/rapport

# The tarball's binary and desktop entry (fyne's layout: rapport/usr/local
# or rapport/usr, with StartupWMClass already fixed by make package).
mkdir "$stage/tar"
tar -xJf "$tarball" -C "$stage/tar"
bin=$(find "$stage/tar" -path '*/bin/rapport' -type f)
desktop=$(find "$stage/tar" -name "$id.desktop" -type f)
icon=$(find "$stage/tar" -name "$id.png" -type f)
for f in "$bin" "$desktop" "$icon"; do
	[ -n "$f" ] || { echo "build-deb: the tarball lacks the binary, the desktop entry or the icon" >&2; exit 1; }
done

install -Dm755 "$bin" "$root/usr/bin/rapport"
install -Dm644 "$desktop" "$root/usr/share/applications/$id.desktop"
install -Dm644 "$here/$id.metainfo.xml" "$root/usr/share/metainfo/$id.metainfo.xml"

# The icon in the sizes desktops look for; no metadata chunks (times).
for size in 16 22 24 32 48 64 128 256 512; do
	dir=$root/usr/share/icons/hicolor/${size}x${size}/apps
	mkdir -p "$dir"
	convert "$icon" -resize "${size}x${size}" -strip \
		-define png:exclude-chunks=date,time "$dir/$id.png"
	chmod 644 "$dir/$id.png"
done

doc=$root/usr/share/doc/rapport
mkdir -p "$doc" "$root/usr/share/man/man1"
"$root/usr/bin/rapport" help --man >"$stage/rapport.1"
gzip -9n <"$stage/rapport.1" >"$root/usr/share/man/man1/rapport.1.gz"
install -m644 "$here/copyright" "$doc/copyright"
date=$(date -u -R -d "@$SOURCE_DATE_EPOCH")
cat >"$stage/changelog" <<EOF
rapport ($version) unstable; urgency=medium

  * Release $version. What changed: the <releases> of
    /usr/share/metainfo/$id.metainfo.xml.

 -- Rapport <dev@rapport.invalid>  $date
EOF
gzip -9n <"$stage/changelog" >"$doc/changelog.gz"
chmod 644 "$root/usr/share/man/man1/rapport.1.gz" "$doc/changelog.gz"

# Depends from the binary's shared libraries: dpkg-shlibdeps reads the
# packages that provide them, and wants a debian/control to run in.
mkdir -p "$root/DEBIAN"
printf 'Source: rapport\n\nPackage: rapport\nArchitecture: any\n' >"$stage/debian/control"
depends=$(cd "$stage" && dpkg-shlibdeps -O -e debian/rapport/usr/bin/rapport | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "build-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
# GLFW opens the X11 and Wayland libraries itself (dlopen) when the
# window starts, so dpkg-shlibdeps cannot see them: they are added by the
# package that holds each one here (the -dev packages make build installs
# them).
for so in libX11.so.6 libX11-xcb.so.1 libXcursor.so.1 libXrandr.so.2 libXinerama.so.1 \
	libXi.so.6 libXxf86vm.so.1 libXext.so.6 libXrender.so.1 libxkbcommon.so.0 \
	libwayland-cursor.so.0 libwayland-egl.so.1 libEGL.so.1; do
	pkg=$(dpkg-query -S "*/$so" 2>/dev/null | sed -n '1s/[:,].*//p')
	[ -n "$pkg" ] || { echo "build-deb: no installed package has $so (make deps installs them)" >&2; exit 1; }
	depends="$depends, $pkg"
done
size=$(du -sk --apparent-size "$root/usr" | cut -f1)
arch=$(dpkg --print-architecture)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
	-e "s#@DEPENDS@#$depends#" "$here/control.in" >"$root/DEBIAN/control"
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) >"$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

find "$root" -type d -exec chmod 755 {} +
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$(dirname "$out")"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out.tmp" >/dev/null
mv "$out.tmp" "$out"
