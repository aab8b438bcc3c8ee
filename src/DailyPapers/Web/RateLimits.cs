using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace DailyPapers.Web;

/// <summary>
/// Request limits, each a fixed one-minute window, answered with 429 and <c>Retry-After</c>:
/// account form posts per client address (guessing passwords, mass sign-ups; lockout protects each account, this
/// protects the site from one address trying many), and votes, comments and submissions both per reader and per
/// client address (a lab behind one NAT address shares the latter, so it is the larger); subscribe requests per
/// client address.
/// </summary>
public static class RateLimits
{
    public const string AccountPolicy = "account-posts";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        var limits = new Dictionary<string, (int PerUser, int PerAddress)>
        {
            [RateLimitedAttribute.Votes] = (options.VotesPerMinute, Times(options.VotesPerMinute, options.ReadersPerAddress)),
            [RateLimitedAttribute.Comments] = (options.CommentsPerMinute, Times(options.CommentsPerMinute, options.ReadersPerAddress)),
            [RateLimitedAttribute.Submissions] = (options.SubmissionsPerMinute, Times(options.SubmissionsPerMinute, options.ReadersPerAddress)),
            // Subscribing sends an email to whatever address is typed: limited per client address, signed in or not.
            [RateLimitedAttribute.Subscriptions] = (options.SubscribesPerMinute, options.SubscribesPerMinute),
        };
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AccountPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? PerMinute(ClientAddress(context), options.AccountPostsPerMinute)
                : RateLimitPartition.GetNoLimiter("reads"));

            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitedAttribute.Of(context) is { } action && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user
                        ? PerMinute($"{action} user {user}", limits[action].PerUser)
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitedAttribute.Of(context) is { } action
                        ? PerMinute($"{action} address {ClientAddress(context)}", limits[action].PerAddress)
                        : RateLimitPartition.GetNoLimiter("")));

            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var response = context.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var message = context.Request.Path.StartsWithSegments("/account")
                    ? $"Too many attempts from your address. Please wait {seconds:0} seconds and try again."
                    : $"Too many requests. Please wait {seconds:0} seconds and try again.";
                if (context.Request.Path.StartsWithSegments("/api") || AcceptsJson(context.Request))
                {
                    await ApiProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, message, cancellationToken);
                    return;
                }

                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(message, cancellationToken);
            };
        });
    }

    public static bool AcceptsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>A per-address limit from a per-reader one, without wrapping round when both are set very high.</summary>
    private static int Times(int perReader, int readers) => (int)Math.Clamp((long)perReader * readers, 1, int.MaxValue);

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
