#include "commands.h"

#include "digestparser.h"
#include "digestscan.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace hanji::cli {

int checkCommand(const QStringList &arguments, Io io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Reads digest files and folders (recursively, *.md) and reports totals, "
                                     "warnings with file and line, and files that could not be read."_s);
    parser.addPositionalArgument(u"PATH"_s, u"Digest files or folders."_s, u"PATH…"_s);
    const QCommandLineOption json(u"json"_s, u"Print one JSON object."_s);
    const QCommandLineOption help({ u"h"_s, u"help"_s }, u"Show this help."_s);
    parser.addOption(json);
    parser.addOption(help);
    if (!parser.parse(QStringList { u"hanji check"_s } + arguments)) {
        io.err << "hanji check: " << parser.errorText() << '\n';
        return BadUsage;
    }
    if (parser.isSet(help)) {
        io.out << parser.helpText();
        return Ok;
    }
    if (parser.positionalArguments().isEmpty()) {
        io.err << "hanji check: name at least one file or folder\n";
        return BadUsage;
    }

    const DigestFileList list = collectDigestFiles(parser.positionalArguments());
    CheckReport report;
    for (const FileError &error : list.errors)
        report.addError(error);
    for (const QString &file : list.files) {
        const Result<ParsedDigest> digest = readDigestFile(file);
        if (digest)
            report.add(*digest);
        else
            report.addError({ file, digest.error().message });
    }
    if (parser.isSet(json))
        io.out << QString::fromUtf8(report.toJson());
    else
        io.out << report.toText();
    return report.errors().isEmpty() ? Ok : Failed;
}

} // namespace hanji::cli
