#include "cli.h"
#include "commands.h"
#include "readerapp.h"
#include "scenegraphchoice.h"
#include "urlscheme.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    hanji::registerHanjiUrlScheme(); // QtWebEngine takes schemes only before the application exists
    // Organisation and application both "hanji": settings, library and cache all live in
    // folders named hanji (~/.config/hanji, ~/.local/share/hanji/hanji, ~/.cache/hanji/hanji).
    QCoreApplication::setOrganizationName(QStringLiteral("hanji"));
    QCoreApplication::setApplicationName(QStringLiteral("hanji"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HANJI_VERSION));

    const hanji::Result<QStringList> decoded = hanji::cli::decodeArguments(argc, argv);
    if (!decoded) {
        std::fprintf(stderr, "hanji: %s\n", qUtf8Printable(decoded.error().message));
        return hanji::cli::BadUsage;
    }
    const QStringList &arguments = *decoded;

    // Subcommands run without a display: no QApplication, no platform plugin.
    if (hanji::cli::wantsCommandLine(arguments)) {
        QCoreApplication app(argc, argv);
        return hanji::cli::run(app.arguments());
    }
    hanji::chooseSceneGraph(); // before the first window
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Hanji"));
    return hanji::runReader(app);
}
