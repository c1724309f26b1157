using CowansSync.Functions.Hosting;
using CowansSync.Functions.Work;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>Records each timer occurrence it runs.</summary>
public sealed class RecordingTimerFunction(InvocationRecorder recorder) : ITimerFunction
{
    public Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken)
    {
        recorder.Record(timer);
        return Task.CompletedTask;
    }
}

/// <summary>Records each work message it handles (message type <see cref="Type"/>).</summary>
public sealed class RecordingWorkHandler(InvocationRecorder recorder) : IWorkMessageHandler
{
    public const string Type = "test.record";

    public Task HandleAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        recorder.Record(message);
        return Task.CompletedTask;
    }
}

/// <summary>Records each delivery, then fails it (message type <see cref="Type"/>).</summary>
public sealed class FailingWorkHandler(InvocationRecorder recorder) : IWorkMessageHandler
{
    public const string Type = "test.fail";

    public Task HandleAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        recorder.Record(message);
        throw new InvalidOperationException("This handler always fails.");
    }
}

/// <summary>Records the start of each delivery, works for a second (honouring cancellation), then records completion (type <see cref="Type"/>).</summary>
public sealed class SlowWorkHandler(InvocationRecorder recorder) : IWorkMessageHandler
{
    public const string Type = "test.slow";

    public async Task HandleAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        recorder.Record(message);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        recorder.Record($"completed {message.MessageId}");
    }
}

/// <summary>Registers the test handlers around one recorder.</summary>
public static class TestHandlerRegistration
{
    public static void AddTestHandlers(this IServiceCollection services, InvocationRecorder recorder, params string[] timerFunctions)
    {
        services.AddSingleton(recorder);
        services.AddWorkMessageHandler<RecordingWorkHandler>(RecordingWorkHandler.Type);
        services.AddWorkMessageHandler<FailingWorkHandler>(FailingWorkHandler.Type);
        services.AddWorkMessageHandler<SlowWorkHandler>(SlowWorkHandler.Type);
        foreach (var name in timerFunctions)
        {
            services.AddTimerFunction<RecordingTimerFunction>(name);
        }
    }
}
