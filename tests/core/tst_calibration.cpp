// Calibration: percentiles, tail p-values (empirical, then a flagged normal
// extrapolation), the ai_score mapping, verdicts, the false-positive bound that
// holds with its confidence (also for delivered photos' scores), and a
// faithful JSON round trip.

#include <clipflow/calibration.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace {

// Natural scores 1, 2, ..., 100 (nats/dim).
clipflow::Calibration hundred(double fpr = 0.05)
{
    std::vector<double> nat, proxy;
    for (int i = 1; i <= 100; ++i) nat.push_back(i);
    for (int i = 0; i < 50; ++i) proxy.push_back(-50.0 + i);
    auto c = clipflow::Calibration::build(nat, proxy, fpr);
    if (!c) qFatal("%s", c.status().message().c_str());
    return std::move(*c);
}

} // namespace

class TestCalibration : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void evaluate_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<double>("percentile");
        QTest::addColumn<double>("p");
        QTest::addColumn<bool>("extrapolated");
        QTest::addColumn<QString>("verdict");
        // p = (1 + #{natural <= s}) / 101; flagged at p <= 2/101 (5% at 95% confidence from 100 photos).
        QTest::newRow("typical") << 50.0 << 50.0 << 51.0 / 101 << false << "natural";
        QTest::newRow("highest") << 1000.0 << 100.0 << 1.0 << false << "natural";
        QTest::newRow("at 4th: below the plain 5% quantile") << 4.0 << 4.0 << 5.0 / 101 << false << "natural";
        QTest::newRow("at 2nd") << 2.0 << 2.0 << 3.0 / 101 << false << "natural";
        QTest::newRow("between 1st and 2nd") << 1.5 << 1.0 << 2.0 / 101 << false << "weak";
        QTest::newRow("lowest") << 1.0 << 1.0 << 2.0 / 101 << false << "weak";
        // Below every natural score: normal tail from median 50.5 and MAD*1.4826 = 25*1.4826.
        // ...but never above the empirical bound 1/(n+1) (the normal tail here is 0.089).
        QTest::newRow("just below") << 0.5 << 0.0 << 1.0 / 101 << true << "moderate";
        QTest::newRow("far below") << -60.0 << 0.0 << 0.5 * std::erfc((110.5 / (25 * 1.4826)) / std::sqrt(2.0)) << true
                                   << "moderate";
        QTest::newRow("very far") << -200.0 << 0.0 << 0.5 * std::erfc((250.5 / (25 * 1.4826)) / std::sqrt(2.0)) << true
                                  << "strong";
    }

    void evaluate()
    {
        QFETCH(double, score);
        QFETCH(double, percentile);
        QFETCH(double, p);
        QFETCH(bool, extrapolated);
        QFETCH(QString, verdict);
        const auto c = hundred();
        const auto r = c.evaluate(score);
        QCOMPARE(r.log_likelihood, score);
        QCOMPARE(r.percentile, percentile);
        QVERIFY2(std::abs(r.p_value - p) <= 1e-9 * std::max(1.0, p) + 1e-300, qPrintable(QString::number(r.p_value)));
        QCOMPARE(r.p_extrapolated, extrapolated);
        QCOMPARE(QString::fromStdString(r.verdict_code), verdict);
        QCOMPARE(r.verdict, std::string(clipflow::verdict_text(r.verdict_code)));
        QVERIFY(std::abs(r.ai_score - std::clamp(-std::log10(r.p_value) / 4.0, 0.0, 1.0)) < 1e-12);
    }

    void monotone()
    {
        const auto c = hundred();
        double last_p = 2, last_ai = -1;
        for (double s = 200; s > -400; s -= 0.7) {
            const auto r = c.evaluate(s);
            QVERIFY(r.p_value <= last_p + 1e-15);
            QVERIFY(r.ai_score >= last_ai - 1e-15);
            QVERIFY(r.p_value > 0 && std::isfinite(r.ai_score));
            last_p = r.p_value;
            last_ai = r.ai_score;
        }
        QCOMPARE(c.evaluate(std::nan("")).verdict_code, std::string("strong"));
        QCOMPARE(c.evaluate(-INFINITY).verdict_code, std::string("strong"));
    }

    // k = the largest rank with P(Binomial(100, fpr) <= k - 1) <= 1 - confidence; the
    // threshold is the k-th lowest score (here k itself) and flag_level k / 101.
    void thresholdAtFpr_data()
    {
        QTest::addColumn<double>("fpr");
        QTest::addColumn<double>("confidence");
        QTest::addColumn<int>("rank"); // 0: too few photos for the bound
        QTest::newRow("5%, 95%") << 0.05 << 0.95 << 2;
        QTest::newRow("20%, 95%") << 0.2 << 0.95 << 14;
        QTest::newRow("5%, 50% (about the plain quantile)") << 0.05 << 0.5 << 5;
        QTest::newRow("1%, 95%: 100 photos too few") << 0.01 << 0.95 << 0;
    }

    void thresholdAtFpr()
    {
        QFETCH(double, fpr);
        QFETCH(double, confidence);
        QFETCH(int, rank);
        std::vector<double> nat;
        for (int i = 1; i <= 100; ++i) nat.push_back(i);
        auto c = clipflow::Calibration::build(nat, {}, fpr, 40, confidence);
        QVERIFY2(c.ok(), c.status().message().c_str());
        QCOMPARE(c->fpr(), fpr);
        QCOMPARE(c->confidence(), confidence);
        QCOMPARE(c->bound_holds(), rank > 0);
        // Too few: only what lies below every natural score can be flagged (p < fpr there).
        QCOMPARE(c->threshold(), rank > 0 ? double(rank) : 1.0);
        QCOMPARE(c->flag_level(), rank > 0 ? rank / 101.0 : fpr);
        // The verdict changes exactly at the threshold.
        QCOMPARE(c->evaluate(c->threshold()).verdict_code, std::string("natural"));
        QVERIFY(c->evaluate(std::nextafter(c->threshold(), -1e9)).verdict_code != "natural");
    }

    // Over many calibration sets drawn from one natural distribution, the true false-positive
    // rate at the threshold exceeds fpr in at most 1 - confidence of them; the plain quantile
    // (confidence 0.5) exceeds it in about half, which is why the bound exists.
    void falsePositiveBound_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("confidence");
        QTest::addColumn<double>("lo"); // share of sets with a true rate above 5%
        QTest::addColumn<double>("hi");
        QTest::newRow("432 photos, 95%") << 432 << 0.95 << 0.015 << 0.05;
        QTest::newRow("100 photos, 95%") << 100 << 0.95 << 0.02 << 0.055;
        QTest::newRow("432 photos, 50%") << 432 << 0.5 << 0.35 << 0.5;
    }

    void falsePositiveBound()
    {
        QFETCH(int, n);
        QFETCH(double, confidence);
        QFETCH(double, lo);
        QFETCH(double, hi);
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        const int sets = 2000;
        int above = 0;
        for (int t = 0; t < sets; ++t) {
            std::vector<double> nat(static_cast<std::size_t>(n));
            for (double& x : nat) x = uniform(rng);
            auto c = clipflow::Calibration::build(nat, {}, 0.05, 40, confidence);
            QVERIFY(c.ok());
            above += c->threshold() > 0.05; // uniform scores: the true rate is the threshold itself
        }
        const double share = double(above) / sets;
        QVERIFY2(share >= lo && share <= hi, qPrintable(QString::number(share)));
    }

    void histograms()
    {
        const auto c = hundred();
        double n = 0, p = 0;
        for (double v : c.natural_histogram().counts) n += v;
        for (double v : c.proxy_histogram().counts) p += v;
        QCOMPARE(n, 100.0);
        QCOMPARE(p, 50.0);
        // 2nd percentile of 1..100 is 2.98; span 97.02: bins from 2.98 - 24.255 to 100 + 4.851.
        QVERIFY(std::abs(c.natural_histogram().hi - (100.0 + 0.05 * 97.02)) < 1e-9);
        QVERIFY(std::abs(c.natural_histogram().lo - (2.98 - 0.25 * 97.02)) < 1e-9);
        // First bin ends at -21.275 + 126.126/40 = -18.12: proxies -50..-19 (32 of them) pile into it.
        QCOMPARE(c.proxy_histogram().counts.front(), 32.0);
    }

    void jsonRoundTrip()
    {
        const auto c = hundred();
        auto back = clipflow::Calibration::from_json(c.to_json());
        QVERIFY2(back.ok(), back.status().message().c_str());
        QCOMPARE(back->natural_scores(), c.natural_scores());
        QCOMPARE(back->proxy_scores(), c.proxy_scores());
        QCOMPARE(back->threshold(), c.threshold());
        QCOMPARE(back->flag_level(), c.flag_level());
        QCOMPARE(back->confidence(), c.confidence());
        for (double s : {-300.0, 0.5, 3.0, 42.0}) QCOMPARE(back->evaluate(s).p_value, c.evaluate(s).p_value);
    }

    // Delivered photos (scores shifted by -shift from the natural 1..100): the
    // lower of the two thresholds holds, and the score decides the verdict.
    void deliveredPhotos_data()
    {
        QTest::addColumn<double>("shift");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("covers");
        QTest::addColumn<bool>("binds");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<double>("flagLevel");
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("verdict");
        // k = 2 of 100 for both sets: natural threshold 2, level 2/101.
        QTest::newRow("delivered lower: their threshold")
            << 10.0 << 100 << true << true << -8.0 << 1.0 / 101 << -9.0 << "moderate";
        QTest::newRow("between the thresholds: natural") << 10.0 << 100 << true << true << -8.0 << 1.0 / 101 << 1.5 << "natural";
        QTest::newRow("p at the level, score above") << 1.5 << 100 << true << true << 0.5 << 1.0 / 101 << 0.6 << "natural";
        QTest::newRow("score just below") << 1.5 << 100 << true << true << 0.5 << 1.0 / 101 << 0.4 << "moderate";
        QTest::newRow("snapped to a natural score: above it")
            << 0.5 << 100 << true << true << 1.0 << 1.0 / 101 << 1.2 << "natural";
        QTest::newRow("snapped to a natural score: below it")
            << 0.5 << 100 << true << true << 1.0 << 1.0 / 101 << 0.9 << "moderate";
        QTest::newRow("delivered higher: natural threshold")
            << -10.0 << 100 << true << false << 2.0 << 2.0 / 101 << 1.5 << "weak";
        QTest::newRow("too few delivered: unused") << 50.0 << 20 << false << false << 2.0 << 2.0 / 101 << 1.5 << "weak";
        QTest::newRow("none") << 0.0 << 0 << false << false << 2.0 << 2.0 / 101 << 1.5 << "weak";
    }

    void deliveredPhotos()
    {
        QFETCH(double, shift);
        QFETCH(int, count);
        QFETCH(bool, covers);
        QFETCH(bool, binds);
        QFETCH(double, threshold);
        QFETCH(double, flagLevel);
        QFETCH(double, score);
        QFETCH(QString, verdict);
        std::vector<double> nat, delivered;
        for (int i = 1; i <= 100; ++i) nat.push_back(i);
        for (int i = 1; i <= count; ++i) delivered.push_back(i - shift);
        auto c = clipflow::Calibration::build(nat, {}, 0.05, 40, 0.95, delivered);
        QVERIFY2(c.ok(), c.status().message().c_str());
        QCOMPARE(c->covers_delivered(), covers);
        QCOMPARE(c->delivered_binds(), binds);
        QCOMPARE(c->threshold(), threshold);
        QCOMPARE(c->flag_level(), flagLevel);
        QCOMPARE(QString::fromStdString(c->evaluate(score).verdict_code), verdict);
        // Everything below the threshold is flagged, nothing at or above it; flagged means p within the level
        // wherever a natural score lies below.
        for (double s : {threshold - 1e-9, threshold, threshold + 1e-9, threshold + 0.5}) {
            const auto r = c->evaluate(s);
            QCOMPARE(r.verdict_code != "natural", s < threshold);
            if (!r.p_extrapolated) QCOMPARE(r.verdict_code != "natural", r.p_value <= c->flag_level());
        }
        // The file keeps the delivered scores; files without them read as before.
        auto back = clipflow::Calibration::from_json(c->to_json());
        QVERIFY2(back.ok(), back.status().message().c_str());
        QCOMPARE(back->threshold(), c->threshold());
        QCOMPARE(back->delivered_binds(), binds);
        QCOMPARE(back->delivered_scores().size(), std::size_t(count));
        // The delivered scores on the natural histogram's bins, every one counted.
        const auto& dh = c->delivered_histogram();
        QCOMPARE(dh.lo, c->natural_histogram().lo);
        QCOMPARE(dh.counts.size(), c->natural_histogram().counts.size());
        QCOMPARE(std::accumulate(dh.counts.begin(), dh.counts.end(), 0.0), double(count));
        QCOMPARE(QString::fromStdString(back->evaluate(score).verdict_code), verdict);

        // Scope Copies: every image keeps the as-is reading; delivered copies are read against the delivered photos.
        auto plain = clipflow::Calibration::build(nat, {}, 0.05, 40, 0.95);
        auto copies = clipflow::Calibration::build(nat, {}, 0.05, 40, 0.95, delivered, clipflow::DeliveredScope::Copies);
        QVERIFY(plain.ok() && copies.ok());
        QCOMPARE(copies->calibrates_copies(), covers);
        QVERIFY(!c->calibrates_copies());
        QCOMPARE(copies->threshold(), plain->threshold());
        QCOMPARE(copies->flag_level(), plain->flag_level());
        QCOMPARE(copies->copy_threshold(), covers ? copies->delivered_threshold() : plain->threshold());
        for (double s : {score, threshold - 1e-9, threshold, threshold + 0.5, plain->threshold() - 1e-9, -50.0, 30.0, 101.0}) {
            const auto p = plain->evaluate(s), asTaken = copies->evaluate(s), copy = copies->evaluate(s, true);
            QCOMPARE(asTaken.verdict_code, p.verdict_code);
            QCOMPARE(asTaken.p_value, p.p_value);
            QCOMPARE(c->evaluate(s, true).p_value, c->evaluate(s).p_value); // scope Everywhere: one reading
            if (!covers) {
                QCOMPARE(copy.p_value, p.p_value);
                continue;
            }
            // Counted among the delivered scores (1 - shift, ..., count - shift).
            const double below = std::clamp(std::floor(s + shift), 0.0, double(count));
            if (below > 0) QCOMPARE(copy.p_value, (1.0 + below) / (count + 1.0));
            QCOMPARE(copy.percentile, 100.0 * below / count);
            QCOMPARE(copy.verdict_code != "natural", s < copies->copy_threshold());
            QCOMPARE(copy.verdict_code != "natural", copy.p_value <= copies->copy_flag_level());
        }
        auto copiesBack = clipflow::Calibration::from_json(copies->to_json());
        QVERIFY2(copiesBack.ok(), copiesBack.status().message().c_str());
        QVERIFY(copiesBack->delivered_scope() == clipflow::DeliveredScope::Copies);
        QCOMPARE(copiesBack->threshold(), plain->threshold());
        QCOMPARE(copiesBack->copy_threshold(), copies->copy_threshold());
        QCOMPARE(copiesBack->evaluate(score, true).p_value, copies->evaluate(score, true).p_value);
        QVERIFY(back->delivered_scope() == clipflow::DeliveredScope::Everywhere);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("not json") << "{";
        QTest::newRow("no scores") << R"({"fpr":0.05})";
        QTest::newRow("too few") << R"({"fpr":0.05,"natural_scores":[1,2,3]})";
        QTest::newRow("bad fpr") << R"({"fpr":0.9,"natural_scores":[1,2,3,4,5,6,7,8,9,10,11]})";
        QTest::newRow("bad confidence") << R"({"fpr":0.05,"confidence":1,"natural_scores":[1,2,3,4,5,6,7,8,9,10,11]})";
        QTest::newRow("strings") << R"({"fpr":0.05,"natural_scores":["a"]})";
        QTest::newRow("unknown delivered scope")
            << R"({"fpr":0.05,"delivered_scope":"some","natural_scores":[1,2,3,4,5,6,7,8,9,10,11]})";
    }

    void refuses()
    {
        QFETCH(QString, json);
        auto c = clipflow::Calibration::from_json(json.toStdString());
        QVERIFY(!c.ok());
        QCOMPARE(c.status().code(), clipflow::ErrorCode::CorruptData);
    }

    void dropsNonFinite()
    {
        std::vector<double> nat{NAN, INFINITY};
        for (int i = 0; i < 12; ++i) nat.push_back(i);
        auto c = clipflow::Calibration::build(nat, {NAN});
        QVERIFY(c.ok());
        QCOMPARE(c->natural_count(), std::size_t(12));
        QVERIFY(c->proxy_scores().empty());
    }
};

QTEST_APPLESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
