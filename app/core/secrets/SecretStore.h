// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Account passwords in the OS keychain through QtKeychain; without one, kept
// in memory for this run and asked for again next time (docs/ARCHITECTURE.md):
// the Secret Service or KWallet over D-Bus on Linux, the Keychain on macOS,
// the Credential Manager on Windows.
//
// Where no keychain service answers (no D-Bus session, no Secret Service
// running, the user refused access), a written secret is kept in this
// object's memory for this run only; persistent() turns false and
// backendError() says why, so the GUI can tell the user that the password
// will be asked again next start. A secret is never written to disk in plain
// text: QtKeychain's insecure fallback (a settings file) stays off.
//
// Every operation is asynchronous (a keychain may ask the user to unlock it);
// its callback runs later from the event loop, never inside the call, and
// never after the SecretStore is destroyed.

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace tidings {

struct SecretResult
{
    enum class Status
    {
        Ok,       // done (read: secret holds the value)
        NotFound, // read: nothing stored under this key
        Failed,   // the keychain refused and nothing could be done
    };
    Status status = Status::Failed;
    QString secret;
    // Where the secret is (write, read): in the OS keychain, or only in memory.
    bool persistent = false;
    // Why the keychain was not used, in words; empty when it was.
    QString error;

    bool ok() const { return status == Status::Ok; }
};

class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const SecretResult &)>;

    // The service name is the application id (AppInfo::id()).
    explicit SecretStore(QObject *parent = nullptr);
    SecretStore(const QString &service, QObject *parent = nullptr);
    ~SecretStore() override;

    QString service() const { return m_service; }

    // The key of an account's password: its address of record, in the
    // ContactKey form (so sip:alice@EXAMPLE.com;transport=tls is the same
    // account as sip:alice@example.com).
    static QString accountKey(const QString &aor);

    void read(const QString &key, Callback done);
    void write(const QString &key, const QString &secret, Callback done);
    // Removes the secret from memory and from the keychain; removing what is
    // not there succeeds.
    void remove(const QString &key, Callback done);

    // False once the keychain could not be used in this run: secrets written
    // since then live in memory only.
    bool persistent() const { return m_persistent; }
    // Why, in words (empty while persistent()).
    QString backendError() const { return m_backendError; }

signals:
    // Emitted once, when the keychain turns out not to be usable.
    void persistenceLost(const QString &why);

private:
    void startJob(QKeychain::Job *job, std::function<void(QKeychain::Job *)> finished);
    void finishLater(Callback done, SecretResult result);
    void fallBackToMemory(const QString &why);

    QString m_service;
    QHash<QString, QString> m_memory;
    bool m_persistent = true;
    QString m_backendError;
};

} // namespace tidings
