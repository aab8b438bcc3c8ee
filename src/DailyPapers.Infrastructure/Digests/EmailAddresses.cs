using System.Globalization;
using System.Net.Mail;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>
/// Which addresses a subscription accepts: one plain address that ordinary relays deliver to. The part before the @ is
/// printable ASCII (a dot-atom, at most 64 characters; non-ASCII needs SMTPUTF8, which most relays refuse, and quoted
/// forms are refused too); the domain has at least two labels of letters, digits and inner hyphens. An international
/// domain is kept in its ASCII (punycode) form, the one mail is sent to, so bücher.example and BÜCHER.example, or
/// fullwidth letters, are one subscriber.
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;

    public const int MaxLocalLength = 64;

    private const int MaxLabelLength = 63;

    // RFC 5322 atext besides letters and digits.
    private const string LocalSymbols = "!#$%&'*+-/=?^_`{|}~";

    private const string QuotedProblem = "quoted addresses (\"…\"@example.org) are not accepted; give an address without quotes.";

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>The trimmed address (its domain in ASCII), or the reason it is refused in words for the reader.</summary>
    public static bool TryNormalise(string? input, out string address, out string? problem)
    {
        address = input?.Trim() ?? "";
        problem = Check(address, out var normalised);
        if (problem is null)
        {
            address = normalised;
        }

        return problem is null;
    }

    public static string Normalised(string address) => address.Trim().ToUpperInvariant();

    private static string? Check(string address, out string normalised)
    {
        normalised = address;
        var shown = $"\"{PaperText.SingleLine(address)}\"";
        if (address.Length == 0)
        {
            return "Enter your email address.";
        }

        if (address.Length > MaxLength)
        {
            return $"An email address has at most {MaxLength} characters.";
        }

        var at = address.LastIndexOf('@');
        if (at < 0)
        {
            return $"{shown} is not an email address such as ada@example.org: it has no @.";
        }

        if (address.StartsWith('"'))
        {
            return $"{shown}: {QuotedProblem}";
        }

        if (address.FirstOrDefault(Invisible) is var hidden and not '\0')
        {
            return $"{shown} contains a space or an invisible character (U+{(int)hidden:X4}); type the address again without it.";
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        if (LocalProblem(local) is { } localProblem)
        {
            return $"{shown}: {localProblem}";
        }

        if (DomainProblem(domain, out var asciiDomain) is { } domainProblem)
        {
            return $"{shown} has no valid domain: {domainProblem}";
        }

        normalised = $"{local}@{asciiDomain}";
        // What passes the rules above is a plain address; this only guards against a rule that missed something.
        return MailAddress.TryCreate(normalised, out var parsed) && parsed.Address == normalised && string.IsNullOrEmpty(parsed.DisplayName)
            ? null
            : $"{shown} is not an email address such as ada@example.org.";
    }

    private static bool Invisible(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string? LocalProblem(string local)
    {
        if (local.Length == 0)
        {
            return "there is nothing before the @.";
        }

        if (local.Contains('"', StringComparison.Ordinal) || local.Contains('@', StringComparison.Ordinal))
        {
            return QuotedProblem;
        }

        if (local.FirstOrDefault(c => !char.IsAscii(c)) is var foreign and not '\0')
        {
            return $"the part before the @ has \"{foreign}\", which is not a plain ASCII character; most mail servers refuse such addresses (they need SMTPUTF8).";
        }

        if (local.Length > MaxLocalLength)
        {
            return $"the part before the @ has {local.Length} characters; at most {MaxLocalLength} are allowed.";
        }

        if (local.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c) && c != '.' && !LocalSymbols.Contains(c, StringComparison.Ordinal)) is var odd and not '\0')
        {
            return $"the part before the @ has \"{odd}\", which an email address cannot have there.";
        }

        return local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            ? "the part before the @ cannot start or end with a dot or have two dots in a row."
            : null;
    }

    private static string? DomainProblem(string domain, out string ascii)
    {
        ascii = domain;
        if (domain.Length == 0)
        {
            return "there is nothing after the @ (such as example.org).";
        }

        if (!domain.All(char.IsAscii))
        {
            try
            {
                // International domain: UTS 46 mapping (fullwidth letters, case) and punycode, the form mail goes to.
                ascii = Idn.GetAscii(domain);
            }
            catch (ArgumentException)
            {
                return $"\"{domain}\" is not a valid international domain name.";
            }
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            return $"\"{domain}\" needs a dot, as in example.org.";
        }

        foreach (var label in labels)
        {
            if (label.Length == 0)
            {
                return $"\"{domain}\" cannot start or end with a dot or have two dots in a row.";
            }

            if (label.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c) && c != '-') is var odd and not '\0')
            {
                return $"\"{domain}\" has \"{odd}\"; a domain has only letters, digits, hyphens and dots.";
            }

            if (label.StartsWith('-') || label.EndsWith('-'))
            {
                return $"\"{label}\" in \"{domain}\" starts or ends with a hyphen, which a domain cannot.";
            }

            if (label.Length > MaxLabelLength)
            {
                return $"\"{label}\" in \"{domain}\" is longer than {MaxLabelLength} characters.";
            }
        }

        return labels[^1].All(char.IsAsciiDigit) ? $"\"{domain}\" ends in a number; give a domain name, not an IP address." : null;
    }
}
