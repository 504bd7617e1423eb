// SPDX-License-Identifier: GPL-3.0-or-later
#include "CharsetDecoder.h"

#include <QStringDecoder>

#include <cerrno>
#include <iconv.h>

namespace sip {
namespace {

std::optional<QStringDecoder::Encoding> qtEncoding(const QByteArray &lower)
{
    if (lower.isEmpty() || lower == "utf-8" || lower == "utf8")
        return QStringDecoder::Utf8;
    if (lower == "utf-16")
        return QStringDecoder::Utf16; // BOM decides, big-endian without one
    if (lower == "utf-16be")
        return QStringDecoder::Utf16BE;
    if (lower == "utf-16le")
        return QStringDecoder::Utf16LE;
    if (lower == "iso-8859-1" || lower == "latin1" || lower == "iso_8859-1" || lower == "l1")
        return QStringDecoder::Latin1;
    return std::nullopt;
}

// iconv to UTF-32 in the host's byte order; an invalid or incomplete
// sequence becomes one U+FFFD and decoding goes on after it.
std::optional<QString> decodeWithIconv(const QByteArray &body, const QByteArray &charset)
{
    iconv_t cd = iconv_open(QSysInfo::ByteOrder == QSysInfo::LittleEndian ? "UTF-32LE" : "UTF-32BE",
                            charset.constData());
    if (cd == iconv_t(-1))
        return std::nullopt;
    QString out;
    out.reserve(body.size());
    char *in = const_cast<char *>(body.constData());
    size_t inLeft = size_t(body.size());
    char32_t buffer[256];
    while (inLeft > 0) {
        char *dst = reinterpret_cast<char *>(buffer);
        size_t dstLeft = sizeof(buffer);
        const size_t rc = iconv(cd, &in, &inLeft, &dst, &dstLeft);
        const qsizetype produced = qsizetype((sizeof(buffer) - dstLeft) / sizeof(char32_t));
        out += QString::fromUcs4(buffer, produced);
        if (rc == size_t(-1)) {
            if (errno == E2BIG)
                continue;
            // EILSEQ / EINVAL: one replacement character, skip one byte.
            out += QChar::ReplacementCharacter;
            ++in;
            --inLeft;
            iconv(cd, nullptr, nullptr, nullptr, nullptr); // reset shift state
        }
    }
    iconv_close(cd);
    return out;
}

} // namespace

std::optional<QString> CharsetDecoder::decode(const QByteArray &body, const QByteArray &charset)
{
    const QByteArray lower = charset.trimmed().toLower();
    if (lower == "us-ascii" || lower == "ascii") {
        QString text(body.size(), Qt::Uninitialized);
        for (qsizetype i = 0; i < body.size(); ++i) {
            const auto b = static_cast<unsigned char>(body[i]);
            text[i] = b < 0x80 ? QChar(b) : QChar::ReplacementCharacter; // one per bad byte
        }
        return text;
    }
    if (const auto enc = qtEncoding(lower)) {
        QStringDecoder decoder(*enc, QStringDecoder::Flag::Default); // invalid -> U+FFFD
        return decoder.decode(body);
    }
    return decodeWithIconv(body, lower);
}

bool CharsetDecoder::isSupported(const QByteArray &charset)
{
    const QByteArray lower = charset.trimmed().toLower();
    if (qtEncoding(lower) || lower == "us-ascii" || lower == "ascii")
        return true;
    iconv_t cd = iconv_open("UTF-32LE", lower.constData());
    if (cd == iconv_t(-1))
        return false;
    iconv_close(cd);
    return true;
}

} // namespace sip
