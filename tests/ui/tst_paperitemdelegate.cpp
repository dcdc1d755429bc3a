#include "paperitemdelegate.h"
#include "paperlistmodel.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

// The oracle: the same look (bold unread, the star's colour) drawn the way Qt's own delegate
// draws a cell, by the style.
class StyleDrawnDelegate : public PaperItemDelegate
{
public:
    using PaperItemDelegate::PaperItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
    }
};

PaperRow paper(const QString &id, const QString &title, QStringList authors, std::optional<int> votes, bool read,
               bool bookmarked)
{
    PaperRow row;
    row.id = id;
    row.arxivId = id;
    row.title = title;
    row.authors = std::move(authors);
    row.appearances = { { QDate(2026, 11, 30), votes } };
    row.votes = votes;
    row.read = read;
    row.bookmarked = bookmarked;
    return row;
}

// A consortium's paper: hundreds of names, where a cell shows a few.
QStringList manyAuthors()
{
    QStringList names;
    for (int i = 0; i < 300; ++i)
        names += u"Researcher %1 Park-Lindqvist"_s.arg(i);
    return names;
}

QString longTitle()
{
    return u"긴 문맥 언어 모델의 추론 비용을 줄이는 방법: "_s.repeated(12) + u"A Study"_s;
}

} // namespace

// The list draws its cells itself (to shape each text once); what it draws must be what the
// style draws, pixel for pixel: background, selection, text elided at the same place, focus.
class TestPaperItemDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_model.setRows({
            paper(u"2611.00001"_s, u"확산 모델을 위한 희소 주의 메커니즘과 긴 문맥의 효율적인 학습에 관한 연구"_s,
                  { u"Kim Minji"_s, u"Lee Jun"_s }, 120, false, true),
            paper(u"2611.00002"_s, u"A Surprisingly Long English Title About Speculative Decoding For Large Language Models"_s,
                  { u"Ada Lovelace"_s, u"Alan Turing"_s, u"Grace Hopper"_s, u"Edsger Dijkstra"_s, u"Barbara Liskov"_s },
                  std::nullopt, true, false),
            paper(u"2611.00003"_s, u"Short"_s, {}, 7, true, false),
            paper(u"2611.00004"_s, longTitle(), manyAuthors(), 3, false, false),
        });
        m_view.setModel(&m_model);
        m_view.setRootIsDecorated(false);
        m_view.resize(900, 200);
    }

    void cellsLookAsTheStyleDrawsThem_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("selected");
        QTest::addColumn<bool>("focused");
        QTest::addColumn<bool>("active");
        QTest::addColumn<Qt::LayoutDirection>("direction");
        QTest::addRow("wide") << 700 << false << false << true << Qt::LeftToRight;
        QTest::addRow("narrow, the text elided") << 90 << false << false << true << Qt::LeftToRight;
        QTest::addRow("selected") << 300 << true << false << true << Qt::LeftToRight;
        QTest::addRow("selected with focus") << 300 << true << true << true << Qt::LeftToRight;
        QTest::addRow("selected, the window inactive") << 300 << true << false << false << Qt::LeftToRight;
        QTest::addRow("too narrow for any letter") << 6 << false << false << true << Qt::LeftToRight;
        QTest::addRow("right to left, elided") << 120 << false << true << true << Qt::RightToLeft;
    }

    void cellsLookAsTheStyleDrawsThem()
    {
        QFETCH(int, width);
        QFETCH(bool, selected);
        QFETCH(bool, focused);
        QFETCH(bool, active);
        QFETCH(Qt::LayoutDirection, direction);
        const PaperItemDelegate &drawn = m_drawn; // one for every state: what it keeps must not leak across them
        const StyleDrawnDelegate oracle;
        for (int row = 0; row < m_model.rowCount(); ++row) {
            for (int column = 0; column < PaperListModel::ColumnCount; ++column) {
                const QModelIndex index = m_model.index(row, column);
                QStyleOptionViewItem option;
                option.initFrom(&m_view);
                option.widget = &m_view;
                option.rect = QRect(0, 0, width, 24);
                option.font = m_view.font();
                option.fontMetrics = m_view.fontMetrics();
                option.direction = direction;
                option.state |= QStyle::State_Enabled;
                if (active)
                    option.state |= QStyle::State_Active;
                else
                    option.state &= ~QStyle::State_Active;
                if (selected)
                    option.state |= QStyle::State_Selected;
                if (focused)
                    option.state |= QStyle::State_HasFocus;
                const auto render = [&](const QStyledItemDelegate &delegate) {
                    QImage image(width, 24, QImage::Format_ARGB32_Premultiplied);
                    image.fill(Qt::white);
                    QPainter painter(&image);
                    delegate.paint(&painter, option, index);
                    return image;
                };
                const QImage expected = render(oracle);
                QCOMPARE(render(drawn), expected);
                // And again, from what it keeps shaped.
                QCOMPARE(render(drawn), expected);
            }
        }
    }

    // Eliding a long text from its beginning only: the same string as eliding all of it, at any
    // width, including texts whose characters are far narrower or wider than the font's average.
    void elidingACutTextGivesWhatElidingAllGives_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("bold");
        QTest::addRow("an author list") << manyAuthors().join(u", "_s) << false;
        QTest::addRow("an author list, bold") << manyAuthors().join(u", "_s) << true;
        QTest::addRow("a Korean title") << longTitle() << false;
        QTest::addRow("narrow letters") << u"il.,:;| "_s.repeated(200) << false;
        QTest::addRow("wide letters") << u"WM한漢"_s.repeated(200) << true;
        QTest::addRow("combining marks") << u"e\u0301a\u0308o\u0302"_s.repeated(150) << false;
        QTest::addRow("zero-width joiners") << u"a\u200db\u200dc\u200b"_s.repeated(150) << false;
        QTest::addRow("an emoji family") << u"\U0001F469\u200D\U0001F469\u200D\U0001F467 "_s.repeated(80) << false;
        QTest::addRow("right to left") << u"نموذج لغوي كبير "_s.repeated(40) << false;
    }

    void elidingACutTextGivesWhatElidingAllGives()
    {
        QFETCH(QString, text);
        QFETCH(bool, bold);
        QFont font = m_view.font();
        font.setBold(bold);
        const QFontMetrics metrics(font);
        for (const Qt::TextElideMode mode : { Qt::ElideRight, Qt::ElideLeft, Qt::ElideMiddle, Qt::ElideNone }) {
            for (int width = 0; width <= 1200; width += width < 60 ? 1 : 37)
                QCOMPARE(elidedToWidth(metrics, text, mode, width), metrics.elidedText(text, mode, width));
        }
        // Wider than the whole text: not elided.
        const int whole = metrics.horizontalAdvance(text) + 1;
        QCOMPARE(elidedToWidth(metrics, text, Qt::ElideRight, whole), text);
    }

private:
    PaperListModel m_model;
    QTreeView m_view;
    PaperItemDelegate m_drawn;
};

QTEST_MAIN(TestPaperItemDelegate)
#include "tst_paperitemdelegate.moc"
