using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Tests.Harvesting;

/// <summary>
/// A fake arXiv on a real loopback socket (Kestrel): answers each request with the next scripted response and
/// records what it was asked and when, so politeness is measured where arXiv would measure it.
/// </summary>
public sealed class ArxivTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Queue<ScriptedResponse> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private int _inFlight;

    private ArxivTestServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public string OaiPmhUrl => new Uri(BaseAddress, "oai").ToString();

    /// <summary>The most requests the server was answering at the same moment.</summary>
    public int MaxConcurrentRequests { get; private set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<ArxivTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ArxivTestServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public void Enqueue(params ScriptedResponse[] responses)
    {
        lock (_lock)
        {
            foreach (var response in responses)
            {
                _script.Enqueue(response);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var arrived = _clock.Elapsed;
        ScriptedResponse response;
        lock (_lock)
        {
            MaxConcurrentRequests = Math.Max(MaxConcurrentRequests, ++_inFlight);
            response = _script.Count > 0 ? _script.Dequeue() : new ScriptedResponse(404, "no scripted response left") { ContentType = "text/plain" };
        }

        try
        {
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }

            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            if (response.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = response.RetryAfter;
            }

            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its timeout); what matters is that the request was recorded.
        }
        finally
        {
            lock (_lock)
            {
                _inFlight--;
                _requests.Add(new RecordedRequest(
                    context.Request.Path.Value ?? "",
                    context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                    context.Request.Headers.UserAgent.ToString(),
                    arrived));
            }
        }
    }
}
