namespace Lapor.Triage.Domain.Classification;

/// <summary>
/// Multinomial naive Bayes over feature presence (each feature counted once per report), with Laplace
/// smoothing. Deterministic, trains in one pass, classifies in microseconds, and can say which features
/// weighed most for its choice.
/// </summary>
public sealed class NaiveBayes : IWeightedModel
{
    private readonly string[] _labels;
    private readonly double[] _logPrior;
    private readonly Dictionary<string, double[]> _logLikelihood;

    private NaiveBayes(string[] labels, double[] logPrior, Dictionary<string, double[]> logLikelihood)
    {
        _labels = labels;
        _logPrior = logPrior;
        _logLikelihood = logLikelihood;
    }

    public IReadOnlyList<string> Labels => _labels;
    public IReadOnlyDictionary<string, double[]> Weights => _logLikelihood;
    public int Slot { get; set; }

    /// <param name="examples">Each example's features and label.</param>
    /// <param name="alpha">Laplace smoothing.</param>
    /// <param name="priorWeight">
    /// How much a label's share of the examples counts as its prior: 1 fully, 0 not at all (every label the same
    /// prior, so only the evidence decides), between a tempered share (share^weight). The examples' share of each
    /// sector or route is not its share in real traffic.
    /// </param>
    public static NaiveBayes Train(IEnumerable<(IReadOnlyCollection<string> Features, string Label)> examples, double alpha = 0.3, double priorWeight = 1)
    {
        var list = examples.ToList();
        var labels = list.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => x.i);
        var docs = new double[labels.Length];
        var totals = new double[labels.Length];
        var counts = new Dictionary<string, double[]>();

        foreach (var (features, label) in list)
        {
            var c = index[label];
            docs[c]++;
            foreach (var feature in features.Distinct())
            {
                if (!counts.TryGetValue(feature, out var perLabel)) counts[feature] = perLabel = new double[labels.Length];
                perLabel[c]++;
                totals[c]++;
            }
        }

        var vocabulary = counts.Count;
        var logLikelihood = new Dictionary<string, double[]>(counts.Count);
        foreach (var (feature, perLabel) in counts)
        {
            var logs = new double[labels.Length];
            for (var c = 0; c < labels.Length; c++) logs[c] = Math.Log((perLabel[c] + alpha) / (totals[c] + alpha * vocabulary));
            logLikelihood[feature] = logs;
        }
        var logPrior = docs.Select(d => priorWeight * Math.Log(d / list.Count)).ToArray();
        return new NaiveBayes(labels, logPrior, logLikelihood);
    }

    /// <summary>Each label's posterior probability.</summary>
    public Prediction Predict(FeatureSet features)
    {
        var scores = (double[])_logPrior.Clone();
        foreach (var feature in features.Known)
        {
            if (feature.Weights[Slot] is not { } logs) continue;
            for (var c = 0; c < scores.Length; c++) scores[c] += logs[c];
        }
        var max = scores.Max();
        var sum = 0.0;
        for (var c = 0; c < scores.Length; c++) sum += scores[c] = Math.Exp(scores[c] - max);
        for (var c = 0; c < scores.Length; c++) scores[c] /= sum;
        return new Prediction(_labels, scores, features, Slot);
    }

    /// <summary>The features that most favour <paramref name="label"/> over the other labels.</summary>
    public IEnumerable<string> Evidence(Prediction prediction, string label, int count = 3)
    {
        var c = Array.IndexOf(_labels, label);
        return prediction.KnownFeatures
            .Where(f => !f.StartsWith('#'))
            .Select(f => (Feature: f, Weight: _logLikelihood[f][c] - _logLikelihood[f].Where((_, i) => i != c).DefaultIfEmpty(0).Average()))
            .Where(x => x.Weight > 0)
            .OrderByDescending(x => x.Weight)
            .Take(count)
            .Select(x => x.Feature.Replace("title:", "").Replace('_', ' '));
    }
}
