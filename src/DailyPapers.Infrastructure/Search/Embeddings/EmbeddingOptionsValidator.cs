using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>Checks the <c>Search:Embeddings</c> section at start, naming each bad key and what it expects.</summary>
public sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Model))
        {
            errors.Add($"{EmbeddingOptions.Section}:Model is {options.Model}; expected MiniLm or ArcticXs.");
        }

        if (options.IntraOpThreads is < 1 or > 64)
        {
            errors.Add($"{EmbeddingOptions.Section}:IntraOpThreads is {options.IntraOpThreads}; expected 1 to 64.");
        }

        if (options.MaxTokens is < 16 or > EmbeddingTokenizer.ModelLimit)
        {
            errors.Add($"{EmbeddingOptions.Section}:MaxTokens is {options.MaxTokens}; expected 16 to {EmbeddingTokenizer.ModelLimit}.");
        }

        if (options.BatchSize is < 1 or > 256)
        {
            errors.Add($"{EmbeddingOptions.Section}:BatchSize is {options.BatchSize}; expected 1 to 256.");
        }

        if (options.BatchTokens is < 1 or > 65_536)
        {
            errors.Add($"{EmbeddingOptions.Section}:BatchTokens is {options.BatchTokens}; expected 1 to 65536.");
        }

        if (!EmbeddingWindow.TryParse(options.Since, TimeProvider.System, out _))
        {
            errors.Add($"{EmbeddingOptions.Section}:Since is '{options.Since}'; expected {EmbeddingWindow.Expected}.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"{EmbeddingOptions.Section}:PollInterval is {options.PollInterval}; expected a positive time such as 00:00:02.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
