// SPDX-License-Identifier: GPL-3.0-or-later
#include "Snippet.h"

#include <QList>

#include <algorithm>

namespace tidings {

namespace {

struct Range
{
    qsizetype begin;
    qsizetype end;
};

// Every occurrence of every term, merged where they overlap or touch.
QList<Range> matches(const QString &body, const QStringList &terms)
{
    QList<Range> ranges;
    for (const QString &term : terms) {
        if (term.isEmpty()) {
            continue;
        }
        qsizetype from = 0;
        while ((from = body.indexOf(term, from, Qt::CaseInsensitive)) >= 0) {
            ranges.append({from, from + term.size()});
            from += term.size();
        }
    }
    std::sort(ranges.begin(), ranges.end(),
              [](const Range &a, const Range &b) { return a.begin < b.begin; });
    QList<Range> merged;
    for (const Range &r : ranges) {
        if (!merged.isEmpty() && r.begin <= merged.last().end) {
            merged.last().end = std::max(merged.last().end, r.end);
        } else {
            merged.append(r);
        }
    }
    return merged;
}

// Moves a cut off the second half of a surrogate pair.
qsizetype safeCut(const QString &s, qsizetype at)
{
    if (at > 0 && at < s.size() && s.at(at).isLowSurrogate()) {
        return at - 1;
    }
    return at;
}

} // namespace

QString Snippet::highlight(const QString &body, const QStringList &terms, qsizetype length)
{
    const QList<Range> ranges = matches(body, terms);
    qsizetype begin = 0;
    qsizetype end = body.size();
    if (body.size() > length) {
        const qsizetype first = ranges.isEmpty() ? 0 : ranges.first().begin;
        begin = std::max<qsizetype>(0, first - length / 3);
        // Start at a word boundary when one is near.
        if (begin > 0) {
            const qsizetype space = body.lastIndexOf(QLatin1Char(' '), begin);
            if (space >= 0 && begin - space < 12) {
                begin = space + 1;
            }
        }
        begin = safeCut(body, begin);
        end = safeCut(body, std::min(body.size(), begin + length));
    }

    QString out;
    if (begin > 0) {
        out += ellipsis;
    }
    qsizetype pos = begin;
    for (const Range &r : ranges) {
        if (r.end <= begin || r.begin >= end) {
            continue;
        }
        const qsizetype b = std::max(r.begin, begin);
        const qsizetype e = std::min(r.end, end);
        out += body.mid(pos, b - pos);
        out += QLatin1Char('[') + body.mid(b, e - b) + QLatin1Char(']');
        pos = e;
    }
    out += body.mid(pos, end - pos);
    if (end < body.size()) {
        out += ellipsis;
    }
    return out;
}

} // namespace tidings
