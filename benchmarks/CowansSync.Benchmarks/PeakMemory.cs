using System.Diagnostics;

namespace CowansSync.Benchmarks;

/// <summary>Samples this process's managed heap and working set every 10 ms while a measured section runs.</summary>
internal sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakManagedBytes;

    private PeakMemory()
    {
        using var process = Process.GetCurrentProcess();
        BaselineWorkingSetBytes = process.WorkingSet64;
        BaselineManagedBytes = GC.GetTotalMemory(false);
        _peakManagedBytes = BaselineManagedBytes;
        _sampler = Task.Run(SampleAsync);
    }

    public long BaselineWorkingSetBytes { get; }

    public long BaselineManagedBytes { get; }

    public long PeakManagedBytes => Interlocked.Read(ref _peakManagedBytes);

    public long PeakWorkingSetBytes { get; private set; }

    public static PeakMemory Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return new PeakMemory();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Interlocked.Exchange(ref _peakManagedBytes, Math.Max(PeakManagedBytes, GC.GetTotalMemory(false)));
            using (var process = Process.GetCurrentProcess())
            {
                PeakWorkingSetBytes = Math.Max(PeakWorkingSetBytes, process.WorkingSet64);
            }

            try
            {
                await Task.Delay(10, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping is the normal end of sampling.
            }
        }
    }
}
