#include "ngramtokenizer.h"

#include "logging.h"
#include "sqlitefile.h"

#include <QChar>
#include <QSqlDatabase>

// QtSql's SQLite driver links the system libsqlite3; its C API is the only way to add a
// tokenizer to FTS5.
#include <sqlite3.h>

#include <atomic>
#include <algorithm>
#include <bitset>
#include <cstring>
#include <string>
#include <optional>
#include <vector>

namespace hanji {

namespace {

struct Char {
    char32_t code;
    int start; // byte offsets in the tokenized text
    int end;
};

// Between two fields of one indexed text (fieldsText): no pair crosses it.
constexpr char32_t kFieldBreak = 0x1E; // INFORMATION SEPARATOR TWO

// White space and case folding as QChar has them, without its tables for ASCII and Hangul
// syllables, the bulk of every digest (the tables were a fifth of the tokenizers' time).
bool isWhiteSpace(char32_t code)
{
    if (code >= 0xAC00 && code <= 0xD7A3)
        return false;
    return QChar::isSpace(code);
}

char32_t caseFolded(char32_t code)
{
    if (code < 0x80)
        return code >= U'A' && code <= U'Z' ? code + (U'a' - U'A') : code;
    if (code >= 0xAC00 && code <= 0xD7A3)
        return code;
    return QChar::toCaseFolded(code);
}

// Decodes UTF-8, folds case and collapses runs of white space into one space. With
// fieldBreaks, a field break stays, with the white space around it collapsed into it;
// without (a query), it is white space like any other.
std::vector<Char> foldedChars(const char *text, int size, bool fieldBreaks)
{
    std::vector<Char> chars;
    chars.reserve(size_t(size));
    const auto *bytes = reinterpret_cast<const unsigned char *>(text);
    const auto isGap = [](char32_t code) { return code == U' ' || code == kFieldBreak; };
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
        if (code == kFieldBreak && fieldBreaks) {
            if (!chars.empty() && chars.back().code == U' ')
                chars.back().code = kFieldBreak;
            else if (!chars.empty() && chars.back().code != kFieldBreak)
                chars.push_back({ code, start, i });
            continue;
        }
        if (isWhiteSpace(code) || code == kFieldBreak) {
            if (chars.empty() || isGap(chars.back().code)) {
                if (!chars.empty())
                    chars.back().end = i;
                continue;
            }
            code = U' ';
        } else {
            code = caseFolded(code);
        }
        chars.push_back({ code, start, i });
    }
    while (!chars.empty() && isGap(chars.back().code))
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

// The tokens below go to an Emit: int(int flags, const char *token, int length, int start,
// int end), FTS5's callback or a recording (TokenizedText), SQLITE_OK to go on.
template <typename Emit>
int emitPair(const Char &first, const Char &second, Emit &emit)
{
    char token[8];
    int length = appendUtf8(first.code, token);
    length += appendUtf8(second.code, token + length);
    return emit(0, token, length, first.start, second.end);
}

template <typename Emit>
int emitSingle(const Char &c, int flags, Emit &emit)
{
    char token[4];
    const int length = appendUtf8(c.code, token);
    return emit(flags, token, length, c.start, c.end);
}

// A character, a space and a character as one token: the two pairs around a space in one.
template <typename Emit>
int emitAcrossSpace(const Char &first, const Char &space, const Char &second, Emit &emit)
{
    char token[12];
    int length = appendUtf8(first.code, token);
    length += appendUtf8(space.code, token + length);
    length += appendUtf8(second.code, token + length);
    return emit(0, token, length, first.start, second.end);
}

bool isDocument(int flags) { return (flags & FTS5_TOKENIZE_QUERY) == 0; }

// Every pair of adjacent characters (a pair across a space includes the next character: white
// space is collapsed and trimmed, and a term's spaces stand between characters too), none
// across a field break. A term of two characters or more is the phrase of its pairs, an exact
// substring match: inside one field, as no token spans two and a break's own token stands
// between them. Visit: int(const Char *first, const Char *space, const Char *second), space
// null for a plain pair, first alone for a break; SQLITE_OK to go on.
template <typename Visit>
int visitPairs(const std::vector<Char> &chars, Visit &&visit)
{
    const size_t n = chars.size();
    for (size_t i = 0; i + 1 < n; ++i) {
        const Char &c = chars[i];
        if (c.code == kFieldBreak) {
            // A token no query has, between the fields: without it, the last pair of one
            // field and the first of the next would stand next to each other as a phrase.
            if (const int rc = visit(&c, nullptr, nullptr); rc != SQLITE_OK)
                return rc;
            continue;
        }
        if (c.code == U' ' || chars[i + 1].code == kFieldBreak)
            continue; // a space is inside the token of the character before it
        const bool acrossSpace = chars[i + 1].code == U' ' && i + 2 < n;
        const int rc = acrossSpace ? visit(&c, &chars[i + 1], &chars[i + 2]) : visit(&c, nullptr, &chars[i + 1]);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

template <typename Emit>
int pairTokens(const std::vector<Char> &chars, bool document, Emit &&emit)
{
    if (!document && chars.size() == 1)
        return emitSingle(chars[0], 0, emit); // finds nothing: one character is hanji_chars's
    return visitPairs(chars, [&](const Char *first, const Char *space, const Char *second) {
        if (!second)
            return emitSingle(*first, 0, emit);
        return space ? emitAcrossSpace(*first, *space, *second, emit) : emitPair(*first, *second, emit);
    });
}

// The same pairs as numbers: two code points of 21 bits, and a flag for a pair across a space.
std::vector<quint64> pairIds(const std::vector<Char> &chars)
{
    std::vector<quint64> ids;
    ids.reserve(chars.size());
    visitPairs(chars, [&](const Char *first, const Char *space, const Char *second) {
        if (!second)
            ids.push_back(IndexTokens::kNoPair);
        else
            ids.push_back((space ? quint64(1) << 42 : 0) | quint64(first->code) << 21 | quint64(second->code));
        return SQLITE_OK;
    });
    return ids;
}

// Each distinct character of a text once, for a table without positions (detail=none): which
// texts hold a character, the whole answer to a term of one. Marked in a table of the Basic
// Multilingual Plane rather than sorted (sorting cost 7% of an import); others are rare.
std::vector<char32_t> distinctCharacters(const std::vector<Char> &chars)
{
    thread_local std::bitset<0x10000> seen;
    std::vector<char32_t> basic;
    std::vector<char32_t> supplementary;
    for (const Char &c : chars) {
        if (c.code == U' ' || c.code == kFieldBreak)
            continue;
        if (c.code >= 0x10000) {
            supplementary.push_back(c.code);
        } else if (!seen[c.code]) {
            seen[c.code] = true;
            basic.push_back(c.code);
        }
    }
    for (const char32_t code : basic)
        seen[code] = false;
    std::sort(supplementary.begin(), supplementary.end());
    supplementary.erase(std::unique(supplementary.begin(), supplementary.end()), supplementary.end());
    basic.insert(basic.end(), supplementary.cbegin(), supplementary.cend());
    return basic;
}

template <typename Emit>
int characterTokens(const std::vector<Char> &chars, int size, Emit &&emit)
{
    for (const char32_t code : distinctCharacters(chars)) {
        if (const int rc = emitSingle({ code, 0, size }, 0, emit); rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

// FTS5's callback as an Emit.
auto toFts5(void *context, TokenCallback emit)
{
    return [=](int flags, const char *token, int length, int start, int end) {
        return emit(context, flags, token, length, start, end);
    };
}

// The text the importer tokenized ahead on this thread's behalf, while its insert runs.
thread_local const TokenizedText *t_inUse = nullptr;

// Tokens as FTS5 is to be given them, kept to give again.
struct RecordedTokens {
    struct Token {
        quint32 offset; // of its bytes
        quint16 length;
        quint16 flags;
        qint32 start;
        qint32 end;
    };
    std::string bytes;
    std::vector<Token> tokens;

    int operator()(int flags, const char *token, int length, int start, int end)
    {
        tokens.push_back({ quint32(bytes.size()), quint16(length), quint16(flags), start, end });
        bytes.append(token, size_t(length));
        return SQLITE_OK;
    }

    int replay(void *context, TokenCallback emit) const
    {
        for (const Token &t : tokens) {
            if (const int rc = emit(context, t.flags, bytes.data() + t.offset, t.length, t.start, t.end); rc != SQLITE_OK)
                return rc;
        }
        return SQLITE_OK;
    }
};

} // namespace

struct TokenizedText::Tokens {
    RecordedTokens pairs;
    RecordedTokens characters;
};

TokenizedText::TokenizedText(QStringView fields)
    : m_utf8(fields.toUtf8())
    , m_tokens(std::make_unique<Tokens>())
{
    const std::vector<Char> chars = foldedChars(m_utf8.constData(), int(m_utf8.size()), true);
    pairTokens(chars, true, m_tokens->pairs);
    characterTokens(chars, int(m_utf8.size()), m_tokens->characters);
}

TokenizedText::TokenizedText(TokenizedText &&) noexcept = default;
TokenizedText &TokenizedText::operator=(TokenizedText &&) noexcept = default;
TokenizedText::~TokenizedText() = default;

bool TokenizedText::holds(const char *text, int size) const
{
    return size == m_utf8.size() && std::memcmp(text, m_utf8.constData(), size_t(size)) == 0;
}

TokenizedTextInUse::TokenizedTextInUse(const TokenizedText &text)
    : m_previous(t_inUse)
{
    t_inUse = &text;
}

TokenizedTextInUse::~TokenizedTextInUse() { t_inUse = m_previous; }

IndexTokens indexTokens(QStringView fields)
{
    const QByteArray utf8 = fields.toUtf8();
    const std::vector<Char> chars = foldedChars(utf8.constData(), int(utf8.size()), true);
    return { .pairs = pairIds(chars), .characters = distinctCharacters(chars) };
}

namespace {

int tokenizePairs(Fts5Tokenizer *, void *context, int flags, const char *text, int size, TokenCallback emit)
{
    if (isDocument(flags) && t_inUse && t_inUse->holds(text, size))
        return t_inUse->tokens().pairs.replay(context, emit);
    return pairTokens(foldedChars(text, size, isDocument(flags)), isDocument(flags), toFts5(context, emit));
}

int tokenizeCharacters(Fts5Tokenizer *, void *context, int flags, const char *text, int size, TokenCallback emit)
{
    if (isDocument(flags) && t_inUse && t_inUse->holds(text, size))
        return t_inUse->tokens().characters.replay(context, emit);
    return characterTokens(foldedChars(text, size, isDocument(flags)), size, toFts5(context, emit));
}

// Version 2, kept for comparison (IndexLayout::EveryCharacterAndPair): every character and
// every pair. A query of one character looks for that character; a longer one for its pairs,
// which FTS5 then requires at consecutive positions.
int tokenizeCharactersAndPairs(Fts5Tokenizer *, void *context, int flags, const char *text, int size, TokenCallback fts5)
{
    auto emit = toFts5(context, fts5);
    const std::vector<Char> chars = foldedChars(text, size, false);
    const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    const size_t n = chars.size();
    if (query && n == 1)
        return emitSingle(chars[0], 0, emit);
    for (size_t i = 0; i < n; ++i) {
        const Char &c = chars[i];
        const bool last = i + 1 == n;
        if (!last) {
            if (const int rc = emitPair(c, chars[i + 1], emit); rc != SQLITE_OK)
                return rc;
        }
        if (query || c.code == U' ')
            continue; // documents also index single characters; spaces alone are never searched
        if (const int rc = emitSingle(c, last ? 0 : FTS5_TOKEN_COLOCATED, emit); rc != SQLITE_OK)
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

// HANJI_INDEX_LAYOUT=2 or 5 builds the layout of that version, to compare by hand (hanji import, search).
IndexLayout layoutOfEnvironment()
{
    switch (qEnvironmentVariableIntValue("HANJI_INDEX_LAYOUT")) {
    case 2:
        return IndexLayout::EveryCharacterAndPair;
    case 5:
        return IndexLayout::Pairs;
    default:
        return IndexLayout::Postings;
    }
}

std::atomic<IndexLayout> g_layout { layoutOfEnvironment() };

} // namespace

IndexLayout indexLayout() { return g_layout.load(); }

void setIndexLayout(IndexLayout layout) { g_layout.store(layout); }

namespace {

std::vector<Char> foldedChars(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    return foldedChars(utf8.constData(), int(utf8.size()), false);
}

} // namespace

QString fieldsText(std::initializer_list<QStringView> fields)
{
    QString text;
    for (const QStringView field : fields) {
        if (!text.isEmpty())
            text += QChar(char16_t(kFieldBreak));
        const qsizetype start = text.size();
        text += field;
        std::replace(text.begin() + start, text.end(), QChar(char16_t(kFieldBreak)), QChar(u' '));
    }
    return text;
}

namespace {

// foldedText of ASCII text, without decoding it: the titles and authors the index reads as
// it opens are mostly ASCII. Nullopt for any other text.
std::optional<QByteArray> foldedAscii(QStringView text)
{
    QByteArray folded(text.size(), Qt::Uninitialized);
    char *out = folded.data();
    bool gap = true; // leading white space goes
    for (const QChar c : text) {
        const char16_t code = c.unicode();
        if (code >= 0x80)
            return std::nullopt;
        if (QChar::isSpace(code) || code == kFieldBreak) {
            if (!gap)
                *out++ = ' ';
            gap = true;
            continue;
        }
        *out++ = code >= u'A' && code <= u'Z' ? char(code - u'A' + u'a') : char(code);
        gap = false;
    }
    if (out > folded.constData() && gap)
        --out; // and trailing
    folded.truncate(out - folded.constData());
    return folded;
}

} // namespace

QByteArray foldedText(QStringView text)
{
    if (std::optional<QByteArray> ascii = foldedAscii(text))
        return std::move(*ascii);
    const std::vector<Char> chars = foldedChars(text);
    QByteArray folded(qsizetype(chars.size()) * 4, Qt::Uninitialized);
    char *out = folded.data();
    for (const Char &c : chars)
        out += appendUtf8(c.code, out);
    folded.truncate(out - folded.constData());
    return folded;
}

TermTokens termTokens(QStringView term)
{
    const std::vector<Char> chars = foldedChars(term);
    if (chars.size() == 1)
        return { .character = chars[0].code, .pairs = {} };
    return { .character = std::nullopt, .pairs = pairIds(chars) };
}

bool isOneCharacter(QStringView term)
{
    return foldedChars(term).size() == 1;
}

QString ngramPhrase(QStringView text)
{
    QString quoted = text.toString();
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

bool registerNgramTokenizer(QSqlDatabase &db)
{
    sqlite3 *sqlite = sqliteHandle(db);
    if (!sqlite) {
        qCCritical(lcLibrary) << "not an SQLite connection:" << db.connectionName();
        return false;
    }
    fts5_api *api = fts5Api(sqlite);
    if (!api) {
        qCCritical(lcLibrary) << "this SQLite has no FTS5";
        return false;
    }
    static fts5_tokenizer pairs { create, destroy, tokenizePairs };
    static fts5_tokenizer characters { create, destroy, tokenizeCharacters };
    static fts5_tokenizer charactersAndPairs { create, destroy, tokenizeCharactersAndPairs };
    return api->xCreateTokenizer(api, "hanji_ngram", nullptr, &pairs, nullptr) == SQLITE_OK
        && api->xCreateTokenizer(api, "hanji_chars", nullptr, &characters, nullptr) == SQLITE_OK
        && api->xCreateTokenizer(api, "hanji_ngram_v2", nullptr, &charactersAndPairs, nullptr) == SQLITE_OK;
}

} // namespace hanji
