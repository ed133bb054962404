using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Portal.Pages.Oversight;

/// <summary>The oversight dashboard: volumes by sector and status, deadline compliance and ratings by agency and sector.</summary>
public sealed class IndexModel(PortalText text, StaffClient staff) : PortalPage(text)
{
    public static readonly string[] Tables = ["agencies", "sectors", "provinces"];

    public OversightSummary? Summary { get; private set; }
    public IReadOnlyList<PerformanceRow> Agencies { get; private set; } = [];
    public IReadOnlyList<PerformanceRow> Sectors { get; private set; } = [];
    public IReadOnlyList<PerformanceRow> Provinces { get; private set; } = [];
    public IReadOnlyList<DayCount> Trend { get; private set; } = [];
    public IReadOnlyList<Hotspot> Hotspots { get; private set; } = [];
    private Dictionary<string, string> _agencyNames = [];

    /// <summary>An agency's name as analytics has it from the directory; the id when it has none.</summary>
    public string AgencyName(string id) => _agencyNames.GetValueOrDefault(id, id);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var summary = staff.SummaryAsync(cancellationToken);
        var agencies = staff.PerformanceAsync("agencies", cancellationToken);
        var sectors = staff.PerformanceAsync("sectors", cancellationToken);
        var provinces = staff.PerformanceAsync("provinces", cancellationToken);
        var trend = staff.TrendAsync(30, cancellationToken);
        var hotspots = staff.HotspotsAsync(cancellationToken);
        if (Failed(await summary) || Failed(await agencies) || Failed(await sectors) || Failed(await provinces) || Failed(await trend)) return;
        Provinces = provinces.Result.Value!;
        Trend = trend.Result.Value!;
        if (await hotspots is { Ok: true } known) Hotspots = known.Value!;
        Summary = summary.Result.Value;
        Agencies = agencies.Result.Value!;
        _agencyNames = Agencies.Where(a => a.Name is not null).ToDictionary(a => a.Key, a => a.Name!);
        Sectors = sectors.Result.Value!;
    }

    /// <summary><c>/pantau?handler=csv&amp;table=agencies</c>: the table as the analytics service writes it, for spreadsheets.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string table, CancellationToken cancellationToken)
    {
        if (!Tables.Contains(table)) return NotFound();
        var csv = await staff.PerformanceCsvAsync(table, cancellationToken);
        if (Failed(csv)) return StatusCode(StatusCodes.Status503ServiceUnavailable, Problem ?? "");
        return File(System.Text.Encoding.UTF8.GetBytes(csv.Value!), "text/csv; charset=utf-8", $"lapor-{table}.csv");
    }
}
