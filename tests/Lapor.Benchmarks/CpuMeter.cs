namespace Lapor.Benchmarks;

/// <summary>
/// CPU time spent by each part of a run, read from <c>/proc</c>: Lapor's processes by id, and PostgreSQL and RabbitMQ
/// by process name (a process's own time plus that of its exited children, so PostgreSQL backends that came and went
/// are counted through the postmaster). Divided by the reports a load carried, it says what one report costs each
/// part — the profile that explains a throughput gap on a machine with a fixed number of cores.
/// </summary>
public sealed class CpuMeter(Dictionary<string, Func<int?>> processes)
{
    /// <summary>Also measure this process.</summary>
    public void Add(string name, Func<int?> processId) => processes[name] = processId;

    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>CPU seconds so far of each part, plus the whole machine's busy time.</summary>
    public Dictionary<string, double> Read()
    {
        var seconds = new Dictionary<string, double>();
        foreach (var (name, id) in processes)
            seconds[name] = id() is { } pid ? Seconds(pid) : 0;
        seconds["postgresql"] = ByName("postgres");
        seconds["rabbitmq"] = ByName("beam.smp");
        seconds["machine"] = MachineBusySeconds();
        return seconds;
    }

    /// <summary>CPU milliseconds per report for each part between two readings.</summary>
    public static Dictionary<string, double> PerReport(Dictionary<string, double> before, Dictionary<string, double> after, int reports) =>
        after.ToDictionary(p => p.Key, p => reports == 0 ? 0 : Math.Round((p.Value - before.GetValueOrDefault(p.Key)) * 1000 / reports, 2));

    private static double Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces, inside parentheses): utime is the 14th field overall.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14])) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0; // the process ended between listing and reading
        }
    }

    private static double ByName(string command)
    {
        var total = 0.0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "comm")).Trim() == command) total += Seconds(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return total;
    }

    private static double MachineBusySeconds()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
        var values = cpu.Skip(1).Take(8).Select(long.Parse).ToArray();
        return (values.Sum() - values[3] - values[4]) / TicksPerSecond;
    }
}
