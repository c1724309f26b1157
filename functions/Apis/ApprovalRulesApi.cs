using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Staging;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>/api/sync/rules</c>: read the approval rules (viewer); replace, add and delete them (admin). Bodies are read with
/// <see cref="DomainJson.Options"/>, so a misspelt property is refused rather than silently widening a rule. Audited.
/// </summary>
/// <param name="rules">The rule store.</param>
/// <param name="audit">The audit log.</param>
public sealed class ApprovalRulesApi(ApprovalRuleStore rules, AuditLog audit)
{
    /// <summary>The most rules a replacement may hold.</summary>
    public const int MaxRules = 50;

    /// <summary>Lists every rule, by priority then id.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The rules.</returns>
    [Function(nameof(ListApprovalRules))]
    [Authorize(Roles.Viewer)]
    public async Task<Ok<RuleList>> ListApprovalRules(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sync/rules")] HttpRequest request, CancellationToken cancellationToken)
        => TypedResults.Ok(new RuleList(await rules.ListAsync(cancellationToken)));

    /// <summary>Replaces every rule.</summary>
    /// <param name="request">The request; its body is <c>{rules: [...]}</c>.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The new rules, or 400 naming each bad field (e.g. <c>rules[2].priority</c>).</returns>
    [Function(nameof(ReplaceApprovalRules))]
    [JsonRequestBody(typeof(ReplaceRulesRequest))]
    [Authorize(Roles.Admin)]
    public async Task<Results<Ok<RuleList>, BadRequest<ApiError>>> ReplaceApprovalRules(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "sync/rules")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, object?>();
        var body = await ApprovalRuleRequests.ReadBodyAsync<ReplaceRulesRequest>(request, errors, cancellationToken);
        var replacement = new List<ApprovalRule>();
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
                    replacement.Add(rule);
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

        await rules.ReplaceAllAsync(replacement, cancellationToken);
        await audit.WriteAsync(request.HttpContext.User, "approval_rules.replaced", "all", $"rules={string.Join(',', replacement.Select(r => r.Id))}", cancellationToken);
        return TypedResults.Ok(new RuleList(await rules.ListAsync(cancellationToken)));
    }

    /// <summary>Adds a rule; its id is generated when missing.</summary>
    /// <param name="request">The request; its body is the rule.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>201 with the rule; 400 naming each bad field; 409 when the id exists.</returns>
    [Function(nameof(AddApprovalRule))]
    [JsonRequestBody(typeof(ApprovalRule))]
    [Authorize(Roles.Admin)]
    public async Task<Results<Created<ApprovalRule>, BadRequest<ApiError>, Conflict<ApiError>>> AddApprovalRule(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sync/rules")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, object?>();
        var rule = ApprovalRuleRequests.Checked(await ApprovalRuleRequests.ReadBodyAsync<ApprovalRule>(request, errors, cancellationToken), string.Empty, errors);
        if (rule is null || errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The rule is invalid.", errors));
        }

        if (!await rules.AddAsync(rule, cancellationToken))
        {
            return TypedResults.Conflict(new ApiError("A rule with this id exists.", new Dictionary<string, object?> { ["id"] = rule.Id }));
        }

        await audit.WriteAsync(request.HttpContext.User, "approval_rule.created", rule.Id!, $"name={rule.Name}", cancellationToken);
        return TypedResults.Created($"/api/sync/rules/{rule.Id}", rule);
    }

    /// <summary>Deletes a rule.</summary>
    /// <param name="request">The request.</param>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>204, or 404 for an unknown rule.</returns>
    [Function(nameof(DeleteApprovalRule))]
    [Authorize(Roles.Admin)]
    public async Task<Results<NoContent, NotFound<ApiError>>> DeleteApprovalRule(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "sync/rules/{ruleId}")] HttpRequest request, string ruleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await rules.DeleteAsync(ruleId, cancellationToken))
        {
            return TypedResults.NotFound(new ApiError("No such rule.", new Dictionary<string, object?> { ["id"] = ruleId }));
        }

        await audit.WriteAsync(request.HttpContext.User, "approval_rule.deleted", ruleId, null, cancellationToken);
        return TypedResults.NoContent();
    }
}
