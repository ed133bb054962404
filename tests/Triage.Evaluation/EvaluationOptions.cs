namespace Lapor.Triage.Evaluation;

public sealed record EvaluationOptions(string DataPath, int Folds, bool Sweep, int Seed, bool Errors = false, bool Messy = false)
{
    public static EvaluationOptions Parse(string[] args)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith("--") && a.EndsWith(".jsonl")) ?? DefaultDataPath();
        var folds = Value(args, "--folds") is { } f ? int.Parse(f) : 10;
        var seed = Value(args, "--seed") is { } s ? int.Parse(s) : 20211;
        return new EvaluationOptions(path, folds, args.Contains("--sweep"), seed, args.Contains("--errors"), args.Contains("--messy"));
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The labelled development set kept beside the repository, when present.</summary>
    private static string DefaultDataPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "complaints-dev.jsonl");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("Give the path of a labelled JSONL file.");
    }
}
