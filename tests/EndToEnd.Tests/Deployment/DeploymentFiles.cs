using System.Text.RegularExpressions;
using Lapor.EndToEnd.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Lapor.EndToEnd.Tests.Deployment;

/// <summary>Reads the deployment files (YAML with anchors and merge keys) as plain maps and lists.</summary>
public static partial class DeploymentFiles
{
    public static string PathOf(string relative) => Path.Combine(TestEnvironment.RepositoryRoot, relative);

    /// <summary>Every document of a YAML file, merge keys resolved.</summary>
    public static IReadOnlyList<Dictionary<object, object?>> Documents(string relative)
    {
        using var reader = new StringReader(File.ReadAllText(PathOf(relative)));
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        var documents = new List<Dictionary<object, object?>>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
            documents.Add(deserializer.Deserialize<Dictionary<object, object?>>(parser));
        return documents;
    }

    public static Dictionary<object, object?> Map(this object? node, string key) =>
        node is Dictionary<object, object?> map && map.TryGetValue(key, out var value) && value is Dictionary<object, object?> child
            ? child
            : throw new KeyNotFoundException($"No map '{key}'.");

    public static List<object?> List(this object? node, string key) =>
        node is Dictionary<object, object?> map && map.TryGetValue(key, out var value) && value is List<object?> list
            ? list
            : throw new KeyNotFoundException($"No list '{key}'.");

    public static string? Text(this object? node, string key) =>
        node is Dictionary<object, object?> map && map.TryGetValue(key, out var value) ? value?.ToString() : null;

    public static bool Has(this object? node, string key) => node is Dictionary<object, object?> map && map.ContainsKey(key);

    /// <summary>
    /// True when the code reads the setting an environment variable sets: <c>Lapor__Bus__RetryLimit</c> is read as
    /// <c>"Lapor:Bus:RetryLimit"</c>, or as a section (<c>"Lapor:Auth"</c>) and then its key (<c>"Authority"</c>).
    /// </summary>
    public static bool CodeReads(string environmentVariable)
    {
        var key = environmentVariable.Replace("__", ":");
        var sources = SourceText.Value;
        if (sources.Contains($"\"{key}\"")) return true;
        var cut = key.LastIndexOf(':');
        return cut > 0 && sources.Contains($"\"{key[..cut]}\"") && sources.Contains($"\"{key[(cut + 1)..]}\"");
    }

    /// <summary>Every <c>${NAME}</c> a compose file interpolates.</summary>
    public static IEnumerable<string> InterpolatedVariables(string relative) =>
        Interpolation().Matches(File.ReadAllText(PathOf(relative))).Select(m => m.Groups[1].Value).Distinct();

    private static readonly Lazy<string> SourceText = new(() => string.Join("\n",
        new[] { "services", "gateway" }.SelectMany(folder =>
            Directory.EnumerateFiles(PathOf(folder), "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                .Select(File.ReadAllText))));

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)")]
    private static partial Regex Interpolation();
}
