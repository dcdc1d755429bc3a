#pragma once

#include <QMainWindow>

class QTreeWidget;

namespace hanji {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    void openFolder(const QString &folder);

private:
    QTreeWidget *m_papers;
};

} // namespace hanji
