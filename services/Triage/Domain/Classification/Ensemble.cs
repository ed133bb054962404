namespace Lapor.Triage.Domain.Classification;

/// <summary>Averages the probabilities of several heads trained on the same labels.</summary>
public sealed class Ensemble(params ITextModel[] models) : ITextModel
{
    public IReadOnlyList<string> Labels => models[0].Labels;
    public IReadOnlyList<ITextModel> Models => models;

    public Prediction Predict(FeatureSet features)
    {
        var predictions = models.Select(m => m.Predict(features)).ToList();
        var byLabel = predictions.Select(p => p.Ranked.ToDictionary(s => s.Label, s => s.Probability)).ToList();
        var ranked = Labels
            .Select(label => new Scored(label, byLabel.Average(p => p[label])))
            .OrderByDescending(s => s.Probability)
            .ToList();
        return new Prediction(ranked, predictions[0].KnownFeatures);
    }

    public IEnumerable<string> Evidence(Prediction prediction, string label, int count = 3) =>
        models[^1].Evidence(prediction, label, count);
}
