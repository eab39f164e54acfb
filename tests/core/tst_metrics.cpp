// Detection metrics against hand-computed values.

#include <clipflow/metrics.h>

#include <QTest>

#include <cmath>

using Scores = std::vector<double>;
Q_DECLARE_METATYPE(Scores)

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void values_data()
    {
        QTest::addColumn<Scores>("neg");
        QTest::addColumn<Scores>("pos");
        QTest::addColumn<double>("auc");
        QTest::addColumn<double>("ap");
        QTest::addColumn<double>("tpr5");
        QTest::newRow("perfect") << Scores{0, 1, 2} << Scores{3, 4} << 1.0 << 1.0 << 1.0;
        QTest::newRow("reversed") << Scores{3, 4} << Scores{0, 1, 2} << 0.0
                                  << (1.0 / 3 * (1.0 / 3) + 1.0 / 3 * (2.0 / 4) + 1.0 / 3 * (3.0 / 5)) << 0.0;
        QTest::newRow("all tied") << Scores{1, 1} << Scores{1, 1} << 0.5 << 0.5 << 0.0;
        // pairs (pos > neg): 2>1 yes, 2>3 no, 4>1 yes, 4>3 yes -> 3/4
        QTest::newRow("mixed") << Scores{1, 3} << Scores{2, 4} << 0.75 << (0.5 * 1.0 + 0.5 * (2.0 / 3)) << 0.5;
    }

    void values()
    {
        QFETCH(Scores, neg);
        QFETCH(Scores, pos);
        QFETCH(double, auc);
        QFETCH(double, ap);
        QFETCH(double, tpr5);
        QVERIFY(std::abs(clipflow::roc_auc(neg, pos) - auc) < 1e-12);
        QVERIFY2(std::abs(clipflow::average_precision(neg, pos) - ap) < 1e-12,
                 qPrintable(QString::number(clipflow::average_precision(neg, pos))));
        QVERIFY(std::abs(clipflow::tpr_at_fpr(neg, pos, 0.05) - tpr5) < 1e-12);
    }

    void tprAtFprUsesNegatives()
    {
        Scores neg, pos;
        for (int i = 0; i < 100; ++i) neg.push_back(i);            // 0..99
        for (int i = 0; i < 100; ++i) pos.push_back(90 + i * 0.1); // 90..99.9
        // At most 5 negatives above the threshold: threshold = 94, positives above 94: 94.1..99.9 -> 59
        QCOMPARE(clipflow::tpr_at_fpr(neg, pos, 0.05), 0.59);
        QCOMPARE(clipflow::rate_above(neg, 94), 0.05);
    }

    // P(Binomial(n, p) >= k) against exact sums (Python fractions, math.comb).
    void binomialTail_data()
    {
        QTest::addColumn<long>("n");
        QTest::addColumn<long>("k");
        QTest::addColumn<double>("expected");
        QTest::newRow("PolyU's 4 of 21") << 21L << 4L << 0.0188806334082002;
        QTest::newRow("one of 20") << 20L << 1L << 0.6415140775914577;
        QTest::newRow("14 of 345 (4.1%)") << 345L << 14L << 0.8218422227974844;
        QTest::newRow("30 of 345") << 345L << 30L << 0.0026020289570292043;
        QTest::newRow("250 of 4096") << 4096L << 250L << 0.0009238719365112735;
        QTest::newRow("none flagged") << 21L << 0L << 1.0;
        QTest::newRow("more than all") << 10L << 11L << 0.0;
    }
    void binomialTail()
    {
        QFETCH(long, n);
        QFETCH(long, k);
        QFETCH(double, expected);
        const double got = clipflow::binomial_tail(n, 0.05, k);
        QVERIFY2(std::abs(got - expected) <= 1e-10 * std::max(1.0, expected) + 1e-15, qPrintable(QString::number(got, 'g', 17)));
    }

    void emptyIsNan()
    {
        QVERIFY(std::isnan(clipflow::roc_auc({}, {1})));
        QVERIFY(std::isnan(clipflow::average_precision({1}, {})));
        QVERIFY(std::isnan(clipflow::tpr_at_fpr({}, {1}, 0.05)));
    }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
