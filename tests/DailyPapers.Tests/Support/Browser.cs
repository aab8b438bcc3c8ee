using Microsoft.Playwright;

namespace DailyPapers.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright; nothing is downloaded. scripts/test.sh installs Chromium and sets
/// DAILYPAPERS_TEST_CHROMIUM; screenshots go to DAILYPAPERS_TEST_ARTIFACTS (TestResults/artifacts).
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    public static string ArtifactsDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("DAILYPAPERS_TEST_ARTIFACTS") is { Length: > 0 } configured
                ? configured
                : System.IO.Path.Combine(TestData.RepoRoot, "TestResults", "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static async Task<Browser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("DAILYPAPERS_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not at {executable}: run the tests with scripts/test.sh, which installs it.");
        }

        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        return new Browser(playwright, chromium);
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
