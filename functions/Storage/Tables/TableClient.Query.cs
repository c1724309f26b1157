using System.Globalization;
using System.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>Queries and the filter builder.</summary>
public partial class TableClient
{
    private const int MaxPageSize = 1000;
    private const string NextPartitionKey = "NextPartitionKey";
    private const string NextRowKey = "NextRowKey";

    /// <summary>Queries the table, page by page, following the service's continuation until the last page.</summary>
    /// <param name="filter">
    /// An OData <c>$filter</c>; build it with <see cref="CreateQueryFilter"/> so values are escaped. All entities when <see langword="null"/>.
    /// </param>
    /// <param name="maxPerPage">The page size (<c>$top</c>), 1 to 1,000; the service's default (1,000) when <see langword="null"/>.</param>
    /// <param name="select">The properties to return; all when <see langword="null"/>. System properties come back only if named.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The matching entities in key order. Pages may be empty; enumerate until the end.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPerPage"/> is outside 1 to 1,000.</exception>
    /// <exception cref="RequestFailedException">Thrown while enumerating, when a page request fails.</exception>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Azure.Data.Tables names it select; callers use the named argument.")]
    public virtual AsyncPageable<TableEntity> QueryAsync(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        ValidatePageSize(maxPerPage, nameof(maxPerPage));
        var selectList = select is null ? null : SelectList(select);
        return new ContinuationPageable<TableEntity>(
            (continuation, pageSizeHint, token) =>
            {
                ValidatePageSize(pageSizeHint, nameof(pageSizeHint));
                return QueryPageAsync(filter, pageSizeHint ?? maxPerPage, selectList, continuation, token);
            },
            cancellationToken);
    }

    /// <summary>
    /// Builds a <c>$filter</c> from an interpolated string: each interpolated value becomes an OData literal, so
    /// a value can never change the shape of the query.
    /// </summary>
    /// <param name="filter">
    /// For example <c>$"PartitionKey eq {sku} and Qty gt {10L}"</c>. Values: <see cref="string"/> (<c>'O''Brien'</c>),
    /// <see cref="bool"/>, <see cref="int"/>, <see cref="long"/> (<c>10L</c>), <see cref="double"/>,
    /// <see cref="DateTimeOffset"/> (<c>datetime'…Z'</c>), <see cref="Guid"/> (<c>guid'…'</c>), <c>byte[]</c> or
    /// <see cref="BinaryData"/> (<c>X'0aff'</c>), or <see langword="null"/>.
    /// </param>
    /// <returns>The filter text.</returns>
    /// <exception cref="ArgumentException">A value has a type that has no OData literal.</exception>
    public static string CreateQueryFilter(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(ODataFilterLiteral.Format).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    private async Task<Page<TableEntity>> QueryPageAsync(string? filter, int? top, string? select, string? continuation, CancellationToken cancellationToken)
    {
        var query = new StringBuilder();
        AppendParameter(query, "$filter", filter);
        AppendParameter(query, "$top", top?.ToString(CultureInfo.InvariantCulture));
        AppendParameter(query, "$select", select, escape: false);
        if (continuation is not null)
        {
            // The token is "<NextPartitionKey> <NextRowKey>": both are opaque service tokens without spaces.
            var space = continuation.IndexOf(' ', StringComparison.Ordinal);
            AppendParameter(query, NextPartitionKey, space < 0 ? continuation : continuation[..space]);
            AppendParameter(query, NextRowKey, space < 0 ? null : continuation[(space + 1)..]);
        }

        using var message = CreateMessage(RequestMethod.Get, new Uri($"{_tableUri.AbsoluteUri}(){query}"));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);

        using var document = JsonDocument.Parse(response.Content.ToMemory());
        var entities = document.RootElement.GetProperty("value").EnumerateArray().Select(TableEntityJson.Read).ToList();
        return Page<TableEntity>.FromValues(entities, ContinuationToken(response), response);
    }

    private static string? ContinuationToken(Response response)
    {
        if (!response.Headers.TryGetValue("x-ms-continuation-" + NextPartitionKey, out var partitionKey))
        {
            return null;
        }

        return response.Headers.TryGetValue("x-ms-continuation-" + NextRowKey, out var rowKey) ? $"{partitionKey} {rowKey}" : partitionKey;
    }

    private static void AppendParameter(StringBuilder query, string name, string? value, bool escape = true)
    {
        if (value is not null)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(escape ? Uri.EscapeDataString(value) : value);
        }
    }

    private static void ValidatePageSize(int? pageSize, string parameterName)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(parameterName, pageSize, $"A page holds 1 to {MaxPageSize} entities.");
        }
    }
}
