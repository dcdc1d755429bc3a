#include "paperitemdelegate.h"

#include "paperlistmodel.h"

namespace hanji {

void PaperItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    // The base reads the columns' alignment from the model (Qt::TextAlignmentRole).
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(PaperListModel::UnreadRole).toBool())
        option->font.setBold(true);
    if (index.column() == PaperListModel::BookmarkColumn && index.data(PaperListModel::BookmarkedRole).toBool())
        option->palette.setColor(QPalette::Text, QColor(0xE0, 0x9A, 0x00));
}

} // namespace hanji
