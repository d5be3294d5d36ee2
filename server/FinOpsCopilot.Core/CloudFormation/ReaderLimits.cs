namespace FinOpsCopilot.Core.CloudFormation;

/// <summary>Bounds that keep hostile or broken input (YAML bombs, endless nesting) from exhausting time or memory.</summary>
public static class ReaderLimits
{
    /// <summary>Deeper nesting is reported and skipped; real templates stay far below.</summary>
    public const int MaxDepth = 256;

    /// <summary>The most nodes a document may stand for once its YAML aliases are expanded.</summary>
    public const long MaxExpandedNodes = 1_000_000;
}
