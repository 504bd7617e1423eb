// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretStore.h"

#include "AppInfo.h"
#include "store/ContactKey.h"

#include <qt6keychain/keychain.h>

namespace tidings {

namespace {

// Errors that mean "no keychain to keep it in", as opposed to "this entry".
bool isBackendFailure(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return false;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return true;
    }
    return true;
}

QString describe(const QKeychain::Job *job)
{
    const QString detail = job->errorString();
    const QString why = job->error() == QKeychain::AccessDeniedByUser
                            ? SecretStore::tr("access to the keychain was refused")
                            : SecretStore::tr("no keychain service is available");
    return detail.isEmpty() ? why : SecretStore::tr("%1: %2").arg(why, detail);
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : SecretStore(AppInfo::id(), parent)
{}

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

SecretStore::~SecretStore() = default;

QString SecretStore::accountKey(const QString &aor)
{
    const ContactKey key = ContactKey::fromString(aor);
    return key.isValid() ? key.toString() : aor.trimmed();
}

void SecretStore::fallBackToMemory(const QString &why)
{
    if (!m_persistent)
        return;
    m_persistent = false;
    m_backendError =
        tr("Passwords are kept in memory only (%1); they will be asked again at the next start.")
            .arg(why);
    emit persistenceLost(m_backendError);
}

void SecretStore::finishLater(Callback done, SecretResult result)
{
    if (!done)
        return;
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

void SecretStore::startJob(QKeychain::Job *job, std::function<void(QKeychain::Job *)> finished)
{
    // Never QtKeychain's insecure fallback: it writes the secret in plain
    // text to a settings file.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    // The job is a child of this store: destroying the store ends it, and
    // `this` as the context drops the callback with it.
    connect(job, &QKeychain::Job::finished, this,
            [finished = std::move(finished)](QKeychain::Job *j) { finished(j); });
    job->start();
}

void SecretStore::read(const QString &key, Callback done)
{
    // Written in this run (and perhaps not persisted): memory is the truth.
    if (const auto it = m_memory.constFind(key); it != m_memory.constEnd()) {
        finishLater(std::move(done), {SecretResult::Status::Ok, it.value(), false, m_backendError});
        return;
    }
    if (!m_persistent) {
        finishLater(std::move(done), {SecretResult::Status::NotFound, {}, false, m_backendError});
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    startJob(job, [this, done = std::move(done)](QKeychain::Job *j) {
        SecretResult result;
        if (j->error() == QKeychain::NoError) {
            result = {SecretResult::Status::Ok,
                      static_cast<QKeychain::ReadPasswordJob *>(j)->textData(),
                      true,
                      {}};
        } else if (j->error() == QKeychain::EntryNotFound) {
            result = {SecretResult::Status::NotFound, {}, true, {}};
        } else {
            if (isBackendFailure(j->error()))
                fallBackToMemory(describe(j));
            result = {SecretResult::Status::NotFound, {}, false, m_backendError};
        }
        if (done)
            done(result);
    });
}

void SecretStore::write(const QString &key, const QString &secret, Callback done)
{
    if (!m_persistent) {
        m_memory.insert(key, secret);
        finishLater(std::move(done), {SecretResult::Status::Ok, {}, false, m_backendError});
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    startJob(job, [this, key, secret, done = std::move(done)](QKeychain::Job *j) {
        SecretResult result;
        if (j->error() == QKeychain::NoError) {
            m_memory.remove(key);
            result = {SecretResult::Status::Ok, {}, true, {}};
        } else {
            // Keep it for this run: the user is asked again next start.
            fallBackToMemory(describe(j));
            m_memory.insert(key, secret);
            result = {SecretResult::Status::Ok, {}, false, m_backendError};
        }
        if (done)
            done(result);
    });
}

void SecretStore::remove(const QString &key, Callback done)
{
    m_memory.remove(key);
    if (!m_persistent) {
        finishLater(std::move(done), {SecretResult::Status::Ok, {}, false, m_backendError});
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    startJob(job, [this, done = std::move(done)](QKeychain::Job *j) {
        SecretResult result;
        switch (j->error()) {
        case QKeychain::NoError:
        case QKeychain::EntryNotFound:
            result = {SecretResult::Status::Ok, {}, true, {}};
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
        case QKeychain::OtherError:
            // No keychain: the memory copy was the only one, and it is gone.
            fallBackToMemory(describe(j));
            result = {SecretResult::Status::Ok, {}, false, m_backendError};
            break;
        case QKeychain::CouldNotDeleteEntry:
        case QKeychain::AccessDeniedByUser:
        case QKeychain::AccessDenied:
            // The keychain still holds it.
            result = {SecretResult::Status::Failed, {}, true, describe(j)};
            break;
        }
        if (done)
            done(result);
    });
}

} // namespace tidings
