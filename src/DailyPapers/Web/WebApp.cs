using DailyPapers.Api;
using DailyPapers.Core.Ranking;
using DailyPapers.Feeds;
using DailyPapers.Hosting;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Community;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Harvesting;
using DailyPapers.Infrastructure.Hosting;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Recommendations;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Web.Health;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DailyPapers.Web;

/// <summary>Builds the web host: the store, pages, APIs and background jobs. Tests build the same app on a real port.</summary>
public static class WebApp
{
    public static WebApplication Create(string? dataDirectory, string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Pages are found in this assembly even when a test process is the entry point.
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            // Pages, wwwroot and appsettings.json are in the build output, wherever the command is run from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        // A query pasted whole (an abstract, 10,000 characters) fits in the URL: the parser shortens it and says so,
        // instead of Kestrel answering a bare 414 at the default 8 KB request line.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 64 * 1024);
        configure?.Invoke(builder);
        var dataDir = DataDirectory.Resolve(dataDirectory, builder.Configuration);
        builder.Services.AddPaperStore(builder.Configuration, dataDir);
        builder.Services.AddJobScheduler(builder.Configuration);
        builder.Services.AddArxivHarvesting(builder.Configuration).AddHarvestJob(builder.Configuration);
        builder.Services.AddPaperSearch(builder.Configuration).AddEmbeddingJob(builder.Configuration);
        builder.Services.AddAccounts().AddSignInManager();
        builder.Services.AddCommunity();
        builder.Services.AddSignals().AddForYou();
        builder.Services.AddDigests(builder.Configuration, dataDir).AddDigestJobs(builder.Configuration);
        builder.Services.AddSingleton<TokenPrincipals>();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null);
        builder.Services.AddAuthentication().AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "dailypapers";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/account/signin";
            cookie.LogoutPath = "/account/signout";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
            cookie.SlidingExpiration = true;
            // A signed-in reader on a moderators' page: a plain 403 page, not a redirect to a page that does not exist.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // A suspension changes the account's security stamp; signed-in browsers notice within this interval.
        builder.Services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddRateLimits(builder.Configuration);
        builder.Services.AddReadiness();
        builder.Services.AddOperationsMetrics();
        builder.Services.AddRazorPages(pages => pages.Conventions.AddFolderApplicationModelConvention(
                "/Account", model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.AccountPolicy))))
            .AddMvcOptions(mvc => mvc.Filters.Add<UnhandledMethodFilter>());
        // One reader, so one connection, per request, however many queries its page makes.
        builder.Services.AddScoped(services => services.GetRequiredService<PaperQueries>().OpenReader());
        builder.Services.AddPageCaching(builder.Configuration);
        builder.Services.AddDailyPapersApi();
        builder.Services.AddFeeds();
        builder.Services.AddScoped<TrendingReader>();
        builder.Services.AddScoped<Pages.Account.AddressVerification>();
        builder.Services.AddOptions<TrendingOptions>().Bind(builder.Configuration.GetSection(TrendingOptions.Section))
            .Validate(o => o.DayHalfLife > TimeSpan.Zero && o.WeekHalfLife > TimeSpan.Zero && o.MonthHalfLife > TimeSpan.Zero,
                "Trending:DayHalfLife, WeekHalfLife and MonthHalfLife must be positive times, such as 12:00:00 or 2.00:00:00.")
            .ValidateOnStart();

        var app = builder.Build();
        WarnIfEmailLinksPointHere(app);
        app.UseForwardedHeaders(ForwardedHeaders(app.Configuration));
        app.UseErrorAnswers();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // After routing (the cache policy is endpoint metadata); sign-in, when added, goes before it, so a signed-in
        // reader is never served or stored a page cached for everyone.
        app.UsePageCaching();
        app.UseMiddleware<ApiConditionalGetMiddleware>();
        app.MapRazorPages();
        app.MapDailyPapersApi();
        app.MapFeeds();
        app.MapCollectionFeeds();
        app.MapForYouFeeds();
        app.MapSitemaps();
        app.MapHealth();
        app.MapOperationsMetrics();
        return app;
    }

    public static async Task<int> RunAsync(string? dataDirectory, string[] args, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = Create(dataDirectory, args);
            // Every validated section now, before the store is touched (start-up would check them only after
            // migrating): a bad setting is one line naming it, not a stack trace.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception e) when (SettingsProblems(e) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"error: {problem}");
            }

            return 2;
        }

        try
        {
            var applied = await StoreSchema.PrepareAsync(
                app.Services.GetRequiredService<StoreContextFactory>(), app.Services.GetRequiredService<DatabaseOptions>().MigrateOnStart, cancellationToken);
            if (applied.Count > 0)
            {
                app.Logger.LogInformation("Applied {Count} migration(s) to the store, the latest {Latest}", applied.Count, applied[^1]);
            }
        }
        catch (StoreNotReadyException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }

        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    /// <summary>
    /// The failures of settings validation (one exception, or one per section at start-up), and values the binder
    /// could not convert (<c>Digests:SendAt=7am</c>), whose message names the key; empty for any other error.
    /// </summary>
    internal static List<string> SettingsProblems(Exception e) => e switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        InvalidOperationException unreadable when unreadable.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            [unreadable.Message],
        // The store's section, read before anything else starts (StoreContextFactory): "Database:… is …".
        InvalidOperationException setting when setting.Message.StartsWith("Database:", StringComparison.Ordinal) || setting.Message.StartsWith("Web:", StringComparison.Ordinal) => [setting.Message],
        AggregateException all when all.InnerExceptions.All(i => SettingsProblems(i).Count > 0) => [.. all.InnerExceptions.SelectMany(SettingsProblems)],
        _ => [],
    };

    /// <summary>
    /// The client's address and scheme as a reverse proxy on this machine (or one in <c>Web:TrustedProxies</c>)
    /// reports them: behind nginx every request would otherwise come from 127.0.0.1, and share one rate limit.
    /// </summary>
    private static ForwardedHeadersOptions ForwardedHeaders(IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto };
        var trusted = configuration.GetSection(WebOptions.Section).Get<WebOptions>()?.TrustedProxies ?? "";
        foreach (var address in trusted.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!System.Net.IPAddress.TryParse(address, out var ip))
            {
                throw new InvalidOperationException($"Web:TrustedProxies has \"{address}\", which is not an IP address.");
            }

            options.KnownProxies.Add(ip);
        }

        return options;
    }

    /// <summary>Mail is set up but links in it would lead to localhost: every reader's links would be dead.</summary>
    private static void WarnIfEmailLinksPointHere(WebApplication app)
    {
        var site = app.Services.GetRequiredService<IOptions<DigestOptions>>().Value.SiteUrl;
        var smtp = app.Services.GetRequiredService<IOptions<Infrastructure.Mail.SmtpOptions>>().Value;
        if (smtp.IsConfigured && Uri.TryCreate(site, UriKind.Absolute, out var uri) && uri.IsLoopback)
        {
            app.Logger.LogWarning("Smtp:Host is set but Digests:SiteUrl is {SiteUrl}: links in emails will point at this machine. Set Digests:SiteUrl to the site's public address.", site);
        }
    }
}
