using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;
using MailKitAuthenticationException = MailKit.Security.AuthenticationException;

namespace DailyPapers.Infrastructure.Mail;

/// <summary>
/// Sends through an SMTP relay with MailKit over one connection: opened on the first message (authenticating
/// when a username is set), reused for the next ones, dropped after a transient failure and reopened by the
/// next call. Not thread-safe: each sender loop owns one transport.
/// </summary>
/// <remarks>
/// Failures are classified for the sender's retry logic. Deferred (retry this message later, go on with the
/// next): a 4xx reply to RCPT TO or to the message (DATA) while the connection stays open, such as greylisting
/// or a full mailbox. Transient (retry later, stop for now): cannot connect, connection lost, timeout, TLS
/// failure, authentication refused, 421 (service closing), any other 4xx reply (to MAIL FROM, say), and 5xx
/// replies that are not about the recipient (to MAIL FROM, or outside a transaction), because the operator must
/// fix those and no recipient should be marked failed for them. Permanent: a 5xx reply to RCPT TO or to the
/// message, and messages MailKit cannot send at all (no recipients, an address the relay cannot take).
/// </remarks>
public sealed class SmtpMailTransport : IMailTransport
{
    // Relays close idle connections (Postfix after 300 s, large providers sooner). After this much idle time
    // a NOOP checks the connection first, so a message is not failed for a connection already gone.
    private static readonly TimeSpan IdleProbeAfter = TimeSpan.FromSeconds(10);

    private readonly SmtpOptions _options;
    private readonly string _host;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private SmtpClient? _client;
    private long _lastUsed;
    private int _busy;
    private bool _disposed;

    public SmtpMailTransport(SmtpOptions options, ILogger logger, TimeProvider? timeProvider = null)
    {
        if (!options.IsConfigured)
        {
            throw new ArgumentException("Smtp:Host is not set.", nameof(options));
        }

        _options = options;
        _host = options.Host!.Trim();
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        Description = $"SMTP {_host}:{options.EffectivePort} ({options.Security.ToString().ToLowerInvariant()})";
    }

    public string Description { get; }

    public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _busy, 1) == 1)
        {
            throw new InvalidOperationException("SmtpMailTransport is not thread-safe: give each sender loop its own.");
        }

        try
        {
            SmtpClient client;
            try
            {
                client = await ConnectedClientAsync(cancellationToken);
            }
            catch (Exception ex) when (!IsCancellation(ex, cancellationToken))
            {
                Disconnect();
                return SendResult.Transient(DescribeConnectFailure(ex));
            }

            try
            {
                await client.SendAsync(message, cancellationToken);
                _lastUsed = _time.GetTimestamp();
                return SendResult.Sent;
            }
            catch (Exception ex) when (!IsCancellation(ex, cancellationToken))
            {
                var result = Classify(ex);
                if (result.Status == SendStatus.Deferred && !client.IsConnected)
                {
                    // The refusal came with a hang-up: that is the connection's problem, not this message's.
                    result = SendResult.Transient($"connection to {Description} closed after: {result.Error}");
                }

                if (result.Status == SendStatus.Transient || !client.IsConnected)
                {
                    Disconnect();
                }

                return result;
            }
        }
        catch (OperationCanceledException)
        {
            // Mid-command the connection is in an unknown state: start afresh next time.
            Disconnect();
            throw;
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_client is { IsConnected: true } client)
        {
            try
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, quit.Token);
            }
            catch (Exception ex)
            {
                _logger.LogDebug(ex, "QUIT to {Transport} failed; closing the socket", Description);
            }
        }

        Disconnect();
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } current)
        {
            if (_time.GetElapsedTime(_lastUsed) < IdleProbeAfter)
            {
                return current;
            }

            try
            {
                await current.NoOpAsync(cancellationToken);
                return current;
            }
            catch (Exception ex) when (!IsCancellation(ex, cancellationToken))
            {
                _logger.LogDebug(ex, "Idle connection to {Transport} is gone; reconnecting", Description);
            }
        }

        Disconnect();
        var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        _client = client;
        // Our own socket, to turn Nagle's algorithm off: SMTP is small writes that each wait for a reply, and Nagle
        // holding one back until the server's delayed ACK cost ~40 ms per message (bench/digest-speed.sh).
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Smtp:Timeout bounds the connect too, as MailKit's own connect did: a relay that drops packets fails fast
            // as a temporary error instead of hanging for the OS's minutes.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_options.Timeout);
            await socket.ConnectAsync(_host, _options.EffectivePort, deadline.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        await client.ConnectAsync(socket, _host, _options.EffectivePort, SocketOptions(_options.Security), cancellationToken);
        if (!string.IsNullOrEmpty(_options.Username))
        {
            await client.AuthenticateAsync(_options.Username, _options.Password ?? "", cancellationToken);
        }

        _lastUsed = _time.GetTimestamp();
        _logger.LogDebug("Connected to {Transport}", Description);
        return client;
    }

    private void Disconnect()
    {
        // Dispose closes the socket without QUIT: used after failures, where a polite goodbye may hang.
        _client?.Dispose();
        _client = null;
    }

    private static bool IsCancellation(Exception ex, CancellationToken cancellationToken) =>
        ex is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private string DescribeConnectFailure(Exception ex) => ex switch
    {
        MailKitAuthenticationException => $"authentication as \"{_options.Username}\" refused by {Description}: {FirstLine(ex.Message)}",
        SslHandshakeException => $"TLS handshake with {Description} failed: {FirstLine(ex.InnerException?.Message ?? ex.Message)}",
        SocketException socket => $"cannot connect to {Description}: {socket.Message}",
        SmtpCommandException command => $"{Description} answered {(int)command.StatusCode} {command.Message}",
        _ => $"cannot use {Description}: {Describe(ex)}",
    };

    private SendResult Classify(Exception ex)
    {
        switch (ex)
        {
            case SmtpCommandException command:
                var code = (int)command.StatusCode;
                var reply = $"{code} {command.Message}";
                if (command.Mailbox is { } mailbox && command.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
                {
                    reply += $" (RCPT TO {mailbox.Address})";
                }

                // Put off for this recipient or message alone, unless the enhanced code (RFC 3463) blames the system
                // (X.3.x: a full queue, a failed filter) or the network (X.4.x): then the server waits for everyone.
                if (code is >= 400 and < 500 && code != 421
                    && command.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted
                    && !command.Message.StartsWith("4.3.", StringComparison.Ordinal)
                    && !command.Message.StartsWith("4.4.", StringComparison.Ordinal))
                {
                    return SendResult.Deferred(reply);
                }

                if (code is < 500 or >= 600)
                {
                    return SendResult.Transient(reply);
                }

                return command.ErrorCode switch
                {
                    SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted => SendResult.Permanent(reply),
                    SmtpErrorCode.SenderNotAccepted => SendResult.Transient($"sender refused (check Smtp:From): {reply}"),
                    _ => SendResult.Transient(reply),
                };
            case MailKitAuthenticationException or ServiceNotAuthenticatedException:
                return SendResult.Transient($"{Description} requires authentication: {FirstLine(ex.Message)}");
            case ServiceNotConnectedException or SmtpProtocolException or IOException or SocketException:
                return SendResult.Transient($"connection to {Description} lost: {Describe(ex)}");
            case TimeoutException or OperationCanceledException:
                return SendResult.Transient($"{Description} timed out after {_options.Timeout.TotalSeconds:0.#} s");
            case NotSupportedException or InvalidOperationException or ArgumentException:
                // The message itself cannot go (no recipients, an address needing SMTPUTF8 the relay lacks).
                return SendResult.Permanent($"not sendable: {FirstLine(ex.Message)}");
            default:
                return SendResult.Transient(Describe(ex));
        }
    }

    private string Describe(Exception ex) => ex switch
    {
        TimeoutException or OperationCanceledException => $"timed out after {_options.Timeout.TotalSeconds:0.#} s",
        _ when ex.InnerException is { } inner && inner.Message != ex.Message => $"{FirstLine(ex.Message)} ({FirstLine(inner.Message)})",
        _ => FirstLine(ex.Message),
    };

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
