using System.Globalization;
using System.Net.Mail;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace DailyPapers.Infrastructure.Mail;

/// <summary>How the server talks to the mail relay.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain TCP (a relay on loopback or a private network).</summary>
    None,

    /// <summary>Plain TCP upgraded with STARTTLS; refused if the server does not offer it (no silent downgrade).</summary>
    StartTls,

    /// <summary>TLS from the first byte ("SMTPS", usually port 465).</summary>
    Tls,
}

/// <summary>
/// The <c>Smtp</c> configuration section (<c>Smtp__Host</c>, <c>Smtp__Port</c>, <c>Smtp__Security</c>,
/// <c>Smtp__Username</c>, <c>Smtp__Password</c>, <c>Smtp__From</c>). Without a host, mail goes to <c>data/outbox/</c>.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>Values <see cref="BindFrom"/> could not read, one sentence each, reported by <see cref="Validate"/>.</summary>
    private readonly List<string> _unreadable = [];

    public string? Host { get; set; }

    /// <summary>0 (the default) means the usual port for <see cref="Security"/>: 25 (none), 587 (starttls), 465 (tls).</summary>
    public int Port { get; set; }

    /// <summary>StartTls by default, so a password never crosses the network in clear text.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>When set, the transport authenticates (with <see cref="Password"/>) after connecting.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender of every message, as an RFC 5322 mailbox.</summary>
    public string From { get; set; } = "DailyPapers <digest@localhost>";

    /// <summary>Limit on each network step (connect, a command and its reply, the message upload).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port > 0 ? Port : Security switch
    {
        SmtpSecurity.StartTls => 587,
        SmtpSecurity.Tls => 465,
        _ => 25,
    };

    public MailboxAddress FromAddress => MailboxAddress.Parse(From);

    /// <summary>
    /// Binds the <c>Smtp</c> section. The configuration binder throws on a value it cannot convert
    /// (<c>Security=ssl</c>, <c>Port=abc</c>), from deep inside the first use of the options and with a stack trace;
    /// here such a value is left at its default and <see cref="Validate"/> names it, with the values allowed.
    /// </summary>
    public void BindFrom(IConfiguration section)
    {
        var readable = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (Unreadable(key, value) is { } problem)
            {
                _unreadable.Add(problem);
            }
            else
            {
                readable[key] = value;
            }
        }

        new ConfigurationBuilder().AddInMemoryCollection(readable).Build().Bind(this);
    }

    /// <summary>What is wrong with these options, one sentence per problem; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(_unreadable);
        if (Port is < 0 or > 65535)
        {
            problems.Add($"Smtp:Port is {Port}; expected 1-65535, or 0 for the usual port of Smtp:Security.");
        }

        if (!Enum.IsDefined(Security))
        {
            problems.Add($"Smtp:Security is {Security}; expected none, starttls or tls.");
        }

        if (!IsMailbox(From))
        {
            problems.Add($"Smtp:From is \"{From}\"; expected a mail address such as digest@example.org, optionally with a name: DailyPapers <digest@example.org>.");
        }

        if (Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue)
        {
            problems.Add($"Smtp:Timeout is {Timeout}; expected a positive duration such as 00:00:30.");
        }

        if (string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password))
        {
            problems.Add("Smtp:Password is set without Smtp:Username.");
        }

        return problems;
    }

    /// <summary>One mailbox with a local part and a domain; MimeKit alone also takes a bare word such as "digest".</summary>
    private static bool IsMailbox(string? from) =>
        MailboxAddress.TryParse(from, out var mailbox)
        && !string.IsNullOrEmpty(mailbox.LocalPart) && !string.IsNullOrEmpty(mailbox.Domain)
        && MailAddress.TryCreate(mailbox.Address, out _);

    private static string? Unreadable(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        return key.ToUpperInvariant() switch
        {
            "PORT" when !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) =>
                $"Smtp:Port is \"{value}\"; expected 1-65535, or 0 for the usual port of Smtp:Security.",
            "SECURITY" when !Enum.GetNames<SmtpSecurity>().Contains(text, StringComparer.OrdinalIgnoreCase) =>
                $"Smtp:Security is \"{value}\"; expected none, starttls or tls.",
            "TIMEOUT" when !TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out _) =>
                $"Smtp:Timeout is \"{value}\"; expected a positive duration such as 00:00:30.",
            _ => null,
        };
    }
}
