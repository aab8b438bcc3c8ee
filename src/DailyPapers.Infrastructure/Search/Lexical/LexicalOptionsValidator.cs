using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>Checks the <c>Search:Lexical</c> section at start, naming each bad key and what it expects.</summary>
public sealed class LexicalOptionsValidator : IValidateOptions<LexicalOptions>
{
    public ValidateOptionsResult Validate(string? name, LexicalOptions options)
    {
        var errors = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"Search:Lexical:PollInterval is {options.PollInterval}; expected a positive time such as 00:00:01.");
        }

        if (options.CommitInterval < TimeSpan.Zero)
        {
            errors.Add($"Search:Lexical:CommitInterval is {options.CommitInterval}; expected zero or a positive time such as 00:00:10.");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            errors.Add($"Search:Lexical:BatchSize is {options.BatchSize}; expected 1 to 100000.");
        }

        if (options.ExactPostingsBudget < 0)
        {
            errors.Add($"Search:Lexical:ExactPostingsBudget is {options.ExactPostingsBudget}; expected 0 or more (postings, such as 200000).");
        }

        RequireRange(errors, "TitleBoost", options.TitleBoost, 0, 100);
        RequireRange(errors, "AuthorsBoost", options.AuthorsBoost, 0, 100);
        RequireRange(errors, "K1", options.K1, 0, 10);
        RequireRange(errors, "B", options.B, 0, 1);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequireRange(List<string> errors, string key, float value, float min, float max)
    {
        if (!(value >= min && value <= max))
        {
            errors.Add($"Search:Lexical:{key} is {value}; expected {min} to {max}.");
        }
    }
}
