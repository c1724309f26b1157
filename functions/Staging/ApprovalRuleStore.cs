using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Staging;

/// <summary>
/// Approval rules in table <c>approvalrules</c>: one partition, RowKey = rule id, the rule as <see cref="DomainJson"/> in <c>Rule</c>.
/// Listed by priority, then id.
/// </summary>
/// <remarks>
/// The defaults are seeded once per table, not once per process: the first use inserts a <c>$seeded</c> marker and the
/// defaults in one transaction. Concurrent first uses race on that transaction; the losers see the marker and do nothing,
/// and a default an admin deleted stays deleted.
/// </remarks>
public sealed class ApprovalRuleStore(StorageClients storage) : IApprovalRuleStore
{
    /// <summary>The table.</summary>
    public const string TableName = "approvalrules";

    private const string Partition = "rules";
    private const string SeededMarker = "$seeded";
    private const string RuleColumn = "Rule";
    private const int MaxTransactionActions = 100;
    private volatile bool _seeded;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApprovalRule>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await GetSeededTableAsync(cancellationToken).ConfigureAwait(false);
        var rules = new List<ApprovalRule>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey != SeededMarker)
            {
                rules.Add(JsonSerializer.Deserialize<ApprovalRule>(row.GetString(RuleColumn)!, DomainJson.Options)!);
            }
        }

        return [.. rules.OrderBy(rule => rule.Priority).ThenBy(rule => rule.Id, StringComparer.Ordinal)];
    }

    /// <summary>Adds a rule.</summary>
    /// <param name="rule">The rule, with its id set.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns><see langword="false"/> when a rule with that id exists.</returns>
    public async Task<bool> AddAsync(ApprovalRule rule, CancellationToken cancellationToken)
    {
        var table = await GetSeededTableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(ToEntity(rule), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Deletes a rule.</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns><see langword="false"/> when there was no such rule.</returns>
    public async Task<bool> DeleteAsync(string ruleId, CancellationToken cancellationToken)
    {
        if (!ApprovalRuleIds.IsValid(ruleId))
        {
            return false;
        }

        var table = await GetSeededTableAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.DeleteEntityAsync(Partition, ruleId, ETag.All, cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>Replaces every rule with <paramref name="rules"/>.</summary>
    /// <remarks>One transaction when deletes and writes fit in 100 actions (always, for up to 50 rules before and after).</remarks>
    /// <param name="rules">The new rules, each with a distinct id.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>A task that completes when the rules are replaced.</returns>
    public async Task ReplaceAllAsync(IReadOnlyList<ApprovalRule> rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var table = await GetSeededTableAsync(cancellationToken).ConfigureAwait(false);
        var keep = rules.Select(rule => rule.Id!).ToHashSet(StringComparer.Ordinal);
        var existing = await ListAsync(cancellationToken).ConfigureAwait(false);
        var actions = existing.Where(rule => !keep.Contains(rule.Id!))
            .Select(rule => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, rule.Id!), ETag.All))
            .Concat(rules.Select(rule => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(rule))))
            .ToList();
        foreach (var batch in actions.Chunk(MaxTransactionActions))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TableClient> GetSeededTableAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        if (_seeded)
        {
            return table;
        }

        var marker = await table.GetEntityIfExistsAsync<TableEntity>(Partition, SeededMarker, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!marker.HasValue)
        {
            var actions = DefaultApprovalRules.Create().Select(rule => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(rule)))
                .Prepend(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, SeededMarker)));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException error) when (error.Status == 409)
            {
                // Another instance seeded between our read and our write; its seed is the same.
                _seeded = true;
                return table;
            }
        }

        _seeded = true;
        return table;
    }

    private static TableEntity ToEntity(ApprovalRule rule) => new(Partition, rule.Id!)
    {
        ["Priority"] = rule.Priority,
        [RuleColumn] = JsonSerializer.Serialize(rule, DomainJson.Options),
    };
}
