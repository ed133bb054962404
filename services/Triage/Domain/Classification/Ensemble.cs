namespace Lapor.Triage.Domain.Classification;

/// <summary>
/// Averages the probabilities of several heads trained on the same labels. The last head explains the decision
/// (its known features and its evidence), so it should be the one that sees the most.
/// </summary>
public sealed class Ensemble : ITextModel
{
    private readonly ITextModel[] models;

    /// <param name="models">Heads trained on the same examples, so with the same labels in the same order.</param>
    public Ensemble(params ITextModel[] models)
    {
        if (models.Any(m => !m.Labels.SequenceEqual(models[0].Labels)))
            throw new ArgumentException("The heads of an ensemble must share their labels, in order.", nameof(models));
        this.models = models;
    }

    public IReadOnlyList<string> Labels => models[0].Labels;
    public IReadOnlyList<ITextModel> Models => models;

    public Prediction Predict(FeatureSet features)
    {
        var averaged = new double[Labels.Count];
        Prediction last = null!;
        foreach (var model in models)
        {
            last = model.Predict(features);
            for (var c = 0; c < averaged.Length; c++) averaged[c] += last.Probabilities[c] / models.Length;
        }
        return last.With(averaged);
    }

    public IEnumerable<string> Evidence(Prediction prediction, string label, int count = 3) =>
        models[^1].Evidence(prediction, label, count);
}
