namespace Lapor.Triage.Domain.Classification;

/// <summary>A report's features as the models see them: those some model knows, with every model's weights, and how many there were.</summary>
public sealed record FeatureSet(IReadOnlyList<KnownFeature> Known, int Count);

/// <summary>A feature with each model's weights for it, by the model's slot (null where that model never saw it).</summary>
public sealed record KnownFeature(string Name, double[]?[] Weights);

/// <summary>A model whose weights are kept per feature, so a <see cref="FeatureTable"/> can look features up for it.</summary>
public interface IWeightedModel : ITextModel
{
    IReadOnlyDictionary<string, double[]> Weights { get; }
    /// <summary>Where this model's weights sit in each <see cref="KnownFeature"/>.</summary>
    int Slot { get; set; }
}

/// <summary>
/// Every model's weights in one dictionary by feature, so a report's features are looked up once for all six
/// models of the classifier instead of once per model (string hashing was most of a decision's time).
/// </summary>
public sealed class FeatureTable
{
    private readonly Dictionary<string, double[]?[]> _rows = new(StringComparer.Ordinal);

    public FeatureTable(IReadOnlyList<IWeightedModel> models)
    {
        for (var slot = 0; slot < models.Count; slot++)
        {
            models[slot].Slot = slot;
            foreach (var (feature, weights) in models[slot].Weights)
            {
                if (!_rows.TryGetValue(feature, out var row)) _rows[feature] = row = new double[]?[models.Count];
                row[slot] = weights;
            }
        }
    }

    /// <summary>The features (each given once) with their weights, in the order given.</summary>
    public FeatureSet Lookup(IReadOnlyCollection<string> features)
    {
        var known = new List<KnownFeature>(features.Count);
        foreach (var feature in features)
            if (_rows.TryGetValue(feature, out var row)) known.Add(new KnownFeature(feature, row));
        return new FeatureSet(known, features.Count);
    }
}
