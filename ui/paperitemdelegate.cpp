#include "paperitemdelegate.h"

#include "paperlistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QTextOption>

#include <algorithm>

namespace hanji {

QString elidedToWidth(const QFontMetrics &metrics, const QString &text, Qt::TextElideMode mode, int width)
{
    // An author list runs to thousands of characters where a cell shows twenty, and eliding
    // shapes all of it: cut to what could show, twice over, and keep the result where it was
    // elided well before the cut (shaping reaches a few characters at most).
    constexpr qsizetype kClear = 8;
    const qsizetype room = 2 * qsizetype(width) / std::max(1, metrics.averageCharWidth()) + 2 * kClear;
    if (mode == Qt::ElideRight && text.size() > room) {
        const QString cut = text.first(room);
        const QString elided = metrics.elidedText(cut, mode, width);
        if (elided != cut && elided.size() + kClear <= cut.size())
            return elided;
    }
    return metrics.elidedText(text, mode, width);
}

void PaperItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    // The base reads the columns' alignment from the model (Qt::TextAlignmentRole).
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(PaperListModel::UnreadRole).toBool())
        option->font.setBold(true);
    if (index.column() == PaperListModel::BookmarkColumn && index.data(PaperListModel::BookmarkedRole).toBool())
        option->palette.setColor(QPalette::Text, QColor(0xE0, 0x9A, 0x00));
}

void PaperItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const bool plainText = !(cell.features & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator
                                              | QStyleOptionViewItem::WrapText))
        && !(cell.state & QStyle::State_Editing);
    if (!plainText) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = cell.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    painter->save();
    painter->setClipRect(cell.rect);
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &cell, painter, widget);

    // As QCommonStyle draws an item's text: its colour group, its margins, elided.
    QPalette::ColorGroup group = cell.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(cell.state & QStyle::State_Active))
        group = QPalette::Inactive;
    if (!cell.text.isEmpty()) {
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const QRect textRect = cell.rect.adjusted(margin, 0, -margin, 0);
        const QTextLayout &text = laidOut(cell, textRect.width());
        const QSize size = text.boundingRect().size().toSize();
        const int top = QStyle::alignedRect(Qt::LayoutDirectionAuto, cell.displayAlignment, size, textRect).top();
        painter->setPen(cell.palette.color(group, cell.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
        text.draw(painter, QPointF(textRect.x(), top));
    }
    if (cell.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(cell);
        focus.rect = style->subElementRect(QStyle::SE_ItemViewItemFocusRect, &cell, widget);
        focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        focus.backgroundColor = cell.palette.color(group, cell.state & QStyle::State_Selected ? QPalette::Highlight : QPalette::Window);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
    painter->restore();
}

const QTextLayout &PaperItemDelegate::laidOut(const QStyleOptionViewItem &cell, int width) const
{
    const Qt::Alignment alignment = QStyle::visualAlignment(cell.direction, cell.displayAlignment);
    // Joined: arg() would take a "%1" in a font's name for a place to fill.
    const QString key = cell.font.key() + u'|' + QString::number(width) + u'|' + QString::number(int(cell.textElideMode))
        + u'|' + QString::number(int(cell.direction)) + u'|' + QString::number(int(alignment)) + u'|' + cell.text;
    if (const QTextLayout *found = m_layouts.object(key))
        return *found;
    // The style's text, elided only where it is wider than the cell, laid out on one line of
    // the cell's width, aligned in it.
    QTextOption option;
    option.setWrapMode(QTextOption::ManualWrap);
    option.setTextDirection(cell.direction);
    option.setAlignment(alignment);
    auto *layout = new QTextLayout(elidedToWidth(QFontMetrics(cell.font), cell.text, cell.textElideMode, width), cell.font);
    layout->setTextOption(option);
    layout->beginLayout();
    QTextLine line = layout->createLine();
    line.setLineWidth(width);
    line.setPosition(QPointF(0, 0));
    layout->endLayout();
    m_layouts.insert(key, layout);
    return *layout;
}

} // namespace hanji
