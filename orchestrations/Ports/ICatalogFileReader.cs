namespace CowansSync.Orchestrations.Ports;

/// <summary>Reads an Etilize catalog ZIP (either layout) into normalized rows.</summary>
public interface ICatalogFileReader
{
    /// <summary>Streams the rows of <paramref name="zip"/>; a bad row is yielded as an error and reading goes on.</summary>
    /// <param name="zip">The ZIP, read once from start to end; it need not seek.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="CatalogFileRefusedException">The file is corrupt, hostile or of no known layout.</exception>
    IAsyncEnumerable<CatalogRow> ReadAsync(Stream zip, CancellationToken cancellationToken);
}
