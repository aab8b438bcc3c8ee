using System.Net;
using System.Net.Sockets;
using DailyPapers.Infrastructure.Mail;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace DailyPapers.Tests.Mail;

/// <summary>The SMTP transport against a real SMTP server on loopback: reuse of one connection, and how each failure is classified.</summary>
public sealed class SmtpMailTransportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Three_messages_travel_over_one_session()
    {
        await using var server = await TestSmtpServer.StartNewAsync();
        await using var transport = Transport(server);

        foreach (var to in new[] { "ada@example.org", "alan@example.org", "grace@example.org" })
        {
            Assert.Equal(SendResult.Sent, await transport.SendAsync(Message(to), CancellationToken.None));
        }

        var received = await server.WaitForMessagesAsync(3, Patience);
        Assert.Equal(["ada@example.org", "alan@example.org", "grace@example.org"], received.SelectMany(m => m.Recipients));
        Assert.Equal(1, server.SessionCount);
    }

    [Fact]
    public async Task A_451_is_transient_and_the_retry_is_accepted_once_the_server_recovers()
    {
        await using var server = await TestSmtpServer.StartNewAsync();
        await using var transport = Transport(server);
        var message = Message("ada@example.org");

        server.FailTemporarily = true;
        var refused = await transport.SendAsync(message, CancellationToken.None);
        server.FailTemporarily = false;
        var retried = await transport.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendStatus.Transient, refused.Status);
        Assert.Contains("451", refused.Error, StringComparison.Ordinal);
        Assert.Equal(SendResult.Sent, retried);
        Assert.Single(await server.WaitForMessagesAsync(1, Patience));
    }

    [Fact]
    public async Task A_550_for_one_recipient_is_permanent_with_the_servers_text_and_the_others_still_go()
    {
        await using var server = await TestSmtpServer.StartNewAsync();
        server.RejectRecipient("gone@example.org", 550, "5.1.1 <gone@example.org>: Recipient address rejected: User unknown");
        await using var transport = Transport(server);

        var before = await transport.SendAsync(Message("ada@example.org"), CancellationToken.None);
        var refused = await transport.SendAsync(Message("gone@example.org"), CancellationToken.None);
        var after = await transport.SendAsync(Message("alan@example.org"), CancellationToken.None);

        Assert.Equal(SendStatus.Permanent, refused.Status);
        Assert.Contains("550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown", refused.Error, StringComparison.Ordinal);
        Assert.Equal((SendResult.Sent, SendResult.Sent), (before, after));
        var received = await server.WaitForMessagesAsync(2, Patience);
        Assert.Equal(["ada@example.org", "alan@example.org"], received.SelectMany(m => m.Recipients));
        Assert.Equal(1, server.SessionCount);
    }

    [Theory]
    [InlineData("MAIL", 421)]
    [InlineData("MAIL", 451)]
    [InlineData("MAIL", 452)]
    [InlineData("RCPT", 421)]
    public async Task A_4xx_reply_to_the_sender_or_a_421_is_transient(string stage, int code)
    {
        var result = await SendWithReplyAsync(stage, code, "4.0.0 Come back later");

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.Contains($"{code} 4.0.0 Come back later", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RCPT", 450)]
    [InlineData("RCPT", 451)]
    [InlineData("RCPT", 452)]
    [InlineData("DATA", 451)]
    [InlineData("DATA", 452)]
    public async Task A_4xx_reply_to_one_recipient_or_message_defers_only_it_and_the_next_goes_over_the_same_connection(string stage, int code)
    {
        await using var server = await TestSmtpServer.StartNewAsync();
        await using var transport = Transport(server);
        if (stage == "RCPT")
        {
            server.RejectRecipient("ada@example.org", code, "4.0.0 Come back later");
        }
        else
        {
            server.ReplyToData(code, "4.0.0 Come back later");
        }

        var deferred = await transport.SendAsync(Message("ada@example.org"), CancellationToken.None);
        server.ReplyToData(null);
        var next = await transport.SendAsync(Message("alan@example.org"), CancellationToken.None);

        Assert.Equal(SendStatus.Deferred, deferred.Status);
        Assert.Contains($"{code} 4.0.0 Come back later", deferred.Error, StringComparison.Ordinal);
        Assert.Equal(SendResult.Sent, next);
        Assert.Equal(["alan@example.org"], (await server.WaitForMessagesAsync(1, Patience)).SelectMany(m => m.Recipients));
        Assert.Equal(1, server.SessionCount);
    }

    [Theory]
    [InlineData("RCPT", 550)]
    [InlineData("RCPT", 551)]
    [InlineData("RCPT", 553)]
    [InlineData("RCPT", 554)]
    [InlineData("DATA", 550)]
    [InlineData("DATA", 554)]
    public async Task A_5xx_reply_about_the_recipient_or_the_message_is_permanent(string stage, int code)
    {
        var result = await SendWithReplyAsync(stage, code, "5.7.1 Not wanted here");

        Assert.Equal(SendStatus.Permanent, result.Status);
        Assert.Contains($"{code} 5.7.1 Not wanted here", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5xx_reply_to_the_sender_is_transient_because_no_recipient_is_at_fault()
    {
        var result = await SendWithReplyAsync("MAIL", 553, "5.7.1 Sender address rejected");

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.Contains("sender refused (check Smtp:From): 553 5.7.1 Sender address rejected", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_server_listening_is_transient()
    {
        await using var transport = new SmtpMailTransport(Options(TestData.FreePort()), NullLogger.Instance);

        var result = await transport.SendAsync(Message("ada@example.org"), CancellationToken.None);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.StartsWith("cannot connect to SMTP 127.0.0.1:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_dropped_between_sends_is_transient_and_the_transport_reconnects_once_the_server_is_back()
    {
        await using var server = await TestSmtpServer.StartNewAsync();
        await using var transport = Transport(server);
        var first = await transport.SendAsync(Message("ada@example.org"), CancellationToken.None);

        await server.StopAsync();
        var whileDown = await transport.SendAsync(Message("alan@example.org"), CancellationToken.None);
        var stillDown = await transport.SendAsync(Message("alan@example.org"), CancellationToken.None);
        await server.StartAsync(server.Port);
        var afterRestart = await transport.SendAsync(Message("alan@example.org"), CancellationToken.None);

        Assert.Equal(SendResult.Sent, first);
        Assert.Equal((SendStatus.Transient, SendStatus.Transient), (whileDown.Status, stillDown.Status));
        Assert.Equal(SendResult.Sent, afterRestart);
        var received = await server.WaitForMessagesAsync(2, Patience);
        Assert.Equal(["ada@example.org", "alan@example.org"], received.SelectMany(m => m.Recipients));
        Assert.Equal(2, server.SessionCount);
    }

    [Fact]
    public async Task An_idle_connection_the_server_closed_is_replaced_without_failing_the_next_message()
    {
        await using var server = await TestSmtpServer.StartNewAsync();
        var clock = new FakeTimeProvider();
        await using var transport = new SmtpMailTransport(Options(server.Port), NullLogger.Instance, clock);
        await transport.SendAsync(Message("ada@example.org"), CancellationToken.None);

        await server.StopAsync();
        await server.StartAsync(server.Port);
        clock.Advance(TimeSpan.FromMinutes(5));
        var result = await transport.SendAsync(Message("alan@example.org"), CancellationToken.None);

        Assert.Equal(SendResult.Sent, result);
        Assert.Equal(2, (await server.WaitForMessagesAsync(2, Patience)).Count);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_as_transient()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var options = Options(((IPEndPoint)silent.LocalEndpoint).Port);
        options.Timeout = TimeSpan.FromMilliseconds(300);
        await using var transport = new SmtpMailTransport(options, NullLogger.Instance);

        var result = await transport.SendAsync(Message("ada@example.org"), CancellationToken.None);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.Contains("timed out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_throws_instead_of_returning_a_result()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var transport = new SmtpMailTransport(Options(((IPEndPoint)silent.LocalEndpoint).Port), NullLogger.Instance);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(Message("ada@example.org"), cancel.Token));
    }

    [Theory]
    [InlineData(SmtpSecurity.Tls)]
    [InlineData(SmtpSecurity.StartTls)]
    public async Task Tls_that_cannot_be_established_is_transient_and_nothing_is_sent_in_clear(SmtpSecurity security)
    {
        await using var server = await TestSmtpServer.StartNewAsync();
        var options = Options(server.Port);
        options.Security = security;
        await using var transport = new SmtpMailTransport(options, NullLogger.Instance);

        var result = await transport.SendAsync(Message("ada@example.org"), CancellationToken.None);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Valid_credentials_authenticate_and_send()
    {
        await using var server = await TestSmtpServer.StartNewAsync("digest", "s3cret");
        var options = Options(server.Port);
        (options.Username, options.Password) = ("digest", "s3cret");
        await using var transport = new SmtpMailTransport(options, NullLogger.Instance);

        Assert.Equal(SendResult.Sent, await transport.SendAsync(Message("ada@example.org"), CancellationToken.None));
        Assert.Single(await server.WaitForMessagesAsync(1, Patience));
    }

    [Fact]
    public async Task A_refused_password_is_transient_so_no_recipient_is_marked_failed()
    {
        await using var server = await TestSmtpServer.StartNewAsync("digest", "s3cret");
        var options = Options(server.Port);
        (options.Username, options.Password) = ("digest", "wrong");
        await using var transport = new SmtpMailTransport(options, NullLogger.Instance);

        var result = await transport.SendAsync(Message("ada@example.org"), CancellationToken.None);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.StartsWith("authentication as \"digest\" refused by SMTP 127.0.0.1:", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Description_names_host_port_and_security()
    {
        await using var transport = new SmtpMailTransport(Options(2525), NullLogger.Instance);

        Assert.Equal("SMTP 127.0.0.1:2525 (none)", transport.Description);
    }

    [Theory]
    [InlineData(SmtpSecurity.None, 25)]
    [InlineData(SmtpSecurity.StartTls, 587)]
    [InlineData(SmtpSecurity.Tls, 465)]
    public void Without_a_port_the_usual_one_for_the_security_is_used(SmtpSecurity security, int port)
    {
        Assert.Equal(port, new SmtpOptions { Host = "mail.example.org", Security = security }.EffectivePort);
    }

    [Fact]
    public void Options_with_a_bad_sender_or_port_explain_what_is_wrong()
    {
        var problems = new SmtpOptions { Host = "mail.example.org", Port = 70_000, From = "not an address" }.Validate();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Smtp:Port", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Smtp:From", StringComparison.Ordinal));
        Assert.Empty(new SmtpOptions { Host = "mail.example.org" }.Validate());
    }

    [Theory]
    [InlineData("Port", "99999", "Smtp:Port is 99999; expected 1-65535, or 0 for the usual port of Smtp:Security.")]
    [InlineData("Port", "abc", "Smtp:Port is \"abc\"; expected 1-65535, or 0 for the usual port of Smtp:Security.")]
    [InlineData("Security", "ssl", "Smtp:Security is \"ssl\"; expected none, starttls or tls.")]
    [InlineData("Security", "1", "Smtp:Security is \"1\"; expected none, starttls or tls.")]
    [InlineData("From", "not-an-address", "Smtp:From is \"not-an-address\"; expected a mail address such as digest@example.org, optionally with a name: DailyPapers <digest@example.org>.")]
    public void A_bad_setting_read_from_configuration_is_named_with_the_values_allowed(string key, string value, string problem)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "mail.example.org",
            [$"Smtp:{key}"] = value,
        }).Build();
        var options = new SmtpOptions();

        options.BindFrom(configuration.GetSection(SmtpOptions.Section));

        Assert.Equal([problem], options.Validate());
    }

    [Theory]
    [InlineData("digest@example.org")]
    [InlineData("DailyPapers <digest@localhost>")]
    [InlineData("\"Daily Papers\" <digest@example.org>")]
    public void A_sender_with_or_without_a_name_is_accepted(string from)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "mail.example.org",
            ["Smtp:Port"] = "2525",
            ["Smtp:Security"] = "tls",
            ["Smtp:From"] = from,
        }).Build();
        var options = new SmtpOptions();

        options.BindFrom(configuration.GetSection(SmtpOptions.Section));

        Assert.Empty(options.Validate());
        Assert.Equal((2525, SmtpSecurity.Tls, from), (options.Port, options.Security, options.From));
    }

    [Fact]
    public async Task The_factory_picks_smtp_when_a_host_is_set()
    {
        await using var transport = MailTransportFactory.Create(Options(2525), TestData.NewTempDir(), NullLogger.Instance);

        Assert.IsType<SmtpMailTransport>(transport);
    }

    private static async Task<SendResult> SendWithReplyAsync(string stage, int code, string text)
    {
        await using var server = await TestSmtpServer.StartNewAsync();
        switch (stage)
        {
            case "MAIL":
                server.ReplyToSender(code, text);
                break;
            case "RCPT":
                server.RejectRecipient("ada@example.org", code, text);
                break;
            default:
                server.ReplyToData(code, text);
                break;
        }

        await using var transport = Transport(server);
        return await transport.SendAsync(Message("ada@example.org"), CancellationToken.None);
    }

    private static SmtpMailTransport Transport(TestSmtpServer server) => new(Options(server.Port), NullLogger.Instance);

    private static SmtpOptions Options(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Security = SmtpSecurity.None,
        Timeout = TimeSpan.FromSeconds(5),
    };


    private static MimeMessage Message(string to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("DailyPapers <digest@localhost>"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Trending papers for Monday";
        message.Body = new TextPart("plain") { Text = "1. Attention Is All You Need (arXiv:1706.03762)" };
        return message;
    }
}
