using System.Diagnostics;
using Xunit.Abstractions;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>
/// The shape of every fault test: a steady stream of reports through the gateway, one fault during it, then wait until
/// every accepted report is everywhere it should be (<see cref="Ledger"/>) and record the row for docs/reliability.md.
/// CI runs a short form; set LAPOR_FAULT_RATE (reports/s) and LAPOR_FAULT_SECONDS for a long run.
/// </summary>
public abstract class FaultScenarios<TLapor>(TLapor lapor, ITestOutputHelper output) where TLapor : FaultyLapor
{
    /// <summary>The running Lapor the faults are done to.</summary>
    protected TLapor Lapor => lapor;

    protected ITestOutputHelper Output => output;

    protected static readonly int Rate = int.Parse(Environment.GetEnvironmentVariable("LAPOR_FAULT_RATE") ?? "10");
    protected static readonly TimeSpan Duration = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("LAPOR_FAULT_SECONDS") ?? "12"));
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(120);

    protected async Task<(ReportStream Stream, Ledger Ledger)> ScenarioAsync(string name, Func<Task> fault, bool withEmail = false, bool resendWithKey = false)
    {
        var stream = new ReportStream(lapor.Gateway.Address, Rate, withEmail, resendWithKey);
        var load = stream.RunAsync(Duration, name);
        await Task.Delay(Duration / 3);
        await fault();
        await load;
        var clock = Stopwatch.StartNew();
        var ledger = await ConvergeAsync(stream.Accepted);
        Report(name, stream, ledger, clock.Elapsed);
        return (stream, ledger);
    }

    /// <summary>Waits until every accepted report is everywhere it should be; fails with the ledger if that does not happen.</summary>
    protected async Task<Ledger> ConvergeAsync(IReadOnlyCollection<string> accepted)
    {
        Assert.NotEmpty(accepted);
        var clock = Stopwatch.StartNew();
        Ledger ledger;
        while (!(ledger = await Ledger.TakeAsync(lapor.Databases, accepted)).Complete && clock.Elapsed < RecoveryLimit)
            await Task.Delay(500);
        if (!ledger.Complete)
            Assert.Fail($"Not converged after {RecoveryLimit}: {ledger}\nsupervisor restarts so far: {lapor.SupervisorRestarts}\n{await lapor.DiagnosticsWithQueuesAsync()}");
        return ledger;
    }

    protected void Report(string scenario, ReportStream stream, Ledger ledger, TimeSpan recovery)
    {
        var row = $"| {scenario} | {Rate}/s × {Duration.TotalSeconds:0} s | {ledger.Accepted} | {stream.Refused} | {ledger.InInbox} | {ledger.Duplicates} | {ledger.Lost} | {recovery.TotalSeconds:0.0} s | {lapor.SupervisorRestarts} |";
        output.WriteLine("| scenario | load | accepted | refused | delivered | duplicates | lost | time to converge after load | supervisor restarts so far |");
        output.WriteLine(row);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "reliability-results.md"), row + Environment.NewLine);
        Assert.Equal(0, ledger.Lost);
        Assert.Equal(0, ledger.Duplicates);
    }
}
