using Lapor.Contracts;

namespace Lapor.Triage.Domain.Classification;

/// <summary>
/// Three naive Bayes heads over the same features: report type, sector, and route (a national body, or
/// the provincial or local level). Trained from labelled reports plus each agency's own description of its
/// remit, so the directory itself teaches the model what each body handles.
/// </summary>
public sealed class ComplaintClassifier
{
    private ComplaintClassifier(NaiveBayes type, NaiveBayes sector, NaiveBayes route, int examples)
    {
        TypeModel = type;
        SectorModel = sector;
        RouteModel = route;
        Examples = examples;
    }

    public NaiveBayes TypeModel { get; }
    public NaiveBayes SectorModel { get; }
    public NaiveBayes RouteModel { get; }
    public int Examples { get; }

    public static ComplaintClassifier Train(IReadOnlyCollection<LabelledReport> reports, IReadOnlyCollection<Agency> agencies)
    {
        var labelled = reports.Select(r => (Features: (IReadOnlyCollection<string>)TextNormalizer.Features(r.Title, r.Text), Report: r)).ToList();
        var remits = agencies
            .Where(a => a.Id != Agency.AdminDesk && !string.IsNullOrWhiteSpace(a.Handles))
            .Select(a => (Features: (IReadOnlyCollection<string>)TextNormalizer.Features("", a.Handles), Agency: a))
            .ToList();

        var type = NaiveBayes.Train(labelled.Select(l => (l.Features, Wire(l.Report.Type))));
        var sector = NaiveBayes.Train(labelled.Select(l => (l.Features, Wire(l.Report.Sector)))
            .Concat(remits.Select(r => (r.Features, Wire(r.Agency.Sectors[0])))));
        var route = NaiveBayes.Train(labelled.Select(l => (l.Features, l.Report.Route))
            .Concat(remits.Select(r => (r.Features, LabelledReport.RouteOf(r.Agency.Id)))));
        return new ComplaintClassifier(type, sector, route, reports.Count);
    }

    public ClassifierScores Classify(string title, string text)
    {
        var features = TextNormalizer.Features(title, text);
        return new ClassifierScores(TypeModel.Predict(features), SectorModel.Predict(features), RouteModel.Predict(features));
    }

    public static string Wire(ReportType type) => Lapor.ServiceDefaults.LaporJson.WireName(type);
    public static string Wire(Sector sector) => Lapor.ServiceDefaults.LaporJson.WireName(sector);
}

public sealed record ClassifierScores(NaiveBayes.Prediction Type, NaiveBayes.Prediction Sector, NaiveBayes.Prediction Route);
