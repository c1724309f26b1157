using System.Text.Json;
using CowansSync.Functions.Staging;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Rules;

namespace CowansSync.Functions.Apis;

/// <summary>Reading and checking rule bodies: strict <see cref="DomainJson"/>, field errors keyed by their JSON path.</summary>
internal static class ApprovalRuleRequests
{
    public static ApprovalRule? Checked(ApprovalRule? rule, string prefix, Dictionary<string, object?> errors)
    {
        if (rule is null)
        {
            errors.TryAdd(prefix.Length == 0 ? "body" : prefix.TrimEnd('.'), "is required: a rule object");
            return null;
        }

        if (rule.Id is not null && !ApprovalRuleIds.IsValid(rule.Id))
        {
            errors[$"{prefix}id"] = $"must be 1 to {ApprovalRuleIds.MaxLength} letters, digits, '-', '_' or '.'";
        }

        foreach (var (field, message) in rule.Validate())
        {
            errors[$"{prefix}{field}"] = message;
        }

        return rule.Id is null ? rule with { Id = ApprovalRuleIds.New() } : rule;
    }

    public static async Task<T?> ReadBodyAsync<T>(HttpRequest request, Dictionary<string, object?> errors, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, DomainJson.Options, cancellationToken);
        }
        catch (JsonException error)
        {
            // The path names the offending property (e.g. "$.rules[0].priority"); the serializer's own message would name .NET types.
            var field = error.Path is { Length: > 2 } path ? path[2..] : "body";
            errors[field] = error.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "is not a known property"
                : "is malformed or has the wrong type";
            return null;
        }
    }
}
