using DailyPapers.Core.Listings;

namespace DailyPapers.Core.Tests.Citations;

/// <summary>Real arXiv papers, with the metadata arXiv lists for them, for the citation formats' tests.</summary>
public static class CitationSamples
{
    /// <summary>arXiv 2210.02747: v1 of 6 Oct 2022, v2 of 8 Feb 2023 (so arXiv cites it as 2023).</summary>
    public static readonly ListedPaper FlowMatching = new()
    {
        Id = "2210.02747",
        Version = 2,
        Title = "Flow Matching for Generative Modeling",
        Abstract = "We introduce a new paradigm for generative modeling built on Continuous Normalizing Flows (CNFs).",
        Authors = ["Yaron Lipman", "Ricky T. Q. Chen", "Heli Ben-Hamu", "Maximilian Nickel", "Matt Le"],
        Categories = ["cs.LG", "cs.AI", "stat.ML"],
        SubmittedAt = new DateTimeOffset(2022, 10, 6, 15, 55, 10, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2023, 2, 8, 18, 53, 1, TimeSpan.Zero),
        Comments = "ICLR 2023",
    };

    /// <summary>arXiv 2412.06264, ten authors, one version (9 Dec 2024).</summary>
    public static readonly ListedPaper FlowMatchingGuide = new()
    {
        Id = "2412.06264",
        Version = 1,
        Title = "Flow Matching Guide and Code",
        Abstract = "Flow Matching (FM) is a recent framework for generative modeling.",
        Authors =
        [
            "Yaron Lipman", "Marton Havasi", "Peter Holderrieth", "Neta Shaul", "Matt Le", "Brian Karrer",
            "Ricky T. Q. Chen", "David Lopez-Paz", "Heli Ben-Hamu", "Itai Gat",
        ],
        Categories = ["cs.LG", "cs.AI"],
        SubmittedAt = new DateTimeOffset(2024, 12, 9, 7, 40, 50, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2024, 12, 9, 7, 40, 50, TimeSpan.Zero),
    };

    /// <summary>arXiv 1706.03762: v1 of 12 Jun 2017, v7 of 2 Aug 2023.</summary>
    public static readonly ListedPaper Attention = new()
    {
        Id = "1706.03762",
        Version = 7,
        Title = "Attention Is All You Need",
        Abstract = "The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.",
        Authors =
        [
            "Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit", "Llion Jones", "Aidan N. Gomez",
            "Lukasz Kaiser", "Illia Polosukhin",
        ],
        Categories = ["cs.CL", "cs.LG"],
        SubmittedAt = new DateTimeOffset(2017, 6, 12, 17, 57, 34, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2023, 8, 2, 0, 41, 18, TimeSpan.Zero),
        Comments = "15 pages, 5 figures",
    };

    /// <summary>arXiv 2506.07402 as the committed Kaggle fixture lists it (one version, 10 Jun 2025).</summary>
    public static readonly ListedPaper BeyondJailbreaks = new()
    {
        Id = "2506.07402",
        Version = 1,
        Title = "Beyond Jailbreaks: Revealing Stealthier and Broader LLM Security Risks Stemming from Alignment Failures",
        Abstract = "Large language models (LLMs) are increasingly deployed in real-world applications.",
        Authors = ["Yukai Zhou", "Sibei Yang", "Wenjie Wang"],
        Categories = ["cs.CR", "cs.CL"],
        SubmittedAt = new DateTimeOffset(2025, 6, 10, 0, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2025, 6, 10, 0, 0, 0, TimeSpan.Zero),
    };

    /// <summary>An old-style id: Maldacena's hep-th/9711200 (v1 27 Nov 1997, v3 22 Jan 1998), with its DOI.</summary>
    public static readonly ListedPaper LargeN = new()
    {
        Id = "hep-th/9711200",
        Version = 3,
        Title = "The Large N Limit of Superconformal Field Theories and Supergravity",
        Abstract = "We show that the large $N$ limit of certain conformal field theories in various dimensions include in their Hilbert space a sector describing supergravity.",
        Authors = ["Juan M. Maldacena"],
        Categories = ["hep-th"],
        SubmittedAt = new DateTimeOffset(1997, 11, 27, 18, 23, 9, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(1998, 1, 22, 18, 6, 20, TimeSpan.Zero),
        JournalRef = "Adv.Theor.Math.Phys.2:231-252,1998",
        Doi = "10.1023/A:1026654312961",
    };
}
