using BenchmarkDotNet.Running;

// Runs the engine's benchmarks; bench/compare.sh runs them beside the graphql-js peer and prints the ratios.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
