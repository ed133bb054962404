using Lapor.EndToEnd.Tests.Infrastructure;

namespace Lapor.EndToEnd.Tests.Deployment;

/// <summary>
/// docker-compose.yml describes the same processes, settings and start-up order as the distributed shape the test
/// suite runs; <see cref="ComposeStackTests"/> brings it up.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly Dictionary<object, object?> Services = DeploymentFiles.Documents("docker-compose.yml").Single().Map("services");

    [Fact]
    public void Every_process_of_the_distributed_shape_is_built_from_its_own_project_and_nothing_else_is()
    {
        var built = Services.Where(s => s.Value.Has("build")).Select(s => (string)s.Key).Order().ToList();
        Assert.Equal(DistributedLapor.Shape.Select(p => p.Name).Order(), built);

        foreach (var (name, directory, assembly) in DistributedLapor.Shape)
        {
            var args = Services[name].Map("build").Map("args");
            Assert.Equal($"{directory}/{assembly}.csproj", args.Text("PROJECT"));
            Assert.True(File.Exists(DeploymentFiles.PathOf(args.Text("PROJECT")!)), $"{name}: project file exists");
            Assert.Equal(assembly, args.Text("ASSEMBLY"));
            Assert.True(File.Exists(DeploymentFiles.PathOf(Services[name].Map("build").Text("dockerfile")!)));
        }
    }

    [Fact]
    public void Every_process_gets_the_settings_the_distributed_tests_give_it()
    {
        foreach (var (name, _, _) in DistributedLapor.Shape.Where(p => p.Name != "gateway"))
        {
            var environment = Services[name].Map("environment");
            foreach (var key in DistributedLapor.ServiceEnvironment(name, "", "").Keys)
                Assert.True(environment.Has(key), $"{name} sets {key}");
            Assert.Contains($"Database=lapor_{name}", environment.Text($"ConnectionStrings__{name}"));
            Assert.Contains("@rabbitmq:5672", environment.Text("ConnectionStrings__rabbitmq"));
        }

        var gateway = Services["gateway"].Map("environment");
        foreach (var (key, address) in DistributedLapor.GatewayEnvironment(cluster => $"http://{cluster}:8080"))
            Assert.Equal(address, gateway.Text(key));
    }

    [Fact]
    public void Every_lapor_setting_in_the_file_is_one_the_code_reads()
    {
        var settings = Services.Values.Where(s => s.Has("environment"))
            .SelectMany(s => s.Map("environment").Keys.Cast<string>())
            .Where(key => key.StartsWith("Lapor__", StringComparison.Ordinal)).Distinct().ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, key => Assert.True(DeploymentFiles.CodeReads(key), $"{key} is read by the code"));
    }

    [Fact]
    public void Services_start_after_what_they_need_and_report_ready_through_a_health_check()
    {
        foreach (var (name, _, _) in DistributedLapor.Shape)
        {
            Assert.Contains("/health/ready", string.Join(" ", Services[name].Map("healthcheck").List("test")));
            // Telemetry leaves a process only when the operator names the endpoint (the telemetry profile's collector).
            Assert.Equal("${OTEL_EXPORTER_OTLP_ENDPOINT:-}", Services[name].Map("environment").Text("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
        foreach (var (name, _, _) in DistributedLapor.Shape.Where(p => p.Name != "gateway"))
        {
            Assert.Equal("service_healthy", Services[name].Map("depends_on").Map("postgres").Text("condition"));
            Assert.Equal("service_healthy", Services[name].Map("depends_on").Map("rabbitmq").Text("condition"));
            Assert.Equal("service_healthy", Services["gateway"].Map("depends_on").Map(name).Text("condition"));
        }
        Assert.True(Services["postgres"].Has("healthcheck"));
        Assert.True(Services["rabbitmq"].Has("healthcheck"));
        Assert.Contains("management", Services["rabbitmq"].Text("image"));
    }

    [Fact]
    public void Traces_go_through_the_collector_to_jaeger()
    {
        var collector = DeploymentFiles.Documents("deploy/otel-collector.yaml").Single();
        Assert.Contains("./deploy/otel-collector.yaml:/etc/otelcol/config.yaml:ro", Services["otel-collector"].List("volumes").Cast<string>());
        Assert.Equal("jaeger:4317", collector.Map("exporters").Map("otlp/jaeger").Text("endpoint"));
        Assert.True(Services.ContainsKey("jaeger"));
        Assert.All(new[] { "jaeger", "otel-collector" }, name => Assert.Equal(["telemetry"], Services[name].List("profiles").Cast<string>()));

        var pipelines = collector.Map("service").Map("pipelines");
        foreach (var signal in new[] { "traces", "metrics" })
        {
            Assert.Contains("otlp", pipelines.Map(signal).List("receivers").Cast<string>());
            Assert.All(pipelines.Map(signal).List("exporters").Cast<string>(), exporter => Assert.True(collector.Map("exporters").Has(exporter)));
        }
    }

    [Fact]
    public void Every_variable_the_file_reads_is_in_the_env_example_and_no_secret_is_committed()
    {
        var example = File.ReadAllLines(DeploymentFiles.PathOf("deploy/.env.example"))
            .Where(line => line.Contains('=') && !line.TrimStart().StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim());

        Assert.All(DeploymentFiles.InterpolatedVariables("docker-compose.yml"), variable => Assert.True(example.ContainsKey(variable), $"{variable} in .env.example"));
        Assert.All(example.Where(e => e.Key.Contains("PASS")), secret => Assert.Equal("", secret.Value));
        Assert.Contains(".env", File.ReadAllLines(DeploymentFiles.PathOf(".gitignore")));
    }
}
