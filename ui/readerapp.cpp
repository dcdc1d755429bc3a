#include "readerapp.h"

#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hanji {

int runReader(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Hanji, a reader for daily AI-paper digests."_s);
    parser.addPositionalArgument(u"FOLDER"_s, u"A folder of digest files to open."_s, u"[FOLDER]"_s);
    const QCommandLineOption screenshot(u"screenshot"_s, u"Write a PNG of the window once loaded, then exit."_s,
                                        u"FILE"_s);
    parser.addOption(screenshot);
    parser.process(app);

    MainWindow window;
    window.resize(1400, 860);
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFolder(parser.positionalArguments().constFirst());

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(1500, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}

} // namespace hanji
