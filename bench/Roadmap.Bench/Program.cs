using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Roadmap.Bench -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Roadmap.Bench.AnalysisBenchmarks).Assembly).Run(args);
