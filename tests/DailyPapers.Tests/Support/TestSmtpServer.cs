using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Storage;
using SmtpReplyCode = SmtpServer.Protocol.SmtpReplyCode;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;
using SmtpResponseException = SmtpServer.Protocol.SmtpResponseException;

namespace DailyPapers.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 for tests: records what it receives, counts
/// sessions, and on request refuses everything with 451, or given recipients or messages with any reply.
/// It can stop and start again on the same port, to play "SMTP down, then up".
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentDictionary<string, SmtpResponse> _recipientReplies = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _username;
    private readonly string? _password;
    private readonly SemaphoreSlim _arrived = new(0);
    private CancellationTokenSource? _stop;
    private Task? _running;
    private int _sessions;
    private volatile bool _failTemporarily;
    private volatile SmtpResponse? _senderReply;
    private volatile SmtpResponse? _dataReply;

    /// <param name="username">When set, clients must AUTH (PLAIN or LOGIN) with this name and <paramref name="password"/>.</param>
    public TestSmtpServer(string? username = null, string? password = null)
    {
        _username = username;
        _password = password;
    }

    /// <summary>The port it listens on; 0 until first started.</summary>
    public int Port { get; private set; }

    public bool IsRunning => _running is { IsCompleted: false };

    /// <summary>SMTP sessions (connections) opened so far, over every start.</summary>
    public int SessionCount => Volatile.Read(ref _sessions);

    /// <summary>A snapshot of the messages accepted so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedMail> Messages => [.. _received];

    /// <summary>How long the server takes to accept each message (a slow relay), so a sending run lasts long enough to interrupt.</summary>
    public TimeSpan AcceptDelay { get; set; }

    /// <summary>When on, MAIL FROM is answered "451 4.3.0 …", so no message gets in.</summary>
    public bool FailTemporarily
    {
        get => _failTemporarily;
        set => _failTemporarily = value;
    }

    /// <summary>Starts a server and waits until it listens.</summary>
    public static async Task<TestSmtpServer> StartNewAsync(string? username = null, string? password = null)
    {
        var server = new TestSmtpServer(username, password);
        await server.StartAsync();
        return server;
    }

    /// <summary>Answers MAIL FROM with this reply instead of 250; null restores 250.</summary>
    public void ReplyToSender(int? code, string text = "")
    {
        _senderReply = code is null ? null : new SmtpResponse((SmtpReplyCode)code.Value, text);
    }

    /// <summary>Answers RCPT TO for this address with the reply given (550 by default).</summary>
    public void RejectRecipient(string address, int code = 550, string text = "5.1.1 No such user here") =>
        _recipientReplies[address] = new SmtpResponse((SmtpReplyCode)code, text);

    public void AcceptRecipient(string address) => _recipientReplies.TryRemove(address, out _);

    /// <summary>Answers every message (after its data) with this reply instead of 250; null restores 250.</summary>
    public void ReplyToData(int? code, string text = "")
    {
        _dataReply = code is null ? null : new SmtpResponse((SmtpReplyCode)code.Value, text);
    }

    /// <summary>Listens on <paramref name="port"/>, or on the port of the previous start, or on a free one.</summary>
    public async Task StartAsync(int? port = null)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The test SMTP server is already running.");
        }

        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new Filter(this));
        services.Add(new Store(this));
        if (_username is not null)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == _username && password == _password));
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("test-smtp.localhost")
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, port ?? Port))
                .AuthenticationRequired(_username is not null)
                .AllowUnsecureAuthentication(true))
            .Build();

        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _stop = new CancellationTokenSource();
        _running = server.StartAsync(_stop.Token);

        var started = await Task.WhenAny(listening.Task, _running, Task.Delay(TimeSpan.FromSeconds(10)));
        if (started != listening.Task)
        {
            await StopAsync();
            throw new InvalidOperationException($"The test SMTP server did not start on port {port ?? Port}.");
        }

        Port = await listening.Task;
    }

    /// <summary>Closes the listener and every open session: clients see the connection drop.</summary>
    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived; returns them, or throws on timeout.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (_received.Count < count)
            {
                await _arrived.WaitAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {count} messages within {timeout}; received {_received.Count}.");
        }

        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _arrived.Dispose();
    }

    private sealed class Filter(TestSmtpServer server) : MailboxFilter
    {
        public override Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            server.FailTemporarily ? throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 Try again later"))
            : server._senderReply is { } reply ? throw new SmtpResponseException(reply)
            : Task.FromResult(true);

        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            server._recipientReplies.TryGetValue(to.AsAddress(), out var reply)
                ? throw new SmtpResponseException(reply)
                : Task.FromResult(true);
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server._dataReply is { } reply)
            {
                return reply;
            }

            if (server.AcceptDelay > TimeSpan.Zero)
            {
                await Task.Delay(server.AcceptDelay, cancellationToken);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            server._received.Enqueue(new ReceivedMail(
                message,
                transaction.From.AsAddress(),
                [.. transaction.To.Select(to => to.AsAddress())],
                context.SessionId));
            server._arrived.Release();
            return SmtpResponse.Ok;
        }
    }

    /// <summary>A message as the server received it: the content and its envelope.</summary>
    public sealed record ReceivedMail(MimeMessage Message, string From, IReadOnlyList<string> Recipients, Guid SessionId);
}
