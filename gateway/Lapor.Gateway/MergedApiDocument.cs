using System.Text.Json;
using System.Text.Json.Nodes;
using Lapor.ServiceDefaults.OpenApi;
using Yarp.ReverseProxy;

namespace Lapor.Gateway;

/// <summary>
/// The one API description integrators read at the front door (<c>/openapi/v1.json</c>): every service's own document,
/// merged — the paths the gateway routes, the schemas they use, the bearer scheme. A schema two services name alike but
/// describe differently keeps the first service's name; the second's becomes <c>&lt;cluster&gt;.&lt;Name&gt;</c>, with its
/// references. Built at most once a minute (it asks every service), so this anonymous route cannot become load on them;
/// each service is asked at its replicas in turn until one answers, and a document built while a service did not answer
/// says so and is not kept.
/// </summary>
public sealed class MergedApiDocument(IProxyStateLookup proxy, IHttpClientFactory clients, TimeProvider clock, ILogger<MergedApiDocument> logger)
    : IApiDocumentSource
{
    public const string HttpClientName = "api-documents";
    private const string SchemaReference = "#/components/schemas/";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _building = new(1, 1);
    private (string Json, DateTimeOffset BuiltAt)? _kept;

    public async Task<string> GetJsonAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } json) return json;
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } built) return built;
            var (document, complete) = await BuildAsync(cancellationToken);
            var text = document.ToJsonString();
            _kept = complete ? (text, clock.GetUtcNow()) : null;
            return text;
        }
        finally
        {
            _building.Release();
        }
    }

    private string? Fresh() => _kept is { } kept && clock.GetUtcNow() - kept.BuiltAt < Lifetime ? kept.Json : null;

    private async Task<(JsonObject Document, bool Complete)> BuildAsync(CancellationToken cancellationToken)
    {
        var routed = proxy.GetRoutes().Select(r => r.Config.Match.Path).OfType<string>().Select(RoutedPrefix).ToList();
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var schemes = new JsonObject();
        var missing = new List<string>();
        string? version = null;
        var client = clients.CreateClient(HttpClientName);
        foreach (var cluster in proxy.GetClusters().OrderBy(c => c.ClusterId, StringComparer.Ordinal))
        {
            if (await FetchAsync(client, cluster.ClusterId, cluster.Destinations.Values.Select(d => d.Model.Config.Address), cancellationToken)
                is not { } document)
            {
                missing.Add(cluster.ClusterId);
                continue;
            }
            version ??= document["openapi"]?.GetValue<string>();
            var own = document["components"]?["schemas"]?.AsObject() ?? [];
            var renames = own.Where(s => s.Value is not null && schemas[s.Key] is { } earlier && !JsonNode.DeepEquals(earlier, s.Value))
                .ToDictionary(s => s.Key, s => $"{cluster.ClusterId}.{s.Key}");
            foreach (var (name, schema) in own)
                if (schema is not null) schemas[renames.GetValueOrDefault(name, name)] ??= Rename(schema.DeepClone(), renames);
            foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
                if (item is not null && !paths.ContainsKey(path) && routed.Any(prefix => IsUnder(path, prefix)))
                    paths[path] = Rename(item.DeepClone(), renames);
            foreach (var (name, scheme) in document["components"]?["securitySchemes"]?.AsObject() ?? [])
                if (scheme is not null) schemes[name] ??= scheme.DeepClone();
        }

        var description = "Pengaduan, aspirasi dan permintaan informasi warga, melalui satu pintu: setiap layanan Lapor dalam satu dokumen. " +
                          "Kesalahan dijawab sebagai application/problem+json (RFC 9457) yang menyebut kolomnya.";
        if (missing.Count > 0) description += $" Tidak terjangkau saat dokumen ini disusun: {string.Join(", ", missing)}.";
        var merged = new JsonObject
        {
            ["openapi"] = version ?? "3.1.1",
            ["info"] = new JsonObject { ["title"] = "Lapor", ["version"] = "v1", ["description"] = description },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas, ["securitySchemes"] = schemes },
        };
        return (merged, missing.Count == 0);
    }

    /// <summary>The service's own document from the first of its replicas that answers; null when none does.</summary>
    private async Task<JsonObject?> FetchAsync(HttpClient client, string cluster, IEnumerable<string> addresses, CancellationToken cancellationToken)
    {
        foreach (var address in addresses)
        {
            try
            {
                return JsonNode.Parse(await client.GetStringAsync(new Uri(new Uri(address), "/openapi/v1.json"), cancellationToken)) as JsonObject;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                logger.LogWarning("The {Cluster} service's API document could not be read from {Address}: {Error}", cluster, address, e.Message);
            }
        }
        return null;
    }

    /// <summary>The fixed part of a route's path (<c>/api/desk/{**rest}</c> → <c>/api/desk</c>).</summary>
    private static string RoutedPrefix(string pattern) => pattern.Split('{')[0].TrimEnd('/');

    private static bool IsUnder(string path, string prefix) =>
        path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);

    /// <summary>Points every schema reference in <paramref name="node"/> at its renamed schema.</summary>
    private static JsonNode Rename(JsonNode node, IReadOnlyDictionary<string, string> renames)
    {
        if (renames.Count == 0) return node;
        switch (node)
        {
            case JsonObject item:
                foreach (var (key, value) in item.ToList())
                    if (key == "$ref" && value?.GetValue<string>() is { } reference && reference.StartsWith(SchemaReference, StringComparison.Ordinal)
                        && renames.TryGetValue(reference[SchemaReference.Length..], out var renamed))
                        item[key] = SchemaReference + renamed;
                    else if (value is not null) Rename(value, renames);
                break;
            case JsonArray list:
                foreach (var value in list) if (value is not null) Rename(value, renames);
                break;
        }
        return node;
    }
}
