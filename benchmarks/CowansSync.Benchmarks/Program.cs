using CowansSync.Benchmarks.Tables;

// dotnet run -c Release --project benchmarks/CowansSync.Benchmarks -- tables-insert [entities=50000] [parallelism=4]
return args switch
{
    ["tables-insert", ..] => await TableInsertBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4,
        Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: tables-insert [entities] [parallelism]");
    return 2;
}
