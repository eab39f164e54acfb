// Data set layouts and detector evaluation (what `clipflow eval` and
// `train-classifier` read), against metrics computed here from the same scores.
#include "modelcopy.h"
#include "syntheticimages.h"

#include <clipflow/atomicfile.h>
#include <clipflow/dataset.h>
#include <clipflow/evaluation.h>
#include <clipflow/evidence.h>
#include <clipflow/laundering.h>
#include <clipflow/metrics.h>

#include <nlohmann/json.hpp>

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>

using namespace clipflow;
using testimages::pink_noise;
using testimages::upsample2;

namespace {

const std::string kModels = CLIPFLOW_BIN_DIR "/../share/clipflow/models/";
const std::string kModel = kModels + "clipflow-default.safetensors";

// The shipped default (calibrated for delivered copies) with its delivered photos' scores
// moved by `shift` nats/dim, beside a copy of its backbone: far up, every copy reads as
// less natural than all of them; far down, as more natural.
std::string shifted_copies(const QTemporaryDir& dir, double shift)
{
    const std::string out = dir.filePath(QStringLiteral("shifted.safetensors")).toStdString();
    write_model_copy(kModel, out, [shift](std::map<std::string, std::string>& md) {
        auto meta = nlohmann::json::parse(md.at("clipflow.model"));
        auto& calibration = meta.at("calibration");
        if (calibration.value("delivered_scope", "") != "copies") qFatal("the shipped default no longer calibrates copies");
        for (auto& v : calibration.at("delivered_scores")) v = v.get<double>() + shift;
        md["clipflow.model"] = meta.dump();
    });
    std::filesystem::copy_file(kModels + "forensic-v2.safetensors",
                               dir.filePath(QStringLiteral("forensic-v2.safetensors")).toStdString(),
                               std::filesystem::copy_options::overwrite_existing);
    return out;
}

void write(const QString& path, const Raster& image, const char* ext)
{
    QDir().mkpath(QFileInfo(path).path());
    const auto bytes = encode_image(image, ext, 90);
    if (!bytes || !write_file_atomic(path.toStdString(), *bytes).ok()) qFatal("cannot write %s", qPrintable(path));
}

// real/: JPEG photos of 96 x 96; fake/<gen>/: PNGs of 128 x 128 (so format and size give the
// label away, as in many public sets); one corrupt fake.
struct Set {
    QTemporaryDir dir;
    QString real() const { return dir.filePath(QStringLiteral("real")); }
    QString fake() const { return dir.filePath(QStringLiteral("fake")); }
    Set()
    {
        for (int i = 0; i < 4; ++i)
            write(real() + QStringLiteral("/r%1.jpg").arg(i), pink_noise(96, 96, 10 + unsigned(i)), ".jpg");
        for (int i = 0; i < 3; ++i) {
            write(fake() + QStringLiteral("/gen-a/a%1.png").arg(i), upsample2(pink_noise(64, 64, 40 + unsigned(i))), ".png");
            write(fake() + QStringLiteral("/gen-b/b%1.png").arg(i), pink_noise(128, 128, 60 + unsigned(i)), ".png");
        }
        std::ofstream(fake().toStdString() + "/gen-b/broken.png") << "\x89PNG\r\n\x1a\n not really";
    }
};

} // namespace

class TestEvaluation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void conditionWords()
    {
        for (auto c : {EvalCondition::AsIs, EvalCondition::Laundered, EvalCondition::Crop, EvalCondition::CropJpeg,
                       EvalCondition::Delivered}) {
            QCOMPARE(eval_condition_from_word(eval_condition_word(c)), std::optional<EvalCondition>(c));
            QVERIFY(eval_condition_info(c).condition == c);
        }
        QVERIFY(!eval_condition_from_word("as_is")); // a JSON key, not a word
        QVERIFY(!eval_condition_from_word(""));
        QCOMPARE(std::string(eval_condition_key(EvalCondition::CropJpeg)), std::string("crop_jpeg"));
        QCOMPARE(std::string(eval_condition_word(EvalCondition::Delivered)), std::string("delivered"));
        QCOMPARE(eval_condition_word_list(), std::string("asis, laundered, crop, cropjpg or delivered"));
        // Words, keys and column tags each name one condition.
        std::set<std::string> words, keys, tags;
        for (const auto& n : kEvalConditions) {
            words.insert(n.word);
            keys.insert(n.key);
            tags.insert(n.tag);
        }
        QCOMPARE(words.size(), kEvalConditionCount);
        QCOMPARE(keys.size(), kEvalConditionCount);
        QCOMPARE(tags.size(), kEvalConditionCount);
    }

    // The training layout: real/ or natural/, fake/ or ai/ by generator, other folders as classes.
    void scanLabelledFolder_data()
    {
        QTest::addColumn<QString>("files"); // |-separated
        QTest::addColumn<QString>("exclude");
        QTest::addColumn<QString>("labels"); // sorted, one per image found
        QTest::addColumn<QString>("empty");  // folders made empty, |-separated; each is a problem unless held out
        QTest::newRow("real and fake/gen") << QStringLiteral("real/1.png|fake/flux/2.png|fake/sdxl/3.png") << QStringLiteral("")
                                           << QStringLiteral("flux|real|sdxl") << QString();
        QTest::newRow("natural and ai/gen") << QStringLiteral("natural/1.png|ai/mj/2.png") << QStringLiteral("")
                                            << QStringLiteral("mj|real") << QString();
        QTest::newRow("a generator folder at the top")
            << QStringLiteral("real/1.png|dalle/2.png") << QStringLiteral("") << QStringLiteral("dalle|real") << QString();
        QTest::newRow("held out") << QStringLiteral("real/1.png|fake/flux/2.png|fake/sdxl/3.png") << QStringLiteral("sdxl")
                                  << QStringLiteral("flux|real") << QString();
        QTest::newRow("loose files in fake/ have no generator")
            << QStringLiteral("real/1.png|fake/2.png") << QStringLiteral("") << QStringLiteral("real") << QString();
        QTest::newRow("an empty generator folder is named") << QStringLiteral("real/1.png|fake/flux/2.png") << QStringLiteral("")
                                                            << QStringLiteral("flux|real") << QStringLiteral("fake/sdxl");
        QTest::newRow("an empty held-out folder is not read")
            << QStringLiteral("real/1.png|fake/flux/2.png") << QStringLiteral("sdxl") << QStringLiteral("flux|real")
            << QStringLiteral("fake/sdxl");
        QTest::newRow("an empty real folder")
            << QStringLiteral("fake/flux/2.png") << QStringLiteral("") << QStringLiteral("flux") << QStringLiteral("real");
    }
    void scanLabelledFolder()
    {
        QFETCH(QString, files);
        QFETCH(QString, exclude);
        QFETCH(QString, labels);
        QFETCH(QString, empty);
        QTemporaryDir dir;
        for (const auto& f : files.split(u'|', Qt::SkipEmptyParts)) write(dir.filePath(f), pink_noise(16, 16, 1), ".png");
        for (const auto& f : empty.split(u'|', Qt::SkipEmptyParts)) QVERIFY(QDir().mkpath(dir.filePath(f)));
        std::vector<std::string> ex;
        for (const auto& e : exclude.split(u'|', Qt::SkipEmptyParts)) ex.push_back(e.toStdString());
        QStringList got;
        std::vector<FolderProblem> problems;
        for (const auto& i : scan_labelled_folder(dir.path().toStdString(), ex, &problems))
            got << QString::fromStdString(i.label);
        got.sort();
        QCOMPARE(got.join(u'|'), labels);
        QStringList named, expected;
        for (const auto& p : problems) named << QDir(dir.path()).relativeFilePath(QString::fromStdString(p.path));
        for (const auto& f : empty.split(u'|', Qt::SkipEmptyParts))
            if (!exclude.split(u'|').contains(QFileInfo(f).fileName())) expected << f;
        QCOMPARE(named, expected);
    }

    void evalImagesGroupByFirstFolder()
    {
        Set set;
        std::map<std::string, int> groups;
        int fakes = 0;
        for (const auto& i : eval_images({set.real().toStdString()}, set.fake().toStdString())) {
            ++groups[i.group];
            fakes += i.fake;
        }
        QVERIFY((groups == std::map<std::string, int>{{"gen-a", 3}, {"gen-b", 4}, {"real", 4}}));
        QCOMPARE(fakes, 7);
    }

    // Reals are grouped by source folder: the first-level sub-folder, the folder's own
    // name for photos directly in it, each folder's name first when several are given.
    void realGroupsBySourceFolder_data()
    {
        QTest::addColumn<QString>("layout"); // files under the temporary folder
        QTest::addColumn<QString>("roots");  // --real arguments, relative
        QTest::addColumn<QString>("groups"); // group:count, sorted
        QTest::newRow("sub-folders") << QStringLiteral("photos/polyu/a.jpg|photos/polyu/b.jpg|photos/imagenet/c.jpg|photos/d.jpg")
                                     << QStringLiteral("photos/") << QStringLiteral("imagenet:1|photos:1|polyu:2");
        QTest::newRow("several folders") << QStringLiteral("natural/polyu/a.jpg|natural/b.jpg|dev/real/c.jpg")
                                         << QStringLiteral("natural|dev")
                                         << QStringLiteral("dev/real:1|natural:1|natural/polyu:1");
        QTest::newRow("files one by one") << QStringLiteral("x/a.jpg|y/b.jpg") << QStringLiteral("x/a.jpg|y/b.jpg")
                                          << QStringLiteral(".:2");
    }
    void realGroupsBySourceFolder()
    {
        QFETCH(QString, layout);
        QFETCH(QString, roots);
        QFETCH(QString, groups);
        QTemporaryDir dir;
        for (const QString& f : layout.split(u'|')) write(dir.filePath(f), pink_noise(32, 32, 1), ".jpg");
        std::vector<std::string> real;
        for (const QString& r : roots.split(u'|')) real.push_back(dir.filePath(r).toStdString());
        std::map<std::string, int> count;
        for (const auto& i : eval_images(real, dir.filePath(QStringLiteral("none")).toStdString()))
            if (!i.fake) ++count[i.group];
        QStringList got;
        for (const auto& [g, n] : count) got << QStringLiteral("%1:%2").arg(QString::fromStdString(g)).arg(n);
        QCOMPARE(got.join(u'|'), groups);
    }

    // Every figure of the result against one computed here from the detector's own scores.
    void evaluatesAgainstIndependentMetrics()
    {
        Set set;
        EvalParams p;
        p.model = kModel;
        p.real = {set.real().toStdString()};
        p.fake_dir = set.fake().toStdString();
        p.conditions = {EvalCondition::CropJpeg, EvalCondition::AsIs}; // reported in a fixed order
        p.crop_size = 64;
        p.threads = 2;
        std::vector<double> fractions;
        p.progress = [&](double f) { fractions.push_back(f); };
        auto r = evaluate_detector(p);
        QVERIFY2(r.ok(), r.status().message().c_str());
        QCOMPARE(r->kind, DetectorKind::ClipFlow);
        QCOMPARE(r->real_images, 4L);
        QCOMPARE(r->failures.size(), std::size_t(1));
        QVERIFY(r->failures[0].file.find("broken.png") != std::string::npos);
        QVERIFY(!fractions.empty() && fractions.back() == 1.0);
        QCOMPARE(r->conditions.size(), std::size_t(2));
        QCOMPARE(r->conditions[0].condition, EvalCondition::AsIs);
        QCOMPARE(r->conditions[1].condition, EvalCondition::CropJpeg);
        // The data set's own shortcuts: format and size alone separate it.
        QCOMPARE(r->format_auc, 1.0);
        QCOMPARE(r->pixel_count_auc, 1.0);

        auto det = load_detector(kModel);
        QVERIFY(det.ok());
        // Scores, and whether `clipflow score` would flag the file: every image here is a
        // small JPEG (a delivered copy) or a PNG (not one), every crop as JPEG a copy.
        auto scored = [&](const std::string& dir, bool crop_jpeg, bool flags) {
            std::vector<double> out;
            for (const auto& i : eval_images({}, dir)) {
                auto ev = load_evidence(i.file);
                if (!ev) continue;
                Raster view = ev->pixels;
                if (crop_jpeg) view = *jpeg_roundtrip(*center_crop(ev->pixels, 64), 85);
                ScoreParams how;
                how.delivered_copy = crop_jpeg || ev->info.format == "JPEG";
                const auto d = det->score(view, {}, how);
                out.push_back(flags ? double(d->level != Verdict::Natural) : d->evidence());
            }
            return out;
        };
        auto scores = [&](const std::string& dir, bool crop_jpeg) { return scored(dir, crop_jpeg, false); };
        auto share = [](const std::vector<double>& flags) {
            return std::accumulate(flags.begin(), flags.end(), 0.0) / double(flags.size());
        };
        for (const auto& c : r->conditions) {
            const bool cj = c.condition == EvalCondition::CropJpeg;
            const auto real = scores(set.real().toStdString(), cj);
            const auto a = scores(set.fake().toStdString() + "/gen-a", cj);
            const auto b = scores(set.fake().toStdString() + "/gen-b", cj);
            auto all = a;
            all.insert(all.end(), b.begin(), b.end());
            QCOMPARE(c.overall.real, 4L);
            QCOMPARE(c.overall.fake, 6L);
            QCOMPARE(c.overall.auc, roc_auc(real, all));
            QCOMPARE(c.overall.ap, average_precision(real, all));
            QCOMPARE(c.groups.size(), std::size_t(2));
            QCOMPARE(c.groups.at("gen-a").auc, roc_auc(real, a));
            QCOMPARE(c.groups.at("gen-b").tpr_at_5pct_fpr, tpr_at_fpr(real, b, 0.05));
            const double fpr = share(scored(set.real().toStdString(), cj, true));
            QCOMPARE(c.overall.calibrated_fpr, fpr);
            QCOMPARE(c.groups.at("gen-a").calibrated_tpr, share(scored(set.fake().toStdString() + "/gen-a", cj, true)));
            QCOMPARE(c.real_copies, 4L);
            QCOMPARE(c.fake_copies, cj ? 6L : 0L);
            // False positives of the one source folder: the same count, and its binomial tail.
            QCOMPARE(c.real_groups.size(), std::size_t(1));
            const EvalRealGroup& g = c.real_groups.at("real");
            QCOMPARE(g.real, 4L);
            QCOMPARE(double(g.flagged) / 4.0, fpr);
            QCOMPARE(g.binomial_tail_5pct, binomial_tail(4, 0.05, g.flagged));
        }
        const auto j = nlohmann::json::parse(r->to_json());
        QCOMPARE(j["failed"].get<int>(), 1);
        QVERIFY(j["conditions"] == nlohmann::json({"asis", "cropjpg"}));
        QVERIFY(j["laundering"].is_null());
        QCOMPARE(j["cropping"]["size"].get<int>(), 64);
        QCOMPARE(j["crop_jpeg"]["groups"]["gen-a"]["fake"].get<int>(), 3);
        QCOMPARE(j["as_is"]["real_groups"]["real"]["real"].get<int>(), 4);
        QVERIFY(j["as_is"]["real_groups"]["real"].contains("binomial_tail_5pct"));
        QVERIFY(j.contains("as_is") && !j.contains("laundered"));
        QCOMPARE(j["crop_jpeg"]["read_as_copies"]["fake"].get<int>(), 6);
    }

    // Small JPEGs — files, laundered copies, crops as JPEG — are read against the model's
    // delivered photos, as `clipflow score` reads them; lossless crops and PNGs are not.
    // Moving only the delivered photos' scores moves only those images' flags.
    void readsDeliveredCopiesAsScoreDoes_data()
    {
        QTest::addColumn<double>("shift");       // added to the delivered photos' scores
        QTest::addColumn<bool>("copiesFlagged"); // what every copy must then read as
        QTest::newRow("copies below every delivered photo") << 1e7 << true;
        QTest::newRow("copies above every delivered photo") << -1e7 << false;
    }
    void readsDeliveredCopiesAsScoreDoes()
    {
        QFETCH(double, shift);
        QFETCH(bool, copiesFlagged);
        Set set;
        QTemporaryDir models;
        EvalParams p;
        p.model = shifted_copies(models, shift);
        p.real = {set.real().toStdString()};
        p.fake_dir = set.fake().toStdString();
        p.conditions = {EvalCondition::AsIs, EvalCondition::Laundered, EvalCondition::Crop, EvalCondition::CropJpeg,
                        EvalCondition::Delivered};
        p.crop_size = 64;
        p.launder_side = 80;
        p.threads = 1;
        auto r = evaluate_detector(p);
        QVERIFY2(r.ok(), r.status().message().c_str());
        auto plain = evaluate_detector([&] {
            EvalParams q = p;
            q.model = kModel;
            return q;
        }());
        QVERIFY2(plain.ok(), plain.status().message().c_str());
        const double copies = copiesFlagged ? 1.0 : 0.0;
        for (std::size_t i = 0; i < r->conditions.size(); ++i) {
            const EvalConditionResult& c = r->conditions[i];
            const EvalConditionResult& before = plain->conditions[i];
            const bool all_copies = c.condition == EvalCondition::Laundered || c.condition == EvalCondition::CropJpeg ||
                                    c.condition == EvalCondition::Delivered;
            const bool crop = c.condition == EvalCondition::Crop;
            // The ranking does not depend on the calibration.
            QCOMPARE(c.overall.auc, before.overall.auc);
            QCOMPARE(c.real_copies, crop ? 0L : 4L);
            QCOMPARE(c.fake_copies, all_copies ? 6L : 0L);
            // The real photos are small JPEGs everywhere but in the lossless crop.
            QCOMPARE(c.overall.calibrated_fpr, crop ? before.overall.calibrated_fpr : copies);
            QCOMPARE(c.real_groups.at("real").flagged, crop ? before.real_groups.at("real").flagged : long(4 * copies));
            // The AI images are PNGs: copies only once laundered or cropped as JPEG.
            QCOMPARE(c.overall.calibrated_tpr, all_copies ? copies : before.overall.calibrated_tpr);
        }
    }

    // Delivered shrinks a photo larger than the side and re-saves it; a smaller one is only
    // re-saved, where laundered enlarges it. Against the copies made here, one image at a time.
    void deliveredShrinksButNeverEnlarges()
    {
        Set set; // real 96 px, fake 128 px: with a side of 112 the reals are smaller, the fakes larger
        EvalParams p;
        p.model = kModel;
        p.real = {set.real().toStdString()};
        p.fake_dir = set.fake().toStdString();
        p.conditions = {EvalCondition::Delivered, EvalCondition::Laundered};
        p.launder_side = 112;
        p.launder_quality = 80;
        p.threads = 1;
        auto r = evaluate_detector(p);
        QVERIFY2(r.ok(), r.status().message().c_str());
        QCOMPARE(r->conditions.size(), std::size_t(2));
        QCOMPARE(r->conditions[0].condition, EvalCondition::Laundered);
        QCOMPARE(r->conditions[1].condition, EvalCondition::Delivered);
        auto det = load_detector(kModel);
        QVERIFY(det.ok());
        bool sides_as_expected = true;
        auto scores = [&](const std::string& dir, bool enlarge) {
            std::vector<double> out;
            for (const auto& i : eval_images({}, dir)) {
                auto ev = load_evidence(i.file);
                if (!ev) continue;
                const Raster& px = ev->pixels;
                const bool resize = enlarge || std::min(px.width, px.height) > 112;
                const Raster view = *jpeg_roundtrip(resize ? *resize_shorter_side(px, 112) : px, 80);
                sides_as_expected &= std::min(view.width, view.height) == (resize ? 112 : 96);
                ScoreParams how;
                how.delivered_copy = true; // every copy here is a JPEG under 640 px
                out.push_back(det->score(view, {}, how)->evidence());
            }
            return out;
        };
        for (const bool enlarge : {true, false}) {
            const EvalConditionResult& c = r->conditions[enlarge ? 0 : 1];
            const auto real = scores(set.real().toStdString(), enlarge);
            const auto fake = scores(set.fake().toStdString(), enlarge);
            QCOMPARE(c.overall.auc, roc_auc(real, fake));
            QCOMPARE(c.overall.ap, average_precision(real, fake));
            QCOMPARE(c.real_copies, 4L);
            QCOMPARE(c.fake_copies, 6L);
        }
        // The fakes meet the same copy under both; the photos do not.
        QVERIFY(scores(set.real().toStdString(), true) != scores(set.real().toStdString(), false));
        QVERIFY(scores(set.fake().toStdString(), true) == scores(set.fake().toStdString(), false));
        QVERIFY(sides_as_expected);
        const auto j = nlohmann::json::parse(r->to_json());
        QVERIFY(j["conditions"] == nlohmann::json({"laundered", "delivered"}));
        QCOMPARE(j["laundering"]["shorter_side"].get<int>(), 112);
        QCOMPARE(j["delivered"]["read_as_copies"]["real"].get<int>(), 4);
    }

    void refusesBadParams_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::newRow("no reals") << 0 << int(ErrorCode::InvalidArgument);
        QTest::newRow("no condition") << 1 << int(ErrorCode::InvalidArgument);
        QTest::newRow("crop too small") << 2 << int(ErrorCode::InvalidArgument);
        QTest::newRow("JPEG quality 0") << 3 << int(ErrorCode::InvalidArgument);
        QTest::newRow("no images") << 4 << int(ErrorCode::NotFound);
        QTest::newRow("missing model") << 5 << int(ErrorCode::NotFound);
    }
    void refusesBadParams()
    {
        QFETCH(int, kind);
        QFETCH(int, code);
        QTemporaryDir empty;
        Set set;
        EvalParams p;
        p.model = kModel;
        p.real = {set.real().toStdString()};
        p.fake_dir = set.fake().toStdString();
        if (kind == 0) p.real.clear();
        if (kind == 1) p.conditions.clear();
        if (kind == 2) p.crop_size = 8;
        if (kind == 3) p.launder_quality = 0;
        if (kind == 4) p.real = {p.fake_dir = empty.path().toStdString()};
        if (kind == 5) p.model = "/no/such/detector.safetensors";
        auto r = evaluate_detector(p);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.status().code()), code);
    }

    void abortStops()
    {
        Set set;
        EvalParams p;
        p.model = kModel;
        p.real = {set.real().toStdString()};
        p.fake_dir = set.fake().toStdString();
        p.threads = 1;
        p.abort = [] { return true; };
        auto r = evaluate_detector(p);
        QVERIFY(!r.ok());
        QCOMPARE(r.status().code(), ErrorCode::Aborted);
    }
};

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
