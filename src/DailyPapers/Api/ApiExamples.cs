using System.Text.Json.Nodes;
using DailyPapers.Core.Listings;

namespace DailyPapers.Api;

/// <summary>
/// The examples of the OpenAPI document, made by the code that writes the real answers (<see cref="HfJson"/>) from
/// one paper, so that they cannot drift from the shapes: a paper from arXiv, voted and discussed here.
/// </summary>
public static class ApiExamples
{
    private static readonly ListedPaper Paper = new()
    {
        Id = "2506.08007",
        Title = "Reinforcement Pre-Training",
        Abstract = "In this work, we introduce Reinforcement Pre-Training (RPT) as a new scaling paradigm for large language models and reinforcement learning (RL).",
        Authors = ["Qingxiu Dong", "Li Dong", "Yao Tang", "Tianzhu Ye", "Yutao Sun", "Zhifang Sui", "Furu Wei"],
        Categories = ["cs.CL"],
        SubmittedAt = new DateTimeOffset(2025, 6, 9, 17, 59, 53, TimeSpan.Zero),
        ListedOn = new DateOnly(2025, 6, 10),
        ListedAt = new DateTimeOffset(2025, 6, 10, 0, 43, 1, 816, TimeSpan.Zero),
        Votes = 97,
        NumComments = 2,
        AiSummary = "Reinforcement Pre-Training (RPT) improves language model accuracy through reinforcement learning.",
        AiKeywords = ["Reinforcement Pre-Training (RPT)", "next-token prediction", "reinforcement learning (RL)"],
        SubmittedBy = "unilm",
    };

    /// <summary>A page of <c>/api/daily_papers</c> and <c>/api/papers/search</c>: items.</summary>
    public static JsonNode Items() => new JsonArray(HfJson.Item(Paper));

    /// <summary><c>/api/papers/{id}</c>: the paper.</summary>
    public static JsonNode OnePaper() => HfJson.Paper(Paper);

    /// <summary><c>/api/papers</c> and <c>/api/papers/{id}/similar</c>: papers.</summary>
    public static JsonNode Papers() => new JsonArray(HfJson.Paper(Paper));
}
