using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Diplomacy.Extraction.Benchmarks.BenchmarkData).Assembly).Run(args);
