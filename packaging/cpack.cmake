# The Debian package, made by CPack from the install() rules: packaging/dev package writes
# build/hanji_<version>_<arch>.deb.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hanji)
set(CPACK_PACKAGE_VENDOR "The Hanji developers")
set(CPACK_PACKAGE_CONTACT "The Hanji developers <hanji@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "reader for daily AI-paper digests")
set(CPACK_PACKAGE_DESCRIPTION
    "Hanji reads archives of daily AI-paper digests (Markdown files, one a day, with Korean\n"
    "summaries) and makes them a library: a date tree, a sortable and filterable paper list,\n"
    "the summary rendered with its arXiv links and thumbnail, full-text search that finds\n"
    "one-syllable Korean words, bookmarks with notes and tags, and export to Markdown,\n"
    "BibTeX, RIS, CSV and JSON. The same library answers on the command line.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
# The installed files go under /usr, as a distribution's own packages do.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # hanji_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The libraries the binary links come from dpkg-shlibdeps, never written by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What the binary loads at run time and shlibdeps cannot see, because Qt opens it as a plugin:
# the SQLite driver (the library is SQLite; nothing works without it) and the SVG icon
# engine (the bundled icons and the hicolor application icon are SVG).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-svg-plugins")
# Good to have, not needed to run: Qt's own dialogs in the desktop's language, a font with
# Hangul for the Korean summaries (a system without one shows empty boxes), the WebP decoder
# for thumbnails served as WebP (without it they show as the placeholder), and git, which
# Update and Add Archive run (without it they say so).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, fonts-noto-cjk, qt6-image-formats-plugins, git")

include(CPack)
