using Lapor.Contracts;
using Lapor.Contracts.Reference;
using Lapor.Triage.Domain.Classification;

namespace Lapor.Triage.Domain;

/// <summary>
/// Decides type, sector and responsible agency for a report. The classifier scores sectors and routes
/// (a national body, or the provincial or local level); the router picks the most likely pair the directory
/// can actually serve, then finds the dinas of that level and sector for the report's region (given, or
/// named in the text). Reports it cannot route with enough confidence go to the national admin desk for a
/// person to verify, instead of being guessed.
/// </summary>
public sealed class Router(IReadOnlyList<Agency> agencies, ComplaintClassifier classifier, double threshold = Router.ConfidenceThreshold)
{
    /// <summary>Below this joint probability a report waits for a verifier. Chosen with the evaluation tool's cross-validation.</summary>
    public const double ConfidenceThreshold = 0.30;
    /// <summary>The confidence needed to route a report that names no region at all.</summary>
    public const double NoRegionThreshold = 0.6;
    /// <summary>How much the reporter's own choice of sector multiplies that sector's probability.</summary>
    public const double ReporterSectorWeight = 3.0;
    /// <summary>How sure the classifier must be to override the type the reporter chose.</summary>
    public const double TypeOverride = 0.9;

    private readonly Dictionary<string, Agency> _byId = agencies.ToDictionary(a => a.Id);

    /// <summary>Which (route, sector) pairs the directory can serve, computed once rather than per candidate pair.</summary>
    private readonly HashSet<(string Route, Sector Sector)> _served = agencies
        .SelectMany(a => a.Sectors.Select(s => (Route: a.Level switch
        {
            AgencyLevel.Provinsi => Routes.Province,
            AgencyLevel.Kabupaten or AgencyLevel.Kota => Routes.Local,
            _ => a.Id,
        }, Sector: s)))
        .ToHashSet();

    public ComplaintClassifier Classifier => classifier;
    public IReadOnlyList<Agency> Agencies => agencies;

    public RoutingDecision Decide(TriageInput input)
    {
        var explanation = new List<string>();
        var classification = classifier.Classify(input.Title, input.Text);

        var type = TypeOf(input, classification, explanation);
        var region = RegionOf(input, explanation);
        var candidates = Candidates(input, classification).ToList();
        var (sector, route, confidence) = candidates[0];

        var evidence = string.Join(", ", classifier.SectorModel.Evidence(classification.Sector, ComplaintClassifier.Wire(sector)));
        explanation.Add($"Sector {ComplaintClassifier.Wire(sector)} ({classification.Sector.Ranked.First(s => s.Label == ComplaintClassifier.Wire(sector)).Probability:P0})"
            + (evidence.Length > 0 ? $" from: {evidence}." : "."));

        var agency = Resolve(sector, route, region, input.Text, explanation);
        // Without any region, most matters are local ones that cannot be routed: only a clear national matter goes on.
        var required = region is null ? Math.Max(threshold, NoRegionThreshold) : threshold;
        if (agency is not null && confidence < required)
        {
            explanation.Add($"Confidence {confidence:P0} is below {required:P0}: a verifier decides.");
            agency = null;
        }
        // It speaks of matters outside the service sectors (police, land, immigration, religious affairs, village
        // government, thanks, tests) and nothing of its guessed sector: call it that, and let a verifier route it.
        var features = classification.Features.ToHashSet();
        if (sector != Sector.Lainnya && features.Contains("cue:lainnya") && !features.Contains("cue:" + ComplaintClassifier.Wire(sector))
            && (agency is null || !features.Contains("cue:" + agency.Id)))
        {
            explanation.Add("Outside the service sectors (lainnya): a verifier decides.");
            sector = Sector.Lainnya;
            agency = null;
        }
        agency ??= _byId[Agency.AdminDesk];
        if (agency.Id == Agency.AdminDesk) explanation.Add("Sent to the national admin desk for verification.");

        var alternatives = candidates.Skip(1).Take(3)
            .Select(c => new RouteAlternative(c.Sector, Resolve(c.Sector, c.Route, region, input.Text, null)?.Id ?? Agency.AdminDesk, c.Probability))
            .ToList();
        return new RoutingDecision(type, sector, agency.Id, agency.Name, region?.Code, Math.Round(confidence, 4), alternatives, explanation);
    }

    private static ReportType TypeOf(TriageInput input, ClassifierScores classification, List<string> explanation)
    {
        var predicted = Enum.Parse<ReportType>(classification.Type.Best.Label.Replace("_", ""), ignoreCase: true);
        if (input.Type is { } chosen && (chosen == predicted || classification.Type.Best.Probability < TypeOverride))
            return chosen;
        explanation.Add($"Type {classification.Type.Best.Label} ({classification.Type.Best.Probability:P0}).");
        return predicted;
    }

    private static Region? RegionOf(TriageInput input, List<string> explanation)
    {
        if (Regions.Find(input.Region) is { } given) return given;
        var named = Gazetteer.Find(input.Title + " " + input.Text);
        if (named is not null) explanation.Add($"Region {named.Name}, named in the text.");
        return named;
    }

    /// <summary>(sector, route) pairs the directory can serve, by joint probability, most likely first.</summary>
    private IEnumerable<(Sector Sector, string Route, double Probability)> Candidates(TriageInput input, ClassifierScores classification)
    {
        var sectors = classification.Sector.Ranked.ToDictionary(s => Enum.Parse<Sector>(s.Label, ignoreCase: true), s => s.Probability);
        if (input.Sector is { } chosen) sectors[chosen] *= ReporterSectorWeight;

        var features = classification.Features.ToHashSet();
        var pairs = (from s in sectors
                     from r in classification.Route.Ranked
                     where Serves(r.Label, s.Key)
                     select (Sector: s.Key, Route: r.Label, Score: s.Value * r.Probability * PolicyWeight(r.Label, s.Key, features))).ToList();
        var total = pairs.Sum(p => p.Score);
        return pairs.OrderByDescending(p => p.Score).Select(p => (p.Sector, p.Route, p.Score / total));
    }

    /// <summary>
    /// A ministry whose sector also has regional offices sets policy; it receives a report only when the report
    /// speaks of national policy or names that body. Otherwise the pair is weighed down, and the regional office
    /// (or, without a region, a verifier) gets it.
    /// </summary>
    private double PolicyWeight(string route, Sector sector, HashSet<string> features)
    {
        if (!route.StartsWith("nas.", StringComparison.Ordinal) || route == Agency.AdminDesk) return 1;
        if (!Serves(Routes.Local, sector) && !Serves(Routes.Province, sector)) return 1;
        if (route is "nas.bpjs-kesehatan" or "nas.bpjs-ketenagakerjaan" or "nas.prakerja" or "nas.bp2mi" or "nas.ojk" or "nas.pln" or "nas.kemdiktisaintek") return 1;
        return features.Contains("cue:" + Lexicon.National) || features.Contains("cue:" + route) ? 1 : PolicyPenalty;
    }

    /// <summary>How much less likely a ministry is for a report that does not speak of national policy.</summary>
    public const double PolicyPenalty = 0.2;

    private bool Serves(string route, Sector sector) => route == Agency.AdminDesk || _served.Contains((route, sector));

    /// <summary>The agency for a route; null when a regional route has no region or no dinas for the sector there.</summary>
    private Agency? Resolve(Sector sector, string route, Region? region, string text, List<string>? explanation)
    {
        switch (route)
        {
            case Routes.Province:
                var province = region?.ProvinceCode;
                var provincial = province is null ? null : agencies.FirstOrDefault(a => a.Region == province && a.Sectors.Contains(sector));
                explanation?.Add(provincial is null
                    ? "A provincial matter, but no province is known or it has no office for this sector."
                    : $"A provincial matter: {provincial.Name}.");
                return provincial;
            case Routes.Local:
                var local = region?.Level == RegionLevel.Provinsi
                    ? Gazetteer.Find(text) is { Parent: not null } named && named.Parent == region.Code ? named : null
                    : region;
                var office = local is null ? null : agencies.FirstOrDefault(a => a.Region == local.Code && a.Sectors.Contains(sector));
                explanation?.Add(office is null
                    ? "A local matter, but no kabupaten or kota is known or it has no office for this sector."
                    : $"A local matter: {office.Name}.");
                return office;
            default:
                var body = _byId.GetValueOrDefault(route);
                if (body is not null && body.Id != Agency.AdminDesk) explanation?.Add($"A national matter: {body.Name}.");
                return body;
        }
    }
}
