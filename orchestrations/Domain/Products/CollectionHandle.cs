using System.Text;

namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>The handle of the store collection a category's products belong to, as Shopify derives handles from titles.</summary>
public static class CollectionHandle
{
    /// <summary>The handle for a category: lower case, each run of other characters one hyphen, none at the ends.</summary>
    /// <param name="category">The category, e.g. <c>Writing Instruments</c>.</param>
    /// <returns>The handle, e.g. <c>writing-instruments</c>; <see langword="null"/> when the category has no letters or digits.</returns>
    public static string? Of(string? category)
    {
        var handle = new StringBuilder();
        foreach (var c in (category ?? string.Empty).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                handle.Append(c);
            }
            else if (handle.Length > 0 && handle[^1] != '-')
            {
                handle.Append('-');
            }
        }

        var text = handle.ToString().TrimEnd('-');
        return text.Length > 0 ? text : null;
    }
}
