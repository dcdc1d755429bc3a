#include "cli.h"
#include "readerapp.h"
#include "urlscheme.h"

#include <QApplication>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    hanji::registerHanjiUrlScheme(); // QtWebEngine takes schemes only before the application exists
    // Organisation and application both "hanji": settings, library and cache all live in
    // folders named hanji (~/.config/hanji, ~/.local/share/hanji/hanji, ~/.cache/hanji/hanji).
    QCoreApplication::setOrganizationName(QStringLiteral("hanji"));
    QCoreApplication::setApplicationName(QStringLiteral("hanji"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HANJI_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // Subcommands run without a display: no QApplication, no platform plugin.
    if (hanji::cli::wantsCommandLine(arguments)) {
        QCoreApplication app(argc, argv);
        return hanji::cli::run(app.arguments());
    }
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Hanji"));
    return hanji::runReader(app);
}
