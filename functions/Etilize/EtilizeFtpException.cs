using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace CowansSync.Functions.Etilize;

/// <summary>The Etilize FTP server refused or failed an operation: a missing file, refused login, or a fault that outlasted the retries.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always built with a message and a classification.")]
public sealed class EtilizeFtpException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What failed, naming the file or folder.</param>
    /// <param name="statusCode">The FTP reply code, when the server answered.</param>
    /// <param name="isTransient">Whether trying again later may succeed.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EtilizeFtpException(string message, FtpStatusCode? statusCode, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
    }

    /// <summary>The FTP reply code, when the server answered.</summary>
    public FtpStatusCode? StatusCode { get; }

    /// <summary>Whether trying again later may succeed (4xx replies, lost connections, timeouts).</summary>
    public bool IsTransient { get; }
}
