using DailyPapers.Infrastructure.Ingestion.Sources;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>Checks the <c>Harvest</c> section at start, naming each bad key and what it expects.</summary>
public sealed class HarvestOptionsValidator : IValidateOptions<HarvestOptions>
{
    public ValidateOptionsResult Validate(string? name, HarvestOptions options)
    {
        var errors = new List<string>();
        var categories = options.CategoryList;
        if (categories.Count == 0)
        {
            errors.Add("Harvest:Categories is empty; expected arXiv categories separated by spaces, e.g. \"cs.LG cs.CL\".");
        }

        foreach (var category in categories)
        {
            if (!ArxivCategoryCodes.IsCode(category) || ArxivSets.SetFor(category) is null)
            {
                errors.Add($"Harvest:Categories has \"{category}\", which is not an arXiv category; expected codes such as cs.LG or hep-th.");
            }
        }

        if (options.InitialDays is < 0 or > 3650)
        {
            errors.Add($"Harvest:InitialDays is {options.InitialDays}; expected 0 to 3650.");
        }

        RequirePositive(errors, "Interval", options.Interval);
        RequirePositive(errors, "RequestTimeout", options.RequestTimeout);
        if (options.MinRequestInterval < TimeSpan.Zero)
        {
            errors.Add("Harvest:MinRequestInterval is negative; arXiv asks for 00:00:03.");
        }

        if (options.StartDelay < TimeSpan.Zero)
        {
            errors.Add("Harvest:StartDelay is negative.");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            errors.Add($"Harvest:MaxRetries is {options.MaxRetries}; expected 0 to 20.");
        }

        RequireUrl(errors, "OaiPmhBaseUrl", options.OaiPmhBaseUrl);
        RequireUrl(errors, "RssBaseUrl", options.RssBaseUrl);
        RequireUrl(errors, "ApiBaseUrl", options.ApiBaseUrl);
        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            errors.Add("Harvest:UserAgent is empty; arXiv asks clients to name themselves.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequirePositive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Harvest:{key} is {value}; expected a positive time such as 06:00:00.");
        }
    }

    private static void RequireUrl(List<string> errors, string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"Harvest:{key} is \"{value}\"; expected an absolute http or https URL.");
        }
    }
}
