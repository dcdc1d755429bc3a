#pragma once

#include <QStyledItemDelegate>

namespace hanji {

// The paper list's look: unread papers in bold, the bookmark star in the accent colour.
class PaperItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace hanji
