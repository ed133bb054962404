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

public sealed record Prediction(IReadOnlyList<Scored> Ranked, IReadOnlyList<string> KnownFeatures)
{
    public Scored Best => Ranked[0];
}
