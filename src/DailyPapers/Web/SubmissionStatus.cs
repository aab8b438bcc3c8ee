using DailyPapers.Infrastructure.Community;

namespace DailyPapers.Web;

/// <summary>The HTTP status a refused submission answers with, on the page and in the API alike.</summary>
public static class SubmissionStatus
{
    public static int Of(SubmissionFailure failure) => failure switch
    {
        SubmissionFailure.None => StatusCodes.Status201Created,
        SubmissionFailure.NotFound => StatusCodes.Status404NotFound,
        SubmissionFailure.Duplicate => StatusCodes.Status409Conflict,
        SubmissionFailure.TooOld or SubmissionFailure.Hidden => StatusCodes.Status422UnprocessableEntity,
        SubmissionFailure.DailyLimit => StatusCodes.Status429TooManyRequests,
        SubmissionFailure.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };
}
