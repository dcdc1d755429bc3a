#include "userdatafile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

constexpr int kVersion = 1;
const QString kFormat = u"hanji-userdata"_s;

bool isTimeField(const UserField &field)
{
    return (field.kind == paperfield::kind && (field.field == paperfield::bookmarked || field.field == paperfield::read))
        || (field.kind == searchfield::kind && field.field == searchfield::saved);
}

bool byAddress(const UserField &a, const UserField &b)
{
    return std::tie(a.kind, a.key, a.field) < std::tie(b.kind, b.key, b.field);
}

} // namespace

QByteArray toJson(const UserDataFile &file)
{
    QList<UserField> fields = file.fields;
    std::stable_sort(fields.begin(), fields.end(), byAddress);
    QJsonArray records;
    QJsonObject record;
    QJsonObject values;
    const auto flush = [&] {
        if (!record.isEmpty()) {
            record.insert(u"fields"_s, values);
            records.append(record);
        }
        record = {};
        values = {};
    };
    for (const UserField &field : std::as_const(fields)) {
        if (record.value(u"kind"_s).toString() != field.kind || record.value(u"key"_s).toString() != field.key) {
            flush();
            record = { { u"kind"_s, field.kind }, { u"key"_s, field.key } };
        }
        values.insert(field.field, QJsonObject { { u"value"_s, field.value }, { u"at"_s, double(field.at) }, { u"machine"_s, field.machine } });
    }
    flush();
    const QJsonObject root { { u"format"_s, kFormat }, { u"version"_s, kVersion },     { u"machine"_s, file.machine },
                             { u"name"_s, file.name },   { u"records"_s, records } };
    // Compact: a sync tool carries the whole file at every change, a year of read marks in it.
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

Result<UserDataFile> parseUserDataFile(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype line = bytes.first(std::min<qsizetype>(error.offset, bytes.size())).count('\n') + 1;
        return failure(u"not whole JSON (cut short or damaged?): %1 at line %2"_s.arg(error.errorString()).arg(line),
                       Error::Kind::Invalid);
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(u"format"_s).toString() != kFormat)
        return failure(u"not a Hanji user-data file (no \"format\": \"%1\")"_s.arg(kFormat), Error::Kind::Invalid);
    if (root.value(u"version"_s).toInt(-1) != kVersion) {
        return failure(u"user-data version %1, this Hanji reads version %2"_s.arg(root.value(u"version"_s).toVariant().toString())
                           .arg(kVersion),
                       Error::Kind::Invalid);
    }
    UserDataFile file;
    file.machine = root.value(u"machine"_s).toString();
    file.name = root.value(u"name"_s).toString();
    if (file.machine.isEmpty() || !root.value(u"records"_s).isArray())
        return failure(u"no \"machine\" or no \"records\" array"_s, Error::Kind::Invalid);
    const QJsonArray records = root.value(u"records"_s).toArray();
    for (qsizetype i = 0; i < records.size(); ++i) {
        const auto bad = [i](const QString &what) {
            return failure(u"record %1: %2"_s.arg(i + 1).arg(what), Error::Kind::Invalid);
        };
        const QJsonObject record = records[i].toObject();
        const QString kind = record.value(u"kind"_s).toString();
        const QString key = record.value(u"key"_s).toString();
        if (!records[i].isObject() || kind.isEmpty() || key.isEmpty() || !record.value(u"fields"_s).isObject())
            return bad(u"needs a \"kind\", a \"key\" and a \"fields\" object"_s);
        const QJsonObject values = record.value(u"fields"_s).toObject();
        for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
            const QJsonObject value = it.value().toObject();
            const QJsonValue at = value.value(u"at"_s);
            UserField field { kind, key, it.key(), value.value(u"value"_s).toString(), qint64(at.toDouble()),
                              value.value(u"machine"_s).toString() };
            if (!it.value().isObject() || !value.value(u"value"_s).isString() || !at.isDouble() || at.toDouble() < 0
                || double(field.at) != at.toDouble() || field.machine.isEmpty() || field.field.isEmpty())
                return bad(u"field \"%1\" needs a string \"value\", a whole-number \"at\" and a \"machine\""_s.arg(it.key()));
            if (isTimeField(field) && !field.value.isEmpty() && !QDateTime::fromString(field.value, Qt::ISODateWithMs).isValid())
                return bad(u"field \"%1\" is not a time: %2"_s.arg(field.field, field.value));
            file.fields.append(std::move(field));
        }
    }
    return file;
}

void FieldSet::merge(const QList<UserField> &fields)
{
    for (const UserField &field : fields) {
        auto it = m_fields.find(field.address());
        if (it == m_fields.end())
            m_fields.insert(field.address(), field);
        else if (field.supersedes(*it))
            *it = field;
    }
}

QList<UserField> FieldSet::fields() const
{
    QList<UserField> fields = m_fields.values();
    std::sort(fields.begin(), fields.end(), byAddress);
    return fields;
}

std::optional<UserField> FieldSet::field(const QString &kind, const QString &key, const QString &name) const
{
    const auto it = m_fields.constFind(UserField { kind, key, name, {}, 0, {} }.address());
    return it == m_fields.cend() ? std::nullopt : std::optional(*it);
}

} // namespace hanji
