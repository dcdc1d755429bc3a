#include "ngramtokenizer.h"

#include "logging.h"
#include "packedtext.h"

#include <QChar>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

// QtSql's SQLite driver links the system libsqlite3; its C API is the only way to add a
// tokenizer to FTS5.
#include <sqlite3.h>

#include <atomic>
#include <algorithm>
#include <vector>

namespace hanji {

namespace {

struct Char {
    char32_t code;
    int start; // byte offsets in the tokenized text
    int end;
};

// Decodes UTF-8, folds case and collapses runs of white space into one space.
std::vector<Char> foldedChars(const char *text, int size)
{
    std::vector<Char> chars;
    chars.reserve(size_t(size));
    const auto *bytes = reinterpret_cast<const unsigned char *>(text);
    int i = 0;
    while (i < size) {
        const int start = i;
        char32_t code = bytes[i];
        int extra = 0;
        if (code >= 0xF0 && code < 0xF8) {
            code &= 0x07;
            extra = 3;
        } else if (code >= 0xE0) {
            code &= 0x0F;
            extra = 2;
        } else if (code >= 0xC0) {
            code &= 0x1F;
            extra = 1;
        } else if (code >= 0x80) {
            code = 0xFFFD;
        }
        ++i;
        for (; extra > 0 && i < size && (bytes[i] & 0xC0) == 0x80; --extra, ++i)
            code = (code << 6) | (bytes[i] & 0x3F);
        if (extra > 0)
            code = 0xFFFD;
        if (QChar::isSpace(code)) {
            if (chars.empty() || chars.back().code == U' ') {
                if (!chars.empty())
                    chars.back().end = i;
                continue;
            }
            code = U' ';
        } else {
            code = QChar::toCaseFolded(code);
        }
        chars.push_back({ code, start, i });
    }
    if (!chars.empty() && chars.back().code == U' ')
        chars.pop_back();
    return chars;
}

int appendUtf8(char32_t code, char *out)
{
    if (code < 0x80) {
        out[0] = char(code);
        return 1;
    }
    if (code < 0x800) {
        out[0] = char(0xC0 | (code >> 6));
        out[1] = char(0x80 | (code & 0x3F));
        return 2;
    }
    if (code < 0x10000) {
        out[0] = char(0xE0 | (code >> 12));
        out[1] = char(0x80 | ((code >> 6) & 0x3F));
        out[2] = char(0x80 | (code & 0x3F));
        return 3;
    }
    out[0] = char(0xF0 | (code >> 18));
    out[1] = char(0x80 | ((code >> 12) & 0x3F));
    out[2] = char(0x80 | ((code >> 6) & 0x3F));
    out[3] = char(0x80 | (code & 0x3F));
    return 4;
}

using TokenCallback = int (*)(void *, int, const char *, int, int, int);

int emitPair(const Char &first, const Char &second, void *context, TokenCallback emit)
{
    char token[8];
    int length = appendUtf8(first.code, token);
    length += appendUtf8(second.code, token + length);
    return emit(context, 0, token, length, first.start, second.end);
}

int emitSingle(const Char &c, int flags, void *context, TokenCallback emit)
{
    char token[4];
    const int length = appendUtf8(c.code, token);
    return emit(context, flags, token, length, c.start, c.end);
}

// The tokens of version 4, as numbers: one character, a pair of adjacent characters, or a
// pair across a space (the character after the space included: white space is collapsed and
// trimmed, and a term's spaces stand between characters too). A code point has 21 bits.
enum TokenKind : quint64 { Single = 1ull << 62, Pair = 2ull << 62, AcrossSpace = 3ull << 62 };
constexpr quint64 kCodeMask = (1ull << 21) - 1;

void appendPairTokens(const std::vector<Char> &chars, std::vector<quint64> &tokens)
{
    const size_t n = chars.size();
    for (size_t i = 0; i + 1 < n; ++i) {
        if (chars[i].code == U' ')
            continue; // a space is inside the token of the character before it
        if (chars[i + 1].code == U' ') {
            if (i + 2 < n)
                tokens.push_back(AcrossSpace | quint64(chars[i].code) << 21 | chars[i + 2].code);
        } else {
            tokens.push_back(Pair | quint64(chars[i].code) << 21 | chars[i + 1].code);
        }
    }
}

int emitToken(quint64 token, const Char &at, void *context, TokenCallback emit)
{
    char text[12];
    int length = 0;
    const auto first = char32_t((token >> 21) & kCodeMask);
    const auto second = char32_t(token & kCodeMask);
    switch (token & AcrossSpace) {
    case Single:
        length = appendUtf8(second, text);
        break;
    case Pair:
        length = appendUtf8(first, text);
        length += appendUtf8(second, text + length);
        break;
    default:
        length = appendUtf8(first, text);
        length += appendUtf8(U' ', text + length);
        length += appendUtf8(second, text + length);
        break;
    }
    return emit(context, 0, text, length, at.start, at.end);
}

// Version 4: which texts hold each token, and nothing else (the table is detail=none). A text
// gives each of its distinct characters and adjacent pairs once. A query term of one
// character is that character's token; a longer one gives its pairs, each a token of its own
// (an AND), and the texts that hold them all are checked for the term itself (SearchPlan).
int tokenizeDistinct(Fts5Tokenizer *, void *context, int flags, const char *text, int size, TokenCallback emit)
{
    const std::vector<Char> chars = foldedChars(text, size);
    if (chars.empty())
        return SQLITE_OK;
    thread_local std::vector<quint64> tokens;
    tokens.clear();
    appendPairTokens(chars, tokens);
    if ((flags & FTS5_TOKENIZE_QUERY) == 0 || chars.size() == 1) {
        for (const Char &c : chars) {
            if (c.code != U' ')
                tokens.push_back(Single | c.code);
        }
    }
    // Where a token stands does not matter to this index: sorted rather than hashed, no
    // allocation per text.
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    for (const quint64 token : tokens) {
        if (const int rc = emitToken(token, chars.back(), context, emit); rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

// Version 2, kept for comparison (IndexLayout::EveryCharacterAndPair): every character and
// every pair. A query of one character looks for that character; a longer one for its pairs,
// which FTS5 then requires at consecutive positions.
int tokenizeCharactersAndPairs(Fts5Tokenizer *, void *context, int flags, const char *text, int size, TokenCallback emit)
{
    const std::vector<Char> chars = foldedChars(text, size);
    const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    const size_t n = chars.size();
    if (query && n == 1)
        return emitSingle(chars[0], 0, context, emit);
    for (size_t i = 0; i < n; ++i) {
        const Char &c = chars[i];
        const bool last = i + 1 == n;
        if (!last) {
            if (const int rc = emitPair(c, chars[i + 1], context, emit); rc != SQLITE_OK)
                return rc;
        }
        if (query || c.code == U' ')
            continue; // documents also index single characters; spaces alone are never searched
        if (const int rc = emitSingle(c, last ? 0 : FTS5_TOKEN_COLOCATED, context, emit); rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

int create(void *, const char **, int, Fts5Tokenizer **out)
{
    // Stateless: any non-null handle will do.
    static int instance = 0;
    *out = reinterpret_cast<Fts5Tokenizer *>(&instance);
    return SQLITE_OK;
}

void destroy(Fts5Tokenizer *) { }

fts5_api *fts5Api(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api;
}

// HANJI_INDEX_LAYOUT=2 builds the version 2 layout, to compare by hand (hanji import, search).
std::atomic<IndexLayout> g_layout { qEnvironmentVariableIntValue("HANJI_INDEX_LAYOUT") == 2 ? IndexLayout::EveryCharacterAndPair
                                                                                             : IndexLayout::Distinct };

} // namespace

IndexLayout indexLayout() { return g_layout.load(); }

void setIndexLayout(IndexLayout layout) { g_layout.store(layout); }

namespace {

std::vector<Char> foldedChars(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    return foldedChars(utf8.constData(), int(utf8.size()));
}

QString tokenText(quint64 token)
{
    QString text;
    const auto first = char32_t((token >> 21) & kCodeMask);
    const auto second = char32_t(token & kCodeMask);
    if ((token & AcrossSpace) != Single)
        text += QStringView(QChar::fromUcs4(first));
    if ((token & AcrossSpace) == AcrossSpace)
        text += u' ';
    text += QStringView(QChar::fromUcs4(second));
    return text;
}

} // namespace

QStringList ngramQueryTokens(QStringView term)
{
    const std::vector<Char> chars = foldedChars(term);
    std::vector<quint64> tokens;
    if (chars.size() == 1 && chars[0].code != U' ')
        tokens.push_back(Single | chars[0].code);
    appendPairTokens(chars, tokens);
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    QStringList texts;
    texts.reserve(qsizetype(tokens.size()));
    for (const quint64 token : tokens)
        texts += tokenText(token);
    return texts;
}

QByteArray foldedText(QStringView text)
{
    const std::vector<Char> chars = foldedChars(text);
    QByteArray folded;
    folded.reserve(qsizetype(chars.size()) * 3);
    char buffer[4];
    for (const Char &c : chars)
        folded.append(buffer, appendUtf8(c.code, buffer));
    return folded;
}

QString ngramPhrase(QStringView text)
{
    QString quoted = text.toString();
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QByteArray packedFoldedText(QStringView text)
{
    return packText(foldedText(text));
}

namespace {

// hanji_packed_contains(packed, needle): whether a packedFoldedText holds needle.
void packedContains(sqlite3_context *context, int, sqlite3_value **values)
{
    const auto *packed = static_cast<const char *>(sqlite3_value_blob(values[0]));
    const int packedSize = sqlite3_value_bytes(values[0]);
    const auto *needle = static_cast<const char *>(sqlite3_value_blob(values[1]));
    const int needleSize = sqlite3_value_bytes(values[1]);
    const std::optional<QByteArray> text = unpackText(QByteArrayView(packed, packedSize));
    if (!text) {
        sqlite3_result_error_code(context, SQLITE_CORRUPT); // the index is rebuilt (IndexReader)
        return;
    }
    sqlite3_result_int(context, QByteArrayView(*text).indexOf(QByteArrayView(needle, needleSize)) >= 0);
}

} // namespace

bool registerNgramTokenizer(QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        qCCritical(lcLibrary) << "not an SQLite connection:" << db.connectionName();
        return false;
    }
    sqlite3 *sqlite = *static_cast<sqlite3 *const *>(handle.constData());
    fts5_api *api = sqlite ? fts5Api(sqlite) : nullptr;
    if (!api) {
        qCCritical(lcLibrary) << "this SQLite has no FTS5";
        return false;
    }
    static fts5_tokenizer distinct { create, destroy, tokenizeDistinct };
    static fts5_tokenizer charactersAndPairs { create, destroy, tokenizeCharactersAndPairs };
    return sqlite3_create_function_v2(sqlite, "hanji_packed_contains", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                      packedContains, nullptr, nullptr, nullptr)
        == SQLITE_OK
        && api->xCreateTokenizer(api, "hanji_ngram", nullptr, &distinct, nullptr) == SQLITE_OK
        && api->xCreateTokenizer(api, "hanji_ngram_v2", nullptr, &charactersAndPairs, nullptr) == SQLITE_OK;
}

} // namespace hanji
