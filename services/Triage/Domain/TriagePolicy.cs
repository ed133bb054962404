namespace Lapor.Triage.Domain;

/// <summary>What an operator may tune about triage's own decisions.</summary>
/// <param name="AutoVerifyConfidence">See <see cref="Router.AutoVerifyConfidence"/>; <c>Lapor:Triage:AutoVerifyConfidence</c>.</param>
public sealed record TriagePolicy(double AutoVerifyConfidence)
{
    public static TriagePolicy From(IConfiguration configuration) =>
        new(Math.Clamp(configuration.GetValue("Lapor:Triage:AutoVerifyConfidence", Router.AutoVerifyConfidence), Router.ConfidenceThreshold, 1.0));
}
