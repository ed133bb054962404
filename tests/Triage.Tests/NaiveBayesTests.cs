using Lapor.Triage.Domain.Classification;

namespace Lapor.Triage.Tests;

public sealed class NaiveBayesTests
{
    /// <summary>Nine examples of one label, one of the other, and a report with no feature either has seen.</summary>
    private static double CommonLabelProbability(double priorWeight)
    {
        var examples = Enumerable.Repeat<(IReadOnlyCollection<string>, string)>((["jalan"], "common"), 9)
            .Append((["sekolah"], "rare"))
            .ToList();
        var model = NaiveBayes.Train(examples, priorWeight: priorWeight);
        var prediction = model.Predict(new FeatureTable([model]).Lookup(["unseen"]));
        return prediction.Probability("common");
    }

    [Fact]
    public void With_the_full_prior_a_report_without_evidence_goes_by_the_examples_shares() =>
        Assert.Equal(0.9, CommonLabelProbability(priorWeight: 1), precision: 6);

    [Fact]
    public void Without_the_prior_a_report_without_evidence_is_undecided() =>
        Assert.Equal(0.5, CommonLabelProbability(priorWeight: 0), precision: 6);

    [Fact]
    public void A_tempered_prior_lies_between_the_shares_and_undecided() =>
        Assert.Equal(3.0 / 4.0, CommonLabelProbability(priorWeight: 0.5), precision: 6);
}
