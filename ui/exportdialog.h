#pragma once

#include "exporter.h"

#include <QDialog>

#include <functional>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace KSyntaxHighlighting {
class Repository;
} // namespace KSyntaxHighlighting

namespace hanji {

class ExportPreview;

// What an export takes its papers from.
enum class ExportSource {
    Bookmarks, // the reading list
    Shown, // the papers the list shows, after filters and search
    Selected, // the selected rows
};

// Export dialog: source, order, format and options, a highlighted preview of the first
// papers, Save… and Copy to clipboard.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    using PapersFor = std::function<QList<Paper>(ExportSource)>;

    // papersFor is asked for each source's papers when the dialog opens. The window may lend
    // its syntax repository (costly to load); without one the dialog loads its own.
    explicit ExportDialog(PapersFor papersFor, QWidget *parent = nullptr,
                          KSyntaxHighlighting::Repository *repository = nullptr);
    ~ExportDialog() override;

    void setSource(ExportSource source);
    void setFormat(ExportFormat format);
    [[nodiscard]] ExportSource source() const;
    [[nodiscard]] ExportFormat format() const;
    [[nodiscard]] ExportOrder order() const;
    [[nodiscard]] ExportOptions options() const;

    // The papers of the chosen source in the chosen order: what Save and Copy write.
    [[nodiscard]] QList<Paper> papers() const;
    [[nodiscard]] QByteArray exportedBytes() const;
    // Writes the whole export; Save… asks for the path, then calls this.
    [[nodiscard]] Result<> saveTo(const QString &path) const;

    static constexpr int kPreviewPapers = 5;

private:
    // "Reading list (7 bookmarked)": the source and how many papers it holds.
    [[nodiscard]] static QString sourceLabel(ExportSource source, int papers);
    void updatePreview();
    void askAndSave();
    void copyToClipboard();

    std::unique_ptr<KSyntaxHighlighting::Repository> m_ownRepository;
    QList<QList<Paper>> m_papers; // by ExportSource
    QComboBox *m_source;
    QComboBox *m_order;
    QComboBox *m_format;
    QCheckBox *m_summaries;
    QCheckBox *m_notes;
    QCheckBox *m_votesAndDates;
    QCheckBox *m_csvBom;
    QLabel *m_previewLabel;
    ExportPreview *m_preview;
    QLabel *m_status;
    QPushButton *m_copy;
    QPushButton *m_save;
};

// Adds Ctrl+Shift+B to window: copies the selected papers to the clipboard as BibTeX
// (citation fields only, no summaries or notes).
QAction *addCopyBibTeXAction(QWidget *window, std::function<QList<Paper>()> selectedPapers);

} // namespace hanji
