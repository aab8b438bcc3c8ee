using System.Text;

namespace DailyPapers.Infrastructure.Accounts;

/// <summary>A new account as sign-up and <c>dailypapers user create</c> make it: the email is also the user name.</summary>
public static class AccountFactory
{
    public const int MaxHandleLength = 30;

    public static UserEntity New(string email, TimeProvider clock)
    {
        var trimmed = email.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        var handle = HandleFrom(at > 0 ? trimmed[..at] : trimmed);
        return new UserEntity
        {
            UserName = trimmed,
            Email = trimmed,
            Handle = handle,
            DisplayName = handle,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>
    /// A handle from the email's local part: lower-case letters, digits and single dashes, so that it is safe in a
    /// URL and cannot pose as markup or as another reader through look-alike characters.
    /// </summary>
    public static string HandleFrom(string localPart)
    {
        var handle = new StringBuilder(MaxHandleLength);
        foreach (var c in localPart.Normalize(NormalizationForm.FormKD))
        {
            if (handle.Length == MaxHandleLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                handle.Append(char.ToLowerInvariant(c));
            }
            else if (handle.Length > 0 && handle[^1] != '-' && (c is '.' or '-' or '_' or '+' or ' '))
            {
                handle.Append('-');
            }
        }

        var text = handle.ToString().Trim('-');
        return text.Length == 0 ? "reader" : text;
    }
}
