#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace hanji {

// File › Add Archive from URL…: the address of a git archive of digests and the folder to
// clone it into, by default one named after it under the user's data folder.
class AddArchiveDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddArchiveDialog(QWidget *parent = nullptr);

    [[nodiscard]] QString url() const;
    [[nodiscard]] QString folder() const;
    // Where clones go unless the user picks another folder.
    [[nodiscard]] static QString defaultParent();

private:
    void suggestFolder();
    void chooseFolder();

    QLineEdit *m_url;
    QLineEdit *m_folder;
    QPushButton *m_ok = nullptr;
    bool m_folderEdited = false;
};

} // namespace hanji
