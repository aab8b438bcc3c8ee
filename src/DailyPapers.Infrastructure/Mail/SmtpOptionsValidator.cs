using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Mail;

/// <summary>Checks the <c>Smtp</c> section at start, naming each bad key and the values it takes.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options) =>
        options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
