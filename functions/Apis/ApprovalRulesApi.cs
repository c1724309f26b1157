using System.Security.Claims;
using CowansSync.Functions.Auth;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>/api/sync/rules</c>: read the approval rules (viewer); replace, add and delete them (admin). Bodies are read with
/// <see cref="DomainJson.Options"/>, so a misspelt property is refused rather than silently widening a rule. Audited.
/// </summary>
public static class ApprovalRulesApi
{
    /// <summary>The most rules a replacement may hold.</summary>
    public const int MaxRules = 50;

    /// <summary>Maps the routes.</summary>
    /// <param name="api">The <c>/api</c> group.</param>
    /// <returns>The <c>/api/sync/rules</c> group.</returns>
    public static RouteGroupBuilder MapApprovalRulesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/sync/rules").WithTags("Rules");
        group.MapGet("/", ListRulesAsync).WithName("ListApprovalRules");
        group.MapPut("/", ReplaceRulesAsync).RequireAuthorization(Roles.Admin).WithName("ReplaceApprovalRules");
        group.MapPost("/", AddRuleAsync).RequireAuthorization(Roles.Admin).WithName("AddApprovalRule");
        group.MapDelete("/{ruleId}", DeleteRuleAsync).RequireAuthorization(Roles.Admin).WithName("DeleteApprovalRule");
        return group;
    }

    /// <summary>Lists every rule, by priority then id.</summary>
    /// <param name="services">Rules and audit.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The rules.</returns>
    public static async Task<Ok<RuleList>> ListRulesAsync([AsParameters] ApprovalRulesServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return TypedResults.Ok(new RuleList(await services.Rules.ListAsync(cancellationToken)));
    }

    /// <summary>Replaces every rule.</summary>
    /// <param name="request">The HTTP request; its body is <c>{rules: [...]}</c>.</param>
    /// <param name="user">The caller.</param>
    /// <param name="services">Rules and audit.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The new rules, or 400 naming each bad field (e.g. <c>rules[2].priority</c>).</returns>
    public static async Task<Results<Ok<RuleList>, BadRequest<ApiError>>> ReplaceRulesAsync(
        HttpRequest request, ClaimsPrincipal user, [AsParameters] ApprovalRulesServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        var body = await ApprovalRuleRequests.ReadBodyAsync<ReplaceRulesRequest>(request, errors, cancellationToken);
        var rules = new List<ApprovalRule>();
        if (body?.Rules is not { Count: <= MaxRules } given)
        {
            errors.TryAdd("rules", $"is required, at most {MaxRules} rules");
        }
        else
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0; index < given.Count; index++)
            {
                if (ApprovalRuleRequests.Checked(given[index], $"rules[{index}].", errors) is { } rule)
                {
                    rules.Add(rule);
                    if (!ids.Add(rule.Id!))
                    {
                        errors[$"rules[{index}].id"] = $"'{rule.Id}' appears more than once";
                    }
                }
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The rules are invalid.", errors));
        }

        await services.Rules.ReplaceAllAsync(rules, cancellationToken);
        await services.Audit.WriteAsync(user, "approval_rules.replaced", "all", $"rules={string.Join(',', rules.Select(r => r.Id))}", cancellationToken);
        return TypedResults.Ok(new RuleList(await services.Rules.ListAsync(cancellationToken)));
    }

    /// <summary>Adds a rule; its id is generated when missing.</summary>
    /// <param name="request">The HTTP request; its body is the rule.</param>
    /// <param name="user">The caller.</param>
    /// <param name="services">Rules and audit.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>201 with the rule; 400 naming each bad field; 409 when the id exists.</returns>
    public static async Task<Results<Created<ApprovalRule>, BadRequest<ApiError>, Conflict<ApiError>>> AddRuleAsync(
        HttpRequest request, ClaimsPrincipal user, [AsParameters] ApprovalRulesServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        var rule = ApprovalRuleRequests.Checked(await ApprovalRuleRequests.ReadBodyAsync<ApprovalRule>(request, errors, cancellationToken), string.Empty, errors);
        if (rule is null || errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The rule is invalid.", errors));
        }

        if (!await services.Rules.AddAsync(rule, cancellationToken))
        {
            return TypedResults.Conflict(new ApiError("A rule with this id exists.", new Dictionary<string, object?> { ["id"] = rule.Id }));
        }

        await services.Audit.WriteAsync(user, "approval_rule.created", rule.Id!, $"name={rule.Name}", cancellationToken);
        return TypedResults.Created($"/api/sync/rules/{rule.Id}", rule);
    }

    /// <summary>Deletes a rule.</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="user">The caller.</param>
    /// <param name="services">Rules and audit.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>204, or 404 for an unknown rule.</returns>
    public static async Task<Results<NoContent, NotFound<ApiError>>> DeleteRuleAsync(
        string ruleId, ClaimsPrincipal user, [AsParameters] ApprovalRulesServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!await services.Rules.DeleteAsync(ruleId, cancellationToken))
        {
            return TypedResults.NotFound(new ApiError("No such rule.", new Dictionary<string, object?> { ["id"] = ruleId }));
        }

        await services.Audit.WriteAsync(user, "approval_rule.deleted", ruleId, null, cancellationToken);
        return TypedResults.NoContent();
    }
}
