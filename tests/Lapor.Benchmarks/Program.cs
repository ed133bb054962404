using System.Text.Json;
using Lapor.Benchmarks;

// Usage: dotnet run -c Release --project tests/Lapor.Benchmarks -- [intake|distributed|gateway|inbox|analytics|all] [--seconds 10] [--connections 32] [--reports 100000] [--rates 100,200,500] [--rounds 1] [--warmup 20]
// The distributed scenario needs RabbitMQ and PostgreSQL (deploy/infra.sh).
var options = BenchmarkOptions.Parse(args);
var results = new Dictionary<string, object>();
if (options.Runs("intake")) results["intake"] = await IntakeBenchmark.RunAsync(options);
if (options.Runs("distributed")) results["distributed"] = await DistributedBenchmark.RunAsync(options);
if (options.Runs("inbox")) results["inbox"] = await InboxBenchmark.RunAsync(options);
if (options.Runs("gateway")) results["gateway"] = await GatewayBenchmark.RunAsync(options);
if (options.Runs("analytics")) results["analytics"] = await AnalyticsBenchmark.RunAsync(options);

var directory = Path.Combine(Lapor.EndToEnd.Tests.Infrastructure.TestEnvironment.RepositoryRoot, ".artifacts", "benchmarks");
Directory.CreateDirectory(directory);
var path = Path.Combine(directory, $"benchmark-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"\nFigures written to {path}");
