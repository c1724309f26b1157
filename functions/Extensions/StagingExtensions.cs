using CowansSync.Functions.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Extensions;

/// <summary>Registers the staged-change, rejected-proposal and approval-rule stores.</summary>
public static class StagingExtensions
{
    /// <summary>
    /// Registers <see cref="StagedChangeStore"/>, <see cref="RejectedProposalStore"/> and <see cref="ApprovalRuleStore"/>
    /// as singletons, also as <see cref="IStagedChangeStore"/>, <see cref="IRejectedProposals"/> and
    /// <see cref="IApprovalRuleStore"/>. Needs <c>AddSyncStorage</c>.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddStaging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<StagedChangeStore>();
        builder.Services.AddSingleton<IStagedChangeStore>(services => services.GetRequiredService<StagedChangeStore>());
        builder.Services.AddSingleton<IRejectedProposals, RejectedProposalStore>();
        builder.Services.AddSingleton<ApprovalRuleStore>();
        builder.Services.AddSingleton<IApprovalRuleStore>(services => services.GetRequiredService<ApprovalRuleStore>());
        return builder;
    }
}
