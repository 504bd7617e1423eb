// SPDX-License-Identifier: GPL-3.0-or-later
#include "InteropLab.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUdpSocket>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tidings::interop {

namespace {

// ---- network namespace --------------------------------------------------

bool g_isolationDecided = false;
Isolation g_isolation = Isolation::HostLoopback;

// Brings "lo" up in the current network namespace; the kernel then gives it
// 127.0.0.1/8 and ::1 by itself.
bool loopbackUp()
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    ifreq ifr{};
    std::strncpy(ifr.ifr_name, "lo", IFNAMSIZ - 1);
    bool ok = ::ioctl(fd, SIOCGIFFLAGS, &ifr) == 0;
    if (ok && !(ifr.ifr_flags & IFF_UP)) {
        ifr.ifr_flags = short(ifr.ifr_flags | IFF_UP);
        ok = ::ioctl(fd, SIOCSIFFLAGS, &ifr) == 0;
    }
    ::close(fd);
    return ok;
}

bool writeProcFile(const char *path, const QByteArray &text)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    ::close(fd);
    return ok;
}

// A user namespace (mapping our own uid and gid to themselves) with a network
// namespace in it: no privileges needed where the kernel allows it.
bool enterUserNetworkNamespace()
{
    const QByteArray uid = QByteArray::number(::getuid());
    const QByteArray gid = QByteArray::number(::getgid());
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0)
        return false;
    writeProcFile("/proc/self/setgroups", "deny");
    return writeProcFile("/proc/self/uid_map", uid + ' ' + uid + " 1\n") &&
           writeProcFile("/proc/self/gid_map", gid + ' ' + gid + " 1\n") && loopbackUp();
}

// Tries the user namespace in a throw-away child first: there is no way back
// out of one, so the test process only enters it once it is known to work.
bool userNetworkNamespaceWorks()
{
    const pid_t child = ::fork();
    if (child < 0)
        return false;
    if (child == 0)
        ::_exit(enterUserNetworkNamespace() ? 0 : 1);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// ---- processes ----------------------------------------------------------

struct ProcInfo
{
    qint64 parent = 0;
    QByteArray startTime; // field 22 of /proc/PID/stat: tells a reused PID apart
};

QHash<qint64, ProcInfo> processTable()
{
    QHash<qint64, ProcInfo> table;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // "pid (comm) state ppid ..." where comm may hold spaces and ')'.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 20)
            continue;
        table.insert(pid, {fields[1].toLongLong(), fields[19]});
    }
    return table;
}

QHash<qint64, QByteArray> descendantsOf(qint64 root)
{
    const QHash<qint64, ProcInfo> table = processTable();
    QHash<qint64, QByteArray> found;
    QList<qint64> queue{root};
    while (!queue.isEmpty()) {
        const qint64 parent = queue.takeFirst();
        for (auto it = table.cbegin(); it != table.cend(); ++it) {
            if (it->parent == parent && !found.contains(it.key())) {
                found.insert(it.key(), it->startTime);
                queue.append(it.key());
            }
        }
    }
    return found;
}

void dieWithParent(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

} // namespace

Isolation enterPrivateNetwork()
{
    if (g_isolationDecided)
        return g_isolation;
    g_isolationDecided = true;
    if (qgetenv("TIDINGS_INTEROP_NETNS") == "0")
        return g_isolation;
    // As root: a plain network namespace, with a way back if lo stays down.
    const int original = ::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    if (::unshare(CLONE_NEWNET) == 0) {
        if (loopbackUp()) {
            if (original >= 0)
                ::close(original);
            return g_isolation = Isolation::NetworkNamespace;
        }
        if (original < 0 || ::setns(original, CLONE_NEWNET) != 0)
            qFatal("interop: left without a loopback interface in a new network namespace");
    }
    if (original >= 0)
        ::close(original);
    if (userNetworkNamespaceWorks() && enterUserNetworkNamespace())
        return g_isolation = Isolation::UserNetworkNamespace;
    return g_isolation;
}

Isolation isolation()
{
    return g_isolation;
}

QString isolationDescription()
{
    switch (g_isolation) {
    case Isolation::NetworkNamespace:
        return QStringLiteral("a private network namespace (loopback only)");
    case Isolation::UserNetworkNamespace:
        return QStringLiteral("a private user and network namespace (loopback only)");
    case Isolation::HostLoopback:
        break;
    }
    return QStringLiteral("the host's loopback interface (no network namespace)");
}

QStringList missingPrograms()
{
    // kamailio and kamcmd live in /usr/sbin, which an ordinary user's PATH may lack.
    const QStringList paths = QString::fromLocal8Bit(qgetenv("PATH")).split(QLatin1Char(':')) +
                              QStringList{QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")};
    QStringList missing;
    for (const char *name : {"kamailio", "baresip", "sipsak"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(name), paths).isEmpty())
            missing << QString::fromLatin1(name);
    }
    return missing;
}

QString labUnavailableReason()
{
    const QStringList missing = missingPrograms();
    if (!missing.isEmpty())
        return QStringLiteral("not installed: %1 (packaging/debian-packages.txt lists them; "
                              "`make deps` installs them)")
            .arg(missing.join(QStringLiteral(", ")));
    qInfo("interop: running in %s", qPrintable(isolationDescription()));
    return {};
}

quint16 pickFreePort(int count)
{
    // Below Linux's ephemeral range (32768-60999), so no client socket of a
    // running program is handed one of them between picking and binding.
    static QSet<quint16> given;
    for (int attempt = 0; attempt < 500; ++attempt) {
        const auto first = quint16(QRandomGenerator::global()->bounded(20000, 32000));
        bool free = true;
        for (int i = 0; i < count && free; ++i) {
            const auto port = quint16(first + i);
            QUdpSocket udp;
            QTcpServer tcp;
            free = !given.contains(port) &&
                   udp.bind(QHostAddress::LocalHost, port, QUdpSocket::DontShareAddress) &&
                   tcp.listen(QHostAddress::LocalHost, port);
        }
        if (!free)
            continue;
        for (int i = 0; i < count; ++i)
            given.insert(quint16(first + i));
        return first;
    }
    return 0;
}

// ---- OwnedProcess -------------------------------------------------------

OwnedProcess::OwnedProcess() = default;

OwnedProcess::~OwnedProcess()
{
    stop();
}

bool OwnedProcess::start(const QString &program, const QStringList &arguments,
                         const QString &logFile, bool keepStdinOpen)
{
    stop();
    m_logFile = logFile;
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(program);
    m_process->setArguments(arguments);
    if (!keepStdinOpen)
        m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setStandardOutputFile(logFile, QIODevice::Append);
    m_process->setStandardErrorFile(logFile, QIODevice::Append);
    dieWithParent(*m_process);
    m_process->start();
    return m_process->waitForStarted(5000);
}

void OwnedProcess::stop(int graceMs)
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    const qint64 root = m_process->processId();
    const QHash<qint64, QByteArray> children = descendantsOf(root);
    m_process->terminate();
    if (!m_process->waitForFinished(graceMs)) {
        m_process->kill();
        m_process->waitForFinished(3000);
    }
    // Whatever it left behind (same PID and same start time) goes too.
    const QHash<qint64, ProcInfo> now = processTable();
    for (auto it = children.cbegin(); it != children.cend(); ++it) {
        const auto alive = now.constFind(it.key());
        if (alive != now.cend() && alive->startTime == it.value())
            ::kill(pid_t(it.key()), SIGKILL);
    }
}

bool OwnedProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 OwnedProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QByteArray OwnedProcess::log() const
{
    QFile f(m_logFile);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString OwnedProcess::logTail(int lines) const
{
    const QList<QByteArray> all = log().split('\n');
    return QString::fromUtf8(all.mid(qMax(0, all.size() - lines)).join('\n'));
}

RunResult runProgram(const QString &program, const QStringList &arguments,
                     const QByteArray &stdinData, int timeoutMs,
                     const QStringList &extraEnvironment)
{
    QProcess p;
    if (!extraEnvironment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &entry : extraEnvironment)
            env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
        p.setProcessEnvironment(env);
    }
    dieWithParent(p);
    p.start(program, arguments);
    RunResult r;
    if (!p.waitForStarted(5000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    p.write(stdinData);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(3000);
    } else {
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// ---- Kamailio -----------------------------------------------------------

Kamailio::Kamailio()
    : m_dir(QDir::tempPath() + QStringLiteral("/tidings-interop-XXXXXX"))
{
    if (qgetenv("TIDINGS_INTEROP_KEEP") == "1")
        m_dir.setAutoRemove(false);
}

Kamailio::~Kamailio()
{
    stop();
    if (!m_dir.autoRemove())
        qInfo("interop: kept the lab directory %s", qPrintable(m_dir.path()));
}

bool Kamailio::fail(const QString &why)
{
    m_error = why;
    return false;
}

QString Kamailio::proxyUri(const QString &transport) const
{
    if (transport == QLatin1String("tls"))
        return QStringLiteral("sip:127.0.0.1:%1;transport=tls").arg(m_tlsPort);
    if (transport == QLatin1String("tcp"))
        return QStringLiteral("sip:127.0.0.1:%1;transport=tcp").arg(m_port);
    return QStringLiteral("sip:127.0.0.1:%1").arg(m_port);
}

QString Kamailio::caFile() const
{
    return m_dir.filePath(QStringLiteral("ca.crt"));
}

bool Kamailio::makeDatabase()
{
    // Kamailio's own schema (version table, subscriber, silo), then the users.
    QByteArray sql;
    for (const char *part : {"standard", "auth_db", "msilo"}) {
        QFile f(
            QStringLiteral("/usr/share/kamailio/db_sqlite/%1-create.sql").arg(QLatin1String(part)));
        if (!f.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1 (package kamailio-sqlite-modules)")
                            .arg(f.fileName()));
        sql += f.readAll() + '\n';
    }
    for (const char *user : {"alice", "bob", "carol"}) {
        sql += QByteArray("INSERT INTO subscriber(username, domain, password) VALUES('") + user +
               "', '" + kDomain + "', '" + kPassword + "');\n";
    }
    const RunResult r = runProgram(QStringLiteral("sqlite3"),
                                   {QStringLiteral("-batch"), dir() + "/kamailio.db"}, sql);
    if (!r.finished || r.exitCode != 0)
        return fail(QStringLiteral("sqlite3 (package sqlite3) could not create the database: ") +
                    QString::fromUtf8(r.err));
    return true;
}

bool Kamailio::makeTlsMaterial()
{
    // A throw-away CA and a server certificate it signed for 127.0.0.1 and
    // localhost (RFC 5922 §7.2: subjectAltName IP and DNS entries).
    const auto write = [this](const char *name, const QByteArray &text) {
        QFile f(m_dir.filePath(QString::fromLatin1(name)));
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    };
    if (!write("ca.cnf", "[req]\ndistinguished_name = dn\nx509_extensions = v3_ca\nprompt = no\n"
                         "[dn]\nCN = Tidings Interop Test CA\n[v3_ca]\n"
                         "basicConstraints = critical,CA:TRUE\n"
                         "keyUsage = critical,keyCertSign,cRLSign\n"
                         "subjectKeyIdentifier = hash\n") ||
        !write("server.cnf",
               "[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = 127.0.0.1\n") ||
        !write("server.ext", "subjectAltName = IP:127.0.0.1,DNS:localhost\n"
                             "basicConstraints = CA:FALSE\n"
                             "keyUsage = critical,digitalSignature,keyAgreement\n"
                             "extendedKeyUsage = serverAuth,clientAuth\n"
                             "authorityKeyIdentifier = keyid\n"))
        return fail(QStringLiteral("cannot write the openssl configuration in ") + dir());
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"),
                         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                         QStringLiteral("-nodes")};
    const auto in = [this](const char *name) { return m_dir.filePath(QString::fromLatin1(name)); };
    const QList<QStringList> steps{
        QStringList{"req", "-x509", "-config", in("ca.cnf")} + ec +
            QStringList{"-keyout", in("ca.key"), "-out", in("ca.crt"), "-days", "2"},
        QStringList{"req", "-new", "-config", in("server.cnf")} + ec +
            QStringList{"-keyout", in("server.key"), "-out", in("server.csr")},
        QStringList{"x509", "-req", "-in", in("server.csr"), "-CA", in("ca.crt"), "-CAkey",
                    in("ca.key"), "-set_serial", "2", "-days", "2", "-extfile", in("server.ext"),
                    "-out", in("server.crt")}};
    for (const QStringList &args : steps) {
        const RunResult r = runProgram(QStringLiteral("openssl"), args);
        if (!r.finished || r.exitCode != 0)
            return fail(QStringLiteral("openssl (package openssl) %1 failed: %2")
                            .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(r.err)));
    }
    // Kamailio's TLS profiles: its server side presents the certificate; as
    // a client (towards a TLS contact) it verifies nothing.
    const QByteArray tlsCfg = "[server:default]\nmethod = TLSv1.2+\nverify_certificate = no\n"
                              "require_certificate = no\nprivate_key = " +
                              in("server.key").toUtf8() +
                              "\ncertificate = " + in("server.crt").toUtf8() +
                              "\n\n[client:default]\nmethod = TLSv1.2+\n"
                              "verify_certificate = no\nrequire_certificate = no\n";
    if (!write("tls.cfg", tlsCfg))
        return fail(QStringLiteral("cannot write tls.cfg"));
    return true;
}

bool Kamailio::launch(const Options &options)
{
    QStringList args{QStringLiteral("-f"),
                     QStringLiteral(TIDINGS_INTEROP_KAMAILIO_CFG),
                     QStringLiteral("-DD"), // foreground, but with its worker processes
                     QStringLiteral("-E"),  // log to stderr
                     QStringLiteral("-m"),
                     QStringLiteral("32"),
                     QStringLiteral("-M"),
                     QStringLiteral("8"),
                     QStringLiteral("-Y"), // runtime directory instead of /run/kamailio
                     dir(),
                     QStringLiteral("-P"),
                     dir() + QStringLiteral("/kamailio.pid"),
                     QStringLiteral("--substdef"),
                     QStringLiteral("!KRUN!%1!g").arg(dir()),
                     QStringLiteral("--substdef"),
                     QStringLiteral("!KPORT!%1!g").arg(m_port),
                     QStringLiteral("--substdef"),
                     QStringLiteral("!KTLSPORT!%1!g").arg(m_tlsPort)};
    if (options.qop)
        args << QStringLiteral("-A") << QStringLiteral("WITH_QOP");
    if (options.msiloDate)
        args << QStringLiteral("-A") << QStringLiteral("WITH_MSILO_DATE");
    if (const QByteArray level = qgetenv("TIDINGS_INTEROP_DEBUG"); !level.isEmpty())
        args << QStringLiteral("--debug=") + QString::fromLatin1(level);
    const QString program = QStandardPaths::findExecutable(
        QStringLiteral("kamailio"),
        {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/sbin")});
    if (!m_process.start(program.isEmpty() ? QStringLiteral("kamailio") : program, args,
                         dir() + QStringLiteral("/kamailio.log")))
        return fail(QStringLiteral("cannot start kamailio"));
    return true;
}

bool Kamailio::waitUntilAnswering()
{
    QUdpSocket probe;
    if (!probe.bind(QHostAddress::LocalHost, 0))
        return fail(QStringLiteral("cannot bind the OPTIONS probe socket"));
    bool udp = false;
    bool tcp = false;
    bool tls = false;
    QElapsedTimer clock;
    clock.start();
    for (int n = 1; clock.elapsed() < 15000; ++n) {
        if (!m_process.isRunning())
            return fail(QStringLiteral("kamailio exited while starting:\n") + logTail());
        if (!udp) {
            const QByteArray options =
                QStringLiteral("OPTIONS sip:127.0.0.1:%1 SIP/2.0\r\n"
                               "Via: SIP/2.0/UDP 127.0.0.1:%2;branch=z9hG4bK-probe-%3;rport\r\n"
                               "Max-Forwards: 70\r\n"
                               "From: <sip:probe@127.0.0.1>;tag=probe%3\r\n"
                               "To: <sip:127.0.0.1:%1>\r\n"
                               "Call-ID: probe-%3@127.0.0.1\r\n"
                               "CSeq: %3 OPTIONS\r\n"
                               "Content-Length: 0\r\n\r\n")
                    .arg(m_port)
                    .arg(probe.localPort())
                    .arg(n)
                    .toLatin1();
            probe.writeDatagram(options, QHostAddress::LocalHost, m_port);
            if (probe.waitForReadyRead(100)) {
                while (probe.hasPendingDatagrams())
                    udp = probe.receiveDatagram().data().startsWith("SIP/2.0 200 ") || udp;
            }
        }
        const auto accepts = [](quint16 port) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            const bool ok = s.waitForConnected(200);
            s.abort();
            return ok;
        };
        tcp = tcp || accepts(m_port);
        tls = tls || accepts(m_tlsPort);
        if (udp && tcp && tls)
            return true;
        QThread::msleep(50);
    }
    return fail(QStringLiteral("kamailio did not answer OPTIONS on udp:127.0.0.1:%1 "
                               "(udp %2, tcp %3, tls %4):\n%5")
                    .arg(m_port)
                    .arg(udp)
                    .arg(tcp)
                    .arg(tls)
                    .arg(logTail()));
}

bool Kamailio::start(const Options &options)
{
    if (!m_dir.isValid())
        return fail(QStringLiteral("cannot make a temporary directory"));
    if (!makeDatabase() || !makeTlsMaterial())
        return false;
    // Another program may take a picked port before kamailio binds it (only
    // possible outside a network namespace): then try other ports.
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = pickFreePort();
        m_tlsPort = pickFreePort();
        if (!m_port || !m_tlsPort)
            return fail(QStringLiteral("no free port on 127.0.0.1"));
        if (launch(options) && waitUntilAnswering())
            return true;
        m_process.stop();
        if (!m_process.log().contains("Address already in use"))
            return false;
    }
    return false;
}

void Kamailio::stop()
{
    m_process.stop();
}

bool Kamailio::restart(const Options &options)
{
    if (!m_port || !m_tlsPort)
        return fail(QStringLiteral("restart() before start()"));
    return launch(options) && waitUntilAnswering();
}

QList<QByteArray> Kamailio::storedMessages(const QString &user) const
{
    // Names are the lab's own (alice, bob, carol), never quoting hazards.
    const RunResult r =
        runProgram(QStringLiteral("sqlite3"),
                   {QStringLiteral("-batch"), dir() + QStringLiteral("/kamailio.db"),
                    QStringLiteral("SELECT hex(body) FROM silo WHERE username = '%1' "
                                   "ORDER BY id;")
                        .arg(user)});
    QList<QByteArray> bodies;
    for (const QByteArray &line : r.out.split('\n')) {
        if (!line.trimmed().isEmpty())
            bodies << QByteArray::fromHex(line.trimmed());
    }
    return bodies;
}

QByteArray Kamailio::registrations(const QString &user) const
{
    const QString kamcmd = QStandardPaths::findExecutable(
        QStringLiteral("kamcmd"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    const RunResult r = runProgram(
        kamcmd.isEmpty() ? QStringLiteral("kamcmd") : kamcmd,
        {QStringLiteral("-s"), QStringLiteral("unix:") + dir() + QStringLiteral("/kamailio_ctl"),
         QStringLiteral("ul.lookup"), QStringLiteral("location"),
         user + QLatin1Char('@') + QLatin1String(kDomain)});
    return r.out + r.err;
}

// ---- sipsak -------------------------------------------------------------

SipsakResult sipsakMessage(const Kamailio &lab, const QString &from, const QString &to,
                           const QByteArray &body, const QString &transport, bool withCredentials,
                           const QByteArray &password)
{
    static int counter = 0;
    const QString n = QStringLiteral("%1-%2").arg(::getpid()).arg(++counter);
    // sipsak's -M mode is not a general MESSAGE sender: shoot mode (-f) with
    // a request written here, CRLF line ends by hand (--no-crlf keeps the
    // body's bytes as they are). sipsak adds its own Via.
    const QByteArray request = QStringLiteral("MESSAGE sip:%1@127.0.0.1:%2 SIP/2.0\r\n"
                                              "From: <sip:%3@127.0.0.1>;tag=sipsak%4\r\n"
                                              "To: <sip:%1@127.0.0.1>\r\n"
                                              "Call-ID: sipsak-%4@127.0.0.1\r\n"
                                              "CSeq: 1 MESSAGE\r\n"
                                              "Max-Forwards: 70\r\n"
                                              "Content-Type: text/plain;charset=UTF-8\r\n"
                                              "Content-Length: %5\r\n\r\n")
                                   .arg(to)
                                   .arg(lab.port())
                                   .arg(from, n)
                                   .arg(body.size())
                                   .toUtf8() +
                               body;
    const QString file = lab.dir() + QStringLiteral("/sipsak-%1.sip").arg(n);
    QFile f(file);
    SipsakResult result;
    if (!f.open(QIODevice::WriteOnly) || f.write(request) != request.size())
        return result;
    f.close();
    QStringList args{QStringLiteral("-f"),
                     file,
                     QStringLiteral("--no-crlf"),
                     QStringLiteral("-s"),
                     QStringLiteral("sip:%1@127.0.0.1:%2").arg(to).arg(lab.port()),
                     QStringLiteral("--transport"),
                     transport,
                     QStringLiteral("-H"),
                     QStringLiteral("127.0.0.1"),
                     QStringLiteral("-vv")};
    if (withCredentials)
        args << QStringLiteral("-u") << from << QStringLiteral("-a") << QString::fromUtf8(password);
    const RunResult r = runProgram(QStringLiteral("sipsak"), args, {}, 20000);
    result.exitCode = r.exitCode;
    result.output = r.out + r.err;
    // With -vv every reply is printed; a final 2xx is repeated, indented,
    // after the timing lines, an error reply ends the output. The last one
    // counts.
    static const QRegularExpression finalLine(QStringLiteral("\\n[ \\t]*SIP/2\\.0 (\\d{3}) "));
    auto it = finalLine.globalMatch(QString::fromUtf8(result.output));
    while (it.hasNext())
        result.finalStatus = it.next().captured(1).toInt();
    return result;
}

// ---- tidings-cli --------------------------------------------------------

QString CliResult::describe() const
{
    return QStringLiteral("exit %1, stdout: %2, stderr: %3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out), QString::fromUtf8(err));
}

CliResult tidingsCliSend(const QStringList &arguments, const QByteArray &password)
{
    const RunResult r = runProgram(
        QStringLiteral(TIDINGS_CLI_PATH), QStringList{QStringLiteral("send")} + arguments, {},
        45000, {QLatin1String(kPasswordVariable) + QLatin1Char('=') + QString::fromUtf8(password)});
    CliResult c;
    c.exitCode = r.finished ? r.exitCode : -1;
    c.out = r.out;
    c.err = r.err;
    c.result = QJsonDocument::fromJson(r.out.left(r.out.indexOf('\n'))).object();
    return c;
}

} // namespace tidings::interop
