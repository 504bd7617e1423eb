// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The interop lab: a real Kamailio (registrar, digest authentication, MESSAGE
// relay, msilo offline store) started by the test on loopback, plus helpers to
// run sipsak and tidings-cli against it. Baresip.h adds the baresip peer.
//
// Every lab gets its own temporary directory (database, TLS material, logs,
// ctl socket) and its own ports, so labs in parallel test processes never
// collide. Each process the lab starts is stopped by its PID when its owner
// goes out of scope, and gets SIGTERM from the kernel if the test process dies.

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace tidings::interop {

// The password of every lab user (alice, bob, carol) in the Kamailio database.
inline constexpr char kPassword[] = "Interop-Secret-42";
// The SIP domain and digest realm of the lab.
inline constexpr char kDomain[] = "127.0.0.1";
// Environment variable that carries kPassword to tidings-cli (--password-env).
inline constexpr char kPasswordVariable[] = "TIDINGS_INTEROP_PASSWORD";

// Where the test's network traffic lives; see enterPrivateNetwork().
enum class Isolation
{
    NetworkNamespace,
    UserNetworkNamespace,
    HostLoopback
};

// Moves the calling process into a new, empty network namespace with only
// its loopback interface up, so nothing the test starts can reach or be
// reached from outside the machine, and ports never collide with other runs.
// Tries unshare(CLONE_NEWNET) (root), then a user namespace with a network
// namespace (unprivileged, where the kernel allows it), else stays on the host
// loopback. TIDINGS_INTEROP_NETNS=0 keeps the host loopback. Must run before
// any thread starts (first thing in main()); the result is cached.
Isolation enterPrivateNetwork();
Isolation isolation();
QString isolationDescription();

// Which of the programs the interop tests are about (kamailio, baresip,
// sipsak) are not installed: the tests skip then. The lab's tools (sqlite3,
// openssl, the kamailio modules) are not optional: without them a test fails
// and says what is missing.
QStringList missingPrograms();
// For every interop test's initTestCase(): why the tests cannot run here (the
// programs they are about are missing), to pass to QSKIP; empty when they
// can, after logging where they run (isolationDescription()).
QString labUnavailableReason();

// A port on 127.0.0.1 free for UDP and TCP, with `count` consecutive free
// ports from it (baresip's TLS listener takes its SIP port + 1). Never the
// same port twice in one process.
quint16 pickFreePort(int count = 1);

// A child process owned by the test: stdin from /dev/null unless given,
// stdout and stderr into one log file, SIGTERM from the kernel when the test
// process dies (PR_SET_PDEATHSIG). stop() sends SIGTERM to its PID, waits,
// then SIGKILLs it and every descendant it had that is still alive.
class OwnedProcess
{
public:
    OwnedProcess();
    ~OwnedProcess();
    OwnedProcess(const OwnedProcess &) = delete;
    OwnedProcess &operator=(const OwnedProcess &) = delete;

    // keepStdinOpen: stdin is a pipe that stays open (baresip's stdio UI
    // needs a real stdin; /dev/null makes it quit).
    bool start(const QString &program, const QStringList &arguments, const QString &logFile,
               bool keepStdinOpen = false);
    void stop(int graceMs = 3000);
    bool isRunning() const;
    qint64 pid() const;
    QString logFile() const { return m_logFile; }
    QByteArray log() const;
    QString logTail(int lines = 40) const;

private:
    std::unique_ptr<QProcess> m_process;
    QString m_logFile;
};

// Runs a program to completion (at most timeoutMs) and returns its output.
struct RunResult
{
    bool finished = false; // false: it timed out and was killed
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
RunResult runProgram(const QString &program, const QStringList &arguments,
                     const QByteArray &stdinData = {}, int timeoutMs = 30000,
                     const QStringList &extraEnvironment = {});

class Kamailio
{
public:
    struct Options
    {
        bool qop = false; // challenges with qop="auth" (-A WITH_QOP)
        // msilo prefixes stored bodies with "[Offline message - <date>] "
        // (its default add_date=1, -A WITH_MSILO_DATE); else bodies stay as sent.
        bool msiloDate = false;
    };

    Kamailio();
    ~Kamailio();

    // Makes the database, the TLS material and tls.cfg, picks ports, starts
    // kamailio in the foreground and waits until it answers OPTIONS over UDP
    // and accepts TCP and TLS connections. False with error() set otherwise.
    bool start(const Options &options);
    bool start() { return start(Options{}); }
    void stop();
    // Starts it again after stop(), on the same ports with the same database
    // (a server that was down and came back).
    bool restart(const Options &options);
    const QString &error() const { return m_error; }

    quint16 port() const { return m_port; }       // UDP and TCP
    quint16 tlsPort() const { return m_tlsPort; } // TLS
    // sip:127.0.0.1:PORT[;transport=tcp|tls] (tls: the TLS port).
    QString proxyUri(const QString &transport = QStringLiteral("udp")) const;
    QString dir() const { return m_dir.path(); }
    QString caFile() const; // PEM of the CA that signed the server certificate
    QString logTail(int lines = 40) const { return m_process.logTail(lines); }
    // Bodies of the MESSAGEs msilo holds for user@127.0.0.1, oldest first.
    QList<QByteArray> storedMessages(const QString &user) const;
    // The contacts registered for user@127.0.0.1 (kamcmd ul.lookup).
    QByteArray registrations(const QString &user) const;
    // Kamailio's log so far (every request it received is logged as
    // "REQ <method> <uri> from <from> (<proto>:<ip>:<port>)").
    QByteArray log() const { return m_process.log(); }

private:
    bool fail(const QString &why);
    bool makeDatabase();
    bool makeTlsMaterial();
    bool launch(const Options &options);
    bool waitUntilAnswering();

    QTemporaryDir m_dir;
    OwnedProcess m_process;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
    QString m_error;
};

// One MESSAGE sent by sipsak in shoot mode (-f request file) through the lab.
struct SipsakResult
{
    int exitCode = -1;
    int finalStatus = 0; // the final response sipsak reported, 0 when none
    QByteArray output;
};
// Sends `body` (UTF-8, Content-Type text/plain;charset=UTF-8) from
// sip:from@127.0.0.1 to sip:to@127.0.0.1 over udp or tcp; with credentials
// (user `from`, `password`), sipsak answers the 407 challenge.
SipsakResult sipsakMessage(const Kamailio &lab, const QString &from, const QString &to,
                           const QByteArray &body, const QString &transport = QStringLiteral("udp"),
                           bool withCredentials = true, const QByteArray &password = kPassword);

// `tidings-cli send` (path from TIDINGS_CLI_PATH) with the given arguments,
// `password` in kPasswordVariable; result is its first JSON line.
struct CliResult
{
    int exitCode = -1;
    QJsonObject result;
    QByteArray out;
    QByteArray err;
    QString describe() const; // exit code and output, for failure messages
};
CliResult tidingsCliSend(const QStringList &arguments, const QByteArray &password = kPassword);

} // namespace tidings::interop

// main() of an interop test: the network namespace first, while the process
// has one thread, then Qt Test as QTEST_GUILESS_MAIN would run it.
#define TIDINGS_INTEROP_TEST_MAIN(TestObject)                                                      \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        tidings::interop::enterPrivateNetwork();                                                   \
        QCoreApplication app(argc, argv);                                                          \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }
