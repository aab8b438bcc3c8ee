using System.ComponentModel;

namespace DailyPapers.Api;

/// <summary>
/// The problem document every error of the API is (RFC 9457), as <see cref="Web.ApiProblem"/> writes it; this type
/// only describes it for the OpenAPI document, and the contract test holds the two together.
/// </summary>
public record ApiProblemJson(
    [property: Description("Always about:blank: the status says what kind of problem it is.")] string Type,
    [property: Description("The status's reason phrase: Bad Request, Not Found…")] string Title,
    [property: Description("The HTTP status, again.")] int Status,
    [property: Description("What is wrong, in words; a malformed parameter is named.")] string Detail,
    [property: Description("The same message, as the member Hugging Face's API answers with and their client prints.")] string Error);
