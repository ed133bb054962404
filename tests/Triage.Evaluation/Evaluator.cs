using System.Diagnostics;
using System.Text;
using Lapor.Triage.Domain;
using Lapor.Triage.Domain.Classification;
using Lapor.Triage.Persistence;

namespace Lapor.Triage.Evaluation;

/// <summary>
/// k-fold cross-validation of the whole routing decision: every report is scored by a model that never saw it.
/// Prints accuracy for agency, sector and type, the commonest confusions, and training and classification speed.
/// </summary>
public static class Evaluator
{
    public static string Run(EvaluationOptions options)
    {
        var reports = TrainingSet.Read(File.OpenText(options.DataPath));
        var agencies = AgencySeeder.Load();
        var folds = Folds(reports, options.Folds, options.Seed);
        var output = new StringBuilder();
        output.AppendLine($"Data: {Path.GetFileName(options.DataPath)}, {reports.Count} reports, {options.Folds}-fold cross-validation (seed {options.Seed}).");

        var thresholds = options.Sweep ? new[] { 0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 } : [Router.ConfidenceThreshold];
        foreach (var threshold in thresholds)
        {
            var results = CrossValidate(folds, agencies, threshold);
            output.AppendLine();
            output.AppendLine($"Threshold {threshold:0.00}: agency {Accuracy(results, r => r.AgencyCorrect)}, sector {Accuracy(results, r => r.SectorCorrect)}, type {Accuracy(results, r => r.TypeCorrect)}; "
                + $"{results.Count(r => r.Predicted.AgencyId == Agency.AdminDesk)} sent to the admin desk ({results.Count(r => r.Expected.Agency == Agency.AdminDesk)} labelled so); "
                + Precision(results));
            if (options.Sweep && threshold != Router.ConfidenceThreshold) continue;
            output.Append(Confusions(results));
            if (options.Errors) output.Append(Errors(results));
        }

        if (options.Messy)
        {
            output.AppendLine();
            foreach (var dropRegion in new[] { false, true })
            {
                var messy = CrossValidate(folds, agencies, Router.ConfidenceThreshold, r => MessyText.Rewrite(r, options.Seed, dropRegion));
                output.AppendLine($"Messy text (scored reports lower-cased, abbreviated, slipped letters, less punctuation{(dropRegion ? "; 30 % without their region" : "")}): "
                    + $"agency {Accuracy(messy, r => r.AgencyCorrect)}, sector {Accuracy(messy, r => r.SectorCorrect)}, type {Accuracy(messy, r => r.TypeCorrect)}; "
                    + $"{messy.Count(r => r.Predicted.AgencyId == Agency.AdminDesk)} sent to the admin desk.");
                if (options.Errors) output.Append(Errors(messy));
            }
        }

        output.AppendLine();
        output.Append(Corrections(folds, agencies));
        output.AppendLine();
        output.Append(Speed(reports, agencies));
        return output.ToString();
    }

    public sealed record Result(LabelledReport Expected, RoutingDecision Predicted)
    {
        public bool AgencyCorrect => Predicted.AgencyId == Expected.Agency;
        public bool SectorCorrect => Predicted.Sector == Expected.Sector;
        public bool TypeCorrect => Predicted.Type == Expected.Type;
    }

    public static List<Result> CrossValidate(IReadOnlyList<IReadOnlyList<LabelledReport>> folds, IReadOnlyList<Agency> agencies, double threshold,
        Func<LabelledReport, LabelledReport>? rewrite = null)
    {
        var results = new List<Result>();
        for (var k = 0; k < folds.Count; k++)
        {
            var training = folds.Where((_, i) => i != k).SelectMany(f => f).ToList();
            var router = new Router(agencies, ComplaintClassifier.Train(training, agencies), threshold);
            results.AddRange(folds[k].Select(r => rewrite?.Invoke(r) ?? r).Select(r => new Result(r, router.Decide(new TriageInput(r.Title, r.Text, r.Region)))));
        }
        return results;
    }

    public static IReadOnlyList<IReadOnlyList<LabelledReport>> Folds(IReadOnlyList<LabelledReport> reports, int count, int seed)
    {
        var shuffled = reports.OrderBy(_ => 0).ToArray();
        new Random(seed).Shuffle(shuffled);
        return Enumerable.Range(0, count).Select(k => (IReadOnlyList<LabelledReport>)shuffled.Where((_, i) => i % count == k).ToList()).ToList();
    }

    /// <summary>
    /// Learning from people: in each fold, train on half the training reports, score the held-out fold, then add
    /// the other half as verifiers' corrections (as the verification queue stores them) and score again.
    /// </summary>
    private static string Corrections(IReadOnlyList<IReadOnlyList<LabelledReport>> folds, IReadOnlyList<Agency> agencies)
    {
        var before = new List<Result>();
        var after = new List<Result>();
        for (var k = 0; k < folds.Count; k++)
        {
            var training = folds.Where((_, i) => i != k).SelectMany(f => f).ToList();
            var initial = training.Where((_, i) => i % 2 == 0).ToList();
            var routerBefore = new Router(agencies, ComplaintClassifier.Train(initial, agencies));
            var routerAfter = new Router(agencies, ComplaintClassifier.Train(training, agencies));
            foreach (var r in folds[k])
            {
                var input = new TriageInput(r.Title, r.Text, r.Region);
                before.Add(new Result(r, routerBefore.Decide(input)));
                after.Add(new Result(r, routerAfter.Decide(input)));
            }
        }
        return $"Corrections: trained on half the examples, agency {Accuracy(before, r => r.AgencyCorrect)}, sector {Accuracy(before, r => r.SectorCorrect)}; "
            + $"after adding the other half as corrections, agency {Accuracy(after, r => r.AgencyCorrect)}, sector {Accuracy(after, r => r.SectorCorrect)}.\n";
    }

    /// <summary>
    /// How far the reports routed without a person can be trusted: of those routed straight to an agency, the share
    /// routed to the right one (routing precision), and the share of all reports so routed.
    /// </summary>
    public static string Precision(List<Result> results)
    {
        var routed = results.Where(r => r.Predicted.AgencyId != Agency.AdminDesk).ToList();
        return routed.Count == 0 ? "none routed without a verifier."
            : $"routed without a verifier {routed.Count} ({100.0 * routed.Count / results.Count:0.0} %), routing precision {Accuracy(routed, r => r.AgencyCorrect)}.";
    }

    private static string Accuracy(List<Result> results, Func<Result, bool> correct) =>
        $"{100.0 * results.Count(correct) / results.Count:0.0} %";

    private static string Confusions(List<Result> results)
    {
        var output = new StringBuilder();
        output.AppendLine("  Commonest agency confusions (expected → routed: count):");
        foreach (var group in results.Where(r => !r.AgencyCorrect)
                     .GroupBy(r => $"{r.Expected.Agency} → {r.Predicted.AgencyId}")
                     .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(12))
            output.AppendLine($"    {group.Key}: {group.Count()}");
        output.AppendLine("  Type (expected → predicted):");
        var types = Enum.GetValues<Lapor.Contracts.ReportType>();
        foreach (var expected in types)
            output.AppendLine($"    {expected,-20} " + string.Join("  ", types.Select(p => $"{p}: {results.Count(r => r.Expected.Type == expected && r.Predicted.Type == p)}")));
        output.AppendLine("  Agency accuracy by the region the report gives: "
            + string.Join(", ", results.GroupBy(r => r.Expected.Region switch { null => "none", { Length: 2 } => "province", _ => "kabupaten/kota" })
                .OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count(r => r.AgencyCorrect)}/{g.Count()}")));
        output.AppendLine("  Sector accuracy by sector:");
        foreach (var group in results.GroupBy(r => r.Expected.Sector).OrderBy(g => g.Key))
            output.AppendLine($"    {ComplaintClassifier.Wire(group.Key),-16} {group.Count(r => r.SectorCorrect)}/{group.Count()}");
        return output.ToString();
    }

    /// <summary>Every report the router got wrong, with what it decided and why, for reading rather than tuning to.</summary>
    private static string Errors(List<Result> results)
    {
        var output = new StringBuilder();
        output.AppendLine("  Wrong decisions:");
        foreach (var r in results.Where(r => !r.AgencyCorrect || !r.SectorCorrect || !r.TypeCorrect))
        {
            output.AppendLine($"    expected {r.Expected.Type}/{ComplaintClassifier.Wire(r.Expected.Sector)}/{r.Expected.Agency}, "
                + $"got {r.Predicted.Type}/{ComplaintClassifier.Wire(r.Predicted.Sector)}/{r.Predicted.AgencyId} ({r.Predicted.Confidence:P0})");
            output.AppendLine($"      {r.Expected.Title} — {r.Expected.Text}");
            output.AppendLine($"      {string.Join(" ", r.Predicted.Explanation)}");
        }
        return output.ToString();
    }

    private static string Speed(IReadOnlyList<LabelledReport> reports, IReadOnlyList<Agency> agencies)
    {
        var trainings = new List<double>();
        Router router = null!;
        for (var i = 0; i < 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            router = new Router(agencies, ComplaintClassifier.Train(reports, agencies));
            trainings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var inputs = reports.Select(r => new TriageInput(r.Title, r.Text, r.Region)).ToArray();
        foreach (var input in inputs) router.Decide(input); // warm up
        var rates = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var count = 0;
            while (Stopwatch.GetElapsedTime(started).TotalMilliseconds < 500)
                foreach (var input in inputs) { router.Decide(input); count++; }
            rates.Add(count / Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        return $"Training on {reports.Count} reports + the remits of {agencies.Count} agencies: median {Median(trainings):0} ms (5 runs).\n"
            + $"Routing decisions on one thread: median {Median(rates):N0} per second, {1_000_000 / Median(rates):0} µs each (5 runs of 0.5 s).\n";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
