#include "mainwindow.h"

#include "digestparser.h"
#include "digestscan.h"

#include <QHeaderView>
#include <QStatusBar>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace hanji {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_papers(new QTreeWidget(this))
{
    m_papers->setHeaderLabels({ tr("Date"), tr("Votes"), tr("Title"), tr("Authors") });
    m_papers->setRootIsDecorated(false);
    m_papers->setSortingEnabled(true);
    setCentralWidget(m_papers);
}

void MainWindow::openFolder(const QString &folder)
{
    m_papers->clear();
    int warnings = 0;
    for (const QString &file : collectDigestFiles({ folder }).files) {
        const DigestReadResult result = readDigestFile(file);
        warnings += result.digest.warnings.size();
        for (const DigestEntry &entry : result.digest.entries) {
            auto *item = new QTreeWidgetItem(m_papers);
            item->setText(0, entry.date.toString(Qt::ISODate));
            item->setData(1, Qt::DisplayRole, entry.votes ? QVariant(*entry.votes) : QVariant());
            item->setText(2, entry.title);
            item->setText(3, entry.authors.join(u", "_s));
        }
    }
    m_papers->header()->resizeSection(2, 600);
    m_papers->sortByColumn(0, Qt::DescendingOrder);
    statusBar()->showMessage(tr("%1 papers, %2 warnings").arg(m_papers->topLevelItemCount()).arg(warnings));
    setWindowTitle(folder);
}

} // namespace hanji
