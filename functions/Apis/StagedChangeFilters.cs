using CowansSync.Functions.Staging;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Apis;

/// <summary>Turns the API's staged-change filters into a <see cref="StagedChangeQuery"/>, naming each bad one.</summary>
public static class StagedChangeFilters
{
    /// <summary>The longest text a note or reason may have.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>
    /// The API's <c>source</c> values and the flows each covers: the seeds' systems, and each <c>sync_direction</c> an
    /// item carries, which selects just that flow.
    /// </summary>
    public static IReadOnlyDictionary<string, ChangeDirection[]> Sources { get; } = SourcesAndDirections();

    /// <summary>Parses the list filters.</summary>
    /// <param name="parameters">The query string values.</param>
    /// <param name="errors">Receives one entry per bad parameter.</param>
    /// <returns>The query (meaningless when <paramref name="errors"/> is not empty).</returns>
    public static StagedChangeQuery Parse(StagedChangeListParameters parameters, Dictionary<string, object?> errors)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(errors);
        ChangeDirection[]? directions = null;
        if (parameters.Source is { } source && !Sources.TryGetValue(source, out directions))
        {
            errors["source"] = $"'{source}' is not one of {string.Join(", ", Sources.Keys)}";
        }

        return new StagedChangeQuery(
            RunId: string.IsNullOrEmpty(parameters.BatchId) ? null : parameters.BatchId,
            Status: ParseEnum<ChangeStatus>("status", parameters.Status, errors),
            ChangeType: ParseEnum<ChangeType>("change_type", parameters.ChangeType, errors),
            HasConflicts: ParseBool("has_conflicts", parameters.HasConflicts, errors),
            Directions: directions,
            Sku: ParseSku("sku", parameters.Sku, errors));
    }

    /// <summary>Parses an optional enum value given by its wire name.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="field">The field, for the error.</param>
    /// <param name="text">The value, or <see langword="null"/>.</param>
    /// <param name="errors">Receives the error.</param>
    /// <returns>The value, or <see langword="null"/> when absent or bad.</returns>
    public static TEnum? ParseEnum<TEnum>(string field, string? text, Dictionary<string, object?> errors)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is null)
        {
            return null;
        }

        if (WireName.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        errors[field] = $"'{text}' is not one of {WireName.ListOf<TEnum>()}";
        return null;
    }

    /// <summary>Parses an optional SKU.</summary>
    /// <param name="field">The field, for the error.</param>
    /// <param name="text">The value, or <see langword="null"/>.</param>
    /// <param name="errors">Receives the error.</param>
    /// <returns>The SKU, or <see langword="null"/> when absent or bad.</returns>
    public static Sku? ParseSku(string field, string? text, Dictionary<string, object?> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is null)
        {
            return null;
        }

        if (Sku.TryParse(text, out var sku))
        {
            return sku;
        }

        errors[field] = "must be a non-empty SKU";
        return null;
    }

    /// <summary>Checks an optional note's length.</summary>
    /// <param name="field">The field, for the error.</param>
    /// <param name="text">The note.</param>
    /// <param name="required">Whether it must be given.</param>
    /// <param name="errors">Receives the error.</param>
    public static void CheckNote(string field, string? text, bool required, Dictionary<string, object?> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors[field] = $"is required, 1 to {MaxNoteLength} characters";
        }
        else if (text?.Length > MaxNoteLength)
        {
            errors[field] = $"must be at most {MaxNoteLength} characters";
        }
    }

    /// <summary>Parses an optional <c>true</c> or <c>false</c>.</summary>
    /// <param name="field">The field, for the error.</param>
    /// <param name="text">The value, or <see langword="null"/>.</param>
    /// <param name="errors">Receives the error.</param>
    /// <returns>The value, or <see langword="null"/> when absent or bad.</returns>
    public static bool? ParseBool(string field, string? text, Dictionary<string, object?> errors)
    {
        switch (text)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                errors[field] = $"'{text}' is not one of true, false";
                return null;
        }
    }

    private static Dictionary<string, ChangeDirection[]> SourcesAndDirections()
    {
        var sources = new Dictionary<string, ChangeDirection[]>(StringComparer.Ordinal)
        {
            ["etilize"] = [ChangeDirection.EtilizeImport],
            ["shopify"] = [ChangeDirection.PullFromShopify, ChangeDirection.PushToShopify],
            ["xorosoft"] = [ChangeDirection.XorosoftInventory],
            ["manual"] = [ChangeDirection.Manual, ChangeDirection.Rollback],
        };
        foreach (var direction in Enum.GetValues<ChangeDirection>())
        {
            // "manual" stays the system's: manual edits and rollbacks.
            sources.TryAdd(WireName.Of(direction), [direction]);
        }

        return sources;
    }
}
