using System.Net.Mail;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>Which addresses a subscription accepts: one plain address (no display name), with a dotted domain.</summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;

    /// <summary>The trimmed address, or the reason it is refused in words for the reader.</summary>
    public static bool TryNormalise(string? input, out string address, out string? problem)
    {
        address = input?.Trim() ?? "";
        problem = null;
        if (address.Length == 0)
        {
            problem = "Enter your email address.";
        }
        else if (address.Length > MaxLength)
        {
            problem = $"An email address has at most {MaxLength} characters.";
        }
        else if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || !string.IsNullOrEmpty(parsed.DisplayName))
        {
            problem = $"\"{Core.Papers.PaperText.SingleLine(address)}\" is not an email address such as ada@example.org.";
        }
        else if (!parsed.Host.Contains('.', StringComparison.Ordinal) || parsed.Host.StartsWith('.') || parsed.Host.EndsWith('.')
            || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problem = $"\"{Core.Papers.PaperText.SingleLine(address)}\" has no valid domain (such as example.org).";
        }

        return problem is null;
    }

    public static string Normalised(string address) => address.Trim().ToUpperInvariant();
}
