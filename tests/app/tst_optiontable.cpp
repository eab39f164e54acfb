// The CLI's option table: what it accepts, what it refuses (and says), and the
// --help it writes from the same entries.

#include <optiontable.h>

#include <QtTest>

#include <cstdio>
#include <iostream>
#include <sstream>
#include <unistd.h>

using clipflow::cli::OptionTable;

namespace {

// Every value a command could declare, with its defaults.
struct Values {
    bool json = false, hidden = false;
    std::optional<std::string> out;
    std::string addr = "127.0.0.1";
    std::vector<std::string> reals, inputs;
    std::string window = "hann";
    double margin = 1.0;
    float lr = 1e-3f;
    int threads = 0;
    std::uint64_t seed = 1;
};

OptionTable make_table(Values& v, bool with_positionals = true)
{
    OptionTable t("demo", "[options] IMAGE...", "A demo command.\n  indented: kept as written");
    t.flag("--json", v.json, "JSON lines")
        .text("--out", "FILE", v.out, "where it goes")
        .required()
        .text("--master-addr", "HOST", v.addr, "where rank 0 listens")
        .default_text("$MASTER_ADDR, else 127.0.0.1")
        .texts("--real", "DIR", v.reals, "natural photos (repeatable)")
        .choice("--window", "W", v.window, {"hann", "tukey", "none"}, "tile window")
        .number("--margin", "M", v.margin, 0, 100, "nats per dimension")
        .number("--lr", "X", v.lr, 1e-7, 1, "learning rate")
        .whole("--threads", "N", v.threads, 0, 1024, "parallel workers")
        .default_text("all cores")
        .whole("--seed", "S", v.seed, 0, 1'000'000'000'000'000LL, "random seed")
        .flag("--worker", v.hidden, "internal")
        .hidden()
        .section("Other things", "A footer that says something about them.")
        .flag("--json2", v.hidden, "a second flag, in its own section")
        .notes("Exit status: 0 fine.")
        .check([&v]() -> std::string { return v.reals.size() > 2 ? "at most two --real" : ""; });
    if (with_positionals) t.positionals(v.inputs);
    return t;
}

std::vector<std::string> words(const QStringList& l)
{
    std::vector<std::string> out;
    for (const auto& s : l) out.push_back(s.toStdString());
    return out;
}

// Runs parse with standard error captured.
std::pair<std::optional<int>, QString> parse_capturing(OptionTable& t, const QStringList& args)
{
    std::fflush(stderr);
    std::ostringstream captured;
    auto* old = std::cerr.rdbuf(captured.rdbuf());
    auto* old_out = std::cout.rdbuf(captured.rdbuf());
    const auto code = t.parse(words(args));
    std::cerr.rdbuf(old);
    std::cout.rdbuf(old_out);
    return {code, QString::fromStdString(captured.str())};
}

} // namespace

class TestOptionTable : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void accepts_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expect"); // the values, as describe() writes them
        auto L = [](std::initializer_list<const char*> w) {
            QStringList l;
            for (const char* s : w) l << QString::fromLatin1(s);
            return l;
        };
        QTest::newRow("defaults") << L({"--out", "o"})
                                  << "json=0 out=o addr=127.0.0.1 reals= window=hann margin=1 lr=0.001 "
                                     "threads=0 seed=1 inputs=";
        QTest::newRow("every kind") << L({"--json", "--out=o", "a.png", "--real", "r1", "--real=r2", "--window", "none",
                                          "--margin", "2.5", "--lr", "1e-4", "--threads", "3", "--seed", "123456789012",
                                          "--master-addr", "node1", "b.png"})
                                    << "json=1 out=o addr=node1 reals=r1,r2 window=none margin=2.5 lr=0.0001 threads=3 "
                                       "seed=123456789012 inputs=a.png,b.png";
        QTest::newRow("range ends") << L({"--out", "o", "--margin", "100", "--threads", "1024", "--seed", "0"})
                                    << "json=0 out=o addr=127.0.0.1 reals= window=hann margin=100 lr=0.001 threads=1024 "
                                       "seed=0 inputs=";
        QTest::newRow("after -- all is positional")
            << L({"--out", "o", "--", "--json", "-x"})
            << "json=0 out=o addr=127.0.0.1 reals= window=hann margin=1 lr=0.001 threads=0 seed=1 inputs=--json,-x";
        QTest::newRow("a value may look like an option")
            << L({"--out", "--json"})
            << "json=0 out=--json addr=127.0.0.1 reals= window=hann margin=1 lr=0.001 threads=0 seed=1 inputs=";
        QTest::newRow("negative number as a value") << L({"--out", "o", "--margin", "-0"})
                                                    << "json=0 out=o addr=127.0.0.1 reals= window=hann margin=0 lr=0.001 "
                                                       "threads=0 seed=1 inputs=";
    }
    void accepts()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expect);
        Values v;
        OptionTable t = make_table(v);
        const auto [code, said] = parse_capturing(t, args);
        QVERIFY2(!code, qPrintable(said));
        QVERIFY(said.isEmpty());
        auto join = [](const std::vector<std::string>& l) {
            QStringList q;
            for (const auto& s : l) q << QString::fromStdString(s);
            return q.join(QLatin1Char(','));
        };
        const QString got =
            QStringLiteral("json=%1 out=%2 addr=%3 reals=%4 window=%5 margin=%6 lr=%7 threads=%8 seed=%9 inputs=%10")
                .arg(int(v.json))
                .arg(QString::fromStdString(v.out.value_or("-")))
                .arg(QString::fromStdString(v.addr))
                .arg(join(v.reals))
                .arg(QString::fromStdString(v.window))
                .arg(v.margin)
                .arg(double(v.lr))
                .arg(v.threads)
                .arg(qulonglong(v.seed))
                .arg(join(v.inputs));
        QCOMPARE(got, expect);
    }

    void refuses_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("positionals");
        QTest::addColumn<QString>("says");
        auto L = [](std::initializer_list<const char*> w) {
            QStringList l;
            for (const char* s : w) l << QString::fromLatin1(s);
            return l;
        };
        QTest::newRow("required missing") << L({"a.png"}) << true << "--out FILE is required";
        QTest::newRow("unknown option") << L({"--out", "o", "--bogus"}) << true << "unknown option --bogus";
        QTest::newRow("unknown with value") << L({"--out", "o", "--bogus=3"}) << true << "unknown option --bogus";
        QTest::newRow("short unknown") << L({"--out", "o", "-x"}) << true << "unknown option -x";
        QTest::newRow("missing value") << L({"--out"}) << true << "--out needs a value";
        QTest::newRow("given twice") << L({"--out", "o", "--out", "p"}) << true << "--out is given twice";
        QTest::newRow("flag with a value") << L({"--out", "o", "--json=1"}) << true << "--json takes no value";
        QTest::newRow("bad choice") << L({"--out", "o", "--window", "kaiser"}) << true
                                    << "--window must be hann, tukey or none, not 'kaiser'";
        QTest::newRow("number not a number")
            << L({"--out", "o", "--margin", "two"}) << true << "--margin must be a number in [0, 100]";
        QTest::newRow("number above") << L({"--out", "o", "--margin", "100.5"}) << true
                                      << "--margin must be a number in [0, 100]";
        QTest::newRow("number not finite") << L({"--out", "o", "--margin", "nan"}) << true
                                           << "--margin must be a number in [0, 100]";
        QTest::newRow("number with tail") << L({"--out", "o", "--lr", "0.1x"}) << true << "--lr must be a number in [1e-07, 1]";
        QTest::newRow("whole with a fraction")
            << L({"--out", "o", "--threads", "2.5"}) << true << "--threads must be a whole number in 0..1024";
        QTest::newRow("whole below") << L({"--out", "o", "--threads", "-1"}) << true
                                     << "--threads must be a whole number in 0..1024";
        QTest::newRow("whole overflow") << L({"--out", "o", "--seed", "99999999999999999999999"}) << true
                                        << "--seed must be a whole number in 0..1000000000000000";
        QTest::newRow("a check after reading")
            << L({"--out", "o", "--real", "a", "--real", "b", "--real", "c"}) << true << "at most two --real";
        QTest::newRow("positional not wanted") << L({"--out", "o", "a.png"}) << false << "unexpected argument a.png";
        QTest::newRow("first mistake is the one told") << L({"--bogus", "--margin", "x"}) << true << "unknown option --bogus";
    }
    void refuses()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, positionals);
        QFETCH(QString, says);
        Values v;
        OptionTable t = make_table(v, positionals);
        const auto [code, said] = parse_capturing(t, args);
        QCOMPARE(code.value_or(-1), 2);
        QVERIFY2(said.startsWith(QStringLiteral("clipflow demo: ") + says + QLatin1Char('\n')), qPrintable(said));
        QVERIFY(said.contains(QStringLiteral("(see clipflow demo --help)")));
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
        QTest::newRow("-h") << QStringList{QStringLiteral("-h")};
        QTest::newRow("help wins over mistakes") << QStringList{QStringLiteral("--bogus"), QStringLiteral("--help")};
    }
    void help()
    {
        QFETCH(QStringList, args);
        Values v;
        OptionTable t = make_table(v);
        const auto [code, said] = parse_capturing(t, args);
        QCOMPARE(code.value_or(-1), 0);
        QCOMPARE(said, QString::fromStdString(t.help()));
        const QStringList lines = said.split(QLatin1Char('\n'));
        QCOMPARE(lines.first(), QStringLiteral("Usage: clipflow demo [options] IMAGE..."));
        for (const auto& l : lines) QVERIFY2(l.size() <= 79, qPrintable(l));
        // Prose kept as written; one line per option, with what the table knows.
        QVERIFY(said.contains(QStringLiteral("\n  indented: kept as written\n")));
        QVERIFY(said.contains(QStringLiteral("  -h, --help           this text\n")));
        QVERIFY(said.contains(QStringLiteral("  --out FILE           where it goes (required)\n")));
        QVERIFY(said.contains(QStringLiteral("  --window W           tile window: hann, tukey or none (default hann)\n")));
        QVERIFY(said.contains(QStringLiteral("  --margin M           nats per dimension (default 1)\n")));
        QVERIFY(said.contains(QStringLiteral("  --lr X               learning rate (default 0.001)\n")));
        QVERIFY(said.contains(QStringLiteral("  --threads N          parallel workers (default all cores)\n")));
        QVERIFY(said.contains(QStringLiteral("  --real DIR           natural photos (repeatable)\n")));
        QVERIFY(said.contains(QStringLiteral("  --master-addr HOST   where rank 0 listens (default $MASTER_ADDR, else\n"
                                             "                       127.0.0.1)\n")));
        QVERIFY(!said.contains(QStringLiteral("--worker")));
        QVERIFY(said.contains(QStringLiteral("\nOther things:\n  --json2              a second flag, in its own section\n"
                                             "  A footer that says something about them.\n\nExit status: 0 fine.\n")));
        QVERIFY(!v.json); // --help reads nothing else
    }

    void defaultsShownAreTheValuesBeforeParsing()
    {
        // The help is written from the values as they stand: a command that
        // changes a default (a Params struct) changes its --help with it.
        Values v;
        v.margin = 3.5;
        v.threads = 7;
        OptionTable t = make_table(v);
        const std::string help = t.help();
        QVERIFY(help.find("nats per dimension (default 3.5)") != std::string::npos);
        QVERIFY(help.find("parallel workers (default all cores)") != std::string::npos); // default_text wins
    }
};

QTEST_APPLESS_MAIN(TestOptionTable)
#include "tst_optiontable.moc"
