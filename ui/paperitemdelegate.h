#pragma once

#include <QCache>
#include <QFontMetrics>
#include <QStyledItemDelegate>
#include <QTextLayout>

namespace hanji {

// What QFontMetrics::elidedText gives, without shaping the part of a long text that cannot show.
[[nodiscard]] QString elidedToWidth(const QFontMetrics &metrics, const QString &text, Qt::TextElideMode mode, int width);

// The paper list's look: unread papers in bold, the bookmark star in the accent colour.
//
// A cell of plain text is drawn here the way QCommonStyle draws it (its panel, its text elided
// between the same margins, the focus frame), pixel for pixel, but shaped once: the style lays
// out a cell's whole text three times (for its size, to see whether to elide, to draw) at every
// paint, 20–40 ms a paint of the list at ten years. Here the laid-out text of the cells last
// drawn is kept while a cell keeps its text, font and width.
class PaperItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    [[nodiscard]] const QTextLayout &laidOut(const QStyleOptionViewItem &cell, int width) const;

    // A few screenfuls of cells: a repaint or a scroll back shapes nothing.
    mutable QCache<QString, QTextLayout> m_layouts { 800 };
};

} // namespace hanji
