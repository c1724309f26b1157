using System.Globalization;
using CowansSync.Benchmarks.Blobs;
using CowansSync.Benchmarks.Import;
using CowansSync.Benchmarks.Pull;
using CowansSync.Benchmarks.Push;
using CowansSync.Benchmarks.Starts;
using CowansSync.Benchmarks.Tables;

// dotnet run -c Release --project benchmarks/CowansSync.Benchmarks -- <benchmark> [arguments]
return args switch
{
    ["storage"] => await TableInsertBenchmark.RunAsync(50_000, 4, Console.Out) | await BlobTransferBenchmark.RunAsync(256, Console.Out),
    ["tables-insert", ..] => await TableInsertBenchmark.RunAsync(Argument(1, 50_000), Argument(2, 4), Console.Out),
    ["blob-transfer", ..] => await BlobTransferBenchmark.RunAsync(Argument(1, 256), Console.Out),
    ["import", ..] => await ImportBenchmark.RunAsync(Argument(1, 50_000), Console.Out),
    ["push", ..] => await PushBenchmark.RunAsync(Argument(1, 10_000), args.Length > 2 ? args[2] : "both", Console.Out),
    ["pull", ..] => await PullBenchmark.RunAsync(Argument(1, 50_000), Console.Out),
    ["start"] => await StartLatencyBenchmark.RunAsync(Console.Out),
    _ => Usage(),
};

int Argument(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: storage | tables-insert [entities=50000] [parallelism=4] | blob-transfer [mebibytes=256] | import [products=50000] | push [changes=10000] [both|single|bulk] | pull [products=50000] | start");
    return 2;
}
