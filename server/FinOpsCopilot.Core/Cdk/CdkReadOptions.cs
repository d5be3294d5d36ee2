namespace FinOpsCopilot.Core.Cdk;

/// <summary>When the C# reader builds a compilation (semantic model) instead of reading syntax alone.</summary>
public enum SemanticMode
{
    /// <summary>Compile when the CDK assemblies are found (the app's <c>bin/</c> or the NuGet cache); else syntax only.</summary>
    Auto,
    /// <summary>Syntax only: works on an app that was never restored; the fastest.</summary>
    Never,
    /// <summary>Always compile, with whatever references are found (at least the .NET runtime's).</summary>
    Always,
}

public sealed record CdkReadOptions
{
    public static readonly CdkReadOptions Default = new();

    public SemanticMode Semantic { get; init; } = SemanticMode.Auto;

    /// <summary>Read <c>cdk.out/</c> when present and map its resources back to source.</summary>
    public bool ReadCloudAssembly { get; init; } = true;
}
