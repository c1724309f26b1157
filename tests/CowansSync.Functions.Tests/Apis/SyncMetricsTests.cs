using CowansSync.Functions.Apis;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Tests.Apis;

public sealed class SyncMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly QueueBacklog NoBacklog = new(0, 0);
    private static readonly Dictionary<ChangeStatus, int> NoChanges = [];

    [Fact]
    public void Of_RunStartedBeforeTheHour_CountsOnlyTheShareOfItsItemsInsideIt()
    {
        // Arrange: 900 items over 90 minutes, 30 of which fall in the last hour.
        var run = Run(RunStatus.Running, started: -120, updated: -30, processed: 900);

        // Act
        var sut = SyncMetrics.Of([run], NoChanges, NoBacklog, Now);

        // Assert
        Assert.Equal(Math.Round(300m / 3600m, 2), sut.OperationsPerSecond);
    }

    [Fact]
    public void Of_RunWithNoElapsedTimeInsideTheHour_CountsAllItsItems()
    {
        var sut = SyncMetrics.Of([Run(RunStatus.Completed, started: -10, updated: -10, processed: 72)], NoChanges, NoBacklog, Now);

        Assert.Equal(0.02m, sut.OperationsPerSecond);
    }

    [Fact]
    public void Of_RunsOutsideTheHour_ReportNoThroughput()
    {
        var sut = SyncMetrics.Of([Run(RunStatus.Completed, started: -180, updated: -61, processed: 5000)], NoChanges, NoBacklog, Now);

        Assert.Equal(0m, sut.OperationsPerSecond);
    }

    [Fact]
    public void Of_EveryStatus_CountsCompletedFailedAndActiveAsDefined()
    {
        // Arrange
        var runs = Enum.GetValues<RunStatus>().Select(status => Run(status, started: -300, updated: -300, processed: 0)).ToList();

        // Act
        var sut = SyncMetrics.Of(runs, new Dictionary<ChangeStatus, int> { [ChangeStatus.Failed] = 4 }, new QueueBacklog(7, 1), Now);

        // Assert: completed and completed_with_errors are completed; cancelled is neither completed nor failed.
        Assert.Equal(7, sut.TotalOperations);
        Assert.Equal(2, sut.CompletedOperations);
        Assert.Equal(1, sut.FailedOperations);
        Assert.Equal(3, sut.ActiveRuns);
        Assert.Equal((7, 1), (sut.QueueDepth, sut.PoisonDepth));
        Assert.Equal(4, sut.Staged["failed"]);
        Assert.Equal(0, sut.Staged["rolled_back"]);
        Assert.Equal(Enum.GetValues<ChangeStatus>().Length, sut.Staged.Count);
    }

    private static WorkflowRun Run(RunStatus status, int started, int updated, long processed) => new()
    {
        RunId = $"run-{Guid.NewGuid():N}",
        Kind = RunKinds.EtilizeImport,
        Status = status,
        Phase = "validate",
        Progress = new RunProgress(processed, processed, processed, 0, 0),
        StartedAt = Now.AddMinutes(started),
        UpdatedAt = Now.AddMinutes(updated),
        CompletedAt = status.IsFinished() ? Now.AddMinutes(updated) : null,
    };
}
