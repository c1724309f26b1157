using System.Globalization;
using System.Security.Claims;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Storage.Tables;

namespace CowansSync.Functions.Audit;

/// <summary>
/// The <c>audit</c> table: one row per state change, saying who (caller id and name), what (action and target),
/// when, and optional notes. Partitioned by month; row keys sort newest first.
/// </summary>
public sealed class AuditLog(StorageClients storage, TimeProvider timeProvider)
{
    /// <summary>The table.</summary>
    public const string TableName = "audit";

    /// <summary>Records a state change.</summary>
    /// <param name="actor">Who made it.</param>
    /// <param name="action">What was done, e.g. <c>api_key.created</c>.</param>
    /// <param name="target">What it was done to, e.g. the key id.</param>
    /// <param name="notes">Free text from the caller, if any.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is stored.</returns>
    public async Task WriteAsync(ClaimsPrincipal actor, string action, string target, string? notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = timeProvider.GetUtcNow();
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var entity = new TableEntity(now.ToString("yyyy-MM", CultureInfo.InvariantCulture), $"{newestFirst}-{Guid.NewGuid():N}")
        {
            ["At"] = now,
            ["ActorId"] = actor.GetCallerId(),
            ["ActorName"] = actor.GetCallerName(),
            ["Action"] = action,
            ["Target"] = target,
            ["Notes"] = notes,
        };
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        await table.AddEntityAsync(entity, cancellationToken);
    }
}
