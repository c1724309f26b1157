using System.Diagnostics.CodeAnalysis;

namespace CowansSync.Functions.Xorosoft;

/// <summary>A Xorosoft answer worth retrying: the throttled reply or a 5xx.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Internal signal for the retry pipeline.")]
internal sealed class XorosoftTransientException(string message) : Exception(message);
