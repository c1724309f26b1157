using CowansSync.Functions.Staging;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Staging;

/// <summary>The remembered rejections on Azurite: repeat-safe, and forgotten only by the change that left them.</summary>
public sealed class RejectedProposalStoreTests
{
    [Fact]
    public async Task RememberAsync_Twice_IsFoundOnceWithTheChangeThatLeftIt()
    {
        using var sut = await CreateAsync();
        var rejected = Rejected();

        await sut.RememberAsync(rejected, CancellationToken.None);
        await sut.RememberAsync(rejected, CancellationToken.None);
        var found = await sut.FindAsync([ProposalFingerprint.Of(rejected), new string('0', 64)], CancellationToken.None);

        Assert.Equal(rejected.ChangeId, Assert.Single(found).Value);
    }

    [Fact]
    public async Task ForgetAsync_ByAnotherChangeWithTheSameProposal_KeepsIt_ByItsOwnChange_ForgetsIt()
    {
        using var sut = await CreateAsync();
        var rejected = Rejected();
        var sameProposalLater = rejected with { ChangeId = StagedChangeId.For("run-later", rejected.Sku, rejected.Direction), RunId = "run-later" };
        await sut.RememberAsync(rejected, CancellationToken.None);

        await sut.ForgetAsync(sameProposalLater, CancellationToken.None);
        var afterOther = await sut.FindAsync([ProposalFingerprint.Of(rejected)], CancellationToken.None);
        await sut.ForgetAsync(rejected, CancellationToken.None);
        await sut.ForgetAsync(rejected, CancellationToken.None);
        var afterOwn = await sut.FindAsync([ProposalFingerprint.Of(rejected)], CancellationToken.None);

        Assert.Single(afterOther);
        Assert.Empty(afterOwn);
    }

    [Fact]
    public async Task FindAsync_RejectionRememberedAndForgottenByAnotherProcess_IsSeenAtOnce()
    {
        using var sut = await CreateAsync();
        using var otherProcess = await CreateAsync();
        var rejected = Rejected();
        var fingerprint = ProposalFingerprint.Of(rejected);
        var before = await sut.FindAsync([fingerprint], CancellationToken.None);

        await otherProcess.RememberAsync(rejected, CancellationToken.None);
        var afterRemember = await sut.FindAsync([fingerprint], CancellationToken.None);
        await otherProcess.ForgetAsync(rejected, CancellationToken.None);
        var afterForget = await sut.FindAsync([fingerprint], CancellationToken.None);

        Assert.Empty(before);
        Assert.Equal(rejected.ChangeId, Assert.Single(afterRemember).Value);
        Assert.Empty(afterForget);
    }

    private static async Task<RejectedProposalStore> CreateAsync()
        => new(StorageClients.FromConnectionString((await AzuriteServer.Shared).ConnectionString));

    // A SKU of its own, so tests sharing the table never share a proposal.
    private static StagedChange Rejected()
        => TestChanges.Update(TestChanges.NewRunId(), TestChanges.NewSku()).Reject(new ReviewInfo("ann", TestChanges.StagedAt, "no")).Change!;
}
