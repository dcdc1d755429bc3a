#pragma once

#include <QDialog>

class QLabel;

namespace hanji {

// Help › About Hanji: the version, the licence, where the data come from, and the versions of
// the libraries the reader runs on (Qt, QtWebEngine's Chromium, KDE Frameworks).
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    // libraryDirectory: where this window's library lives, said in the data paragraph.
    explicit AboutDialog(const QString &libraryDirectory, QWidget *parent = nullptr);

    // "Hanji 0.1.0", from the application's version.
    [[nodiscard]] QString versionText() const;
    // The library versions, one a line.
    [[nodiscard]] QString componentsText() const;

private:
    QLabel *m_version;
    QLabel *m_components;
};

} // namespace hanji
