namespace CowansSync.Orchestrations.Import;

/// <summary>An import that cannot go on (e.g. its file was refused); the message, for people, becomes the run's failure.</summary>
public sealed class CatalogImportFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogImportFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the import stopped.</param>
    public CatalogImportFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the import stopped.</param>
    /// <param name="innerException">The cause.</param>
    public CatalogImportFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
