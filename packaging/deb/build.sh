#!/usr/bin/env bash
# Builds NightLeg's Debian package for Raspberry Pi OS and Debian: packaging/deb/build.sh ARCH OUT_DIR [PUBLISHED]
#   ARCH       amd64 or arm64
#   OUT_DIR    where nightleg_<version>_<arch>.deb is written
#   PUBLISHED  an existing self-contained publish of NightLeg.Mobile for that architecture (else it is published here)
# The program goes under /usr/lib/nightleg, `nightleg` on PATH, the systemd unit (written by the program's own
# SystemdUnit, see nightleg.service) runs as the system user nightleg with its data in /var/lib/nightleg. The
# install never starts or enables it; remove keeps the data, purge deletes it.
set -euo pipefail
arch=${1:?amd64 or arm64}
out=${2:?output folder}
published=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
case "$arch" in
  amd64) rid=linux-x64 ;;
  arm64) rid=linux-arm64 ;;
  *) echo "build.sh: $arch is not amd64 or arm64" >&2; exit 2 ;;
esac
version=$(sed -n "s:.*<Version>\(.*\)</Version>.*:\1:p" "$root/Directory.Build.props" | head -1)
version=${version:-0.1.0}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/usr/lib/nightleg" "$stage/usr/bin" "$stage/lib/systemd/system" "$stage/DEBIAN" "$stage/usr/share/doc/nightleg"
if [[ -z "$published" ]]; then
  published="$stage/publish"
  dotnet publish "$root/NightLeg.Mobile" -c Release -r "$rid" --self-contained -o "$published" -nologo -v quiet
fi
cp -a "$published/." "$stage/usr/lib/nightleg/"
rm -rf "$stage/publish"
find "$stage/usr/lib/nightleg" -name '*.pdb' -delete
ln -s /usr/lib/nightleg/nightleg "$stage/usr/bin/nightleg"
install -m 0644 "$here/nightleg.service" "$stage/lib/systemd/system/nightleg.service"
install -m 0644 "$root/README.md" "$stage/usr/share/doc/nightleg/README.md"
for script in postinst prerm postrm; do
  install -m 0755 "$here/$script" "$stage/DEBIAN/$script"
done
size=$(du -sk "$stage/usr" "$stage/lib" | awk '{s+=$1} END {print s}')
cat > "$stage/DEBIAN/control" <<CONTROL
Package: nightleg
Version: $version
Architecture: $arch
Maintainer: NightLeg <nightleg@localhost>
Installed-Size: $size
Depends: libc6, libgcc-s1, libstdc++6, zlib1g, libicu72 | libicu74 | libicu76 | libicu-dev, adduser
Recommends: bluez
Section: misc
Priority: optional
Homepage: https://github.com/nightleg/nightleg
Description: companion for night-time leg cramps
 Keeps a Bluetooth LE link to a heart-rate or motion wearable all night, notices a
 sudden awakening, shows cramp relief guidance and a one-tap log, and keeps a diary
 of cramp nights. Serves its app on this machine (and, with --lan, to the phone).
 Data stays on the machine.
CONTROL
mkdir -p "$out"
deb="$out/nightleg_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$stage" "$deb" >/dev/null
echo "$deb"
