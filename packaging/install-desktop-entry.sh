#!/usr/bin/env bash
# Put the desktop bundle in the applications menu (packaging; copied into the bundle by `make dist`):
#   ./install-desktop-entry.sh              the .desktop file, icons and AppStream metainfo for this user
#   ./install-desktop-entry.sh --uninstall  remove them again
# The bundle folder stays where it is; the menu entry starts its `bilingual-reader`.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ID=io.github.bilingualreader.BilingualReader
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
if [ "${1:-}" = --uninstall ]; then
    rm -f "$DATA/applications/$ID.desktop" "$DATA/metainfo/$ID.metainfo.xml"
    find "$DATA/icons/hicolor" -name "$ID.*" -delete 2>/dev/null || true
    echo "removed the Bilingual Reader menu entry"
    exit 0
fi
mkdir -p "$DATA/applications" "$DATA/metainfo"
sed "s|^Exec=bilingual-reader$|Exec=\"$HERE/bilingual-reader\"|" "$HERE/share/applications/$ID.desktop" \
    > "$DATA/applications/$ID.desktop"
cp "$HERE/share/metainfo/$ID.metainfo.xml" "$DATA/metainfo/"
(cd "$HERE/share/icons" && find hicolor -name "$ID.*" -exec install -D -m 644 {} "$DATA/icons/{}" \;)
command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" 2>/dev/null || true
echo "Bilingual Reader is in the applications menu (runs $HERE/bilingual-reader)"
