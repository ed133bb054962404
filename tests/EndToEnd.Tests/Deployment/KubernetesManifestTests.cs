using Lapor.EndToEnd.Tests.Infrastructure;

namespace Lapor.EndToEnd.Tests.Deployment;

/// <summary>
/// No cluster exists here: deploy/k8s is checked for completeness and for consistency with the code and with the
/// distributed shape the tests run — every process deployed, probed and resourced, every setting, secret and volume
/// it uses defined somewhere, every consumer service autoscaled.
/// </summary>
public sealed class KubernetesManifestTests
{
    private const string Folder = "deploy/k8s";
    private static readonly Dictionary<object, object?> Kustomization = DeploymentFiles.Documents($"{Folder}/kustomization.yaml").Single();

    private static readonly IReadOnlyList<Dictionary<object, object?>> Resources =
        Kustomization.List("resources").Cast<string>().SelectMany(file => DeploymentFiles.Documents($"{Folder}/{file}")).ToList();

    private static IEnumerable<Dictionary<object, object?>> OfKind(string kind) => Resources.Where(r => r.Text("kind") == kind);

    private static Dictionary<object, object?> Named(string kind, string name) =>
        OfKind(kind).SingleOrDefault(r => r.Map("metadata").Text("name") == name) ?? throw new KeyNotFoundException($"{kind} {name}");

    private static Dictionary<object, object?> Container(string deployment) =>
        (Dictionary<object, object?>)Named("Deployment", deployment).Map("spec").Map("template").Map("spec").List("containers").Single()!;

    private static IEnumerable<Dictionary<object, object?>> Env(string deployment) =>
        Container(deployment).List("env").Cast<Dictionary<object, object?>>();

    [Fact]
    public void The_kustomization_applies_every_manifest_in_the_folder()
    {
        var manifests = Directory.EnumerateFiles(DeploymentFiles.PathOf(Folder), "*.yaml").Select(Path.GetFileName)
            .Where(file => file != "kustomization.yaml").Order();
        Assert.Equal(manifests, Kustomization.List("resources").Cast<string>().Order());
    }

    [Fact]
    public void Every_process_is_deployed_with_probes_resources_and_a_service()
    {
        foreach (var (name, _, _) in DistributedLapor.Shape)
        {
            var container = Container(name);
            Assert.Equal($"lapor/{name}", container.Text("image"));
            Assert.Equal("/health/ready", container.Map("readinessProbe").Map("httpGet").Text("path"));
            Assert.Equal("/health/live", container.Map("livenessProbe").Map("httpGet").Text("path"));
            var requests = container.Map("resources").Map("requests");
            Assert.True(requests.Has("cpu") && requests.Has("memory"), $"{name} requests cpu and memory");
            Assert.Contains(Kustomization.List("images").Cast<Dictionary<object, object?>>(), image => image.Text("name") == $"lapor/{name}");

            var selector = Named("Service", name).Map("spec").Map("selector");
            Assert.Equal(name, selector.Text("app.kubernetes.io/name"));
            Assert.Equal(name, Named("Deployment", name).Map("spec").Map("template").Map("metadata").Map("labels").Text("app.kubernetes.io/name"));
        }
    }

    [Fact]
    public void Every_process_gets_the_settings_the_distributed_tests_give_it()
    {
        var shared = Named("ConfigMap", "lapor-config").Map("data");
        var rabbit = Named("RabbitmqCluster", "lapor-rabbitmq");
        foreach (var (name, _, _) in DistributedLapor.Shape.Where(p => p.Name != "gateway"))
        {
            var env = Env(name).ToDictionary(e => e.Text("name")!, e => e.Text("value"));
            foreach (var key in DistributedLapor.ServiceEnvironment(name, "", "").Keys)
                Assert.True(env.ContainsKey(key) || shared.Has(key), $"{name} sets {key}");

            var database = Named("Cluster", $"{name}-db").Map("spec").Map("bootstrap").Map("initdb").Text("database");
            Assert.Equal($"Host={name}-db-rw;Username=$(DB_USER);Password=$(DB_PASSWORD);Database={database}", env[$"ConnectionStrings__{name}"]);
            Assert.Contains($"@{rabbit.Map("metadata").Text("name")}:5672/", env["ConnectionStrings__rabbitmq"]);
        }

        var gateway = Env("gateway").ToDictionary(e => e.Text("name")!, e => e.Text("value"));
        foreach (var (key, address) in DistributedLapor.GatewayEnvironment(cluster => $"http://{cluster}:8080"))
            Assert.Equal(address, gateway[key]);
    }

    [Fact]
    public void Every_lapor_setting_in_the_manifests_is_one_the_code_reads()
    {
        var settings = Named("ConfigMap", "lapor-config").Map("data").Keys.Cast<string>()
            .Concat(DistributedLapor.Shape.SelectMany(p => Env(p.Name)).Select(e => e.Text("name")!))
            .Where(key => key.StartsWith("Lapor__", StringComparison.Ordinal)).Distinct().ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, key => Assert.True(DeploymentFiles.CodeReads(key), $"{key} is read by the code"));
        Assert.Equal("true", Named("ConfigMap", "lapor-config").Map("data").Text("Lapor__Bus__QuorumQueues"));
    }

    [Fact]
    public void Every_secret_config_map_and_volume_a_deployment_uses_is_defined()
    {
        // Operators write these: CloudNativePG <cluster>-app, the RabbitMQ operator <cluster>-default-user.
        var secrets = OfKind("Cluster").Select(c => c.Map("metadata").Text("name") + "-app")
            .Concat(OfKind("RabbitmqCluster").Select(c => c.Map("metadata").Text("name") + "-default-user"))
            .Concat(Kustomization.List("secretGenerator").Cast<Dictionary<object, object?>>().Select(g => g.Text("name")))
            .ToHashSet();
        var configMaps = OfKind("ConfigMap").Select(c => c.Map("metadata").Text("name")).ToHashSet();
        var claims = OfKind("PersistentVolumeClaim").Select(c => c.Map("metadata").Text("name")).ToHashSet();

        foreach (var (name, _, _) in DistributedLapor.Shape)
        {
            foreach (var reference in Env(name).Where(e => e.Has("valueFrom")).Select(e => e.Map("valueFrom").Map("secretKeyRef")))
                Assert.Contains(reference.Text("name"), secrets);
            foreach (var source in Container(name).List("envFrom").Cast<Dictionary<object, object?>>())
            {
                if (source.Has("secretRef")) Assert.Contains(source.Map("secretRef").Text("name"), secrets);
                if (source.Has("configMapRef")) Assert.Contains(source.Map("configMapRef").Text("name"), configMaps);
            }
            var volumes = Named("Deployment", name).Map("spec").Map("template").Map("spec").List("volumes").Cast<Dictionary<object, object?>>().ToList();
            foreach (var claim in volumes.Where(v => v.Has("persistentVolumeClaim")))
                Assert.Contains(claim.Map("persistentVolumeClaim").Text("claimName"), claims);
            foreach (var mount in Container(name).List("volumeMounts").Cast<Dictionary<object, object?>>())
                Assert.Contains(volumes, v => v.Text("name") == mount.Text("name"));
        }
        Assert.True(File.Exists(DeploymentFiles.PathOf($"{Folder}/secrets.env.example")));
    }

    [Fact]
    public void Every_service_scales_with_an_autoscaler_on_its_own_deployment()
    {
        foreach (var (name, _, _) in DistributedLapor.Shape)
        {
            var spec = Named("HorizontalPodAutoscaler", name).Map("spec");
            Assert.Equal("Deployment", spec.Map("scaleTargetRef").Text("kind"));
            Assert.Equal(name, spec.Map("scaleTargetRef").Text("name"));
            Assert.True(int.Parse(spec.Text("minReplicas")!) >= 2, $"{name} keeps two replicas");
            Assert.True(int.Parse(spec.Text("maxReplicas")!) > int.Parse(spec.Text("minReplicas")!));
        }
        Assert.Equal("3", Named("RabbitmqCluster", "lapor-rabbitmq").Map("spec").Text("replicas"));
    }
}
