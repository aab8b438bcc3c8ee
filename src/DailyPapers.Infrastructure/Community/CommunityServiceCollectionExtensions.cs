using DailyPapers.Infrastructure.Discussion;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Infrastructure.Community;

public static class CommunityServiceCollectionExtensions
{
    /// <summary>Votes, discussion and moderation. Needs the store and <see cref="Papers.StoreVersion"/>.</summary>
    public static IServiceCollection AddCommunity(this IServiceCollection services)
    {
        services.AddSingleton<PaperVotes>();
        services.AddSingleton<PaperComments>();
        services.AddSingleton<PaperModeration>();
        services.AddSingleton<CommentMarkdown>();
        services.AddSingleton<RenderedComments>();
        services.AddSingleton<PaperSubmissions>();
        services.AddOptions<SubmissionOptions>().BindConfiguration(SubmissionOptions.Section)
            .Validate(o => o.PerUserPerDay >= 0 && o.MaxAgeDays >= 0 && o.ArxivTimeout > TimeSpan.Zero,
                "Submissions:PerUserPerDay and MaxAgeDays must be 0 or more, and ArxivTimeout a positive time such as 00:00:20.")
            .ValidateOnStart();
        return services;
    }
}
