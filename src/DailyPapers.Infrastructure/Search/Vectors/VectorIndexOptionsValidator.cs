using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>Checks the <c>Search:Vectors</c> section at start, naming each bad key and what it expects.</summary>
public sealed class VectorIndexOptionsValidator : IValidateOptions<VectorIndexOptions>
{
    public ValidateOptionsResult Validate(string? name, VectorIndexOptions options)
    {
        var errors = new List<string>();
        if (options.Quantization is not ("i8" or "f16"))
        {
            errors.Add($"{VectorIndexOptions.Section}:Quantization is \"{options.Quantization}\"; expected i8 or f16.");
        }

        if (options.Connectivity is < 4 or > 128)
        {
            errors.Add($"{VectorIndexOptions.Section}:Connectivity is {options.Connectivity}; expected 4 to 128.");
        }

        if (options.ExpansionAdd is < 8 or > 4096)
        {
            errors.Add($"{VectorIndexOptions.Section}:ExpansionAdd is {options.ExpansionAdd}; expected 8 to 4096.");
        }

        if (options.ExpansionSearch is < 8 or > 4096)
        {
            errors.Add($"{VectorIndexOptions.Section}:ExpansionSearch is {options.ExpansionSearch}; expected 8 to 4096.");
        }

        if (options.CheckpointInterval <= TimeSpan.Zero || options.SaveInterval <= TimeSpan.Zero)
        {
            errors.Add($"{VectorIndexOptions.Section}:CheckpointInterval and SaveInterval must be positive times such as 00:02:00.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
