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
    /// <summary>
    /// Below this joint probability a report waits for a verifier. Chosen with the evaluation tool's cross-validation
    /// (<c>--sweep</c>): it holds about as many reports for a person (24–25 of 240, 19 of them labelled so) as 0.30 did
    /// before the cue heads, which made the averaged probabilities less peaked.
    /// </summary>
    public const double ConfidenceThreshold = 0.20;
    /// <summary>
    /// From this joint probability up, triage's route also verifies the report (which makes it public): below it the
    /// report waits in the verifier's queue with the route as a suggestion. Chosen with the evaluation tool's
    /// <c>--sweep</c> (2026-12-04, 10-fold cross-validation of the 240 development reports): the routes it lets through
    /// go to the right agency 97.6 / 98.8 / 98.1 % of the time (seeds 20211 / 7 / 99) and are 66–70 % of all reports;
    /// 0.40 gives 96.3–97.4 %. Set <c>Lapor:Triage:AutoVerifyConfidence</c> to change it (1.0: a person verifies every report).
    /// </summary>
    public const double AutoVerifyConfidence = 0.50;
    /// <summary>The confidence needed to route a report that names no region at all.</summary>
    public const double NoRegionThreshold = 0.6;
    /// <summary>How much the reporter's own choice of sector multiplies that sector's probability.</summary>
    public const double ReporterSectorWeight = 3.0;
    /// <summary>How sure the classifier must be to override the type the reporter chose.</summary>
    public const double TypeOverride = 0.9;

    private readonly Dictionary<string, Agency> _byId = agencies.ToDictionary(a => a.Id);

    /// <summary>Which (route, sector) pairs the directory can serve, computed once rather than per candidate pair.</summary>
    private readonly HashSet<(string Route, Sector Sector)> _served = Served(agencies);

    private static HashSet<(string Route, Sector Sector)> Served(IReadOnlyList<Agency> agencies) => agencies
        .Where(a => !a.IsCoordinatingDesk)
        .SelectMany(a => a.Sectors.Select(s => (Route: a.Level switch
        {
            AgencyLevel.Provinsi => Routes.Province,
            AgencyLevel.Kabupaten or AgencyLevel.Kota => Routes.Local,
            _ => a.Id,
        }, Sector: s)))
        .ToHashSet();

    /// <summary>
    /// Every (sector, route) pair the directory can serve, with the cue a ministry's pair needs to escape the policy
    /// penalty, the features that name its sector and its route, and the operator cues that take a regional pair's
    /// report away from it; computed once, so a decision only looks up and multiplies.
    /// </summary>
    private readonly Pair[] _pairs = Pairs(classifier, Served(agencies));

    /// <param name="SectorAt">The sector's place among the sector head's labels (and so its probabilities).</param>
    /// <param name="RouteAt">The route's place among the route head's labels.</param>
    private sealed record Pair(Sector Sector, int SectorAt, string Route, int RouteAt, string? RequiredCue, string NamedSector, string NamedRoute,
        string[] OperatorCues, string RemitCue);

    /// <summary>Each region's office for a sector (the first in the directory, as a scan would find it).</summary>
    private readonly Dictionary<(string Region, Sector Sector), Agency> _offices = Offices(agencies);

    private static Pair[] Pairs(ComplaintClassifier classifier, HashSet<(string Route, Sector Sector)> served)
    {
        var pairs = new List<Pair>();
        var routes = classifier.RouteModel.Labels;
        for (var sectorAt = 0; sectorAt < classifier.SectorModel.Labels.Count; sectorAt++)
        {
            var sectorLabel = classifier.SectorModel.Labels[sectorAt];
            var sector = Enum.Parse<Sector>(sectorLabel, ignoreCase: true);
            var operators = routes
                .Where(r => Operators.Contains(r) && Serves(served, r, sector))
                .Select(r => Lexicon.CuePrefix + r)
                .ToArray();
            for (var routeAt = 0; routeAt < routes.Count; routeAt++)
                if (routes[routeAt] is var route && Serves(served, route, sector))
                    pairs.Add(new Pair(sector, sectorAt, route, routeAt, PolicyApplies(served, route, sector) ? Lexicon.CuePrefix + route : null,
                        Addressees.Prefix + sectorLabel, Addressees.Prefix + route,
                        route is Routes.Local or Routes.Province ? operators : [], Lexicon.CuePrefix + Lexicon.RegionalRemit + sectorLabel));
        }
        return [.. pairs];
    }

    private static Dictionary<(string, Sector), Agency> Offices(IReadOnlyList<Agency> agencies)
    {
        var offices = new Dictionary<(string, Sector), Agency>();
        foreach (var agency in agencies)
            if (agency.Region is { } code && !agency.IsCoordinatingDesk)
                foreach (var sector in agency.Sectors) offices.TryAdd((code, sector), agency);
        return offices;
    }

    public ComplaintClassifier Classifier => classifier;
    public IReadOnlyList<Agency> Agencies => agencies;

    /// <summary>
    /// Decides the report's route. With <paramref name="autoVerify"/>, a route below that confidence is held for a verifier
    /// (the admin desk), its explanation naming the route a verifier will be offered; without it, the best route is
    /// given as it is (the verifier's queue shows it as the suggestion).
    /// </summary>
    public RoutingDecision Decide(TriageInput input, double? autoVerify = null)
    {
        var decision = BestRoute(input);
        if (autoVerify is not { } required || decision.AgencyId == Agency.AdminDesk || decision.Confidence >= required) return decision;
        var desk = _byId[Agency.AdminDesk];
        return decision with
        {
            AgencyId = desk.Id,
            AgencyName = desk.Name,
            Explanation = [.. decision.Explanation,
                $"Confidence {decision.Confidence:P0} is below {required:P0}, the confidence at which triage verifies: a verifier confirms the route to {decision.AgencyName}."],
        };
    }

    private RoutingDecision BestRoute(TriageInput input)
    {
        var explanation = new List<string>();
        var classification = classifier.Classify(input.Title, input.Text);

        var type = TypeOf(input, classification, explanation);
        var region = RegionOf(input, explanation);
        var candidates = Candidates(input, classification);
        // The kabupaten or kota the text names, looked up at most once (for a local matter in a province).
        var namedInText = new Lazy<Region?>(() => Gazetteer.Find(input.Text), LazyThreadSafetyMode.None);
        var (sector, route, confidence) = candidates[0];
        // Without a region a regional route cannot be served; a national body the report names, among the likeliest
        // routes, can — and naming it is the clear national matter the stricter no-region threshold asks for.
        if (region is null && route is Routes.Local or Routes.Province
            && candidates.FindIndex(c => classification.Features.Contains(Addressees.Prefix + c.Route)) is var at and > 0)
            (sector, route, confidence) = candidates[at];
        var addressed = route.StartsWith("nas.", StringComparison.Ordinal) && classification.Features.Contains(Addressees.Prefix + route);

        var evidence = string.Join(", ", classifier.SectorModel.Evidence(classification.Sector, ComplaintClassifier.Wire(sector)));
        explanation.Add($"Sector {ComplaintClassifier.Wire(sector)} ({classification.Sector.Probability(ComplaintClassifier.Wire(sector)):P0})"
            + (evidence.Length > 0 ? $" from: {evidence}." : "."));

        var agency = Resolve(sector, route, region, namedInText, explanation);
        // Without any region, most matters are local ones that cannot be routed: only a clear national matter goes on.
        var required = region is null && !addressed ? Math.Max(threshold, NoRegionThreshold) : threshold;
        if (agency is not null && confidence < required)
        {
            explanation.Add($"Confidence {confidence:P0} is below {required:P0}: a verifier decides.");
            agency = null;
        }
        // It speaks of matters outside the service sectors (police, land, immigration, religious affairs, village
        // government, thanks, tests) and nothing of its guessed sector: call it that, and let a verifier route it.
        var features = classification.Features;
        if (sector != Sector.Lainnya && features.Contains(Lexicon.CuePrefix + "lainnya") && !features.Contains(Lexicon.CuePrefix + ComplaintClassifier.Wire(sector))
            && (agency is null || !features.Contains(Lexicon.CuePrefix + agency.Id)))
        {
            explanation.Add("Outside the service sectors (lainnya): a verifier decides.");
            sector = Sector.Lainnya;
            agency = null;
        }
        agency ??= _byId[Agency.AdminDesk];
        if (agency.Id == Agency.AdminDesk) explanation.Add("Sent to the national admin desk for verification.");

        var alternatives = candidates.Skip(1).Take(3)
            .Select(c => new RouteAlternative(c.Sector, Resolve(c.Sector, c.Route, region, namedInText, null)?.Id ?? Agency.AdminDesk, c.Probability))
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

    /// <summary>How many candidate routes a decision shows: the chosen one and three alternatives.</summary>
    private const int Shown = 4;

    /// <summary>The most likely (sector, route) pairs the directory can serve, by joint probability, most likely first.</summary>
    private List<(Sector Sector, string Route, double Probability)> Candidates(TriageInput input, ClassifierScores classification)
    {
        // The heads' probabilities are in the same label order as the pairs' indices (the ensembles check their heads agree).
        var (sectors, routes) = (classification.Sector.Probabilities, classification.Route.Probabilities);

        var features = classification.Features;
        var national = features.Contains(NationalCue);
        // Only the best few are needed: keep them in order as the pairs go by (ties: the likelier sector, then route).
        var best = new List<(Sector Sector, string Route, double Score, double SectorProbability, double RouteProbability)>(Shown + 1);
        var total = 0.0;
        foreach (var (sector, sectorAt, route, routeAt, requiredCue, namedSector, namedRoute, operatorCues, remitCue) in _pairs)
        {
            var (ps, pr) = (sectors[sectorAt] * (sector == input.Sector ? ReporterSectorWeight : 1), routes[routeAt]);
            var named = features.Contains(namedRoute);
            var score = ps * pr * (requiredCue is null || national || named || features.Contains(requiredCue) ? 1 : PolicyPenalty)
                * (named ? NamedWeight : 1) * (features.Contains(namedSector) ? NamedWeight : 1)
                * (OperatorsMatter(operatorCues, remitCue, features) ? OperatorPenalty : 1);
            total += score;
            var at = best.Count;
            while (at > 0 && (best[at - 1].Score, best[at - 1].SectorProbability, best[at - 1].RouteProbability).CompareTo((score, ps, pr)) < 0) at--;
            if (at >= Shown) continue;
            best.Insert(at, (sector, route, score, ps, pr));
            if (best.Count > Shown) best.RemoveAt(Shown);
        }
        return [.. best.Select(p => (p.Sector, p.Route, p.Score / total))];
    }

    /// <summary>
    /// A ministry whose sector also has regional offices sets policy; it receives a report only when the report
    /// speaks of national policy or names that body. Otherwise the pair is weighed down, and the regional office
    /// (or, without a region, a verifier) gets it.
    /// </summary>
    private static bool PolicyApplies(HashSet<(string Route, Sector Sector)> served, string route, Sector sector) =>
        route.StartsWith("nas.", StringComparison.Ordinal) && route != Agency.AdminDesk
        && (Serves(served, Routes.Local, sector) || Serves(served, Routes.Province, sector))
        && !Operators.Contains(route);

    private static readonly string NationalCue = Lexicon.CuePrefix + Lexicon.National;

    /// <summary>
    /// Nationwide operators and programmes: they, not a ministry's policy desk, serve their sector's citizens directly,
    /// so a report about them goes to them even when it names a town.
    /// </summary>
    private static readonly HashSet<string> Operators =
        ["nas.bpjs-kesehatan", "nas.bpjs-ketenagakerjaan", "nas.prakerja", "nas.bp2mi", "nas.ojk", "nas.pln", "nas.kemdiktisaintek"];

    /// <summary>
    /// A regional pair's report speaks of a nationwide operator of its sector (a bank, a loan app, electricity, BPJS)
    /// and of nothing the regional office itself handles: the operator is the one to answer. Only keuangan (local
    /// taxes) and utilitas (piped water) have a remit list in the <see cref="Lexicon"/>; in the other sectors any
    /// mention of their operator weighs the regional pair down.
    /// </summary>
    private static bool OperatorsMatter(string[] operatorCues, string remitCue, IReadOnlySet<string> features)
    {
        if (operatorCues.Length == 0 || features.Contains(remitCue)) return false;
        foreach (var cue in operatorCues) if (features.Contains(cue)) return true;
        return false;
    }

    /// <summary>How much less likely a regional office is for a report about a nationwide operator of its sector.</summary>
    public const double OperatorPenalty = 0.2;

    /// <summary>
    /// How much an agency the report names (its kind, its level, or the national body) multiplies a pair's score.
    /// Cross-validated: 3, 5 and 10 alike within a point; kept moderate because citizens sometimes name the wrong body.
    /// </summary>
    public const double NamedWeight = 5;

    /// <summary>How much less likely a ministry is for a report that does not speak of national policy.</summary>
    public const double PolicyPenalty = 0.2;

    private static bool Serves(HashSet<(string Route, Sector Sector)> served, string route, Sector sector) =>
        route == Agency.AdminDesk || served.Contains((route, sector));

    /// <summary>The agency for a route; null when a regional route has no region or no dinas for the sector there.</summary>
    private Agency? Resolve(Sector sector, string route, Region? region, Lazy<Region?> namedInText, List<string>? explanation)
    {
        switch (route)
        {
            case Routes.Province:
                var province = region?.ProvinceCode;
                var provincial = province is null ? null : _offices.GetValueOrDefault((province, sector));
                explanation?.Add(provincial is null
                    ? "A provincial matter, but no province is known or it has no office for this sector."
                    : $"A provincial matter: {provincial.Name}.");
                return provincial;
            case Routes.Local:
                // A kecamatan's matter is its kabupaten's or kota's; a province's, the kabupaten or kota the text names in it.
                var local = region?.Level == RegionLevel.Provinsi
                    ? namedInText.Value is { RegencyCode: { } named } place && place.ProvinceCode == region.Code ? named : null
                    : region?.RegencyCode;
                var office = local is null ? null : _offices.GetValueOrDefault((local, sector));
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
