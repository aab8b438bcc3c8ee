using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Harvesting;

/// <summary>
/// Responses for the fake arXiv, from the recorded samples in tests/fixtures/protocol-samples: the oai_dc page of
/// set cs as served (resumption token with cursor), and the arXiv-format pages made into later pages of a list in
/// the older style (token element with cursor) or the 2025 style (token without cursor, no element on the last page).
/// </summary>
public static class ArxivSamples
{
    /// <summary>Token of the oai_dc sample's resumptionToken (cursor 0 of 1162).</summary>
    public const string OaiDcToken = "6960524|1001";

    public static readonly string[] OaiDcIds = ["1303.2033", "2401.14034", "2401.14036", "2401.14038", "2401.14040"];

    public static readonly string[] HepExIds = ["1706.05371", "1706.09418", "1707.00874"];

    public static readonly string[] HepThIds = ["1412.8323", "1507.07790", "1607.01710"];

    /// <summary>The oai_dc ListRecords of set cs, responseDate 2024-01-27T17:53:42Z, first page of 1162 records.</summary>
    public static string OaiDcFirstPage => Read("arxiv_oai_ListRecords_oai_dc_set-cs_2024-01-27_trimmed5_with_resumptionToken.xml");

    /// <summary>The arXiv-format hep-ex page as the last page of a list in the older style: an empty token with cursor.</summary>
    public static string HepExLastPageWithCursor =>
        WithToken(Read("arxiv_oai_ListRecords_arXiv_set-physics-hep-ex_2017-12-14_trimmed3.xml"), "<resumptionToken cursor=\"1001\" completeListSize=\"1162\"/>");

    /// <summary>The arXiv-format hep-ex page as the 2025 server ends a list: no resumptionToken element at all.</summary>
    public static string HepExLastPage => Read("arxiv_oai_ListRecords_arXiv_set-physics-hep-ex_2017-12-14_trimmed3.xml");

    /// <summary>The arXiv-format hep-th page as a 2025 first page: a token without cursor or list size.</summary>
    public static string HepThPageWithBareToken(string token) =>
        WithToken(Read("arxiv_oai_ListRecords_arXiv_set-physics-hep-th_2017-12-14_trimmed3.xml"), $"<resumptionToken>{token}</resumptionToken>");

    public static string OaiError(string code, string message, string responseDate = "2024-01-28T10:00:00Z") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
        <responseDate>{responseDate}</responseDate>
        <request verb="ListRecords">http://export.arxiv.org/oai2</request>
        <error code="{code}">{message}</error>
        </OAI-PMH>
        """;

    public static string Feed(string name) =>
        File.ReadAllText(Path.Combine(TestData.RepoRoot, "tests", "DailyPapers.Tests", "Harvesting", "Fixtures", name));

    private static string Read(string name) => File.ReadAllText(TestData.Path("protocol-samples", name));

    private static string WithToken(string page, string token) =>
        page.Replace("</ListRecords>", token + "\n</ListRecords>", StringComparison.Ordinal);
}
