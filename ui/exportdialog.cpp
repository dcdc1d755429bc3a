#include "exportdialog.h"

#include "highlightedtextview.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using KSyntaxHighlighting::Repository;
using KSyntaxHighlighting::Theme;

namespace hanji {

namespace {

// The KSyntaxHighlighting definition for a format; CSV and RIS have none worth the colour.
QString definitionName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return u"Markdown"_s;
    case ExportFormat::BibTeX:
        return u"BibTeX"_s;
    case ExportFormat::Json:
    case ExportFormat::CslJson:
        return u"JSON"_s;
    case ExportFormat::Ris:
    case ExportFormat::Csv:
        return QString();
    }
    return QString();
}

// Bytes as the preview and the clipboard show them: no byte-order mark, no CR.
QString displayText(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text.remove(u'\r');
}

} // namespace

// A read-only, highlighted view of the export's first papers.
class ExportPreview : public HighlightedTextView
{
public:
    ExportPreview(Repository *repository, QWidget *parent)
        : HighlightedTextView(repository, parent)
    {
        setObjectName(u"preview"_s);
        setLineWrapMode(QPlainTextEdit::NoWrap); // the formats are line-oriented
        highlighter()->setObjectName(u"previewHighlighter"_s);
    }

    void display(const QString &text, const QString &definition)
    {
        setDefinitionName(definition);
        setPlainText(text);
    }
};

ExportDialog::ExportDialog(PapersFor papersFor, QWidget *parent, Repository *repository)
    : QDialog(parent)
    , m_ownRepository(repository ? nullptr : std::make_unique<Repository>())
    , m_source(new QComboBox(this))
    , m_order(new QComboBox(this))
    , m_format(new QComboBox(this))
    , m_summaries(new QCheckBox(tr("Korean summaries"), this))
    , m_notes(new QCheckBox(tr("Notes and tags"), this))
    , m_votesAndDates(new QCheckBox(tr("Votes and dates"), this))
    , m_csvBom(new QCheckBox(tr("BOM for spreadsheets"), this))
    , m_previewLabel(new QLabel(this))
    , m_preview(new ExportPreview(repository ? repository : m_ownRepository.get(), this))
    , m_status(new QLabel(this))
    , m_copy(new QPushButton(tr("Copy to Clipboard"), this))
    , m_save(new QPushButton(tr("Save…"), this))
{
    setWindowTitle(tr("Export Papers"));
    m_source->setObjectName(u"source"_s);
    m_order->setObjectName(u"order"_s);
    m_format->setObjectName(u"format"_s);
    m_summaries->setObjectName(u"summaries"_s);
    m_notes->setObjectName(u"notes"_s);
    m_votesAndDates->setObjectName(u"votesAndDates"_s);
    m_csvBom->setObjectName(u"csvBom"_s);
    m_copy->setObjectName(u"copy"_s);
    m_save->setObjectName(u"save"_s);
    m_status->setObjectName(u"status"_s);

    // Each source is asked once: the lists do not change while the dialog is open.
    for (ExportSource source : { ExportSource::Bookmarks, ExportSource::Shown, ExportSource::Selected }) {
        m_papers.append(papersFor(source));
        m_source->addItem(sourceLabel(source, int(m_papers.constLast().size())), int(source));
    }
    const QList<std::pair<ExportOrder, QString>> orders { { ExportOrder::AsListed, tr("As listed") },
                                                         { ExportOrder::Bookmarked, tr("In bookmark order") },
                                                         { ExportOrder::Newest, tr("Newest first") },
                                                         { ExportOrder::MostVotes, tr("Most votes first") },
                                                         { ExportOrder::Title, tr("By title") } };
    for (const auto &[order, label] : orders)
        m_order->addItem(label, int(order));
    for (ExportFormat format : exportFormats())
        m_format->addItem(formatTitle(format), int(format));

    const ExportOptions defaults;
    m_summaries->setChecked(defaults.summaries);
    m_notes->setChecked(defaults.notes);
    m_votesAndDates->setChecked(defaults.votesAndDates);
    m_csvBom->setChecked(defaults.csvBom);

    auto *what = new QHBoxLayout;
    what->addWidget(m_source, 1);
    what->addWidget(new QLabel(tr("Order:"), this));
    what->addWidget(m_order, 1);
    auto *include = new QHBoxLayout;
    include->addWidget(m_summaries);
    include->addWidget(m_notes);
    include->addWidget(m_votesAndDates);
    include->addWidget(m_csvBom);
    include->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(tr("Papers:"), what);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Include:"), include);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // Ours rather than Qt's: in the interface's language even without qt6-translations-l10n.
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    m_save->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_previewLabel);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(900, 640);

    for (QComboBox *combo : { m_source, m_order, m_format })
        connect(combo, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePreview);
    for (QCheckBox *box : { m_summaries, m_notes, m_votesAndDates, m_csvBom })
        connect(box, &QCheckBox::toggled, this, &ExportDialog::updatePreview);
    connect(m_copy, &QPushButton::clicked, this, &ExportDialog::copyToClipboard);
    connect(m_save, &QPushButton::clicked, this, &ExportDialog::askAndSave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updatePreview();
}

ExportDialog::~ExportDialog() = default;

QString ExportDialog::sourceLabel(ExportSource source, int papers)
{
    switch (source) {
    case ExportSource::Bookmarks:
        return tr("Reading list (%Ln bookmarked)", nullptr, papers);
    case ExportSource::Shown:
        return tr("Papers in the list (%L1)").arg(papers);
    case ExportSource::Selected:
        return tr("Selected papers (%L1)").arg(papers);
    }
    return {};
}

void ExportDialog::setSource(ExportSource source)
{
    m_source->setCurrentIndex(m_source->findData(int(source)));
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

ExportSource ExportDialog::source() const
{
    return ExportSource(m_source->currentData().toInt());
}

ExportFormat ExportDialog::format() const
{
    return ExportFormat(m_format->currentData().toInt());
}

ExportOrder ExportDialog::order() const
{
    return ExportOrder(m_order->currentData().toInt());
}

ExportOptions ExportDialog::options() const
{
    return { .summaries = m_summaries->isChecked(),
             .notes = m_notes->isChecked(),
             .votesAndDates = m_votesAndDates->isChecked(),
             .csvBom = m_csvBom->isChecked() };
}

QList<Paper> ExportDialog::papers() const
{
    QList<Paper> papers = m_papers.value(int(source()));
    sortForExport(papers, order());
    return papers;
}

QByteArray ExportDialog::exportedBytes() const
{
    return exportPapers(papers(), format(), options());
}

Result<> ExportDialog::saveTo(const QString &path) const
{
    return writeExport(path, exportedBytes());
}

void ExportDialog::updatePreview()
{
    m_csvBom->setEnabled(format() == ExportFormat::Csv);
    const QList<Paper> list = papers();
    if (list.isEmpty()) {
        m_previewLabel->setText(tr("Nothing to export: the chosen list is empty."));
    } else if (list.size() == 1) {
        m_previewLabel->setText(tr("Preview: 1 paper"));
    } else if (list.size() <= kPreviewPapers) {
        m_previewLabel->setText(tr("Preview: all %Ln papers", nullptr, int(list.size())));
    } else {
        m_previewLabel->setText(tr("Preview: the first %L1 of %Ln papers", nullptr, int(list.size())).arg(kPreviewPapers));
    }
    m_preview->display(displayText(exportPapers(list, format(), options(), kPreviewPapers)), definitionName(format()));
    m_copy->setEnabled(!list.isEmpty());
    m_save->setEnabled(!list.isEmpty());
    m_status->clear();
}

void ExportDialog::askAndSave()
{
    const QString extension = fileExtension(format());
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("Export Papers"), folder + u"/papers."_s + extension,
                                                tr("%1 files (*.%2)").arg(formatTitle(format()), extension));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + extension;
    const Result<> saved = saveTo(path);
    if (!saved) {
        QMessageBox::warning(this, tr("Export Failed"), saved.error().message);
        return;
    }
    accept();
}

void ExportDialog::copyToClipboard()
{
    const QList<Paper> list = papers();
    QGuiApplication::clipboard()->setText(displayText(exportPapers(list, format(), options())));
    m_status->setText(tr("Copied %Ln papers as %1.", nullptr, int(list.size())).arg(formatTitle(format())));
}

QAction *addCopyBibTeXAction(QWidget *window, std::function<QList<Paper>()> selectedPapers)
{
    auto *action = new QAction(ExportDialog::tr("Copy as BibTeX"), window);
    action->setObjectName(u"copyBibTeX"_s);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    action->setShortcutContext(Qt::WindowShortcut);
    QObject::connect(action, &QAction::triggered, window, [selectedPapers = std::move(selectedPapers)] {
        const QList<Paper> papers = selectedPapers();
        if (papers.isEmpty())
            return;
        const ExportOptions citation { .summaries = false, .notes = false };
        QGuiApplication::clipboard()->setText(QString::fromUtf8(exportPapers(papers, ExportFormat::BibTeX, citation)));
    });
    window->addAction(action);
    return action;
}

} // namespace hanji
