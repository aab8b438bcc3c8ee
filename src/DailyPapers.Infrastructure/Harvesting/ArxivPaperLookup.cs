using System.Net;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>
/// Asks the arXiv API for one paper by id (<c>{ApiBaseUrl}?id_list=2406.12345</c>), for a paper a user submits that
/// the store does not have yet. It goes through the shared <see cref="ArxivHttpClient"/>, so it waits its turn behind
/// a running harvest and retries as the harvest does: a caller serving a web request should pass a token that
/// gives up after a while (arXiv down means minutes of retries).
/// </summary>
public sealed class ArxivPaperLookup(ArxivHttpClient http, IOptions<HarvestOptions> options, ILogger<ArxivPaperLookup> logger)
{
    public const string UnavailableMessage = "arXiv did not answer; try again in a few minutes.";

    public Uri QueryUri(ArxivId id) => new($"{options.Value.ApiBaseUrl.TrimEnd('/')}?id_list={Uri.EscapeDataString(id.Value)}");

    /// <summary>
    /// The newest version of the paper as arXiv describes it (no listing: a look-up says nothing about a day), or
    /// null when arXiv has no paper with that id.
    /// </summary>
    /// <exception cref="ArxivUnavailableException">
    /// arXiv could not be reached, kept failing, refused the request or sent something that is not an API answer;
    /// the message is <see cref="UnavailableMessage"/>, fit to show a user, and the cause is the inner exception.
    /// </exception>
    public async Task<PaperRecord?> FindAsync(ArxivId id, CancellationToken cancellationToken)
    {
        var uri = QueryUri(id);
        ArxivAtomFeed feed;
        try
        {
            await using var body = await http.GetAsync(uri, cancellationToken);
            feed = ArxivAtomReader.ReadFeed(body, $"{uri.Host} id_list={id}", cancellationToken);
        }
        catch (ArxivRequestException ex) when (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            // Today's API answers an id it cannot parse (abc, or an archive it has never had) with a 400 and an error
            // entry; for arXiv, as for the user, there is no such paper.
            logger.LogInformation("arXiv refused the look-up of {ArxivId} as malformed: {Reason}", id, ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is ArxivUnavailableException or ArxivRequestException or SourceFormatException)
        {
            logger.LogWarning("arXiv look-up of {ArxivId} failed: {Reason}", id, ex.Message);
            throw new ArxivUnavailableException(UnavailableMessage, ex);
        }

        // An unknown id gets an empty feed (totalResults 0); some answers of the API's past held an entry that
        // describes an error, or one without an id. Neither is a paper, so matching on the id covers them all.
        foreach (var item in feed.Items)
        {
            if (item is PaperItem { Paper: var paper } && paper.Id == id)
            {
                return paper;
            }

            // An error entry, or a real paper's entry that fails the record rules (never seen, and worth a look).
            if (item is RejectedItem rejected)
            {
                logger.LogWarning("arXiv look-up of {ArxivId}: {Location} not used: {Reason}", id, rejected.Location, rejected.Reason);
            }
        }

        return null;
    }
}
