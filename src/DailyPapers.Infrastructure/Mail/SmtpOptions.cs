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

    /// <summary>What is wrong with these options, one sentence per problem; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add($"Smtp:Port is {Port}; expected 1-65535, or 0 for the usual port of Smtp:Security.");
        }

        if (!Enum.IsDefined(Security))
        {
            problems.Add($"Smtp:Security is {Security}; expected none, starttls or tls.");
        }

        if (!MailboxAddress.TryParse(From, out _))
        {
            problems.Add($"Smtp:From \"{From}\" is not a mail address such as \"DailyPapers <digest@example.org>\".");
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
}
