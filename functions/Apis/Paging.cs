namespace CowansSync.Functions.Apis;

/// <summary>The API's paging parameters: <c>page</c> (from 1, default 1) and <c>per_page</c> (1–200, default 50).</summary>
public static class Paging
{
    /// <summary>The default page size.</summary>
    public const int DefaultPerPage = 50;

    /// <summary>The largest page size.</summary>
    public const int MaxPerPage = 200;

    /// <summary>Reads and checks the request's <c>page</c> and <c>per_page</c>, applying the defaults.</summary>
    /// <param name="request">The request.</param>
    /// <param name="errors">Receives one entry per bad parameter.</param>
    /// <returns>The page and size to use.</returns>
    public static (int Page, int PerPage) Read(HttpRequest request, Dictionary<string, object?> errors) =>
        Validate(ApiQuery.WholeNumber(request, "page", errors), ApiQuery.WholeNumber(request, "per_page", errors), errors);

    /// <summary>Checks <c>page</c> and <c>per_page</c>, applying the defaults.</summary>
    /// <param name="page">The requested page.</param>
    /// <param name="perPage">The requested page size.</param>
    /// <param name="errors">Receives one entry per bad parameter.</param>
    /// <returns>The page and size to use.</returns>
    public static (int Page, int PerPage) Validate(int? page, int? perPage, Dictionary<string, object?> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (page < 1)
        {
            errors["page"] = "must be 1 or more";
        }

        if (perPage is < 1 or > MaxPerPage)
        {
            errors["per_page"] = $"must be between 1 and {MaxPerPage}";
        }

        return (page ?? 1, perPage ?? DefaultPerPage);
    }

    /// <summary>The requested page of <paramref name="all"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="all">The whole list.</param>
    /// <param name="page">The page number.</param>
    /// <param name="perPage">The page size.</param>
    /// <returns>The page.</returns>
    public static PagedList<T> ToPage<T>(this IReadOnlyList<T> all, int page, int perPage)
    {
        ArgumentNullException.ThrowIfNull(all);
        return new PagedList<T>([.. all.Skip((page - 1) * perPage).Take(perPage)], all.Count, page, perPage);
    }
}
