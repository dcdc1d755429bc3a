#include "addarchivedialog.h"

#include "gitarchive.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace hanji {

AddArchiveDialog::AddArchiveDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_folder(new QLineEdit(this))
{
    setWindowTitle(tr("Add Archive from URL"));
    m_url->setPlaceholderText(u"https://github.com/…/daily-papers.git"_s);
    m_url->setMinimumWidth(420);
    auto *choose = new QPushButton(tr("Choose…"), this);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder);
    folderRow->addWidget(choose);

    auto *intro = new QLabel(tr("Hanji clones the git repository with the system git, imports it and can update it "
                                "from then on (File › Update)."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Repository address:"), m_url);
    form->addRow(tr("Clone into:"), folderRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Clone"));
    m_ok->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_url, &QLineEdit::textChanged, this, &AddArchiveDialog::suggestFolder);
    connect(m_folder, &QLineEdit::textEdited, this, [this] { m_folderEdited = true; });
    connect(m_folder, &QLineEdit::textChanged, this, [this] {
        m_ok->setEnabled(!url().isEmpty() && !folder().isEmpty());
    });
    connect(choose, &QPushButton::clicked, this, &AddArchiveDialog::chooseFolder);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString AddArchiveDialog::url() const { return m_url->text().trimmed(); }

QString AddArchiveDialog::folder() const { return m_folder->text().trimmed(); }

QString AddArchiveDialog::defaultParent()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"archives"_s);
}

void AddArchiveDialog::suggestFolder()
{
    if (!m_folderEdited)
        m_folder->setText(url().isEmpty() ? QString() : QDir(defaultParent()).filePath(GitArchive::folderNameFor(url())));
    m_ok->setEnabled(!url().isEmpty() && !folder().isEmpty());
}

void AddArchiveDialog::chooseFolder()
{
    const QString start = folder().isEmpty() ? defaultParent() : QFileInfo(folder()).path();
    const QString parent = QFileDialog::getExistingDirectory(this, tr("Clone into Which Folder?"), start);
    if (parent.isEmpty())
        return;
    m_folderEdited = true;
    m_folder->setText(QDir(parent).filePath(GitArchive::folderNameFor(url().isEmpty() ? u"archive"_s : url())));
}

} // namespace hanji
