namespace Lapor.Triage.Domain.Classification;

/// <summary>
/// Multinomial logistic regression over binary features (L2-normalised per report), trained with AdaGrad
/// in a fixed, seeded order so the same data always gives the same model. Unlike naive Bayes it does not
/// count correlated features (a word, its bigrams) several times, so its probabilities mean more.
/// </summary>
public sealed class SoftmaxRegression : IWeightedModel
{
    private readonly string[] _labels;
    private readonly Dictionary<string, double[]> _weights;
    private readonly double[] _bias;

    private SoftmaxRegression(string[] labels, Dictionary<string, double[]> weights, double[] bias)
    {
        _labels = labels;
        _weights = weights;
        _bias = bias;
    }

    public IReadOnlyList<string> Labels => _labels;
    public IReadOnlyDictionary<string, double[]> Weights => _weights;
    public int Slot { get; set; }

    public static SoftmaxRegression Train(
        IEnumerable<(IReadOnlyCollection<string> Features, string Label)> examples,
        int epochs = 30, double learningRate = 0.5, double l2 = 1e-4, int seed = 17)
    {
        var data = examples.Select(e => (Features: e.Features.Distinct().ToArray(), e.Label)).ToArray();
        var labels = data.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => x.i);
        var weights = new Dictionary<string, double[]>();
        var squared = new Dictionary<string, double[]>();
        var bias = new double[labels.Length];
        var biasSquared = new double[labels.Length];
        foreach (var feature in data.SelectMany(d => d.Features))
        {
            if (weights.ContainsKey(feature)) continue;
            weights[feature] = new double[labels.Length];
            squared[feature] = new double[labels.Length];
        }

        var order = Enumerable.Range(0, data.Length).ToArray();
        var random = new Random(seed);
        var probabilities = new double[labels.Length];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (features, label) = data[i];
                var value = 1.0 / Math.Sqrt(Math.Max(1, features.Length));
                Scores(features, value, weights, bias, probabilities);
                Softmax(probabilities);
                var target = index[label];
                for (var c = 0; c < labels.Length; c++)
                {
                    var gradient = probabilities[c] - (c == target ? 1 : 0);
                    biasSquared[c] += gradient * gradient;
                    bias[c] -= learningRate * gradient / (Math.Sqrt(biasSquared[c]) + 1e-8);
                    foreach (var feature in features)
                    {
                        var w = weights[feature];
                        var g = gradient * value + l2 * w[c];
                        var s = squared[feature];
                        s[c] += g * g;
                        w[c] -= learningRate * g / (Math.Sqrt(s[c]) + 1e-8);
                    }
                }
            }
        }
        return new SoftmaxRegression(labels, weights, bias);
    }

    public Prediction Predict(FeatureSet features)
    {
        var probabilities = (double[])_bias.Clone();
        var value = 1.0 / Math.Sqrt(Math.Max(1, features.Count));
        foreach (var feature in features.Known)
        {
            if (feature.Weights[Slot] is not { } w) continue;
            for (var c = 0; c < probabilities.Length; c++) probabilities[c] += w[c] * value;
        }
        Softmax(probabilities);
        return new Prediction(_labels, probabilities, features, Slot);
    }

    public IEnumerable<string> Evidence(Prediction prediction, string label, int count = 3)
    {
        var c = Array.IndexOf(_labels, label);
        if (c < 0) return [];
        // The heaviest few by a running insertion (this runs on every decision): twice as many as asked, since a
        // title word and the same word in the text read alike once named.
        var heaviest = new List<(string Feature, double Weight)>(2 * count + 1);
        foreach (var feature in prediction.Features.Known)
        {
            if (feature.Weights[Slot] is not { } w || w[c] <= 0 || feature.Name[0] is '#' or '?') continue;
            var at = heaviest.Count;
            while (at > 0 && heaviest[at - 1].Weight < w[c]) at--;
            if (at >= 2 * count) continue;
            heaviest.Insert(at, (feature.Name, w[c]));
            if (heaviest.Count > 2 * count) heaviest.RemoveAt(2 * count);
        }
        return heaviest.Select(x => x.Feature.Replace("title:", "").Replace('_', ' ')).Distinct().Take(count);
    }

    private static void Scores(IEnumerable<string> features, double value, Dictionary<string, double[]> weights, double[] bias, double[] scores)
    {
        Array.Copy(bias, scores, bias.Length);
        foreach (var feature in features)
        {
            var w = weights[feature];
            for (var c = 0; c < scores.Length; c++) scores[c] += w[c] * value;
        }
    }

    private static void Softmax(double[] scores)
    {
        var max = scores.Max();
        var sum = 0.0;
        for (var c = 0; c < scores.Length; c++) sum += scores[c] = Math.Exp(scores[c] - max);
        for (var c = 0; c < scores.Length; c++) scores[c] /= sum;
    }
}
