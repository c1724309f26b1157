using System.Diagnostics.CodeAnalysis;

namespace CowansSync.Orchestrations.Ports;

/// <summary>An Etilize file that will not be imported, with a machine-readable reason and a message for people.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "A refusal always has a reason code.")]
public sealed class CatalogFileRefusedException : Exception
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="reason">Why, as a stable code: <c>corrupt_archive</c>, <c>too_large</c>, <c>too_many_entries</c>,
    /// <c>compression_ratio</c>, <c>unsafe_entry_name</c>, <c>unknown_layout</c>.</param>
    /// <param name="message">What is wrong, for the run's error list.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public CatalogFileRefusedException(string reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    /// <summary>The stable reason code.</summary>
    public string Reason { get; }
}
