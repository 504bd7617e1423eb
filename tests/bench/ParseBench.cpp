// SPDX-License-Identifier: GPL-3.0-or-later
// sipcore-parse-bench: the SIP parser benchmark, following the binary
// contract of the shared peer benchmark (oSIP2, Sofia-SIP, libre) so the
// same corpus, loop and output line compare them side by side:
//
//   sipcore-parse-bench [-n ITER] [-w WARMUP] [--bytes] [--check] CORPUS_DIR
//
// The timed path and --check run the production parser at the same depth:
// each message is framed by the datagram rules of RFC 3261 §18.3, every
// header line located, split and classified, and the start line, every Via
// value, From, To, Call-ID, CSeq, Max-Forwards, Content-Type and
// Content-Length parsed into their structures. Other headers are parsed when
// their accessor is first called (not in this loop). Input bytes are shared
// with QByteArray::fromRawData, not copied. The timed loop is the extern "C"
// function bench_measure, so callgrind can count only it
// (--toggle-collect=bench_measure).

#include "message/Parser.h"

#include <QByteArray>
#include <QDir>
#include <QFile>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

struct CorpusFile
{
    QByteArray name;
    QByteArray data;
};

std::vector<CorpusFile> g_corpus;
qint64 g_bytes = 0;
volatile std::uint64_t g_sink = 0;

// Parses one message and touches what a user agent reads first. Returns 0
// on success.
int parseOne(const QByteArray &wire, std::uint64_t &sink)
{
    const sip::ParseResult r =
        sip::Parser::parseDatagram(QByteArray::fromRawData(wire.constData(), wire.size()));
    if (!r.ok())
        return 1;
    const sip::Message &m = r.message;
    std::uint64_t s = m.isRequest() ? std::uint64_t(std::uint8_t(m.methodName()[0]))
                                    : std::uint64_t(m.statusCode());
    s += std::uint8_t(m.callId()[0]);
    s += m.cseq().number();
    s += m.from().uri().host().isEmpty() ? 0 : std::uint8_t(m.from().uri().host()[0]);
    s += std::uint64_t(m.contentLength());
    s += std::uint64_t(m.vias().size());
    sink += s;
    return 0;
}

long runPasses(long passes)
{
    std::uint64_t sink = 0;
    long errors = 0;
    for (long it = 0; it < passes; ++it) {
        for (const CorpusFile &f : g_corpus)
            errors += parseOne(f.data, sink);
    }
    g_sink = g_sink + sink;
    return errors;
}

bool loadCorpus(const QString &dir)
{
    const QDir d(dir);
    if (!d.exists()) {
        std::fprintf(stderr, "%s: no such directory\n", qPrintable(dir));
        return false;
    }
    const QStringList names = d.entryList({QStringLiteral("*.sip")}, QDir::Files, QDir::Name);
    for (const QString &n : names) {
        QFile f(d.filePath(n));
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(f.fileName()), qPrintable(f.errorString()));
            return false;
        }
        g_corpus.push_back({n.toUtf8(), f.readAll()});
        g_bytes += g_corpus.back().data.size();
    }
    if (g_corpus.empty()) {
        std::fprintf(stderr, "no *.sip files in %s\n", qPrintable(dir));
        return false;
    }
    return true;
}

// The --check row: name first call_id cseq_num cseq_method from_uri
// content_length body_len vias.
QByteArray checkRow(const CorpusFile &f)
{
    const sip::ParseResult r = sip::Parser::parseDatagram(f.data);
    if (!r.ok())
        return f.name + "\tPARSE-ERROR\t# " + r.error.reasonPhrase();
    const sip::Message &m = r.message;
    const sip::Uri &from = m.from().uri();
    QByteArray fromUri = from.schemeText().toByteArray().toLower() + ':';
    if (from.hasUser())
        fromUri += from.user().toByteArray() + '@';
    fromUri += from.host().toByteArray();
    QByteArray first =
        m.isRequest() ? m.methodName().toByteArray() : QByteArray::number(m.statusCode());
    return f.name + '\t' + first + '\t' + m.callId().toByteArray() + '\t' +
           QByteArray::number(m.cseq().number()) + '\t' + m.cseq().method().toByteArray() + '\t' +
           fromUri + '\t' + QByteArray::number(m.contentLength()) + '\t' +
           QByteArray::number(m.body().size()) + '\t' + QByteArray::number(m.vias().size());
}

int runCheck(const QString &dir)
{
    QHash<QByteArray, QByteArray> expected;
    QFile ef(QDir(dir).filePath(QStringLiteral("expected.tsv")));
    const bool haveExpected = ef.open(QIODevice::ReadOnly);
    if (haveExpected) {
        for (const QByteArray &line : ef.readAll().split('\n')) {
            if (!line.isEmpty())
                expected.insert(line.left(line.indexOf('\t')), line);
        }
    }
    int failures = 0;
    for (const CorpusFile &f : g_corpus) {
        const QByteArray row = checkRow(f);
        if (row.contains("\tPARSE-ERROR")) {
            std::printf("%s\n", row.constData());
            ++failures;
        } else if (!haveExpected) {
            std::printf("%s\n", row.constData());
        } else if (!expected.contains(f.name)) {
            std::printf("%s\t# NOT IN expected.tsv\n", row.constData());
            ++failures;
        } else if (expected.value(f.name) != row) {
            std::printf("%s\t# MISMATCH\n%s\t# EXPECTED\n", row.constData(),
                        expected.value(f.name).constData());
            ++failures;
        } else {
            std::printf("%s\t# ok\n", row.constData());
        }
    }
    if (const long errs = runPasses(1)) {
        std::printf("bench_parse failed on %ld file(s)\n", errs);
        ++failures;
    }
    std::printf("sipcore check: %zu files, %d problem(s)%s\n", g_corpus.size(), failures,
                haveExpected ? "" : " (no expected.tsv, fields not compared)");
    return failures ? 1 : 0;
}

[[noreturn]] void usage(const char *argv0)
{
    std::fprintf(stderr, "usage: %s [-n ITER] [-w WARMUP] [--bytes] [--check] CORPUS_DIR\n", argv0);
    std::exit(2);
}

} // namespace

extern "C" __attribute__((noinline)) long bench_warmup(long passes)
{
    return runPasses(passes);
}

extern "C" __attribute__((noinline)) long bench_measure(long passes)
{
    return runPasses(passes);
}

int main(int argc, char **argv)
{
    long iters = 20000, warm = 200;
    bool check = false, bytes = false;
    const char *dir = nullptr;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "-n") && i + 1 < argc)
            iters = std::atol(argv[++i]);
        else if (!std::strcmp(argv[i], "-w") && i + 1 < argc)
            warm = std::atol(argv[++i]);
        else if (!std::strcmp(argv[i], "--check"))
            check = true;
        else if (!std::strcmp(argv[i], "--bytes"))
            bytes = true;
        else if (argv[i][0] == '-' || dir)
            usage(argv[0]);
        else
            dir = argv[i];
    }
    if (!dir || iters <= 0 || warm < 0)
        usage(argv[0]);
    if (!loadCorpus(QString::fromLocal8Bit(dir)))
        return 1;
    if (check)
        return runCheck(QString::fromLocal8Bit(dir));

    long errs = bench_warmup(warm);
    const auto t0 = std::chrono::steady_clock::now();
    errs += bench_measure(iters);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    int rc = 0;
    if (errs) {
        std::fprintf(stderr, "sipcore: %ld parse errors\n", errs);
        rc = 1;
    }
    const double msgs = double(iters) * double(g_corpus.size());
    const double nbytes = double(iters) * double(g_bytes);
    std::printf("sipcore messages=%.0f seconds=%.6f msgs_per_sec=%.0f ns_per_msg=%.1f\n", msgs,
                secs, msgs / secs, secs * 1e9 / msgs);
    if (bytes)
        std::printf("sipcore bytes=%.0f seconds=%.6f bytes_per_sec=%.0f mb_per_sec=%.2f\n", nbytes,
                    secs, nbytes / secs, nbytes / secs / 1e6);
    return rc;
}
