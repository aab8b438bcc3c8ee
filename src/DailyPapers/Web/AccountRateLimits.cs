using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace DailyPapers.Web;

/// <summary>
/// Guessing passwords and mass sign-ups are slowed per client address: at most
/// <see cref="WebOptions.AccountPostsPerMinute"/> account form posts (sign in, sign up, reset) a minute, then 429 with
/// <c>Retry-After</c>. Viewing the forms is not limited. Lockout after 5 wrong passwords protects each account;
/// this protects the site from one address trying many accounts.
/// </summary>
public static class AccountRateLimits
{
    public const string Policy = "account-posts";

    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetSection(WebOptions.Section).Get<WebOptions>()?.AccountPostsPerMinute ?? new WebOptions().AccountPostsPerMinute;
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reads"));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(
                    $"Too many attempts from your address. Please wait {Math.Ceiling(retryAfter.TotalSeconds):0} seconds and try again.", cancellationToken);
            };
        });
    }
}
