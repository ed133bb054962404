using System.Text.Json;
using Lapor.ServiceDefaults;

namespace Lapor.Triage.Domain.Classification;

/// <summary>Labelled reports in the JSONL format of the evaluation tool: the seed set shipped with triage, or a file.</summary>
public static class TrainingSet
{
    public static IReadOnlyList<LabelledReport> Seed()
    {
        using var stream = typeof(TrainingSet).Assembly.GetManifestResourceStream("Lapor.Triage.Seed.training.jsonl")
            ?? throw new InvalidOperationException("The triage training set is missing from the assembly.");
        return Read(new StreamReader(stream));
    }

    public static IReadOnlyList<LabelledReport> Read(TextReader reader)
    {
        var reports = new List<LabelledReport>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            reports.Add(JsonSerializer.Deserialize<LabelledReport>(line, LaporJson.Options)
                ?? throw new FormatException($"Not a labelled report: {line}"));
        }
        return reports;
    }
}
