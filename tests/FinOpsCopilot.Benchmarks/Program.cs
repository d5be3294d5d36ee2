using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/FinOpsCopilot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

public partial class Program;
