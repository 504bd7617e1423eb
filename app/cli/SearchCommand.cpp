// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchCommand.h"

#include "Cli.h"
#include "HistoryCommand.h"
#include "HistoryEvent.h"
#include "JsonLines.h"
#include "store/Database.h"
#include "store/MessageSearch.h"

namespace tidings {

int SearchCommand::run(const SearchOptions &options, QTextStream &out, QTextStream &err)
{
    const auto db = HistoryCommand::openReadOnly(options.profile, QStringLiteral("search"), err);
    if (!db)
        return Cli::Failure;
    SearchFilter filter;
    filter.peerUri = options.with;
    filter.from = options.since;
    filter.until = options.until;
    filter.limit = options.limit;
    // Every match is ranked, not only the most recent ones: a script asking
    // for the best matches gets exactly those.
    filter.candidateLimit = 0;
    const auto hits = MessageSearch(*db).search(options.query, filter);
    if (!hits) {
        err << "tidings-cli search: " << hits.error().toString() << Qt::endl;
        return Cli::Failure;
    }
    const HistoryCommand::ContactNames names(*db);
    QByteArray lines;
    for (const SearchHit &hit : hits.value()) {
        lines += HistoryEvent::format(hit.message, names.of(hit.message), &hit.snippet);
        lines += '\n';
    }
    if (!lines.isEmpty())
        JsonLines(out).writeLines(lines);
    return Cli::Success;
}

} // namespace tidings
