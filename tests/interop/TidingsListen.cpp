// SPDX-License-Identifier: GPL-3.0-or-later
#include "TidingsListen.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

namespace tidings::interop {

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

QByteArray TracedWire::startLine() const
{
    return wire.left(wire.indexOf("\r\n"));
}

QByteArray TracedWire::header(const QByteArray &name) const
{
    const qsizetype headEnd = wire.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = wire.left(headEnd < 0 ? wire.size() : headEnd).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0 && lines[i].left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return lines[i].mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray TracedWire::body() const
{
    const qsizetype headEnd = wire.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return {};
    return wire.mid(headEnd + 4, header("Content-Length").toLongLong());
}

QList<TracedWire> parseTidingsTrace(const QByteArray &trace)
{
    // "<time> sent <N> bytes from <local> to <remote>:\n<wire>[\n]----\n"
    // "<time> received <N> bytes on <local> from <remote>:\n<wire>[\n]----\n"
    static const QRegularExpression head(
        QStringLiteral(
            "^\\S+ (sent|received) (\\d+) bytes (?:from|on) (\\S+) (?:to|from) (\\S+):\\n"),
        QRegularExpression::MultilineOption);
    // Byte offsets: the pattern is ASCII, so match on Latin-1 text.
    const QString text = QString::fromLatin1(trace);
    QList<TracedWire> found;
    qsizetype at = 0;
    while (at < text.size()) {
        const QRegularExpressionMatch m = head.match(text, at);
        if (!m.hasMatch())
            break;
        TracedWire w;
        w.outgoing = m.captured(1) == QLatin1String("sent");
        const qsizetype size = m.captured(2).toLongLong();
        w.local = m.captured(3).toLatin1();
        w.remote = m.captured(4).toLatin1();
        const qsizetype start = m.capturedEnd(0);
        if (start + size > trace.size())
            break; // still being written
        w.wire = trace.mid(start, size);
        found << w;
        at = start + size;
    }
    return found;
}

TidingsListen::TidingsListen(const Kamailio &lab, const QString &name)
    : m_lab(lab)
    , m_stdout(lab.dir() + QLatin1Char('/') + name + QStringLiteral(".out"))
    , m_stderr(lab.dir() + QLatin1Char('/') + name + QStringLiteral(".err"))
{}

TidingsListen::~TidingsListen()
{
    kill();
}

bool TidingsListen::start(const QStringList &arguments, const QByteArray &password)
{
    kill();
    QFile::remove(m_stdout);
    QFile::remove(m_stderr);
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QLatin1String(kPasswordVariable), QString::fromUtf8(password));
    m_process->setProcessEnvironment(env);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setStandardOutputFile(m_stdout);
    m_process->setStandardErrorFile(m_stderr);
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start(QStringLiteral(TIDINGS_CLI_PATH), QStringList{QStringLiteral("listen")} +
                                                           arguments +
                                                           QStringList{QStringLiteral("--trace")});
    if (!m_process->waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start tidings-cli: ") + m_process->errorString();
        return false;
    }
    if (!waitForEvent(QStringLiteral("listening"), 1, 10000)) {
        m_error =
            QStringLiteral("tidings-cli listen printed no \"listening\" line:\n") + describe();
        return false;
    }
    return true;
}

QList<QJsonObject> TidingsListen::events() const
{
    QList<QJsonObject> all;
    for (const QByteArray &line : stdoutText().split('\n')) {
        if (!line.isEmpty())
            all << QJsonDocument::fromJson(line).object();
    }
    return all;
}

QList<QJsonObject> TidingsListen::events(const QString &event) const
{
    QList<QJsonObject> found;
    for (const QJsonObject &o : events()) {
        if (o.value(QStringLiteral("event")).toString() == event)
            found << o;
    }
    return found;
}

std::optional<QJsonObject> TidingsListen::waitForEvent(const QString &event, int count,
                                                       int timeoutMs) const
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        const QList<QJsonObject> found = events(event);
        if (found.size() >= count)
            return found[count - 1];
        if (clock.elapsed() > timeoutMs)
            return std::nullopt;
        QThread::msleep(20);
    }
}

void TidingsListen::signal(int number)
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        ::kill(pid_t(m_process->processId()), number);
}

int TidingsListen::waitForExit(int timeoutMs)
{
    if (!m_process)
        return -1;
    if (m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(timeoutMs))
        return -1;
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void TidingsListen::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(7000)) {
        m_process->kill();
        m_process->waitForFinished(3000);
    }
}

QByteArray TidingsListen::stdoutText() const
{
    return readFile(m_stdout);
}

QByteArray TidingsListen::trace() const
{
    return readFile(m_stderr);
}

QList<TracedWire> TidingsListen::received(const QByteArray &startLinePrefix) const
{
    QList<TracedWire> found;
    for (const TracedWire &w : parseTidingsTrace(trace())) {
        if (!w.outgoing && w.wire.startsWith(startLinePrefix))
            found << w;
    }
    return found;
}

QList<TracedWire> TidingsListen::sent(const QByteArray &startLinePrefix) const
{
    QList<TracedWire> found;
    for (const TracedWire &w : parseTidingsTrace(trace())) {
        if (w.outgoing && w.wire.startsWith(startLinePrefix))
            found << w;
    }
    return found;
}

QString TidingsListen::describe() const
{
    const QList<QByteArray> lines = trace().split('\n');
    return QStringLiteral("stdout:\n%1\nstderr (end):\n%2\nkamailio (end):\n%3")
        .arg(QString::fromUtf8(stdoutText()),
             QString::fromUtf8(lines.mid(qMax(0, int(lines.size()) - 60)).join('\n')),
             m_lab.logTail(20));
}

} // namespace tidings::interop
