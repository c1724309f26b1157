using CowansSync.Functions.Hosting;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Testing;
using Microsoft.Extensions.Configuration;

namespace CowansSync.Functions.Tests.Hosting;

public sealed class FunctionDefinitionReaderTests
{
    [Fact]
    public void Read_SettingReferences_ResolvedFromConfigurationEitherSeparator()
    {
        // Arrange
        var appRoot = TestAppRoot.Create().WithTimer("Poll", "%Etilize__PollSchedule%").WithQueue("Work", "%Queues:WorkName%");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Etilize:PollSchedule"] = "0 30 2 * * *",
            ["Queues:WorkName"] = "work-items",
        }).Build();

        // Act
        var definitions = FunctionDefinitionReader.Read(appRoot.Path, configuration);

        // Assert
        Assert.Equal("0 30 2 * * *", Assert.IsType<TimerTrigger>(definitions.Single(d => d.Name == "Poll").Trigger).Schedule.Expression);
        var queue = Assert.IsType<QueueTrigger>(definitions.Single(d => d.Name == "Work").Trigger);
        Assert.Equal("work-items", queue.QueueName);
        Assert.Equal("work-items-poison", queue.PoisonQueueName);
    }

    [Fact]
    public void Read_RepositoryDefinitions_HasApiPollHealthAndSyncWork()
    {
        var definitions = FunctionDefinitionReader.Read(RepositoryPaths.Combine("functions", "FunctionApp"), new ConfigurationBuilder().Build());

        Assert.Equal([FunctionNames.Api, FunctionNames.EtilizePoll, FunctionNames.Health, FunctionNames.SyncWork], definitions.Select(d => d.Name));
        Assert.IsType<HttpTrigger>(definitions[0].Trigger);
        Assert.Equal("0 */15 * * * *", Assert.IsType<TimerTrigger>(definitions[1].Trigger).Schedule.ToString());
        Assert.Equal(new QueueTrigger("message", "sync-work", "SyncStorage"), definitions[3].Trigger);
    }

    [Fact]
    public void Read_DisabledFunction_IsSkipped()
    {
        var appRoot = TestAppRoot.Create().WithTimer("Enabled", "0 0 * * * *");
        Directory.CreateDirectory(Path.Combine(appRoot.Path, "Disabled"));
        File.WriteAllText(Path.Combine(appRoot.Path, "Disabled", "function.json"),
            """{"disabled": true, "bindings": [{"type": "timerTrigger", "direction": "in", "name": "t", "schedule": "0 0 * * * *"}]}""");

        var definitions = FunctionDefinitionReader.Read(appRoot.Path, new ConfigurationBuilder().Build());

        Assert.Equal("Enabled", Assert.Single(definitions).Name);
    }

    [Fact]
    public void Read_UnsupportedTrigger_ThrowsNamingFileAndType()
    {
        var appRoot = TestAppRoot.Create();
        Directory.CreateDirectory(Path.Combine(appRoot.Path, "Blobs"));
        File.WriteAllText(Path.Combine(appRoot.Path, "Blobs", "function.json"),
            """{"bindings": [{"type": "blobTrigger", "direction": "in", "name": "b", "path": "in/{name}"}]}""");

        var error = Assert.Throws<InvalidOperationException>(() => FunctionDefinitionReader.Read(appRoot.Path, new ConfigurationBuilder().Build()));

        Assert.Contains(Path.Combine("Blobs", "function.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains("'blobTrigger' is not supported", error.Message, StringComparison.Ordinal);
    }
}
