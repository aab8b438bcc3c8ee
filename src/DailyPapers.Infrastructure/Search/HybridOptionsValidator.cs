using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search;

/// <summary>Checks the <c>Search:Hybrid</c> section at start, naming each bad key and what it expects.</summary>
public sealed class HybridOptionsValidator : IValidateOptions<HybridOptions>
{
    public ValidateOptionsResult Validate(string? name, HybridOptions options)
    {
        var errors = new List<string>();
        Require(errors, "Candidates", options.Candidates, 1, 1000);
        Require(errors, "K", options.K, 0, 10_000);
        Require(errors, "LexicalWeight", options.LexicalWeight, 0, 100);
        Require(errors, "SemanticWeight", options.SemanticWeight, 0, 100);
        Require(errors, "MinSimilarity", options.MinSimilarity, -1, 1);
        Require(errors, "ScopeLimit", options.ScopeLimit, 0, 10_000_000);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, string key, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            errors.Add($"{HybridOptions.Section}:{key} is {value}; expected {min} to {max}.");
        }
    }
}
