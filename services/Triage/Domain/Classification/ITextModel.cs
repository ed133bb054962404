namespace Lapor.Triage.Domain.Classification;

/// <summary>A classifier head: labels with probabilities for a report's features, and the features behind a label.</summary>
public interface ITextModel
{
    IReadOnlyList<string> Labels { get; }
    /// <summary>Labels by probability for a report's features (looked up in the classifier's <see cref="FeatureTable"/>).</summary>
    Prediction Predict(FeatureSet features);
    IEnumerable<string> Evidence(Prediction prediction, string label, int count = 3);
}

public sealed record Scored(string Label, double Probability);

/// <summary>
/// A head's probability for each of its labels (in the head's label order), and the report's features that head knows
/// (named only when explaining). Ranking is done only when asked for: most decisions need just the probabilities.
/// </summary>
public sealed class Prediction(IReadOnlyList<string> labels, double[] probabilities, FeatureSet features, int slot)
{
    private List<Scored>? _ranked;

    public IReadOnlyList<string> Labels => labels;
    public IReadOnlyList<double> Probabilities => probabilities;
    public FeatureSet Features => features;

    /// <summary>Labels by probability, most likely first.</summary>
    public IReadOnlyList<Scored> Ranked => _ranked ??= [.. labels.Select((label, c) => new Scored(label, probabilities[c])).OrderByDescending(s => s.Probability)];

    public Scored Best
    {
        get
        {
            var best = 0;
            for (var c = 1; c < probabilities.Length; c++) if (probabilities[c] > probabilities[best]) best = c;
            return new Scored(labels[best], probabilities[best]);
        }
    }

    public double Probability(string label)
    {
        for (var c = 0; c < labels.Count; c++) if (labels[c] == label) return probabilities[c];
        return 0;
    }

    public IEnumerable<string> KnownFeatures => features.Known.Where(f => f.Weights[slot] is not null).Select(f => f.Name);

    /// <summary>The same labels and features with other probabilities (an ensemble's average).</summary>
    public Prediction With(double[] averaged) => new(labels, averaged, features, slot);
}
