// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryCommand.h"

#include "Cli.h"
#include "HistoryEvent.h"
#include "JsonLines.h"
#include "Profile.h"
#include "store/AccountStore.h"
#include "store/ContactStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"

#include <utility>

namespace tidings {

namespace {

constexpr qsizetype kWriteChunk = 256 * 1024;

QString nameKey(qint64 accountId, const QString &peerKey)
{
    return QString::number(accountId) + QLatin1Char(' ') + peerKey;
}

} // namespace

std::unique_ptr<Database> HistoryCommand::openReadOnly(const QString &profileOption,
                                                       const QString &command, QTextStream &err)
{
    const QString prefix = QStringLiteral("tidings-cli %1: ").arg(command);
    const Profile profile = Profile::resolve(profileOption, Profile::Fallback::None);
    if (!profile.isValid()) {
        err << prefix
            << tr("no profile was given. Name the profile directory with --profile DIR or the "
                  "environment variable %1 (the directory that \"tidings-cli listen --profile "
                  "DIR\" stores into).")
                   .arg(QLatin1String(Profile::environmentVariable))
            << Qt::endl;
        return nullptr;
    }
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto opened = Database::open(profile.directory(), options);
    if (!opened) {
        err << prefix << opened.error().toString() << Qt::endl;
        return nullptr;
    }
    return std::move(opened).value();
}

HistoryCommand::ContactNames::ContactNames(Database &db)
{
    const auto accounts = AccountStore(db).list();
    for (const Account &account : accounts.value()) {
        const auto contacts = ContactStore(db).list(account.id);
        for (const Contact &contact : contacts.value()) {
            if (!contact.displayName.isEmpty())
                m_names.insert(nameKey(account.id, contact.key), contact.displayName);
        }
    }
}

QString HistoryCommand::ContactNames::of(const StoredMessage &message) const
{
    return m_names.value(nameKey(message.accountId, message.peerKey));
}

int HistoryCommand::run(const HistoryOptions &options, QTextStream &out, QTextStream &err)
{
    const auto db = openReadOnly(options.profile, QStringLiteral("history"), err);
    if (!db)
        return Cli::Failure;
    const auto messages = MessageStore(*db).history(options.with, options.limit);
    if (!messages) {
        err << "tidings-cli history: " << messages.error().toString() << Qt::endl;
        return Cli::Failure;
    }
    const ContactNames names(*db);
    JsonLines printer(out);
    QByteArray lines;
    for (const StoredMessage &message : messages.value()) {
        lines += HistoryEvent::format(message, names.of(message));
        lines += '\n';
        // Written in pieces, so a long history does not wait for its end.
        if (lines.size() >= kWriteChunk)
            printer.writeLines(std::exchange(lines, {}));
    }
    if (!lines.isEmpty())
        printer.writeLines(lines);
    return Cli::Success;
}

} // namespace tidings
