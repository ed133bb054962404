namespace Lapor.Benchmarks;

/// <param name="Rounds">How many times the distributed saturation load (and its drain) runs on the same deployment; the
/// figures reported are the median round's, since one shared machine's speed moves between runs minutes apart.</param>
/// <param name="WarmUpSeconds">Saturation load before anything is measured (then drained), so the runtime has compiled the
/// hot paths at full optimisation: measured straight after start, a report cost the .NET processes twice the CPU.</param>
public sealed record BenchmarkOptions(string Scenario, int Seconds, int Connections, int Reports, int[] Rates, int Rounds = 1, int WarmUpSeconds = 20)
{
    public bool Runs(string scenario) => Scenario is "all" || Scenario == scenario;

    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new BenchmarkOptions(
            args.FirstOrDefault(a => !a.StartsWith("--") && !int.TryParse(a, out _)) ?? "all",
            int.Parse(Value("--seconds") ?? "10"),
            int.Parse(Value("--connections") ?? "32"),
            int.Parse(Value("--reports") ?? "100000"),
            (Value("--rates") ?? "100,200,500").Split(',').Select(int.Parse).ToArray(),
            Math.Max(1, int.Parse(Value("--rounds") ?? "1")),
            Math.Max(1, int.Parse(Value("--warmup") ?? "20")));
    }
}

/// <summary>Latency figures from a set of samples, in milliseconds.</summary>
public sealed record Latency(int Count, double P50, double P90, double P99, double Max)
{
    public static Latency Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0) return new Latency(0, 0, 0, 0, 0);
        double At(double p) => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
        return new Latency(sorted.Length, At(0.5), At(0.9), At(0.99), Math.Round(sorted[^1], 2));
    }

    public override string ToString() => $"p50 {P50} ms, p90 {P90} ms, p99 {P99} ms, max {Max} ms (n={Count})";
}
