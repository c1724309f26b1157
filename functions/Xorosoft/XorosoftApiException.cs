using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace CowansSync.Functions.Xorosoft;

/// <summary>Xorosoft refused a request for good (bad credentials, an unknown route, an error it explains), or kept failing after retries.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always built with a message for people.")]
public sealed class XorosoftApiException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What went wrong, naming the endpoint.</param>
    /// <param name="statusCode">The HTTP status, when there was an answer.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public XorosoftApiException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    /// <summary>The HTTP status, when there was an answer.</summary>
    public HttpStatusCode? StatusCode { get; }
}
