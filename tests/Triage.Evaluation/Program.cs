using Lapor.Triage.Evaluation;

// Usage: dotnet run --project tests/Triage.Evaluation -c Release -- [labelled.jsonl] [--folds 10] [--sweep] [--errors] [--messy] [--seed N]
var options = EvaluationOptions.Parse(args);
Console.WriteLine(Evaluator.Run(options));
