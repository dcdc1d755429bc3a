#include "newscontroller.h"

#include "addarchivedialog.h"
#include "archivecontroller.h"
#include "datetreemodel.h"
#include "filterbar.h"
#include "icons.h"
#include "importcontroller.h"
#include "library.h"
#include "mainwindow.h"
#include "notifier.h"
#include "paperfilterproxy.h"
#include "readeractions.h"

#include <QAction>
#include <QActionGroup>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QSet>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
const QString kUpdateOnStart = u"update/onStart"_s;
const QString kUpdateEveryHours = u"update/everyHours"_s;
} // namespace

NewsController::NewsController(MainWindow *window, Library &library, DateTreeModel *dates, ReaderActions *actions)
    : QObject(window)
    , m_window(window)
    , m_library(library)
    , m_dates(dates)
    , m_actions(actions)
    , m_archive(new ArchiveController(this))
    , m_notifier(new Notifier(this))
    , m_progress(new QProgressBar(window))
    , m_cancel(new QToolButton(window))
{
    m_progress->setMaximumWidth(220);
    m_progress->setRange(0, 100);
    m_progress->hide();
    m_cancel->setText(tr("Cancel"));
    m_cancel->setIcon(actionIcon("process-stop"));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancel->setToolTip(tr("Stops git. The folder stays as it was."));
    m_cancel->hide();
    window->statusBar()->addPermanentWidget(m_progress);
    window->statusBar()->addPermanentWidget(m_cancel);
    buildActions();

    connect(m_cancel, &QToolButton::clicked, m_archive, &ArchiveController::cancel);
    connect(m_archive, &ArchiveController::started, this, [this](const QString &what) {
        m_progress->setFormat(what + u" %p%"_s);
        m_progress->setValue(0);
        showProgress(true);
    });
    connect(m_archive, &ArchiveController::progress, this, [this](const QString &phase, int percent) {
        m_progress->setToolTip(phase);
        m_progress->setValue(percent);
    });
    connect(m_archive, &ArchiveController::updatableChanged, this, [this](bool) {
        updateActions();
        if (std::exchange(m_updateWhenProbed, false))
            update();
    });
    connect(m_archive, &ArchiveController::updateFinished, this, &NewsController::onUpdateFinished);
    connect(m_archive, &ArchiveController::cloneFinished, this, &NewsController::onCloneFinished);
    connect(m_notifier, &Notifier::activated, this, &NewsController::showNew);
    connect(&m_periodic, &QTimer::timeout, this, &NewsController::update);
    connect(m_window->dateTreeView()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NewsController::updateActions);
}

void NewsController::buildActions()
{
    connect(m_actions->update, &QAction::triggered, this, &NewsController::update);
    connect(m_actions->addArchive, &QAction::triggered, this, &NewsController::addArchive);
    connect(m_actions->saveSearch, &QAction::triggered, this, &NewsController::saveSearch);
    connect(m_actions->renameSavedSearch, &QAction::triggered, this, &NewsController::renameSavedSearch);
    connect(m_actions->removeSavedSearch, &QAction::triggered, this, &NewsController::removeSavedSearch);

    QMenu *menu = m_actions->autoUpdate;
    m_updateOnStart = menu->addAction(tr("When Hanji Starts"));
    m_updateOnStart->setCheckable(true);
    m_updateOnStart->setChecked(m_settings.value(kUpdateOnStart, false).toBool());
    connect(m_updateOnStart, &QAction::toggled, this, [this](bool on) { m_settings.setValue(kUpdateOnStart, on); });
    menu->addSeparator();
    m_every = new QActionGroup(this);
    const int chosen = m_settings.value(kUpdateEveryHours, 0).toInt();
    for (const int hours : { 0, 1, 3, 6, 12, 24 }) {
        QAction *choice = menu->addAction(hours == 0 ? tr("Never While Open") : tr("Every %n Hours", nullptr, hours));
        choice->setCheckable(true);
        choice->setChecked(hours == chosen);
        choice->setData(hours);
        m_every->addAction(choice);
    }
    connect(m_every, &QActionGroup::triggered, this, [this](QAction *choice) {
        m_settings.setValue(kUpdateEveryHours, choice->data().toInt());
        applyAutoUpdate();
    });
    updateActions();
}

void NewsController::start()
{
    refreshNews();
    const QStringList known = folders();
    m_updateWhenProbed = m_updateOnStart->isChecked() && !known.isEmpty();
    if (!known.isEmpty())
        m_archive->probe(known);
    applyAutoUpdate();
}

void NewsController::applyAutoUpdate()
{
    const int hours = m_settings.value(kUpdateEveryHours, 0).toInt();
    if (hours <= 0) {
        m_periodic.stop();
        return;
    }
    m_periodic.start(std::chrono::hours(hours));
}

QStringList NewsController::folders() const { return m_library.folders().value_or(QStringList()); }

void NewsController::reload()
{
    if (!m_archive->updatableRoots().isEmpty())
        update(); // the import follows
    else
        m_window->rescan();
}

void NewsController::update()
{
    const QStringList known = folders();
    if (!known.isEmpty())
        (void)m_archive->update(known); // false: an update or clone runs, and brings the same
}

void NewsController::cancel() { m_archive->cancel(); }

void NewsController::onUpdateFinished(const FoldersUpdate &result)
{
    showProgress(false);
    updateActions();
    if (result.cancelled) {
        m_window->statusBar()->showMessage(tr("Update cancelled; the folders are as they were."), 10000);
        return;
    }
    if (!result.failures.isEmpty()) {
        // Said in full: the user has something to do (commit, merge, check the network).
        QMessageBox box(QMessageBox::Warning, tr("Update"), tr("The archive could not be updated."), QMessageBox::Ok,
                        m_window);
        box.setInformativeText(result.failures.join(u"\n\n"_s));
        if (m_window->isActiveWindow())
            box.exec();
        // Said again with the import's result, which would cover it otherwise.
        m_updateSummary = tr("Update failed: %1").arg(result.failures.constFirst());
    } else {
        m_updateSummary = result.changedFiles() == 0 ? tr("Already up to date.")
                                                     : tr("Updated %Ln files from git.", nullptr, result.changedFiles());
    }
    m_window->statusBar()->showMessage(m_updateSummary, 20000);
    m_window->rescan(); // the import follows, and says what arrived
}

void NewsController::onCloneFinished(const QString &target, const QString &error)
{
    showProgress(false);
    if (!error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Add Archive"), tr("The archive could not be cloned: %1").arg(error));
        return;
    }
    m_window->statusBar()->showMessage(tr("Cloned into %1; importing…").arg(target), 10000);
    m_window->openFolders({ target });
    m_archive->probe(folders());
}

void NewsController::addArchive()
{
    if (m_archive->isRunning()) {
        m_window->statusBar()->showMessage(tr("Git is busy; try again when it is done."), 5000);
        return;
    }
    AddArchiveDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_archive->clone(dialog.url(), dialog.folder());
}

void NewsController::importFinished(const ImportReport &report)
{
    refreshNews();
    if (!m_archive->isRunning())
        m_archive->probe(folders()); // a folder opened just now may be a git clone
    // One message: what arrived, what the update did, what the import read.
    const QString summary = std::exchange(m_updateSummary, QString());
    if (report.arrived.isEmpty() && summary.isEmpty())
        return; // the window has said what the import did
    QStringList parts;
    if (!report.arrived.isEmpty())
        parts += tr("%Ln new papers", nullptr, int(report.arrived.size()));
    if (!summary.isEmpty())
        parts += summary;
    if (const QString described = ImportController::describe(report); !described.isEmpty())
        parts += described;
    m_window->statusBar()->showMessage(parts.join(u" — "_s), 20000);
    if (report.arrived.isEmpty())
        return;
    if (!m_window->isActiveWindow()) {
        const auto [title, body] = notificationText(report.arrived);
        m_notifier->notify(title, body);
    }
}

std::pair<QString, QString> NewsController::notificationText(const QStringList &arrived) const
{
    //: The notification's title; %n is how many papers arrived.
    const QString title = tr("Hanji: %n new papers", nullptr, int(arrived.size()));
    QStringList matches;
    const QSet<QString> fresh(arrived.cbegin(), arrived.cend());
    for (const SavedSearch &search : m_library.savedSearches().value_or(QList<SavedSearch>())) {
        const QStringList ids = m_library.savedSearchIds(search).value_or(QStringList());
        const int count = int(std::count_if(ids.cbegin(), ids.cend(), [&](const QString &id) { return fresh.contains(id); }));
        if (count > 0)
            //: In the notification: %n of the new papers match the saved search %1.
            matches += tr("%n match '%1'", nullptr, count).arg(search.name);
    }
    return { title, matches.join(u", "_s) };
}

void NewsController::refreshNews()
{
    if (const Result<QStringList> fresh = m_library.newIds(); fresh)
        m_dates->setNewIds(QSet<QString>(fresh->cbegin(), fresh->cend()));
    else
        m_window->statusBar()->showMessage(fresh.error().message, 10000);
    QList<std::pair<QString, QSet<QString>>> searches;
    const Result<QList<SavedSearch>> saved = m_library.savedSearches();
    if (!saved)
        m_window->statusBar()->showMessage(saved.error().message, 10000);
    for (const SavedSearch &search : saved.value_or(QList<SavedSearch>())) {
        const Result<QStringList> ids = m_library.savedSearchIds(search);
        if (!ids)
            m_window->statusBar()->showMessage(u"%1: %2"_s.arg(search.name, ids.error().message), 10000);
        const QStringList found = ids.value_or(QStringList());
        searches.append({ search.name, QSet<QString>(found.cbegin(), found.cend()) });
    }
    const bool hadSaved = m_dates->savedSearchesIndex().isValid();
    m_dates->setSavedSearches(searches);
    if (!hadSaved)
        m_window->dateTreeView()->expand(m_dates->savedSearchesIndex()); // the searches show at once
    // The list follows the node on screen, whose ids may just have changed.
    m_window->paperProxy()->setScopeIds(m_dates->idsOf(m_window->dateTreeView()->currentIndex()));
}

void NewsController::showNew()
{
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    if (const QModelIndex node = m_dates->newIndex(); node.isValid())
        m_window->dateTreeView()->setCurrentIndex(node);
}

QString NewsController::currentSavedSearch() const
{
    const DateScope scope = m_dates->scopeOf(m_window->dateTreeView()->currentIndex());
    return scope.kind == DateScope::Saved ? scope.name : QString();
}

void NewsController::saveSearch()
{
    const FilterBar *bar = m_window->filterBar();
    SavedSearch search { .query = bar->searchText().trimmed() };
    if (bar->minimumVotes() > 0)
        search.minVotes = bar->minimumVotes();
    search.maxVotes = bar->maximumVotes();
    search.bookmarkedOnly = bar->bookmarkedOnly();
    search.unreadOnly = bar->unreadOnly();
    const DateScope scope = m_dates->scopeOf(m_window->dateTreeView()->currentIndex());
    if (scope.isDateRange()) {
        search.from = scope.firstDay();
        search.to = scope.lastDay();
    }
    bool ok = false;
    search.name = QInputDialog::getText(m_window, tr("Save Search"),
                                        tr("Name for the search \"%1\" and its filters:").arg(search.query),
                                        QLineEdit::Normal, search.query, &ok)
                      .trimmed();
    if (!ok || search.name.isEmpty())
        return;
    if (const Result<> saved = m_library.saveSearch(search); !saved) {
        m_window->statusBar()->showMessage(saved.error().message, 10000);
        return;
    }
    Q_EMIT savedSearchesEdited();
    refreshNews();
    m_window->dateTreeView()->expand(m_dates->savedSearchesIndex());
    m_window->statusBar()->showMessage(tr("Saved the search \"%1\".").arg(search.name), 5000);
}

void NewsController::renameSavedSearch()
{
    const QString name = currentSavedSearch();
    if (name.isEmpty())
        return;
    bool ok = false;
    const QString newName = QInputDialog::getText(m_window, tr("Rename Saved Search"), tr("New name:"), QLineEdit::Normal,
                                                  name, &ok)
                                .trimmed();
    if (!ok || newName.isEmpty() || newName == name)
        return;
    if (const Result<> renamed = m_library.renameSavedSearch(name, newName); !renamed) {
        m_window->statusBar()->showMessage(renamed.error().message, 10000);
        return;
    }
    Q_EMIT savedSearchesEdited();
    refreshNews();
    m_window->dateTreeView()->setCurrentIndex(m_dates->indexForScope(DateScope::ofSavedSearch(newName)));
}

void NewsController::removeSavedSearch()
{
    const QString name = currentSavedSearch();
    if (name.isEmpty())
        return;
    if (const Result<> removed = m_library.removeSavedSearch(name); !removed) {
        m_window->statusBar()->showMessage(removed.error().message, 10000);
        return;
    }
    Q_EMIT savedSearchesEdited();
    m_window->dateTreeView()->setCurrentIndex(m_dates->allIndex());
    refreshNews();
    m_window->statusBar()->showMessage(tr("Removed the saved search \"%1\".").arg(name), 5000);
}

void NewsController::updateActions()
{
    const bool updatable = !m_archive->updatableRoots().isEmpty();
    // A folder that is no git clone simply has no Update.
    m_actions->update->setVisible(updatable);
    m_actions->update->setEnabled(updatable && !m_archive->isRunning());
    m_actions->autoUpdate->menuAction()->setVisible(updatable);
    const bool onSaved = !currentSavedSearch().isEmpty();
    m_actions->renameSavedSearch->setEnabled(onSaved);
    m_actions->removeSavedSearch->setEnabled(onSaved);
    m_actions->renameSavedSearch->setVisible(onSaved);
    m_actions->removeSavedSearch->setVisible(onSaved);
}

void NewsController::showProgress(bool on)
{
    m_progress->setVisible(on);
    m_cancel->setVisible(on);
    m_actions->update->setEnabled(!on && !m_archive->updatableRoots().isEmpty());
    m_actions->addArchive->setEnabled(!on);
}

} // namespace hanji
